import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startFakeSlack } from "../../test/support/fake-slack";
import { freePort } from "../../test/support/start-bot";
import { ROOT } from "./processes";
import { ms, table } from "./stats";

/** Peak RSS so far of a live process, in MB (VmHWM: the high-water mark, so sampling misses nothing but the very end). */
const peakMb = (pid: number): number => {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
};

interface Timed { wall: number; peak: number }

/**
 * Runs a built entry point as a user would (node dist/…), until `ready` says so or it exits; wall time
 * from spawn, peak RSS sampled every 10 ms from /proc.
 */
const timeRun = (args: string[], env: NodeJS.ProcessEnv, opts: { stdin?: string; ready?: (out: string) => boolean | Promise<boolean> } = {}): Promise<Timed> =>
  new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", PEERLOOP_SCHEDULER: "false", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "", peak = 0, done = false;
    const finish = (wall: number) => {
      if (done) return;
      done = true;
      clearInterval(sampler);
      if (child.exitCode === null) child.kill("SIGTERM");
      resolve({ wall, peak });
    };
    const sampler = setInterval(async () => {
      peak = Math.max(peak, peakMb(child.pid!));
      if (opts.ready && !done && (await opts.ready(out))) finish(performance.now() - started);
    }, 10);
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("error", reject);
    child.on("exit", (code) => {
      if (!done && opts.ready) return reject(new Error(`exited with ${code} before it was ready: ${out.slice(-500)}`));
      finish(performance.now() - started);
    });
    child.stdin.end(opts.stdin ?? "");
  });

const median = (xs: Timed[]): Timed => {
  const by = (k: keyof Timed) => [...xs].sort((a, b) => a[k] - b[k])[Math.floor(xs.length / 2)]![k];
  return { wall: by("wall"), peak: by("peak") };
};

/**
 * Issue 12's start-up targets, by spawning the real built commands (each 5 times, median): a job run
 * with nothing due, the shell answering its first command, and a door's /healthz answering 200.
 */
export const benchStartup = async (databaseUrl: string, rounds = 5): Promise<string> => {
  const pglite = mkdtempSync(path.join(os.tmpdir(), "peerloop-startup-"));
  const slack = await startFakeSlack();
  const rows: (string | number)[][] = [];
  const row = async (what: string, target: string, run: () => Promise<Timed>) => {
    await run(); // warm the OS file cache (and, for a fresh embedded database, migrate it)
    const times: Timed[] = [];
    for (let i = 0; i < rounds; i++) times.push(await run());
    const m = median(times);
    rows.push([what, ms(m.wall), `${m.peak.toFixed(0)} MB`, target]);
  };
  const pg = { DATABASE_URL: databaseUrl };
  const lite = { DATABASE_URL: "", PEERLOOP_DATA_DIR: pglite };
  const door = async (env: NodeJS.ProcessEnv) => {
    const port = await freePort();
    return timeRun(["--enable-source-maps", "dist/main.js"], { ...env, PORT: String(port), SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: "s", SLACK_API_URL: `${slack.url}/api/` }, {
      ready: () => fetch(`http://127.0.0.1:${port}/healthz`).then((r) => r.status === 200, () => false),
    });
  };
  try {
    await row("npm run jobs -- run unanswered, nothing due (PostgreSQL)", "≤ 1.0 s, ≤ 120 MB", () => timeRun(["dist/cli/jobs.js", "run", "unanswered"], pg));
    await row("npm run jobs -- run unanswered, nothing due (embedded)", "≤ 2.5 s", () => timeRun(["dist/cli/jobs.js", "run", "unanswered"], lite));
    await row("npm start, shell answers /peerloop me (PostgreSQL)", "≤ 1.5 s, ≤ 250 MB", () => timeRun(["dist/main.js"], pg, { stdin: "/peerloop me\n", ready: (o) => o.includes("Notifications") }));
    await row("npm start, shell answers /peerloop me (embedded)", "≤ 3 s, ≤ 250 MB", () => timeRun(["dist/main.js"], lite, { stdin: "/peerloop me\n", ready: (o) => o.includes("Notifications") }));
    await row("npm start, Slack door /healthz 200 (PostgreSQL)", "≤ 1.5 s, ≤ 250 MB", () => door(pg));
    await row("npm start, Slack door /healthz 200 (embedded)", "≤ 3 s, ≤ 250 MB", () => door(lite));
  } finally {
    await slack.close();
    rmSync(pglite, { recursive: true, force: true });
  }
  return [`Start-up: the built commands spawned as users run them, median of ${rounds} (wall from spawn; peak RSS)`, table(["command", "wall", "peak RSS", "target"], rows)].join("\n");
};
