import https from "node:https";
import http from "node:http";
import { CourierError, type Courier } from "../../core/jobs/courier";
import { maskPhone } from "../../core/sms/phone-numbers";

export interface TwilioOptions {
  accountSid: string;
  authToken: string;
  /** A sending number, or instead a Messaging Service (Twilio then picks the number). */
  from?: string;
  messagingServiceSid?: string;
  /** https://api.twilio.com, or a test's fake on loopback. */
  apiUrl: string;
  timeoutMs?: number;
}

/** Twilio's error codes that mean a number can no longer be texted: it opted out, or it is not a (valid) mobile. */
const OPTED_OUT = new Set([21610]);
const NOT_A_MOBILE = new Set([21211, 21614, 21612, 21408]);

/** Retry-After as seconds or an HTTP date, in milliseconds (capped at an hour). */
const retryAfter = (header: string | string[] | undefined): number | undefined => {
  const v = Array.isArray(header) ? header[0] : header;
  if (!v) return undefined;
  const ms = /^\d+$/.test(v.trim()) ? Number(v) * 1000 : Date.parse(v) - Date.now();
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, 3_600_000) : undefined;
};

/**
 * Texts through Twilio's Programmable Messaging REST API on Node's own HTTPS client: one form-encoded
 * POST per text, basic auth. (The official `twilio` package costs 30 MB on disk and about 30 MB of
 * memory when loaded, for this one call.) 429 and 5xx are tried again, after Retry-After when given;
 * an opted-out or non-mobile number stops texts to it; any other 4xx is final.
 */
export const twilioCourier = (opts: TwilioOptions): Courier => {
  const endpoint = new URL(`/2010-04-01/Accounts/${encodeURIComponent(opts.accountSid)}/Messages.json`, opts.apiUrl);
  const client = endpoint.protocol === "https:" ? https : http;
  const agent = new client.Agent({ keepAlive: true, maxSockets: 4 });
  const auth = `Basic ${Buffer.from(`${opts.accountSid}:${opts.authToken}`).toString("base64")}`;
  const post = (form: string) => new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const req = client.request(endpoint, {
      method: "POST", agent, timeout: opts.timeoutMs ?? 15_000,
      headers: { authorization: auth, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(form), accept: "application/json", "user-agent": "Peerloop" },
    }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (c: Buffer) => { size += c.length; if (size <= 64 * 1024) chunks.push(c); });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("timeout", () => req.destroy(new Error("timed out")));
    req.on("error", reject);
    req.end(form);
  });
  return {
    async deliver(_community, to, message) {
      if (to.kind !== "sms") throw new CourierError(`the text courier cannot reach "${to.kind}"`, false);
      const form = new URLSearchParams({ To: to.to, Body: message.text });
      if (opts.messagingServiceSid) form.set("MessagingServiceSid", opts.messagingServiceSid);
      else if (opts.from) form.set("From", opts.from);
      let res: Awaited<ReturnType<typeof post>>;
      try {
        res = await post(form.toString());
      } catch (error) {
        throw new CourierError(`twilio: ${error instanceof Error ? error.message : String(error)}`, true);
      }
      let body: { sid?: string; code?: number; message?: string } = {};
      try { body = JSON.parse(res.body) as typeof body; } catch { /* a proxy's page: the status says enough */ }
      if (res.status >= 200 && res.status < 300) return { ref: body.sid ?? "" };
      // Twilio's messages can quote the number: it is masked before it reaches a log or the outbox.
      const what = `twilio ${res.status}${body.code ? ` (${body.code})` : ""}: ${(body.message ?? "").replaceAll(to.to, maskPhone(to.to)).slice(0, 200)}`;
      if (res.status === 429 || res.status >= 500) throw new CourierError(what, true, retryAfter(res.headers["retry-after"]));
      if (body.code && OPTED_OUT.has(body.code)) throw new CourierError(what, false, undefined, "stopped");
      if (body.code && NOT_A_MOBILE.has(body.code)) throw new CourierError(what, false, undefined, "invalid");
      throw new CourierError(what, false);
    },
  };
};
