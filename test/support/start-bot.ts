import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { entryCommand, ROOT } from "./run-cli";
import { testDatabase } from "./test-database";

export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });

/**
 * Starts the bot through its real entry point (`npm start`'s dist/main.js, built from src/main.ts) with the given platform
 * variables, on a database of its own, and waits until GET /healthz answers 200.
 */
export const startBot = async (env: NodeJS.ProcessEnv, opts: { port?: number } = {}) => {
  const port = opts.port ?? await freePort();
  let dbEnv: NodeJS.ProcessEnv;
  let dropDb: () => Promise<void>;
  if (process.env.DATABASE_URL) {
    const db = await testDatabase();
    await db.prisma.$disconnect();
    dbEnv = { DATABASE_URL: db.url };
    dropDb = () => db.close();
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-bot-"));
    dbEnv = { DATABASE_URL: "", PEERLOOP_DATA_DIR: dir };
    dropDb = async () => rmSync(dir, { recursive: true, force: true });
  }
  const [cmd, pre] = entryCommand("src/main.ts");
  const child: ChildProcess = spawn(cmd, pre, {
    cwd: ROOT, stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, PORT: String(port), PEERLOOP_SCHEDULER: "false", LOG_LEVEL: "info", ...dbEnv, ...env },
  });
  const logs: string[] = [];
  child.stdout!.on("data", (d) => logs.push(String(d)));
  child.stderr!.on("data", (d) => logs.push(String(d)));
  const base = `http://127.0.0.1:${port}`;
  const until = Date.now() + 45_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the bot exited with ${child.exitCode}:\n${logs.join("")}`);
    const ok = await fetch(`${base}/healthz`).then((r) => r.status === 200, () => false);
    if (ok) break;
    if (Date.now() > until) {
      child.kill("SIGKILL");
      throw new Error(`the bot did not become healthy:\n${logs.join("")}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    base,
    logs,
    /** The variables the bot runs with (its database included), for CLI runs beside it. */
    env: { ...dbEnv, ...env },
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
        if (child.exitCode === null) child.kill("SIGKILL");
      }
      await dropDb();
    },
  };
};
