import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  at: number;
  /** The message ts the fake answered with (chat.postMessage). */
  ts?: string;
  /** The bearer token the call was made with. */
  token?: string;
}

const parse = (raw: string, type: string | undefined): Record<string, unknown> => {
  if (type?.includes("application/json")) return raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    try {
      out[k] = /^[[{]/.test(v) ? JSON.parse(v) : v;
    } catch {
      out[k] = v;
    }
  }
  return out;
};

/**
 * A fake Slack Web API on loopback: records every call (and every response_url post) and answers
 * like Slack does, with increasing message timestamps. `rateLimitNext` makes the next calls of a
 * method answer 429 with Retry-After.
 */
export const startFakeSlack = async () => {
  const calls: SlackCall[] = [];
  const responses: { id: string; body: Record<string, unknown> }[] = [];
  const limited = new Map<string, number>();
  // Message timestamps as Slack makes them: the current second, and a counter that keeps them unique.
  let seq = 0;
  const nextTs = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;
  const users: Record<string, { name: string; admin?: boolean; bot?: boolean }> = {};
  /** Milliseconds each chat.postMessage takes to answer (work stays in flight that long). */
  const slow = { postMessage: 0 };
  /** Channels the bot is not in: chat.postMessage there answers not_in_channel, as Slack does. */
  const notIn = new Set<string>();

  const server = http.createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      const url = req.url ?? "";
      const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      if (url.startsWith("/respond/")) {
        responses.push({ id: url.slice(9), body: parse(raw, req.headers["content-type"]) });
        return json(200, { ok: true });
      }
      const method = url.replace(/^\/api\//, "").split("?")[0]!;
      const args = parse(raw, req.headers["content-type"]);
      if ((limited.get(method) ?? 0) > 0) {
        limited.set(method, limited.get(method)! - 1);
        calls.push({ method: `${method}#429`, args, at: Date.now() });
        return json(429, { ok: false, error: "ratelimited" }, { "retry-after": "1" });
      }
      const call: SlackCall = { method, args, at: Date.now(), token: String(req.headers.authorization ?? args.token ?? "").replace(/^Bearer /, "") };
      calls.push(call);
      switch (method) {
        case "auth.test": return json(200, { ok: true, url: "https://peers.slack.com/", team: "Peers", user: "peerloop", team_id: "T1", user_id: "UBOT", bot_id: "BBOT" });
        case "chat.postMessage":
          if (notIn.has(String(args.channel))) return json(200, { ok: false, error: "not_in_channel" });
          call.ts = nextTs();
          return void setTimeout(() => json(200, { ok: true, channel: args.channel, ts: call.ts, message: { text: args.text } }), slow.postMessage);
        case "chat.postEphemeral": return json(200, { ok: true, message_ts: nextTs() });
        case "users.info": {
          const id = String(args.user);
          const u = users[id] ?? { name: id.toLowerCase() };
          return json(200, { ok: true, user: { id, name: u.name, real_name: u.name, is_admin: Boolean(u.admin), is_bot: Boolean(u.bot), profile: { display_name: u.name } } });
        }
        case "oauth.v2.access":
          return json(200, {
            ok: true, app_id: "A1", access_token: `xoxb-installed-${args.code}`, token_type: "bot", scope: "commands,chat:write",
            bot_user_id: "UBOT2", team: { id: `T-${args.code}`, name: "Second workspace" }, enterprise: null, is_enterprise_install: false,
            authed_user: { id: "UINSTALLER" },
          });
        case "team.info": return json(200, { ok: true, team: { id: "T1", name: "Peers of Practice" } });
        default: return json(200, { ok: true });
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    responses,
    users,
    slow,
    notIn,
    of: (method: string) => calls.filter((c) => c.method === method),
    rateLimitNext: (method: string, times = 1) => void limited.set(method, times),
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
};

/** A request signed the way Slack signs it (v0 HMAC over "v0:timestamp:body"). */
export const signedHeaders = (secret: string, body: string, opts: { timestamp?: number; badSignature?: boolean; retryNum?: number; contentType: string }) => {
  const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
  const sig = `v0=${createHmac("sha256", opts.badSignature ? "wrong" : secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
  return {
    "content-type": opts.contentType,
    "x-slack-request-timestamp": String(timestamp),
    "x-slack-signature": sig,
    ...(opts.retryNum !== undefined ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" } : {}),
  };
};

/** Polls until `check` returns a value, or fails after `ms`. */
export const eventually = async <T>(check: () => T | undefined | false | null, ms = 5_000, what = "condition"): Promise<T> => {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
