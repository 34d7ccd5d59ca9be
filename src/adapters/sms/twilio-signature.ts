import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Twilio's request signature: HMAC-SHA1, keyed by the account's auth token, of the full URL Twilio
 * called followed by every form field, sorted by name, as name then value (a repeated field once per
 * value, its values sorted). Base64. https://www.twilio.com/docs/usage/webhooks/webhooks-security
 */
export const twilioSignature = (authToken: string, url: string, fields: URLSearchParams): string => {
  const byName = new Map<string, string[]>();
  for (const [k, v] of fields) byName.set(k, [...(byName.get(k) ?? []), v]);
  let data = url;
  for (const name of [...byName.keys()].sort()) for (const value of byName.get(name)!.sort()) data += name + value;
  return createHmac("sha1", authToken).update(data, "utf8").digest("base64");
};

/** Whether `given` (the X-Twilio-Signature header) is Twilio's signature of this request; constant time. */
export const validTwilioSignature = (authToken: string, url: string, fields: URLSearchParams, given: string | undefined): boolean => {
  if (!given) return false;
  const expected = Buffer.from(twilioSignature(authToken, url, fields));
  const actual = Buffer.from(given);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
};
