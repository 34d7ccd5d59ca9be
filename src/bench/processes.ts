import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { ENTRIES } from "../tools/build.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * The environment and node flags `npm start` runs the bot with, read from package.json's start script
 * (`NAME=${NAME:-default}` and `--flag=${VAR:-default}`), each default overridden by the same variable
 * here: a benchmark measures the bot as it is started in production, from one definition.
 */
export const startRuntime = (env: NodeJS.ProcessEnv = process.env): { env: Record<string, string>; nodeArgs: string[] } => {
  const script = (JSON.parse(readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.start!;
  const value = (name: string, fallback: string) => env[name] ?? fallback;
  const vars = Object.fromEntries([...script.matchAll(/(?:^|\s)([A-Z_]+)=\$\{\1:-([^}]+)\}/g)].map((m) => [m[1]!, value(m[1]!, m[2]!)]));
  const nodeArgs = [...script.matchAll(/(--[a-z-]+)=\$\{([A-Z_]+):-([^}]+)\}/g)].map((m) => `${m[1]}=${value(m[2]!, m[3]!)}`);
  return { env: vars, nodeArgs };
};

/**
 * Starts one of the project's entry points and waits until `healthUrl` answers 200. A production entry
 * point runs compiled (dist/, as `npm start` does); a benchmark's own helper (the bare-Bolt floor) runs
 * under tsx. Either way the pid is node's own, the process whose memory we read.
 */
export const startProcess = async (entry: string, env: NodeJS.ProcessEnv, healthUrl: string, nodeArgs: string[] = [], pollMs = 150): Promise<{ child: ChildProcess; logs: string[]; stop: () => Promise<void> }> => {
  const built = Object.entries(ENTRIES).find(([, src]) => src === entry)?.[0];
  // The bot runs with the flags and malloc settings `npm start` gives it (see package.json).
  const runtime = built === "main" ? startRuntime() : { env: {}, nodeArgs: [] };
  const args = built ? [...runtime.nodeArgs, ...nodeArgs, "--enable-source-maps", path.join(ROOT, "dist", `${built}.js`)] : [...nodeArgs, "--import", "tsx", entry];
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...runtime.env, ...env }, stdio: ["ignore", "pipe", "pipe"] });
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
