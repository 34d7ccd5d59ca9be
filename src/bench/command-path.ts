import { startFakeSlack, signedHeaders } from "../../test/support/fake-slack";
import { freePort } from "../../test/support/start-bot";
import { startProcess } from "./processes";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import type { ChildProcess } from "node:child_process";
import { memoryMap, ms, pool, rssMb, summarize, table } from "./stats";

const SECRET = "bench-signing-secret";

interface MemoryRun {
  series: { after: number; rss: number }[];
  breakdown: string;
}

/**
 * The bot's resident set split: V8's own figures (from its SIGUSR2 probe) and the process's mappings.
 * "Native" is anonymous memory that is neither V8's heap nor WebAssembly: malloc's arenas (Node's and
 * V8's own C++ allocations, OpenSSL, libuv, zlib) and thread stacks.
 */
const breakdown = async (child: ChildProcess, probe: string): Promise<string> => {
  child.kill("SIGUSR2");
  let v8: Record<string, number> | undefined;
  for (let i = 0; i < 50 && !v8; i++) {
    await new Promise((r) => setTimeout(r, 100));
    const line = (await readFile(probe, "utf8").catch(() => "")).trim().split("\n").at(-1);
    if (line) v8 = JSON.parse(line) as Record<string, number>;
  }
  const map = await memoryMap(child.pid!);
  const anon = map["other anonymous"]! + map["brk heap"]! + map.stacks!;
  const mb = (n: number | undefined) => `${(n ?? NaN).toFixed(1)} MB`;
  return [
    `node binary ${mb(map["node binary"])}, shared libraries ${mb(map["shared libraries"])}, other files ${mb(map["other files"])}`,
    `WebAssembly memory ${mb(map["WebAssembly memory"])}`,
    `V8 heap ${mb(v8?.heapPhysical)} (used ${mb(v8?.heapUsed)}; code ${mb((v8?.spaces as unknown as Record<string, number> | undefined)?.code_space)})`,
    `other anonymous ${mb(anon)}, of which outside V8's heap ${mb(anon - (v8?.heapPhysical ?? 0))} (external and ArrayBuffers ${mb(v8?.external)}, V8's malloc ${mb(v8?.mallocedMemory)})`,
  ].join("; ");
};

interface Run {
  label: string;
  concurrency: number;
  requests: number;
  ack: ReturnType<typeof summarize>;
  completion?: ReturnType<typeof summarize>;
  throughput: number;
  /** Commands completed per second: 99% of them, from the first send to the moment 99% were done (one straggler does not decide it). */
  completed?: number;
}

/**
 * Signed /share and /resources requests through a Bolt HTTP receiver: ours (the real bot on
 * PostgreSQL) and the floor (bare Bolt that only acks), at two concurrencies, then the bot's memory
 * after `memoryRequests` more commands.
 */
export const benchCommandPath = async (databaseUrl: string, opts: { requests: number; memoryRequests: number; deadline: number; memoryRuns?: number }) => {
  const slack = await startFakeSlack();
  const runs: Run[] = [];
  const memory: MemoryRun[] = [];
  const probeDir = await mkdtemp(path.join(tmpdir(), "peerloop-memory-"));
  let tag = 0;
  const fire = async (base: string, i: number, run: number, sent: Map<string, number>) => {
    const share = i % 2 === 0;
    const key = `${run}-${i}`;
    const body = new URLSearchParams({
      token: "x", team_id: "TBENCH", team_domain: "bench", channel_id: `C${i % 7}`, channel_name: "general", user_id: `U${i % 50}`, user_name: `user${i % 50}`,
      command: share ? "/share" : "/resources",
      text: share ? `https://bench.example.org/${key} #bench${i % 11} Useful reading ${key}` : ["bench", "reading", "useful", "example"][i % 4]!,
      response_url: `${slack.url}/respond/${key}`, trigger_id: `t${key}`, api_app_id: "A1",
    }).toString();
    const started = performance.now();
    sent.set(share ? `https://bench.example.org/${key}` : key, Date.now());
    const res = await fetch(`${base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType: "application/x-www-form-urlencoded" }) });
    await res.arrayBuffer();
    return performance.now() - started;
  };

  const measure = async (label: string, base: string, concurrency: number, trackCompletion: boolean) => {
    const run = ++tag;
    const acks: number[] = [];
    const sent = new Map<string, number>();
    const began = performance.now();
    const beganAt = Date.now();
    const done = await pool(opts.requests, concurrency, opts.deadline, async (i) => void acks.push(await fire(base, i, run, sent)));
    const elapsed = (performance.now() - began) / 1000;
    let completion: ReturnType<typeof summarize> | undefined;
    if (trackCompletion) {
      const finished = new Map<string, number>();
      const until = Date.now() + 60_000;
      while (finished.size < sent.size && Date.now() < until) {
        for (const c of slack.calls) {
          if (c.method !== "chat.postMessage") continue;
          const url = /https:\/\/bench\.example\.org\/(\d+-\d+)/.exec(JSON.stringify(c.args))?.[0];
          if (url && sent.has(url) && !finished.has(url)) finished.set(url, c.at - sent.get(url)!);
        }
        for (const r of slack.responses) if (sent.has(r.id) && !finished.has(r.id)) finished.set(r.id, arrived.get(r.id)! - sent.get(r.id)!);
        if (finished.size < sent.size) await new Promise((r) => setTimeout(r, 200));
      }
      completion = summarize([...finished.values()]);
      const doneAt = [...finished.entries()].map(([k, took]) => sent.get(k)! + took).sort((a, b) => a - b);
      const n99 = Math.max(1, Math.floor(doneAt.length * 0.99));
      runs.push({ label, concurrency, requests: done, ack: summarize(acks), completion, throughput: done / elapsed, completed: n99 / ((doneAt[n99 - 1]! - beganAt) / 1000) });
      return;
    }
    runs.push({ label, concurrency, requests: done, ack: summarize(acks), completion, throughput: done / elapsed });
  };

  // Completion of a private reply is when its response_url post arrives, of a share when its card
  // is posted: stamp arrivals as they land, and wake anyone waiting for one.
  const arrived = new Map<string, number>();
  const waiters = new Map<string, () => void>();
  const land = (key: string | undefined) => {
    if (!key) return;
    arrived.set(key, Date.now());
    waiters.get(key)?.();
    waiters.delete(key);
  };
  const origResponse = slack.responses.push.bind(slack.responses);
  slack.responses.push = (...items) => {
    for (const it of items) land(it.id);
    return origResponse(...items);
  };
  const origCall = slack.calls.push.bind(slack.calls);
  slack.calls.push = (...items) => {
    for (const c of items) if (c.method === "chat.postMessage") land(/https:\/\/bench\.example\.org\/(\d+-\d+)/.exec(JSON.stringify(c.args))?.[0]);
    return origCall(...items);
  };
  const completed = (key: string) => (arrived.has(key) ? Promise.resolve() : new Promise<void>((resolve) => {
    waiters.set(key, resolve);
    setTimeout(resolve, 30_000).unref();
  }));

  const env = { SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PEERLOOP_SCHEDULER: "false", DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "10" };
  const floorPort = await freePort();
  const floor = await startProcess("src/bench/bare-bolt.ts", { ...env, PORT: String(floorPort) }, `http://127.0.0.1:${floorPort}/healthz`);
  // The bot reports its own heap figures on SIGUSR2 (src/bench/memory-probe.mjs), for the memory breakdown.
  const startBot = async (n: number) => {
    const port = await freePort();
    const probe = path.join(probeDir, `probe-${n}.jsonl`);
    const started = await startProcess("src/main.ts", { ...env, PORT: String(port), PEERLOOP_MEMORY_PROBE: probe }, `http://127.0.0.1:${port}/healthz`, ["--import", path.join(import.meta.dirname, "memory-probe.mjs")]);
    return { ...started, port, probe };
  };
  const bot = await startBot(1);
  const botPort = bot.port;
  try {
    for (const c of [1, 20]) {
      await measure("floor (bare Bolt, ack only)", `http://127.0.0.1:${floorPort}`, c, false);
      await measure("Peerloop (PostgreSQL)", `http://127.0.0.1:${botPort}`, c, true);
    }
    // One command at a time: the next is sent when the last one is done (its card posted, its private
    // answer sent), not when it was acknowledged. This is the latency one member sees; the rows above send
    // the next command on the ack, so their "done" also counts the queue of work behind the acks.
    {
      const run = ++tag;
      const acks: number[] = [];
      const sent = new Map<string, number>();
      const began = performance.now();
      const done = await pool(opts.requests, 1, opts.deadline, async (i) => {
        acks.push(await fire(`http://127.0.0.1:${botPort}`, i, run, sent));
        await completed(i % 2 === 0 ? `https://bench.example.org/${run}-${i}` : `${run}-${i}`);
      });
      const elapsed = (performance.now() - began) / 1000;
      const times = [...sent.entries()].filter(([k]) => arrived.has(k)).map(([k, at]) => arrived.get(k)! - at);
      runs.push({ label: "Peerloop, one command at a time", concurrency: 1, requests: done, ack: summarize(acks), completion: summarize(times), throughput: done / elapsed, completed: times.length / elapsed });
    }
    // Steady memory: 20 members, each sending their next command once the last one was answered (a
    // closed loop, so this measures the bot at its own pace, not a growing backlog). The first run
    // continues on the bot measured above; each further run starts a fresh bot.
    const memoryRun = async (b: typeof bot) => {
      const base = `http://127.0.0.1:${b.port}`;
      const sent = new Map<string, number>();
      const run = ++tag;
      let count = 0;
      const step = Math.max(1, Math.floor(opts.memoryRequests / 10));
      const series = [{ after: 0, rss: await rssMb(b.child.pid!) }];
      while (count < opts.memoryRequests && Date.now() < opts.deadline) {
        count += await pool(step, 20, opts.deadline, async (i) => {
          const n = count + i;
          await fire(base, n, run, sent);
          await completed(n % 2 === 0 ? `https://bench.example.org/${run}-${n}` : `${run}-${n}`);
        });
        series.push({ after: count, rss: await rssMb(b.child.pid!) });
      }
      memory.push({ series, breakdown: await breakdown(b.child, b.probe) });
    };
    await memoryRun(bot);
    for (let n = 2; n <= (opts.memoryRuns ?? 1) && Date.now() < opts.deadline; n++) {
      const fresh = await startBot(n);
      try {
        await memoryRun(fresh);
      } finally {
        await fresh.stop();
      }
    }
  } finally {
    await bot.stop();
    await floor.stop();
    await slack.close();
    await rm(probeDir, { recursive: true, force: true });
  }
  return { runs, memory };
};

export const commandPathReport = (r: Awaited<ReturnType<typeof benchCommandPath>>): string => {
  const rows = r.runs.map((x) => [x.label, x.concurrency, x.requests, ms(x.ack.p50), ms(x.ack.p99), x.completion ? ms(x.completion.p50) : "—", x.completion ? ms(x.completion.p99) : "—", `${x.throughput.toFixed(0)}/s`, x.completed ? `${x.completed.toFixed(0)}/s` : "—"]);
  const ratios = [1, 20].map((c) => {
    const ours = r.runs.find((x) => x.concurrency === c && x.completion && x.label.startsWith("Peerloop ("))!;
    const floor = r.runs.find((x) => x.concurrency === c && !x.completion)!;
    return `concurrency ${c}: ack p50 ${(ours.ack.p50 / floor.ack.p50).toFixed(2)}x, ack p99 ${(ours.ack.p99 / floor.ack.p99).toFixed(2)}x the floor`;
  });
  const mem = r.memory.flatMap((m, i) => [
    `run ${i + 1}: ${m.series.map((p) => `${p.after}: ${p.rss.toFixed(0)} MB`).join(", ")}; steady (last half) ${Math.min(...m.series.slice(-5).map((p) => p.rss)).toFixed(0)}-${Math.max(...m.series.slice(-5).map((p) => p.rss)).toFixed(0)} MB`,
    `  where it lies: ${m.breakdown}`,
  ]).join("\n");
  return [
    "Command path: signed /share and /resources through the Bolt HTTP receiver (targets: ack p99 <= 50 ms, <= 2x floor at concurrency 20)",
    table(["app", "conc.", "requests", "ack p50", "ack p99", "done p50", "done p99", "acks/s", "done/s"], rows),
    ...ratios,
    `Memory (RSS of the Slack bot after N further commands, 20 members each waiting for their answer; target <= 200 MB):\n${mem}`,
  ].join("\n");
};
