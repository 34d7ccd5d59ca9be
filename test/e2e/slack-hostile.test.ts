import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signedHeaders, startFakeSlack } from "../support/fake-slack";
import { hostileText, Rng } from "../support/hostile-input";
import { startBot } from "../support/start-bot";

/**
 * Issue 11 through the real `npm start` entry point, Bolt and a fake Slack on loopback: every request
 * gets a prompt 2xx/4xx, bad input is refused as bad input, and nothing the bot posts pings anyone the
 * author did not mention. Then a seeded fuzz run of thousands of hostile requests, bounded in time.
 */
const SECRET = "hostile-signing-secret";
const REAL = "UREAL01"; // the only user a test message ever really mentions
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let bot: Awaited<ReturnType<typeof startBot>>;

beforeAll(async () => {
  slack = await startFakeSlack();
  for (const [id, name] of [["UANA", "Ana"], ["UBEN", "Ben"], [REAL, "Real"], ["U0OWNER004", "Owner"]]) slack.users[id!] = { name: name! };
  bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/` });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

const FORM = "application/x-www-form-urlencoded";
let seq = 0;
const send = async (body: string, contentType: string, opts: { timestamp?: number; unsigned?: boolean; headers?: Record<string, string> } = {}) => {
  const started = Date.now();
  const headers = opts.unsigned ? { "content-type": contentType } : signedHeaders(SECRET, body, { contentType, timestamp: opts.timestamp });
  const res = await fetch(`${bot.base}/slack/events`, { method: "POST", body, headers: { ...headers, ...opts.headers } });
  const text = await res.text();
  return { status: res.status, text, ms: Date.now() - started };
};
const commandBody = (user: string, name: string, text: string, extra: Record<string, string> = {}) => {
  const id = `h${++seq}`;
  return {
    id,
    body: new URLSearchParams({
      team_id: "T1", team_domain: "peers", channel_id: "CGEN", user_id: user, user_name: user.toLowerCase(), command: `/${name}`, text,
      response_url: `${slack.url}/respond/${id}`, trigger_id: `t${seq}`, api_app_id: "A1", ...extra,
    }).toString(),
  };
};
const action = (actionId: string, value: string) => {
  const id = `a${++seq}`;
  const payload = { type: "block_actions", team: { id: "T1", domain: "peers" }, user: { id: "UANA", username: "ana" }, api_app_id: "A1", channel: { id: "CGEN" }, trigger_id: `t${seq}`, response_url: `${slack.url}/respond/${id}`, actions: [{ action_id: actionId, value, type: "button", block_id: "b" }], message: { ts: "1.1" } };
  return { id, body: new URLSearchParams({ payload: JSON.stringify(payload) }).toString() };
};
const reply = (id: string) => eventually(() => slack.responses.find((r) => r.id === id)?.body, 8_000, `private reply ${id}`);
/**
 * Every text Slack would parse for mentions in what the bot sent: message `text` and mrkdwn objects
 * (plain_text fields, like headers, are never parsed for mentions and cannot ping).
 */
const mrkdwnTexts = (value: unknown, top = true): string[] => {
  if (Array.isArray(value)) return value.flatMap((v) => mrkdwnTexts(v, false));
  if (!value || typeof value !== "object") return [];
  const o = value as Record<string, unknown>;
  const own = typeof o.text === "string" && (top || o.type === "mrkdwn") ? [o.text] : [];
  return [...own, ...Object.entries(o).filter(([k]) => k !== "text" || typeof o.text !== "string").flatMap(([, v]) => mrkdwnTexts(v, false))];
};
const everythingPosted = () => [...slack.calls.flatMap((c) => mrkdwnTexts(c.args)), ...slack.responses.flatMap((r) => mrkdwnTexts(r.body))];
const APOLOGY = /couldn't finish that|Something went wrong/;

describe("hostile requests get prompt, clear refusals (issue 11)", () => {
  it("refuses a future timestamp as well as a stale one (item 5)", async () => {
    const { body } = commandBody("UANA", "resources", "x");
    const now = Math.floor(Date.now() / 1000);
    expect((await send(body, FORM, { timestamp: now + 600 })).status).toBe(401);
    expect((await send(body, FORM, { timestamp: now - 600 })).status).toBe(401);
    expect((await send(body, FORM)).status).toBe(200);
  });

  it("guards every spelling of the events path, since Bolt no longer checks signatures itself", async () => {
    const { body } = commandBody("UANA", "ask", "Unsigned question that must never post?");
    for (const p of ["/slack/events?x=1", "/slack/./events", "/slack/x/../events", "/slack/%65vents"]) {
      const res = await fetch(`${bot.base}${p}`, { method: "POST", body, headers: { "content-type": FORM } });
      expect([401, 404], p).toContain(res.status);
    }
    await new Promise((r) => setTimeout(r, 300));
    expect(slack.calls.some((c) => JSON.stringify(c.args).includes("Unsigned question"))).toBe(false);
  });

  it("caps bodies before reading them and refuses unsigned ones without reading (item 6)", async () => {
    const big = "x".repeat(3_900_000);
    const unsigned = await send(big, FORM, { unsigned: true });
    expect(unsigned.status).toBe(401);
    const oversized = await send(big, FORM);
    expect(oversized.status).toBe(413);
  });

  it("answers malformed signed bodies with a 400, at once (item 4)", async () => {
    for (const body of ["null", "{}", "[]", JSON.stringify({ type: "event_callback", event: null }), "not json", JSON.stringify({ type: "event_callback" })]) {
      const res = await send(body, "application/json");
      expect(res.status, body).toBe(400);
      expect(res.ms).toBeLessThan(3_000);
    }
    const duplicated = commandBody("UANA", "ask", "a").body + "&command=%2Fshare";
    expect((await send(duplicated, FORM)).status).toBe(400);
    const missingUser = new URLSearchParams({ team_id: "T1", channel_id: "C1", command: "/ask", text: "hi" }).toString();
    expect((await send(missingUser, FORM)).status).toBe(400);
    expect((await send(new URLSearchParams({ payload: "{}" }).toString(), FORM)).status).toBe(400);
  });

  it("acknowledges a button it never rendered at once and explains it privately (item 4)", async () => {
    const { id, body } = action("launch-missiles", "1");
    const res = await send(body, FORM);
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3_000);
    expect(JSON.stringify(await reply(id))).toContain("out of date");
  });

  it("refuses tampered button values as stale, not as our failure (item 3)", async () => {
    for (const [actionId, value] of [["endorse", "not-a-uuid'); DROP TABLE resources;--"], ["post-anyway", "%%%not-base64%%%"], ["post-anyway", Buffer.from('{"command":1}').toString("base64url")], ["resolve", "\u0000bad"]]) {
      const { id, body } = action(actionId!, value!);
      expect((await send(body, FORM)).status).toBe(200);
      const answer = JSON.stringify(await reply(id));
      expect(answer, `${actionId} ${value}`).not.toMatch(APOLOGY);
      expect(answer).toMatch(/STALE_BUTTON|out of date|Only the person who asked|can't find that question/);
    }
  });

  it("stores text with NUL bytes without them, instead of failing (item 2)", async () => {
    const { id, body } = commandBody("UANA", "ask", "How do you\u0000 handle no-shows?\u0007 #nul");
    expect((await send(body, FORM)).status).toBe(200);
    const card = await eventually(() => slack.of("chat.postMessage").find((c) => JSON.stringify(c.args).includes("handle no-shows")), 8_000, "card");
    expect(JSON.stringify(card.args)).not.toMatch(/\\u0000|\\u0007/);
    expect(slack.responses.find((r) => r.id === id && APOLOGY.test(JSON.stringify(r.body)))).toBeUndefined();
  });

  it("never turns a typed mention into a ping, but keeps a real one (item 1)", async () => {
    const { body } = commandBody("UANA", "ask", `What do we do, &lt;@U0OWNER004&gt; and <@${REAL}>? #mentions`);
    expect((await send(body, FORM)).status).toBe(200);
    const card = await eventually(() => slack.of("chat.postMessage").find((c) => JSON.stringify(c.args).includes("#mentions") || JSON.stringify(c.args).includes("What do we do")), 8_000, "card");
    const text = JSON.stringify(card.args);
    expect(text).not.toContain("<@U0OWNER004>");
    expect(text).toContain("&lt;@U0OWNER004&gt;");
    expect(text).toContain(`<@${REAL}>`);
  });
});

describe("a seeded fuzz run of both kinds of Slack input (issue 11)", () => {
  it("thousands of hostile requests: no 5xx, none slower than 3 s, no apology for bad input, no unwritten ping", async () => {
    const rng = new Rng(Number(process.env.FUZZ_SEED ?? 1117));
    const until = Date.now() + 70_000;
    const results: { status: number; ms: number; kind: string; sample: string }[] = [];
    const commandIds = new Set<string>();
    const COMMANDS = ["share", "ask", "feedback", "resources", "follow", "unfollow", "notify", "peerloop", "roundup", "nosuch"];
    const make = (): { kind: string; body: string; type: string; opts?: { timestamp?: number } } => {
      const r = rng.next();
      if (r < 0.45) {
        const name = rng.pick(COMMANDS);
        const prefix = name === "share" ? rng.pick(["https://example.org/f", "http://", "notaurl", "https://ex ample.org", ""]) + rng.int(0, 9999) + " " : "";
        const c = commandBody(rng.pick(["UANA", "UBEN"]), name, prefix + hostileText(rng, REAL));
        commandIds.add(c.id);
        return { kind: `command /${name}`, body: c.body, type: FORM };
      }
      if (r < 0.65) {
        const a = action(rng.pick(["endorse", "post-anyway", "resolve", "zzz", "", "endorse".repeat(40)]), hostileText(rng, REAL).slice(0, 2_500));
        commandIds.add(a.id);
        return { kind: "action", body: a.body, type: FORM };
      }
      if (r < 0.8) {
        const event = { type: "message", channel: "CGEN", user: "UBEN", text: hostileText(rng, REAL), ts: `17${rng.int(10000000, 99999999)}.000100`, thread_ts: rng.pick(["1.1", "x", "\u0000", "17"]) };
        return { kind: "event", body: JSON.stringify({ team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: `EvF${rng.int(0, 1e9)}`, event }), type: "application/json" };
      }
      const malformed = rng.pick([
        "null", "[]", "{}", "true", "\"x\"", JSON.stringify({ type: "event_callback", event: null }), JSON.stringify({ type: rng.pick(["block_actions", "x", ""]) }),
        new URLSearchParams({ payload: JSON.stringify({ type: "block_actions", user: { id: "UANA" }, actions: "no" }) }).toString(),
        new URLSearchParams({ command: "/ask", user_id: "UANA" }).toString(), hostileText(rng, REAL),
      ]);
      const stale = rng.next() < 0.2 ? { timestamp: Math.floor(Date.now() / 1000) + rng.pick([-900, 900, 400]) } : undefined;
      return { kind: "malformed", body: malformed, type: rng.pick([FORM, "application/json", "text/plain"]), opts: stale };
    };
    const worker = async () => {
      while (Date.now() < until && results.length < 3_000) {
        const req = make();
        const res = await send(req.body, req.type, req.opts);
        results.push({ status: res.status, ms: res.ms, kind: req.kind, sample: req.body.slice(0, 120) });
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    // Let acknowledged work finish before reading what was posted.
    await new Promise((r) => setTimeout(r, 3_000));

    expect(results.length).toBeGreaterThanOrEqual(1_000);
    const serverErrors = results.filter((r) => r.status >= 500);
    expect(serverErrors.slice(0, 5), "5xx answers").toEqual([]);
    const slow = results.filter((r) => r.ms >= 3_000);
    expect(slow.slice(0, 5), "answers slower than 3 s").toEqual([]);
    const apologies = slack.responses.filter((r) => commandIds.has(r.id) && APOLOGY.test(JSON.stringify(r.body)));
    expect(apologies.slice(0, 3).map((a) => JSON.stringify(a.body).slice(0, 300)), "internal errors for bad input").toEqual([]);
    const offending = everythingPosted().filter((t) => /<@(?!UREAL01>)[A-Z0-9]+>|<!(channel|here|everyone)>/.test(t));
    if (offending.length) console.log("offending:", offending.slice(0, 3).map((t) => t.slice(0, 600)));
    const pings = everythingPosted().flatMap((t) => [...t.matchAll(/<@([A-Z0-9]+)>|<!(channel|here|everyone)>/g)].map((m) => m[1] ?? m[2]!)).filter((id) => id !== REAL);
    expect([...new Set(pings)], "mentions nobody wrote").toEqual([]);
    expect(bot.logs.join("").match(/"unexpected failure"|"slack handler failed"|uncaught/g) ?? []).toEqual([]);
    console.log(`fuzz: ${results.length} requests, ${results.filter((r) => r.status < 300).length} accepted, ${results.filter((r) => r.status >= 400).length} refused, max ${Math.max(...results.map((r) => r.ms))} ms`);
  }, 120_000);
});
