import { afterAll, beforeAll } from "vitest";
import { spawn, type ChildProcess } from "node:child_process";
import { entryCommand, ROOT } from "./run-cli";
import { freePort } from "./start-bot";
import { databaseEnv } from "./test-database";

/**
 * `npm start`'s shell door as a long-running process driven line by line: each `run` sends a line and
 * waits until what the shell printed since matches `until`. The web pages stay up meanwhile.
 */
export class ShellSession {
  private out = "";
  private readonly child: ChildProcess;

  constructor(env: NodeJS.ProcessEnv) {
    const [cmd, pre] = entryCommand("src/main.ts");
    this.child = spawn(cmd, pre, { cwd: ROOT, env: { ...process.env, LOG_LEVEL: "warn", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "", ...env }, stdio: ["pipe", "pipe", "pipe"] });
    this.child.stdout!.on("data", (d) => (this.out += d));
    this.child.stderr!.on("data", (d) => (this.out += d));
  }

  get output(): string {
    return this.out;
  }

  async run(line: string, until: RegExp, timeoutMs = 60_000): Promise<string> {
    const from = this.out.length;
    this.child.stdin!.write(`${line}\n`);
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const since = this.out.slice(from);
      if (until.test(since)) return since;
      if (this.child.exitCode !== null) throw new Error(`the shell exited (${this.child.exitCode}) after "${line}":\n${this.out}`);
      if (Date.now() > deadline) throw new Error(`no ${until} after "${line}" within ${timeoutMs} ms:\n${since}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Waits until the HTTP server answers (the shell prints nothing when piped). */
  async webReady(base: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await fetch(`${base}/healthz`).then((r) => r.ok, () => false))) {
      if (this.child.exitCode !== null) throw new Error(`the shell exited (${this.child.exitCode}):\n${this.out}`);
      if (Date.now() > deadline) throw new Error(`the web server did not answer within ${timeoutMs} ms:\n${this.out}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** Polls `get` until it returns a value, or fails after `ms` showing what the shell printed last. */
  async eventually<T>(get: () => T | undefined | null | false, what: string, ms = 20_000): Promise<T> {
    const until = Date.now() + ms;
    for (;;) {
      const v = get();
      if (v !== undefined && v !== null && v !== false) return v;
      if (Date.now() > until) throw new Error(`timed out waiting for ${what}\n${this.out.slice(-3000)}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.stdin!.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}

/**
 * The shell door on a database of its own with its web pages on a free port, as the e-mail and text
 * tests use it: `extra` adds the environment (it is given the pages' base address).
 */
export const startShellWithWeb = async (extra: (base: string) => NodeJS.ProcessEnv) => {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const db = await databaseEnv();
  const env: NodeJS.ProcessEnv = { ...db.env, PEERLOOP_SHELL_USER: "ana", PORT: String(port), PEERLOOP_SCHEDULER: "false", ...extra(base) };
  const shell = new ShellSession(env);
  return { shell, env, base, cleanup: db.cleanup };
};

/**
 * One shell (with its web pages) for a whole test file: started before its tests, closed after.
 * Read `.shell` inside a test.
 */
export const shellForFile = (extra: (base: string) => NodeJS.ProcessEnv = () => ({})) => {
  const held: { shell: ShellSession; base: string } = {} as never;
  let cleanup: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const started = await startShellWithWeb((base) => ({ LOG_LEVEL: "warn", ...extra(base) }));
    Object.assign(held, { shell: started.shell, base: started.base });
    cleanup = started.cleanup;
    await started.shell.run(":help", /:quit/);
  }, 90_000);
  afterAll(async () => {
    await held.shell?.close();
    await cleanup?.();
  });
  return held;
};

/** The number `:press` takes for the last button whose label starts with `label` in `out`. */
export const buttonNumber = (out: string, label: string): string => {
  const all = [...out.matchAll(new RegExp(`\\[${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\]]*\\] → :press (\\d+)`, "g"))];
  if (!all.length) throw new Error(`no [${label}] button in:\n${out}`);
  return all.at(-1)![1]!;
};
