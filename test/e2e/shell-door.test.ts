import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { relatedModelDir } from "../support/related-model-dir";
import { entryCommand } from "../support/run-cli";
import { databaseEnv } from "../support/test-database";

const ROOT = path.resolve(import.meta.dirname, "../..");

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  // The door on the database CI gives us (a fresh clone of the migrated template), else embedded PGlite on disk.
  const db = await databaseEnv();
  env = { ...process.env, LOG_LEVEL: "warn", PEERLOOP_SHELL_USER: "ana", SLACK_BOT_TOKEN: "", DISCORD_TOKEN: "", ...db.env };
  cleanup = db.cleanup;
});
afterAll(async () => cleanup?.());

/** Runs `npm start`'s entry point with lines piped in; resolves with everything it printed. */
const shell = (lines: string[], extraEnv: NodeJS.ProcessEnv = {}) =>
  new Promise<{ out: string; err: string; code: number | null }>((resolve, reject) => {
    const [cmd, pre] = entryCommand("src/main.ts");
    const child = spawn(cmd, pre, { cwd: ROOT, env: { ...env, ...extraEnv }, stdio: ["pipe", "pipe", "pipe"] });
    let out = "", err = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (err += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ out, err, code }));
    child.stdin.end(lines.join("\n") + "\n");
  });

describe("the shell door, end to end through piped stdin", () => {
  it("runs the acceptance walk-through", async () => {
    const { out, code } = await shell([
      "/share https://example.org/a?utm_source=x #ethics Great read",
      "/resources ethics",
      "/share https://example.org/a/",
    ]);
    expect(code).toBe(0);
    const [share, search, reshare] = out.split(/\n(?=\S)/).filter((b) => !b.startsWith("Peerloop local shell"));
    expect(share).toMatch(/^#general › resource [0-9a-f]{6} │ a \(example\.org\)/);
    expect(share).toContain("https://example.org/a\n");
    expect(share).toContain("Tags: #ethics");
    expect(search).toMatch(/^\(only you\) │ Resources for ethics/);
    expect(search).toContain("• a (example.org): https://example.org/a (in #general)");
    expect(reshare).toMatch(/^\(only you\) │ Already in the library/);
    expect(reshare).toContain("You shared this link first");
    expect(out.match(/#general › resource/g)).toHaveLength(1);
  });

  it("threads, replies, DMs to followers, resolution and member switching", async () => {
    const { out } = await shell([
      ":as ben",
      "/follow #safety",
      ":as ana",
      "/ask How do you document a safety plan? #safety",
    ]);
    const ref = /thread ([0-9a-f]{6}) │ Question from ana/.exec(out)?.[1];
    expect(ref).toBeDefined();
    expect(out).toContain("✉ DM to ben │ New question on #safety");
    const second = await shell([
      ":as ben",
      `:reply ${ref} We use the state template.`,
      `:react ${ref} ✅`,
      ":as ana",
      `:react ${ref} ✅`,
      "/peerloop me",
    ]);
    expect(second.out).toContain(`#general › thread ${ref} │ ben: We use the state template.`);
    expect(second.out).toMatch(new RegExp(`#general › thread ${ref} │ ✔ Question resolved\\n  Thanks to ben for helping.`));
    expect(second.out.match(/Question resolved/g)).toHaveLength(1);
  });

  it("answers bad input privately and keeps running", async () => {
    const { out, code } = await shell([
      "/share",
      "/share http://",
      "/share ftp://x",
      "/share javascript:alert(1)",
      `/share https://example.org/n ${"x".repeat(5000)}`,
      "/ask",
      "/bogus",
      "/follow #bad!tag",
      "hello",
      ":nope",
      ":reply",
      "/resources '); DROP TABLE resources; --",
      "/peerloop help",
    ]);
    expect(code).toBe(0);
    for (const c of ["MISSING_OPTION", "INVALID_URL", "NOTE_TOO_LONG", "UNKNOWN_COMMAND", "INVALID_TAG"]) expect(out).toContain(`Code: ${c}`);
    expect(out.match(/Code: INVALID_URL/g)).toHaveLength(3);
    expect(out).toContain("Commands start with / (Peerloop) or : (the shell)");
    expect(out).toContain("Unknown shell command :nope");
    expect(out).toContain("Peerloop commands");
    expect(out).not.toContain("#general │");
    expect(out).not.toContain("Something went wrong");
  });

  it("stops a post that could identify a client, says why, and lets the author confirm", async () => {
    const { out } = await shell([
      "/ask My client Maria Delgado (DOB 3/4/87) keeps missing appointments. Ideas? #housing",
      "/peerloop me",
      ":press 1",
    ]);
    const [warning, me, confirmed] = out.split(/\n(?=\S)/).filter((b) => !b.startsWith("Peerloop local shell"));
    expect(warning).toMatch(/^\(only you\) │ ⚠ Not posted: this may identify a client/);
    expect(warning).toContain('person name: "Maria Delgado" → try M.D. or "my client"');
    expect(warning).toContain('date: "3/4/87" → try');
    expect(warning).toContain("[Post anyway: I confirm this is de-identified] → :press 1");
    expect(me).not.toContain("Maria");
    expect(confirmed).toMatch(/^#general › thread [0-9a-f]{6} │ Question from ana/);
  });

  it("quotes a client's date of birth whole with what to keep, and stops a client's street address", async () => {
    const { out } = await shell([
      "/ask My client was born 2 May 1987 and keeps losing her benefits letters. Ideas? #benefits",
      "/ask Resource for a client: quiet guy, 12 Oak Street, keeps to himself, wants a food bank nearby. #food",
    ]);
    const [date, street] = out.split(/\n(?=\S)/).filter((b) => !b.startsWith("Peerloop local shell"));
    expect(date).toMatch(/^\(only you\) │ ⚠ Not posted: this may identify a client/);
    expect(date).toContain('date: "2 May 1987" → try the year only ("1987")');
    expect(date).not.toMatch(/"May"|"1987" →/);
    expect(street).toMatch(/^\(only you\) │ ⚠ Not posted: this may identify a client/);
    expect(street).toContain('address: "12 Oak Street"');
    expect(out).not.toContain("Question from ana");
  });

  it("nudges a disparaging question privately and holds it until Post as is; Edit posts nothing; a burnout post is never nudged", async () => {
    const { out } = await shell([
      "/ask how do I get through to clients who are just lazy freeloaders? #engagement",
      ":press 2",
      ":press 1",
      "/ask I'm so exhausted, I cried in my car after a home visit today. how do you all cope? #burnout",
    ]);
    const [nudge, edited, posted, burnout] = out.split(/\n(?=\S)/).filter((b) => !b.startsWith("Peerloop local shell"));
    expect(nudge).toMatch(/^\(only you\) │ ⚠ Before this goes out: a note on tone/);
    expect(nudge).toContain('may read as disparaging ("lazy freeloaders")');
    expect(nudge).toContain("[Post as is] → :press 1");
    expect(nudge).toContain("[Edit] → :press 2");
    expect(edited).toMatch(/^\(only you\) │ Nothing was posted/);
    expect(posted).toMatch(/^#general › thread [0-9a-f]{6} │ Question from ana/);
    expect(posted).toContain("lazy freeloaders");
    expect(burnout).toMatch(/^#general › thread [0-9a-f]{6} │ Question from ana/);
    expect(out.match(/Question from ana/g)).toHaveLength(2);
  });

  it("shows an earlier resolved answer before a repeated question goes out, in the shell too", async () => {
    const first = await shell(["/ask Police department refuses to sign the U visa certification for my client, who else can certify? #immigration"]);
    const ref = /thread ([0-9a-f]{6})/.exec(first.out)![1]!;
    const { out } = await shell([
      ":as maria", `:reply ${ref} A prosecutor, a judge or the labor department can also sign the certification; ask the DA's victim witness unit first.`,
      ":as ana", `:react ${ref} ✅`,
      "/ask the police won't certify my client's U visa form, can another agency sign the certification instead?",
      ":press 1",
    ]);
    expect(out).toContain("Answered before?");
    expect(out).toContain("answered by maria: A prosecutor, a judge or the labor department");
    expect(out).toContain("[This answers it] → :press 1");
    expect(out).toContain("[Post my question] → :press 2");
    expect(out).toContain("Glad the archive had it. Nothing was posted, and maria get the credit");
    expect(out).not.toContain("can another agency sign the certification instead?\n  [Resolve]");
  });

  it("related answers: the card offers the library's resource too and indents every earlier reply; below the confident tier, Maybe related links go on the card", async () => {
    const sure = { PEERLOOP_MODEL_DIR: relatedModelDir(0.5, 0.02) };
    const first = await shell([":as rosa", "/ask How do I write up a safety plan with a teen who refuses to sign it? #safety #youth"], sure);
    const ref = /thread ([0-9a-f]{6})/.exec(first.out)![1]!;
    const { out } = await shell([
      ":as maria", `:reply ${ref} Write that you reviewed the plan together and that she declined to sign.`,
      ":as root", `:reply ${ref} Give her a copy anyway and note her reasons.`,
      ":as rosa", `:react ${ref} ✅`,
      ":as maria", "/share https://example.org/youth-safety-plans #safety #youth Safety plans with youth: a template, and what to write when a teen won't sign",
      ":as sam", "/ask my teenage client won't sign her safety plan, how do I write it up?",
    ], sure);
    const card = out.slice(out.indexOf("Answered before?"));
    expect(card).toContain("and a resource from the library");
    expect(card).toContain("https://example.org/youth-safety-plans");
    // Each earlier reply on a line of its own, indented under its item.
    expect(card).toMatch(/\n {6}Resolved, answered by [^\n]*: Write that you reviewed the plan together[^\n]*\n {6}Give her a copy anyway/);
    const buttons = [...card.matchAll(/\[([^\]]+)\] → :press (\d)/g)].map((m) => m[1]);
    expect(buttons).toEqual(["This answers it (1)", "This answers it (2)", "Post my question"]);

    const maybe = await shell([":as tess", "/ask a teen on my caseload won't sign the safety plan, what goes in the note?", ":press 1"], { PEERLOOP_MODEL_DIR: relatedModelDir(0.9999, 0.02) });
    expect(maybe.out).not.toContain("Answered before?");
    expect(maybe.out).toMatch(/Question from tess[\s\S]*• Maybe related \(1\): /);
    expect(maybe.out).toMatch(/\[This answered it \(1\)\] → :press 2/);
  }, 180_000); // three shells started in turn: minutes on a busy 2-core machine

  it("runs jobs from the shell with :jobs run, as of a given time", async () => {
    const { out } = await shell([
      ":in jobs-room",
      "/ask Does anyone run a grief group for teens? #grief",
      ":jobs run unanswered --now 2099-01-02T00:00:00Z",
      ":jobs run unanswered --now 2099-01-02T00:00:00Z",
      ":jobs run nightly",
    ]);
    const ref = /thread ([0-9a-f]{6}) │ Question from ana/.exec(out)?.[1];
    expect(out).toContain("surfaced (step 1): Does anyone run a grief group for teens?");
    expect(out).toContain(`#jobs-room › thread ${ref} │ This question is still waiting for an answer`);
    expect(out.split(`thread ${ref} │ This question is still waiting`)).toHaveLength(2); // once, not on the rerun
    expect(out).toContain('Unknown job "nightly"');
  });

  it("says which variable is wrong instead of a stack trace", async () => {
    const { err, code } = await shell([], { DATABASE_URL: "mysql://nope" });
    expect(code).toBe(2);
    expect(err.trim()).toBe("Configuration: DATABASE_URL must be a PostgreSQL URL, e.g. postgresql://postgres@127.0.0.1:5432/peerloop (or unset it to use the embedded database)");
  });
});
