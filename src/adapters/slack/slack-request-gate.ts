import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { parse as parseQuery } from "node:querystring";
import { z } from "zod";

/**
 * What stands in front of Bolt on POST /slack/events. Bolt reads a whole body before it checks the
 * signature, accepts timestamps from the future, and answers a signed but malformed body with a 500,
 * a 404 after 3 s, or not at all. Here: the size is capped before reading (by Content-Length, then
 * while streaming), the timestamp must sit within five minutes on either side, the signature is
 * checked in constant time, the payload must have the shape Slack documents, and a signature already
 * accepted (a replay) is refused on every replica. A request that
 * fails gets a prompt 4xx and never reaches a handler; one that passes goes on with its body buffered.
 */
export interface GateOptions {
  signingSecret: string;
  /** Largest body read, in bytes. Slack's payloads are a few kB; views with many blocks stay far below this. */
  maxBody?: number;
  /** Allowed clock difference either side, in seconds (Slack: five minutes). */
  skewSeconds?: number;
  now?: () => number;
  /** Claims a signature the first time it is seen (false: a replay); absent, replays are not checked. */
  claimSignature?: (signature: string) => Promise<boolean>;
}

const id = z.string().min(1).max(100);
const COMMAND = z.object({ command: z.string().regex(/^\/[\w-]{1,32}$/), user_id: id, team_id: id, channel_id: id, text: z.string().max(8_000).optional() });
const INTERACTIVE = z.object({
  type: z.enum(["block_actions", "view_submission", "view_closed", "shortcut", "message_action", "block_suggestion", "interactive_message", "dialog_submission"]),
  user: z.object({ id }),
}).passthrough().superRefine((p, ctx) => {
  const actions = (p as { actions?: unknown }).actions;
  if (p.type === "block_actions" && !(Array.isArray(actions) && actions.length > 0 && actions.every((a) => a && typeof a === "object" && typeof (a as { action_id?: unknown }).action_id === "string"))) {
    ctx.addIssue({ code: "custom", message: "block_actions without actions" });
  }
  if (p.type === "message_action") {
    const m = p as { message?: { ts?: unknown }; channel?: { id?: unknown } };
    if (typeof m.message?.ts !== "string" || typeof m.channel?.id !== "string") ctx.addIssue({ code: "custom", message: "message_action without its message" });
  }
  if (p.type === "view_submission" && typeof (p as { view?: { callback_id?: unknown } }).view?.callback_id !== "string") {
    ctx.addIssue({ code: "custom", message: "view_submission without a view" });
  }
});
const EVENTS = z.discriminatedUnion("type", [
  z.object({ type: z.literal("url_verification"), challenge: z.string().max(200) }),
  z.object({ type: z.literal("event_callback"), event: z.object({ type: z.string().min(1) }).passthrough(), event_id: z.string().optional(), team_id: z.string().optional() }).passthrough(),
  z.object({ type: z.literal("app_rate_limited") }).passthrough(),
]);

export type GateResult = { ok: true; body: Buffer } | { ok: false; status: number; error: string };

const refuse = (status: number, error: string): GateResult => ({ ok: false, status, error });

/** Reads at most `max` bytes; more is refused without buffering the rest. */
const readCapped = (req: IncomingMessage, max: number): Promise<Buffer | null> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) {
        req.off("data", onData);
        req.pause();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
  });

const header = (req: IncomingMessage, name: string) => {
  const v = req.headers[name];
  return typeof v === "string" ? v : undefined;
};

/** Whether the body has the shape Slack sends for its content type; the reason when it does not. */
export const payloadProblem = (contentType: string, raw: string): string | undefined => {
  if (contentType.startsWith("application/json")) {
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch {
      return "the body is not JSON";
    }
    return EVENTS.safeParse(body).success ? undefined : "not an event Slack sends";
  }
  if (contentType.startsWith("application/x-www-form-urlencoded")) {
    const form = parseQuery(raw);
    if (Object.values(form).some((v) => Array.isArray(v))) return "a field is repeated";
    if (typeof form.payload === "string") {
      let payload: unknown;
      try {
        payload = JSON.parse(form.payload);
      } catch {
        return "the payload is not JSON";
      }
      return INTERACTIVE.safeParse(payload).success ? undefined : "not an interaction Slack sends";
    }
    if (form.ssl_check === "1") return undefined;
    return COMMAND.safeParse(form).success ? undefined : "not a slash command Slack sends";
  }
  return "unsupported content type";
};

export const slackRequestGate = (opts: GateOptions) => {
  const maxBody = opts.maxBody ?? 256 * 1024;
  const skew = opts.skewSeconds ?? 300;
  const now = opts.now ?? (() => Date.now());
  return async (req: IncomingMessage): Promise<GateResult> => {
    const signature = header(req, "x-slack-signature");
    const stamp = header(req, "x-slack-request-timestamp");
    // Everything that needs no body is checked before any of it is read.
    if (!signature || !stamp) return refuse(401, "missing Slack signature headers");
    if (!/^\d{1,12}$/.test(stamp) || Math.abs(now() / 1000 - Number(stamp)) > skew) return refuse(401, "stale or future request timestamp");
    const length = Number(header(req, "content-length") ?? "NaN");
    if (Number.isFinite(length) && length > maxBody) return refuse(413, "body too large");
    const body = await readCapped(req, maxBody);
    if (!body) return refuse(413, "body too large");
    const expected = Buffer.from(`v0=${createHmac("sha256", opts.signingSecret).update(`v0:${stamp}:`).update(body).digest("hex")}`);
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refuse(401, "bad signature");
    const problem = payloadProblem(header(req, "content-type") ?? "", body.toString("utf8"));
    if (problem) return refuse(400, problem);
    // A signed request sent again unchanged (a replay within the five minutes) does nothing twice.
    if (opts.claimSignature) {
      const first = await opts.claimSignature(signature).catch(() => null);
      if (first === null) return refuse(503, "cannot check for replays right now");
      if (!first) return refuse(401, "replayed request");
    }
    return { ok: true, body };
  };
};

/**
 * A refused request's answer, sent at once. The rest of an unread body is then discarded as it arrives
 * (never buffered), so the client can read the answer; past 8 MB the connection is cut instead.
 */
export const sendRefusal = (req: IncomingMessage, res: ServerResponse, result: Extract<GateResult, { ok: false }>) => {
  res.writeHead(result.status, { "content-type": "application/json" });
  res.end(JSON.stringify({ error: result.error }));
  let discarded = 0;
  req.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > 8 * 1024 * 1024) req.destroy();
  });
  req.resume();
};
