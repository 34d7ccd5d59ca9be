import { spawn, type ChildProcess } from "node:child_process";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signedHeaders, startFakeSlack } from "../support/fake-slack";
import { ROOT } from "../support/run-cli";
import { freePort } from "../support/start-bot";
import { startTcpProxy } from "../support/tcp-proxy";
import { testDatabase } from "../support/test-database";

/**
 * Issue 11, items 8 and 9, on PostgreSQL (the embedded database lives inside the bot's process and
 * cannot be cut off from it): SIGTERM to `npm start` drains acknowledged work, and a database outage
 * while a card is being posted loses neither the card's record nor a later reply in its thread.
 */
const SECRET = "shutdown-secret";
const pgUrl = process.env.DATABASE_URL;

let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  slack = await startFakeSlack();
  slack.users.UANA = { name: "Ana" };
  slack.users.UBEN = { name: "Ben" };
  if (pgUrl) db = await testDatabase();
}, 60_000);
afterAll(async () => {
  await slack?.close();
  await db?.close();
});

/** Polls an async check until it gives a truthy value, or fails after `ms`. */
const until = async <T>(check: () => Promise<T | undefined | null | false>, ms: number, what: string): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
};

/** `npm start` itself, as an operator or a container runs it, on the given database URL. */
const npmStart = async (databaseUrl: string) => {
  const port = await freePort();
  const child: ChildProcess = spawn("npm", ["start", "--silent"], {
    cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PEERLOOP_SCHEDULER: "false", LOG_LEVEL: "info" },
  });
  const logs: string[] = [];
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  await until(async () => {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}: ${logs.join("")}`);
    return (await fetch(`${base}/healthz`)).status === 200;
  }, 60_000, "a healthy bot").catch((error) => {
    child.kill("SIGKILL");
    throw new Error(`${(error as Error).message}\n${logs.join("").slice(-3_000)}`);
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, logs, base, exited };
};

let seq = 0;
const command = (base: string, user: string, name: string, text: string) => {
  const body = new URLSearchParams({
    team_id: "T1", team_domain: "peers", channel_id: "CGEN", user_id: user, user_name: user.toLowerCase(), command: `/${name}`, text,
    response_url: `${slack.url}/respond/s${++seq}`, trigger_id: `t${seq}`, api_app_id: "A1",
  }).toString();
  return fetch(`${base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType: "application/x-www-form-urlencoded" }) });
};
const refs = async (url: string, like: string) => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<{ text: string; message_ref: string | null }>("SELECT text, message_ref FROM threads WHERE text LIKE $1", [like])).rows;
  } finally {
    await c.end();
  }
};

describe.skipIf(!pgUrl)("shutdown and outages (issue 11)", () => {
  it("SIGTERM to npm start with 20 commands in flight: the bot gets the signal, all 20 finish and are recorded, then it stops (item 8)", async () => {
    const bot = await npmStart(db.url!);
    slack.slow.postMessage = 700;
    try {
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => command(bot.base, "UANA", "ask", `Drain question ${i} about group norms? #drain`)));
      expect(answers.map((r) => r.status)).toEqual(Array(20).fill(200));
      bot.child.kill("SIGTERM"); // npm alone: it passes the signal to the bot (its script execs it)
      // npm itself exits at once (143); the bot, writing to the same pipe, drains and says when it stopped.
      await Promise.race([bot.exited, new Promise((r) => setTimeout(r, 30_000))]);
      await until(async () => bot.logs.join("").includes('"message":"stopped"'), 30_000, "the bot to stop").catch((error) => {
        throw new Error(`${(error as Error).message}\n${bot.logs.join("").slice(-2_000)}`);
      });
    } finally {
      slack.slow.postMessage = 0;
      if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
    }
    const rows = await refs(db.url!, "Drain question %");
    expect(rows).toHaveLength(20);
    expect(rows.filter((r) => !r.message_ref)).toEqual([]);
    expect(slack.of("chat.postMessage").filter((c) => JSON.stringify(c.args).includes("Drain question"))).toHaveLength(20);
    expect(bot.logs.join("")).toContain('"drained":true');
    expect(bot.logs.join("")).not.toMatch(/Transaction not found|unexpected failure/);
  }, 120_000);

  it("a database outage while a card is posted: its record is kept once the database is back, and a reply in its thread counts (item 9)", async () => {
    const u = new URL(db.url!);
    const proxy = await startTcpProxy(u.hostname, Number(u.port || 5432));
    const viaProxy = new URL(db.url!);
    viaProxy.host = `127.0.0.1:${proxy.port}`;
    const bot = await npmStart(viaProxy.toString());
    try {
      slack.slow.postMessage = 1_200;
      const before = slack.of("chat.postMessage").length;
      expect((await command(bot.base, "UBEN", "ask", "Outage question: how do you plan a termination session? #outage")).status).toBe(200);
      // The card is being posted: the database goes away for three seconds, then comes back.
      await eventually(() => slack.calls.filter((c) => c.method === "chat.postMessage").length > before, 10_000, "card post started");
      proxy.cut();
      await new Promise((r) => setTimeout(r, 3_000));
      proxy.restore();
      slack.slow.postMessage = 0;
      const ref = await until(async () => (await refs(db.url!, "Outage question%"))[0]?.message_ref, 20_000, "the card's record");
      expect(ref).toBeTruthy();
      // A reply in that thread finds its question.
      const body = JSON.stringify({ team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: `EvOut${Date.now()}`, event: { type: "message", channel: "CGEN", user: "UANA", text: "We use a closing ritual.", ts: "1800000999.000100", thread_ts: ref } });
      const res = await fetch(`${bot.base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType: "application/json" }) });
      expect(res.status).toBe(200);
      await until(async () => {
        const c = new pg.Client({ connectionString: db.url! });
        await c.connect();
        try {
          return (await c.query("SELECT 1 FROM replies WHERE platform_message_id = $1", ["1800000999.000100"])).rowCount === 1;
        } finally {
          await c.end();
        }
      }, 15_000, "the reply recorded").catch((error) => {
        throw new Error(`${(error as Error).message}\n${bot.logs.join("").slice(-3_000)}`);
      });
      expect(bot.logs.join("")).toContain("after retrying");
    } finally {
      slack.slow.postMessage = 0;
      proxy.restore();
      bot.child.kill("SIGTERM");
      await Promise.race([bot.exited, new Promise((r) => setTimeout(r, 20_000))]);
      if (bot.child.exitCode === null) bot.child.kill("SIGKILL");
      await proxy.close();
    }
  }, 120_000);
});
