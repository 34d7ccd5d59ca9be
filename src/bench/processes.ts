import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { ENTRIES } from "../tools/build.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * Starts one of the project's entry points and waits until `healthUrl` answers 200. A production entry
 * point runs compiled (dist/, as `npm start` does); a benchmark's own helper (the bare-Bolt floor) runs
 * under tsx. Either way the pid is node's own, the process whose memory we read.
 */
export const startProcess = async (entry: string, env: NodeJS.ProcessEnv, healthUrl: string, nodeArgs: string[] = [], pollMs = 150): Promise<{ child: ChildProcess; logs: string[]; stop: () => Promise<void> }> => {
  const built = Object.entries(ENTRIES).find(([, src]) => src === entry)?.[0];
  // The bot runs with the heap cap `npm start` gives it (see package.json).
  const heap = built === "main" ? [`--max-old-space-size=${process.env.PEERLOOP_HEAP_MB ?? 192}`] : [];
  const args = built ? [...heap, ...nodeArgs, "--enable-source-maps", path.join(ROOT, "dist", `${built}.js`)] : [...nodeArgs, "--import", "tsx", entry];
  // And with the malloc arenas `npm start` sets (see package.json).
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...(built === "main" ? { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "2" } : {}), ...env }, stdio: ["ignore", "pipe", "pipe"] });
  const logs: string[] = [];
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited: ${logs.join("")}`);
    if (await fetch(healthUrl).then((r) => r.ok, () => false)) break;
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`${entry} never became healthy: ${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, pollMs));
  }
  return {
    child, logs,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
    },
  };
};
