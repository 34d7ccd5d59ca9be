import { APP_ID, CHANNEL_ID, GUILD_ID, startFakeDiscord, user } from "../../test/support/fake-discord";
import { eventually } from "../../test/support/fake-slack";
import { freePort } from "../../test/support/start-bot";
import { startProcess } from "./processes";
import { rssMb } from "./stats";
import { mkdtempSync, readdirSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * RSS of the Discord bot while a fake gateway delivers `total` messages: most are ordinary channel
 * chatter the bot must ignore cheaply, one in ten is a reply in a Peerloop question's thread.
 * Paced at `perSecond` so the figure is steady-state memory, not a backlog.
 */
export const benchDiscordMemory = async (databaseUrl: string, total: number, perSecond: number, deadline: number, opts: { snapshotsAt?: number[] } = {}) => {
  const discord = await startFakeDiscord();
  const port = await freePort();
  // Heap snapshots on SIGUSR2, written to a scratch folder (a snapshot collects garbage first: live heap).
  const snapDir = opts.snapshotsAt?.length ? mkdtempSync(path.join(os.tmpdir(), "peerloop-heap-")) : undefined;
  const bot = await startProcess("src/main.ts", {
    DISCORD_TOKEN: "bench", DISCORD_API_URL: discord.restUrl, DISCORD_GUILD_ID: GUILD_ID, DISCORD_MESSAGE_CONTENT: "true",
    DATABASE_URL: databaseUrl, PEERLOOP_SCHEDULER: "false", PORT: String(port),
  }, `http://127.0.0.1:${port}/healthz`, snapDir ? ["--heapsnapshot-signal=SIGUSR2", `--diagnostic-dir=${snapDir}`] : []);
  const samples: { after: number; rss: number }[] = [];
  const taking = new Set<number>();
  const snapshots: { after: number; file: string }[] = [];
  const snapshot = async (after: number) => {
    if (!snapDir) return;
    const before = new Set(readdirSync(snapDir));
    bot.child.kill("SIGUSR2");
    // Written when the file stops growing (a snapshot of ~100 MB heap takes seconds).
    const file = await eventually(() => readdirSync(snapDir).find((f) => !before.has(f) && f.endsWith(".heapsnapshot")), 60_000, "heap snapshot");
    let size = -1;
    for (let i = 0; i < 600; i++) {
      await new Promise((r) => setTimeout(r, 250));
      const now = statSync(path.join(snapDir, file)).size;
      if (now === size && now > 0) break;
      size = now;
    }
    snapshots.push({ after, file: path.join(snapDir, file) });
  };
  try {
    await eventually(() => discord.of("PUT", /commands$/).length > 0 || discord.of("GET", /commands$/).length > 0, 30_000, "ready");
    const asker = user("710000000000000001", "asker");
    const id = discord.snowflake();
    discord.dispatch("INTERACTION_CREATE", {
      id, application_id: APP_ID, token: `tok-${id}`, version: 1, type: 2, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID }, member: { user: asker, roles: [], permissions: "0", joined_at: new Date().toISOString() },
      app_permissions: "8", locale: "en-US", entitlements: [], authorizing_integration_owners: {}, context: 0,
      data: { id: discord.snowflake(), name: "ask", type: 1, options: [{ name: "question", type: 3, value: "Memory benchmark question?" }] },
    });
    const thread = await eventually(() => discord.calls.find((c) => /\/threads$/.test(c.path) && c.method === "POST"), 10_000, "thread");
    const threadId = thread.path.split("/")[4]!;
    samples.push({ after: 0, rss: await rssMb(bot.child.pid!) });
    const authors = Array.from({ length: 200 }, (_, i) => user(`72${String(i).padStart(16, "0")}`, `member${i}`));
    const batch = Math.max(1, Math.floor(perSecond / 10));
    let sent = 0;
    while (sent < total && Date.now() < deadline) {
      const started = Date.now();
      for (let i = 0; i < batch && sent < total; i++, sent++) {
        const author = authors[sent % authors.length]!;
        discord.dispatch("MESSAGE_CREATE", {
          id: discord.snowflake(), channel_id: sent % 10 === 0 ? threadId : CHANNEL_ID, guild_id: GUILD_ID, author,
          member: { roles: [], joined_at: new Date().toISOString() }, content: `message ${sent} with some ordinary text`,
          timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [],
          attachments: [], embeds: [], pinned: false, type: 0,
        });
      }
      if (sent % Math.floor(total / 4) < batch) samples.push({ after: sent, rss: await rssMb(bot.child.pid!) });
      const due = opts.snapshotsAt?.find((n) => n <= sent && !snapshots.some((s) => s.after === n) && !taking.has(n));
      if (due !== undefined) {
        taking.add(due);
        await new Promise((r) => setTimeout(r, 2_000)); // let in-flight messages settle first
        await snapshot(due);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, 100 - (Date.now() - started))));
    }
    await new Promise((r) => setTimeout(r, 3_000));
    samples.push({ after: sent, rss: await rssMb(bot.child.pid!) });
    for (const n of opts.snapshotsAt ?? []) if (!snapshots.some((s) => s.after === n) && sent >= n) await snapshot(n);
  } finally {
    await bot.stop();
    await discord.close();
  }
  return Object.assign(samples, { snapshots });
};
