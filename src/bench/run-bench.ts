import { bundledGuard } from "../core/guard/data/bundled-guard";
import pg from "pg";
import { openDatabase } from "../db/open-database";
import { benchScale, searchAgreement } from "../db/bench/scale-bench";
import { benchWeb } from "./web-bench";
import { benchRelated } from "./related-bench";
import { benchHealth } from "./health-bench";
import { benchCold, benchReplay } from "./cold-burst";
import { benchTone } from "./tone-bench";
import { FULL_SCALE, seedScale } from "../db/bench/seed-scale";
import { buildDist } from "../tools/build.mjs";
import { benchBurst } from "./burst";
import { benchStartup } from "./startup";
import { benchCommandPath, commandPathReport } from "./command-path";
import { benchDiscordMemory } from "./discord-memory";
import { ms, table } from "./stats";
import { growth, summarizeSnapshot } from "./heap-snapshot";

/**
 * `--discord-heap`: the Discord bot's RSS over `total` gateway messages with heap snapshots at a
 * quarter and at the end, and what grew between them (is a growing RSS a leak, or V8's slack?).
 */
const discordHeapReport = async (databaseUrl: string, total: number, deadline: number): Promise<string> => {
  const mem = await benchDiscordMemory(databaseUrl, total, 2_500, deadline, { snapshotsAt: [total / 4, total / 2, total] });
  const heaps = mem.snapshots.map((s) => ({ ...s, heap: summarizeSnapshot(s.file) }));
  const lines = [
    `Discord bot RSS after N gateway messages (taking a snapshot itself raises RSS for good: read the live heap): ${mem.map((m) => `${m.after}: ${m.rss.toFixed(0)} MB`).join(", ")}`,
    `Live heap (snapshot, after a full GC): ${heaps.map((h) => `${h.after}: ${h.heap.totalMb.toFixed(1)} MB, ${h.heap.nodes} objects`).join("; ")}`,
  ];
  for (let i = 1; i < heaps.length; i++) {
    lines.push(`Grew most from ${heaps[i - 1]!.after} to ${heaps[i]!.after}:`);
    lines.push(table(["what", "bytes", "count"], growth(heaps[i - 1]!.heap, heaps[i]!.heap).map((g) => [g.kind, `${(g.bytes / 1024).toFixed(0)} kB`, g.count])));
  }
  return lines.join("\n");
};

/**
 * `npm run bench`: the performance figures, printed. Not part of `npm test`, bounded to 14 minutes.
 * Needs PostgreSQL: DATABASE_URL's server (else 127.0.0.1:5432); a scratch database is made and dropped.
 * `--quick` runs a tenth of everything (for trying the script); `--burst`, `--startup`, `--scale` or
 * `--commands` (the command path and the Slack bot's memory) runs only that section; `--related` seeds the
 * big community and times the related-answers lookup; `--health` the community-health job, page and CLI; `--cold` three fresh starts hit with 200
 * commands the moment /readyz turns 200, and replays across two replicas; `--web` seeds the
 * big community and times the library pages and the export; `--discord-heap` takes heap snapshots of the
 * Discord bot under gateway load.
 */
const quick = process.argv.includes("--quick");
const burstOnly = process.argv.includes("--burst");
const startupOnly = process.argv.includes("--startup");
const scaleOnly = process.argv.includes("--scale");
const webOnly = process.argv.includes("--web");
const heapOnly = process.argv.includes("--discord-heap");
const commandsOnly = process.argv.includes("--commands");
const relatedOnly = process.argv.includes("--related");
const healthOnly = process.argv.includes("--health");
const coldOnly = process.argv.includes("--cold");
if (process.argv.includes("--tone")) {
  process.stdout.write(`${benchTone()}\n`);
  process.exit(0);
}
// --commands runs four 20,000-command memory runs after its latency rows: it gets longer.
const began = Date.now();
const deadline = began + (commandsOnly ? 45 : 14) * 60_000;
const base = new URL(process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/postgres");
const name = `peerloop_bench_${Date.now()}`;
const admin = new URL(base.toString());
admin.pathname = "/postgres";
const url = new URL(base.toString());
url.pathname = `/${name}`;
const say = (line: string) => process.stdout.write(`${line}\n`);
/** Thrown to skip the rest after a section run on its own. */
class Done extends Error {}

const withAdmin = async (sql: string) => {
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
};

// The bot runs compiled, as in production: build dist/ from these sources first.
await buildDist();
const cpu = (await import("node:os")).cpus();
say(`Peerloop benchmark ${new Date().toISOString()} · ${cpu.length} × ${cpu[0]?.model ?? "cpu"} · Node ${process.version} · ${quick ? "QUICK (1/10 scale)" : "full scale"}`);
await withAdmin(`CREATE DATABASE ${name}`);
try {
  await (await openDatabase({ url: url.toString(), migrate: true })).close();
  if (heapOnly) {
    say(`\n${await discordHeapReport(url.toString(), quick ? 10_000 : 100_000, deadline)}`);
    throw new Done();
  }
  if (commandsOnly) {
    // Four memory runs (issue 28: steady RSS in 4 of 4), each on a fresh bot after the first.
    say(`\n${commandPathReport(await benchCommandPath(url.toString(), { requests: quick ? 200 : 2_000, memoryRequests: quick ? 2_000 : 20_000, memoryRuns: quick ? 2 : 4, deadline }))}`);
    throw new Done();
  }
  // --cold: three fresh starts hit at the moment they are ready, and replays across two replicas.
  if (coldOnly) {
    say(`\n${await benchCold(url.toString(), { size: quick ? 50 : 200, starts: 3 })}`);
    say(`\n${await benchReplay(url.toString(), quick ? 20 : 100)}`);
    throw new Done();
  }
  if (!burstOnly && !scaleOnly && !webOnly && !relatedOnly && !healthOnly) say(`\n${await benchStartup(url.toString())}`);
  if (startupOnly) throw new Done();
  if (!scaleOnly && !webOnly && !relatedOnly && !healthOnly) say(`\n${await benchBurst(url.toString(), { size: 200, rounds: 3 })}`);
  if (burstOnly) throw new Done();
  const scale = quick ? { resources: 20_000, threads: 30_000, replies: 150_000, members: 2_000, otherCommunities: 10 } : FULL_SCALE;
  say(`\nSeeding: ${scale.resources} resources, ${scale.threads} threads, ${scale.replies} replies, ${scale.members} members, +${scale.otherCommunities} other communities`);
  const t0 = Date.now();
  const big = await seedScale(url.toString(), scale, say);
  say(`  seeded in ${((Date.now() - t0) / 1000).toFixed(0)} s`);

  if (webOnly) {
    say("");
    await benchWeb(url.toString(), big, deadline, say);
    throw new Done();
  }
  // --related and --health may be given together: one seeding for both.
  if (relatedOnly || healthOnly) {
    say("");
    if (relatedOnly) await benchRelated(url.toString(), big, quick ? 50 : 300, say);
    if (healthOnly) await benchHealth(url.toString(), big, quick ? 25 : 100, say);
    throw new Done();
  }
  const figures = await benchScale(url.toString(), big, deadline);
  say("\nScale: the bot's queries on the big community, through the real repositories");
  say(table(["query", "runs", "p50", "p95", "target", "plans (indexes used / big tables scanned sequentially)"], figures.map((f) => [
    f.name, f.runs, ms(f.p50), ms(f.p95), f.target,
    f.plans.map((p) => `${p.indexes.join("+") || "no index"}${p.seqScans.length ? ` SEQ SCAN ${p.seqScans.join(",")}` : ""}`).join("; "),
  ])));

  say(`Search, capped ranking (newest 500 matches) against the full ranking: ${searchAgreement.map((a) => `"${a.query}" ${a.matches} matches, ${a.identical ? "identical" : `${a.shared}/10 shared`}`).join("; ")}`);
  say("");
  await benchWeb(url.toString(), big, deadline, say);
  if (scaleOnly) throw new Done();
  const path = await benchCommandPath(url.toString(), { requests: quick ? 200 : 2_000, memoryRequests: quick ? 2_000 : 20_000, deadline });
  say(`\n${commandPathReport(path)}`);

  const mem = await benchDiscordMemory(url.toString(), quick ? 10_000 : 100_000, 2_500, deadline);
  say(`\nMemory (RSS of the Discord bot after N gateway messages, 1 in 10 a thread reply): ${mem.map((m) => `${m.after}: ${m.rss.toFixed(0)} MB`).join(", ")}`);

  const { createGuard } = await import("../core/guard/create-guard");
  const guard = createGuard(bundledGuard);
  const texts = ["my client Maria Delgado (DOB 3/4/87) missed group", "Reminder: ethics webinar Thursday 10/9 at noon", "Anyone have a safety plan template for teens? #youth",
    "Client's number is 412-555-0187, can someone call her back?", "Great chapter in Judith Herman's *Trauma and Recovery*"];
  const times: number[] = [];
  const began = performance.now();
  for (let i = 0; i < 20_000; i++) {
    const t = performance.now();
    guard.inspect(texts[i % texts.length]!);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  say(`\nGuard: ${(20_000 / ((performance.now() - began) / 1000)).toFixed(0)} messages/s, median ${ms(times[10_000]!)}, p99 ${ms(times[19_800]!)} (target median < 2 ms)`);
  say(benchTone());
} catch (error) {
  if (!(error instanceof Done)) throw error;
} finally {
  await withAdmin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).catch(() => undefined);
}
say(`\nDone in ${((Date.now() - began) / 1000).toFixed(0)} s.`);
