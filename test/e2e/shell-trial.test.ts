import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { logDestination, SHELL_LOG_FILE } from "../../src/app/log-destination";
import { entryCommand, ROOT } from "../support/run-cli";
import { freePort } from "../support/start-bot";
import { databaseEnv } from "../support/test-database";

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  const db = await databaseEnv();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "peerloop-trial-"));
  env = { ...process.env, LOG_LEVEL: "info", PEERLOOP_SHELL_USER: "ana", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "", PEERLOOP_SCHEDULER: "false", ...db.env };
  cleanup = db.cleanup;
});
afterAll(async () => {
  await cleanup?.();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** The shell with `lines` piped in, optionally through a pseudo-terminal (`script`), as a person at a terminal runs it. */
const shell = (lines: string[], extra: NodeJS.ProcessEnv = {}, opts: { terminal?: boolean; whileRunning?: () => Promise<void> } = {}) =>
  new Promise<{ out: string; err: string; code: number | null }>((resolve, reject) => {
    const [cmd, pre] = entryCommand("src/main.ts");
    const quoted = [cmd, ...pre].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(" ");
    const child = opts.terminal
      ? spawn("script", ["-qefc", quoted, "/dev/null"], { cwd: ROOT, env: { ...env, ...extra }, stdio: ["pipe", "pipe", "pipe"] })
      : spawn(cmd, pre, { cwd: ROOT, env: { ...env, ...extra }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ out, err, code }));
    void (async () => {
      for (const line of lines) {
        child.stdin.write(`${line}\n`);
        // At a terminal each line waits for its answer, as a person would.
        if (opts.terminal) await new Promise((r) => setTimeout(r, 1_500));
      }
      await opts.whileRunning?.();
      child.stdin.end();
    })();
  });

const FLAGGED = ["/ask My client Maria Delgado (DOB 3/4/87) keeps missing appointments. Ideas? #housing", ":press 1", ":quit"];

describe("the token-free trial keeps logs out of the conversation and its pages on this machine", () => {
  it("piped: the override's log line goes to stderr, never into the conversation on stdout", async () => {
    const { out, err } = await shell(FLAGGED, { PORT: "0" });
    expect(out).toMatch(/thread [0-9a-f]{6} │ Question from ana/);
    expect(out).not.toContain('"level"');
    expect(err).toContain("guard overridden by author");
  }, 120_000);

  it("at a terminal: the log goes to the log file, and the terminal shows the conversation only", async () => {
    const file = path.join(dir, "trial.log");
    const { out } = await shell(FLAGGED, { PORT: "0", PEERLOOP_LOG_FILE: file }, { terminal: true });
    expect(out).toMatch(/Question from ana/);
    expect(out).not.toContain('"level"');
    expect(out).not.toContain("guard overridden by author");
    expect(fs.readFileSync(file, "utf8")).toContain('"message":"guard overridden by author"');
  }, 120_000);

  it("decides where logs go: a file at a terminal in the shell, stderr otherwise, PEERLOOP_LOG_FILE above both", () => {
    expect(logDestination({ shell: true, stderrIsTTY: true })).toBe(SHELL_LOG_FILE);
    expect(logDestination({ shell: true, stderrIsTTY: false })).toBe("stderr");
    expect(logDestination({ shell: false, stderrIsTTY: true })).toBe("stderr");
    expect(logDestination({ file: "/var/log/peerloop.log", shell: false, stderrIsTTY: false })).toBe("/var/log/peerloop.log");
    expect(logDestination({ file: "-", shell: true, stderrIsTTY: true })).toBe("stderr");
  });

  /** The local addresses listening on `port`, read from the kernel's socket tables (no traffic). */
  const listeners = (port: number): string[] => {
    const hex = port.toString(16).toUpperCase().padStart(4, "0");
    const rows = ["/proc/net/tcp", "/proc/net/tcp6"].flatMap((f) => (fs.existsSync(f) ? fs.readFileSync(f, "utf8").split("\n").slice(1) : []));
    // Column 2 is local_address:port in hex, column 4 the state (0A: LISTEN).
    return rows.map((r) => r.trim().split(/\s+/)).filter((c) => c[3] === "0A" && c[1]?.endsWith(`:${hex}`)).map((c) => c[1]!.split(":")[0]!);
  };

  it.runIf(fs.existsSync("/proc/net/tcp"))("serves its web pages on 127.0.0.1 only, unless PEERLOOP_HOST says otherwise", async () => {
    const port = await freePort();
    let seen: string[] = [];
    const waitForListener = async () => {
      for (let i = 0; i < 300 && !(seen = listeners(port)).length; i++) await new Promise((r) => setTimeout(r, 100));
    };
    await shell([], { PORT: String(port) }, { whileRunning: waitForListener });
    expect(seen).toEqual(["0100007F"]); // 127.0.0.1, little-endian
    const other = await freePort();
    let wide: string[] = [];
    await shell([], { PORT: String(other), PEERLOOP_HOST: "0.0.0.0" }, { whileRunning: async () => {
      for (let i = 0; i < 300 && !(wide = listeners(other)).length; i++) await new Promise((r) => setTimeout(r, 100));
    } });
    expect(wide).toEqual(["00000000"]);
  }, 120_000);
});
