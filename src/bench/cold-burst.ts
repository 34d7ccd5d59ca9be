import { signedHeaders, startFakeSlack } from "../../test/support/fake-slack";
import { freePort } from "../../test/support/start-bot";
import { fireBurst } from "./burst";
import { startProcess } from "./processes";
import { ms, summarize, table } from "./stats";

const SECRET = "cold-signing-secret";

const commandBody = (slackUrl: string, key: string, i: number) => new URLSearchParams({
  team_id: "TCOLD", team_domain: "cold", channel_id: "CCOLD", user_id: `UC${i % 40}`, user_name: `cold${i % 40}`,
  command: i % 2 ? "/ask" : "/share", text: i % 2 ? `Cold question ${key} about supervision? #cold` : `https://cold.example.org/${key} #cold`,
  response_url: `${slackUrl}/respond/c${key}`, trigger_id: `t${key}`, api_app_id: "A1",
}).toString();

/**
 * Issue 28's cold burst: three fresh starts of the Slack bot on PostgreSQL; each is hit with `size`
 * concurrent slash commands the moment GET /readyz first answers 200 (polled every 10 ms). What a
 * rolling deploy does to members: acks of 3 s or more are Slack's "operation_timeout".
 */
export const benchCold = async (databaseUrl: string, opts: { size: number; starts: number }): Promise<string> => {
  const slack = await startFakeSlack();
  const rows: (string | number)[][] = [];
  try {
    for (let start = 1; start <= opts.starts; start++) {
      const port = await freePort();
      const env = { SLACK_BOT_TOKEN: "xoxb-cold", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PEERLOOP_SCHEDULER: "false", DATABASE_URL: databaseUrl, PORT: String(port) };
      const spawned = performance.now();
      const bot = await startProcess("src/main.ts", env, `http://127.0.0.1:${port}/readyz`, [], 10);
      const ready = performance.now() - spawned;
      try {
        const { acks, busy } = await fireBurst(port, opts.size, (i) => commandBody(slack.url, `${start}-${i}`, i), SECRET);
        const s = summarize(acks);
        rows.push([start, ms(ready), opts.size, ms(s.p50), ms(s.p99), ms(Math.max(...acks)), acks.filter((a) => a >= 3_000).length, busy]);
        await new Promise((r) => setTimeout(r, 2_000)); // let the work finish before stopping
      } finally {
        await bot.stop();
      }
    }
  } finally {
    await slack.close();
  }
  return [
    `Cold burst: ${opts.starts} fresh starts, each hit with ${opts.size} concurrent slash commands the moment /readyz turns 200 (targets: 0 acks ≥ 3 s, ack p99 ≤ 1.5 s, spawn to ready ≤ 2 s)`,
    table(["start", "spawn to ready", "commands", "ack p50", "ack p99", "ack max", "acks >= 3 s", "shed as busy"], rows),
  ].join("\n");
};

/**
 * Issue 28's replays: two replicas on one database; each signed request is sent to the first, then the
 * same bytes (headers and body) to the second, `tries` times. The copy must be refused every time.
 */
export const benchReplay = async (databaseUrl: string, tries: number): Promise<string> => {
  const slack = await startFakeSlack();
  const ports = [await freePort(), await freePort()];
  const bots = await Promise.all(ports.map((port) => startProcess("src/main.ts", {
    SLACK_BOT_TOKEN: "xoxb-replay", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PEERLOOP_SCHEDULER: "false", DATABASE_URL: databaseUrl, PORT: String(port),
  }, `http://127.0.0.1:${port}/readyz`)));
  let first = 0, refused = 0;
  try {
    for (let i = 0; i < tries; i++) {
      const body = commandBody(slack.url, `replay-${i}`, i * 2); // /share: one card each
      const headers = signedHeaders(SECRET, body, { contentType: "application/x-www-form-urlencoded" });
      const send = (port: number) => fetch(`http://127.0.0.1:${port}/slack/events`, { method: "POST", body, headers }).then((r) => r.status);
      if ((await send(ports[i % 2]!)) === 200) first++;
      if ((await send(ports[(i + 1) % 2]!)) === 401) refused++;
    }
  } finally {
    await Promise.all(bots.map((b) => b.stop()));
    await slack.close();
  }
  return `Replays across two replicas: ${first} of ${tries} first deliveries accepted, ${refused} of ${tries} identical copies refused (401) by the other replica (target: ${tries} of ${tries})`;
};
