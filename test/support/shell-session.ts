import { spawn, type ChildProcess } from "node:child_process";
import { entryCommand, ROOT } from "./run-cli";

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

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((r) => this.child.once("exit", r));
    this.child.stdin!.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
