import { spawn } from "node:child_process";
import path from "node:path";
import { distFor } from "../../src/tools/build.mjs";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** The command that runs a production entry point as users run it: node on the built JavaScript. */
export const entryCommand = (entry: string): [string, string[]] => [process.execPath, ["--enable-source-maps", distFor(entry)]];

/** Runs one of the project's entry points (built, as `npm run …` does) as its own process; resolves with what it printed. */
export const runEntry = (entry: string, args: string[], env: NodeJS.ProcessEnv, stdin = "") =>
  new Promise<{ out: string; err: string; code: number | null }>((resolve, reject) => {
    const [cmd, pre] = entryCommand(entry);
    const child = spawn(cmd, [...pre, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ out, err, code }));
    child.stdin.end(stdin);
  });
