import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { twilioSignature } from "../../src/adapters/sms/twilio-signature";

export const TWILIO_SID = `AC${"1".repeat(32)}`;
export const TWILIO_TOKEN = "test-auth-token-0123456789abcdef";

export interface FakeText {
  sid: string;
  to: string;
  from?: string;
  messagingServiceSid?: string;
  body: string;
}

/** An error to answer with, for the next request (to `to` only, when given). */
type Failure = { status: number; code?: number; retryAfter?: string; to?: string };

/**
 * Twilio's Programmable Messaging API on loopback, as its reference describes it: form-encoded
 * POSTs to /2010-04-01/Accounts/{sid}/Messages.json with basic auth, 201 and the message resource
 * on success, JSON errors ({ code, message, status }) otherwise. Keeps the texts it accepted, and can
 * be told to answer the next requests with an error (429 with Retry-After, 5xx, 21610, 21614…).
 */
export const startFakeTwilio = async (opts: { sid?: string; token?: string } = {}) => {
  const sid = opts.sid ?? TWILIO_SID, token = opts.token ?? TWILIO_TOKEN;
  const texts: FakeText[] = [];
  const requests: { status: number; to?: string }[] = [];
  const failures: Failure[] = [];
  const error = (res: http.ServerResponse, status: number, code: number, message: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify({ code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status }));
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const form = new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
      const note = (status: number) => requests.push({ status, to: form.get("To") ?? undefined });
      if (req.method !== "POST" || req.url !== `/2010-04-01/Accounts/${sid}/Messages.json`) return note(404), error(res, 404, 20404, "The requested resource was not found");
      if (req.headers.authorization !== `Basic ${Buffer.from(`${sid}:${token}`).toString("base64")}`) return note(401), error(res, 401, 20003, "Authenticate");
      if (!/^application\/x-www-form-urlencoded/.test(req.headers["content-type"] ?? "")) return note(400), error(res, 400, 20001, "Unsupported content type");
      const to = form.get("To") ?? "", body = form.get("Body") ?? "";
      if (!/^\+[1-9]\d{6,14}$/.test(to)) return note(400), error(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
      if (!form.get("From") && !form.get("MessagingServiceSid")) return note(400), error(res, 400, 21603, "The 'From' phone number is required.");
      if (!body) return note(400), error(res, 400, 21602, "Message body is required.");
      if (body.length > 1600) return note(400), error(res, 400, 21617, "The concatenated message body exceeds the 1600 character limit.");
      const at = failures.findIndex((x) => !x.to || x.to === to);
      const f = at >= 0 ? failures.splice(at, 1)[0] : undefined;
      if (f) {
        note(f.status);
        return error(res, f.status, f.code ?? (f.status === 429 ? 20429 : 20500), f.code === 21610 ? `Attempt to send to unsubscribed recipient ${to}` : f.status === 429 ? "Too Many Requests" : "Failed", f.retryAfter ? { "retry-after": f.retryAfter } : {});
      }
      const text: FakeText = { sid: `SM${randomBytes(16).toString("hex")}`, to, from: form.get("From") ?? undefined, messagingServiceSid: form.get("MessagingServiceSid") ?? undefined, body };
      texts.push(text);
      note(201);
      res.writeHead(201, { "content-type": "application/json" });
      res.end(JSON.stringify({ sid: text.sid, account_sid: sid, to, from: text.from ?? null, messaging_service_sid: text.messagingServiceSid ?? null, body, status: "queued", num_segments: "1", date_created: new Date().toUTCString() }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url, sid, token, texts, requests,
    env: { TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_FROM: "+15005550006", TWILIO_API_URL: url },
    to: (number: string) => texts.filter((t) => t.to === number),
    /** The next request (to that number, if given) is answered with this error instead. */
    failNext: (f: Failure) => failures.push(f),
    /**
     * A text from a member's phone, as Twilio posts it to the bot's webhook, signed with the auth
     * token over the URL the bot is configured with (or wrongly signed, to be refused).
     */
    inbound: async (publicUrl: string, from: string, body: string, opts: { badSignature?: boolean; signUrl?: string } = {}) => {
      const fields = new URLSearchParams({ ToCountry: "US", SmsMessageSid: `SM${randomBytes(16).toString("hex")}`, NumMedia: "0", From: from, To: "+15005550006", Body: body, AccountSid: sid, ApiVersion: "2010-04-01" });
      const url = `${publicUrl}/sms/twilio`;
      const signature = twilioSignature(opts.badSignature ? "not-the-token" : token, opts.signUrl ?? url, fields);
      const res = await fetch(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "x-twilio-signature": signature }, body: fields.toString() });
      return { status: res.status, type: res.headers.get("content-type") ?? "", text: await res.text() };
    },
    close: () => new Promise<void>((resolve) => (server.close(() => resolve()), server.closeAllConnections())),
  };
};
