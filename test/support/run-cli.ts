import { spawn } from "node:child_process";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

/** Runs one of the project's entry points as its own process; resolves with what it printed. */
export const runEntry = (entry: string, args: string[], env: NodeJS.ProcessEnv, stdin = "") =>
  new Promise<{ out: string; err: string; code: number | null }>((resolve, reject) => {
    const child = spawn(TSX, [entry, ...args], { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ out, err, code }));
    child.stdin.end(stdin);
  });
