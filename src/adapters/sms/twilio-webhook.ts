import type { IncomingMessage, ServerResponse } from "node:http";
import type { Logger } from "../../core/shared/logger";
import { maskPhone } from "../../core/sms/phone-numbers";
import { validTwilioSignature } from "./twilio-signature";

export interface TwilioWebhookDeps {
  /** The auth token Twilio signs with; absent, every request is refused. */
  authToken?: string;
  /** PEERLOOP_PUBLIC_URL: the address Twilio calls, part of what it signs. */
  publicUrl?: string;
  /** A text from a number: the reply to text back, if any. */
  inbound(from: string, body: string): Promise<string | null>;
  logger: Logger;
}

const MAX_BODY = 16 * 1024;
const xml = (s: string) => s.replace(/[<>&'"]/g, (c) => `&${({ "<": "lt", ">": "gt", "&": "amp", "'": "apos", '"': "quot" } as Record<string, string>)[c]};`);
export const twiml = (message: string | null) =>
  `<?xml version="1.0" encoding="UTF-8"?><Response>${message ? `<Message>${xml(message)}</Message>` : ""}</Response>`;

const readForm = (req: IncomingMessage) => new Promise<string | null>((resolve) => {
  const chunks: Buffer[] = [];
  let size = 0;
  req.on("data", (d: Buffer) => {
    size += d.length;
    if (size > MAX_BODY) { resolve(null); req.destroy(); } else chunks.push(d);
  });
  req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  req.on("error", () => resolve(null));
});

/**
 * `POST /sms/twilio`: texts members send back (STOP, START, HELP), accepted only with Twilio's
 * signature over PEERLOOP_PUBLIC_URL + the path and the form fields; anything else is 403 and
 * changes nothing. Answers with TwiML. Returns false for other paths.
 */
export const twilioWebhook = (deps: TwilioWebhookDeps) => async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
  const path = (req.url ?? "").split("?")[0];
  if (path !== "/sms/twilio") return false;
  const answer = (status: number, body: string, type = "text/plain; charset=utf-8") => {
    res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff", ...(status === 405 ? { allow: "POST" } : {}) });
    res.end(body);
  };
  if (req.method !== "POST") {
    req.resume();
    return answer(405, "Twilio posts texts here.\n"), true;
  }
  const body = await readForm(req);
  if (body === null) return answer(413, "Too large.\n"), true;
  const fields = new URLSearchParams(body);
  const url = `${(deps.publicUrl ?? "").replace(/\/+$/, "")}${req.url ?? ""}`;
  const signed = Boolean(deps.authToken && deps.publicUrl) && /^application\/x-www-form-urlencoded\b/i.test(req.headers["content-type"] ?? "")
    && validTwilioSignature(deps.authToken!, url, fields, req.headers["x-twilio-signature"] as string | undefined);
  if (!signed) {
    deps.logger.warn("refused an unsigned or wrongly signed text webhook", { configured: Boolean(deps.authToken && deps.publicUrl) });
    return answer(403, "Forbidden.\n"), true;
  }
  const from = fields.get("From") ?? "";
  try {
    const reply = await deps.inbound(from, fields.get("Body") ?? "");
    deps.logger.info("text received", { from: from ? maskPhone(from) : "", replied: reply !== null });
    answer(200, twiml(reply), "text/xml; charset=utf-8");
  } catch (error) {
    deps.logger.error("text webhook failed", { from: from ? maskPhone(from) : "", error: error instanceof Error ? error.message : String(error) });
    // Twilio retries nothing for messaging webhooks; a 500 shows in its console's debugger.
    answer(500, "Sorry, try again.\n");
  }
  return true;
};
