import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeTwilio, type FakeText } from "../support/fake-twilio";
import { runEntry } from "../support/run-cli";
import { ShellSession, startShellWithWeb } from "../support/shell-session";
import { databaseEnv } from "../support/test-database";
import { segments } from "../../src/core/sms/sms-text";

const ANA = "+15555550188", CY = "+12015550134", DEE = "+12015550145", EVE = "+12015550156", GUS = "+12015550167";
let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
let shell: ShellSession;
let env: NodeJS.ProcessEnv;
let base: string;
let cleanup: () => Promise<void>;

const eventually = <T>(get: () => T | undefined | null | false, what: string, ms?: number) => shell.eventually(get, what, ms);
const textTo = (number: string, matching: RegExp, after = 0) => eventually(() => twilio.to(number).slice(after).find((t) => matching.test(t.body)), `a text to ${number} matching ${matching}`);
const codeIn = (t: FakeText) => /\b(\d{6})\b/.exec(t.body)![1]!;
const settle = () => new Promise((r) => setTimeout(r, 700));
/** A member with a confirmed number, following #ethics. */
const confirmed = async (who: string, number: string) => {
  await shell.run(`:as ${who}`, new RegExp(`You are now ${who}`));
  await shell.run("/follow #ethics", /follow/);
  const before = twilio.to(number).length;
  await shell.run(`/notify sms ${number}`, /Texted a 6-digit code/);
  const code = codeIn(await textTo(number, /your code is/, before));
  await shell.run(`/notify sms confirm ${code}`, /Confirmed/);
};

beforeAll(async () => {
  twilio = await startFakeTwilio();
  ({ shell, env, base, cleanup } = await startShellWithWeb((b) => ({ ...twilio.env, PEERLOOP_PUBLIC_URL: b, PEERLOOP_SMS_DAILY_MAX: "3" })));
  await shell.run("/follow #ethics", /You now follow/);
  await shell.webReady(base);
}, 120_000);

afterAll(async () => {
  await shell?.close();
  await twilio?.close();
  await cleanup?.();
});

/** Switches the shell's member. */
const as = (who: string) => shell.run(`:as ${who}`, new RegExp(`You are now ${who}`));
/** Another member shares a link on #ethics (which the texters follow), then the shell is `back` again. */
const shareAs = async (who: string, url: string, back: string) => {
  await as(who);
  await shell.run(`/share ${url} #ethics`, /resource/);
  await as(back);
};

describe("text-message alerts through Twilio (issue 25)", () => {
  it("texts a code, and nothing else until it is typed back; /peerloop me shows the number masked", async () => {
    expect(await shell.run("/notify sms 12345", /INVALID_OPTION/)).toContain("country code");
    expect(await shell.run("/notify sms confirm 123456", /INVALID_OPTION/)).toContain("no number waiting");
    const out = await shell.run(`/notify sms ${ANA}`, /Texted a 6-digit code/);
    expect(out).toContain("+1 ••• ••• 0188");
    expect(out).not.toContain("5555550188");
    const code = await textTo(ANA, /your code is \d{6}/);
    expect(code.from).toBe("+15005550006");
    expect(code.body).toContain("Local community");
    // Another member shares on a followed tag: nothing is texted before the code comes back.
    await as("bo");
    await shell.run("/share https://example.org/before-confirm #ethics", /resource/);
    await settle();
    expect(twilio.to(ANA)).toHaveLength(1);
    await as("ana");
    expect(await shell.run(`/notify sms confirm ${codeIn(code)}`, /Confirmed/)).toContain("+1 ••• ••• 0188");
    const me = await shell.run("/peerloop me", /Texts/);
    expect(me).toContain("+1 ••• ••• 0188: texts as things happen");
    expect(me).not.toContain("5550188");
  }, 60_000);

  it("locks a number after five wrong codes, for an hour", async () => {
    await as("cy");
    await shell.run(`/notify sms ${CY}`, /Texted a 6-digit code/);
    const right = codeIn(await textTo(CY, /your code is/));
    const wrong = right === "000000" ? "111111" : "000000";
    for (let i = 0; i < 4; i++) expect(await shell.run(`/notify sms confirm ${wrong}`, /INVALID_OPTION/)).toContain("doesn't match");
    expect(await shell.run(`/notify sms confirm ${wrong}`, /INVALID_OPTION/)).toContain("locked for an hour");
    // Locked: the right code no longer works, and asking again texts nothing.
    expect(await shell.run(`/notify sms confirm ${right}`, /INVALID_OPTION/)).toContain("locked");
    expect(await shell.run(`/notify sms ${CY}`, /INVALID_OPTION/)).toContain("Too many wrong codes");
    expect(twilio.to(CY)).toHaveLength(1);
    expect(await shell.run("/notify sms instant", /Texts|INVALID/)).toContain("once you confirm");
    await as("ana");
  }, 60_000);

  it("texts a new resource at once: title and link only, at most two segments; never a question's words", async () => {
    const before = twilio.to(ANA).length;
    await as("bo");
    await shell.run("/share https://example.org/rural-boundaries #ethics", /resource/);
    const alert = await textTo(ANA, /new resource/, before);
    expect(alert.body).toMatch(new RegExp(`^Peerloop #ethics: new resource '[^']+' ${base.replace(/[.]/g, "\\.")}/c/[\\w-]+/resources/[\\w-]+$`));
    expect(segments(alert.body)).toBeLessThanOrEqual(2);
    // The library is for members here: the link asks a reader who is not signed in to sign in from chat.
    const page = await fetch(/(http:\/\/\S+)$/.exec(alert.body)![1]!);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain("/peerloop web");
    await shell.run("/ask #ethics How do you keep boundaries with a client's family in a small town?", /:press|question/);
    const q = await textTo(ANA, /a new question/, before);
    expect(q.body).not.toMatch(/boundaries|family|town/i);
    expect(q.body).toMatch(/\/questions\/[\w-]+$/);
    // Posted past the guard by its author's choice: shown in chat, never texted.
    const count = twilio.to(ANA).length;
    const flagged = await shell.run("/share https://example.org/overridden #ethics my client Maria Lopez (14) from Springfield, OH loved this", /:press (\d+)/);
    await shell.run(`:press ${/Post anyway[^\n]*:press (\d+)/.exec(flagged)![1]}`, /resource/);
    await settle();
    expect(twilio.to(ANA)).toHaveLength(count);
    await as("ana");
  }, 60_000);

  it("caps texts a day; the rest fold into the next summary", async () => {
    // Ana has had two alerts today (the resource and the question): the cap of 3 leaves one.
    const before = twilio.to(ANA).length;
    await as("bo");
    for (const p of ["cap-one", "cap-two", "cap-three"]) await shell.run(`/share https://example.org/${p} #ethics`, /resource/);
    await settle();
    expect(twilio.to(ANA).slice(before).map((t) => t.body.replace(/ http\S+$/, ""))).toEqual(["Peerloop #ethics: new resource 'cap one (example.org)'"]);
    await as("ana");
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    await shell.run(`:jobs run digests --now ${tomorrow}`, /summary text for ana/);
    const summary = await textTo(ANA, /^Peerloop: 2 new resources/, before);
    expect(summary.body).toMatch(/on #ethics\. See them: http:\/\/127\.0\.0\.1:\d+\/c\/[\w-]+\/$/);
  }, 60_000);

  it("holds texts in quiet hours and sends one summary when they end", async () => {
    const hour = new Date().getUTCHours();
    await shell.run(`/peerloop quiet ${String(hour).padStart(2, "0")}:00-${String((hour + 2) % 24).padStart(2, "0")}:00`, /[Qq]uiet/);
    const before = twilio.to(ANA).length;
    await shareAs("bo", "https://example.org/at-night", "ana");
    await settle();
    expect(twilio.to(ANA)).toHaveLength(before);
    expect(await shell.run(`:jobs run digests --now ${new Date(Date.now() + 60_000).toISOString()}`, /\n/)).not.toContain("summary text for ana");
    await shell.run(`:jobs run digests --now ${new Date(Date.now() + 2 * 86_400_000 + 3 * 3_600_000).toISOString()}`, /summary text for ana/);
    expect((await textTo(ANA, /^Peerloop: 1 new resource on #ethics/, before)).body).toContain("See them:");
    await shell.run("/peerloop quiet off", /[Qq]uiet/);
  }, 60_000);

  it("sends daily texters one summary a day with one link", async () => {
    await shell.run("/notify sms daily", /One summary text a day/);
    const before = twilio.to(ANA).length;
    await as("bo");
    await shell.run("/share https://example.org/daily-one #ethics", /resource/);
    await shell.run("/share https://example.org/daily-two #ethics", /resource/);
    await as("ana");
    await settle();
    expect(twilio.to(ANA)).toHaveLength(before);
    const morning = new Date(Date.now() + 3 * 86_400_000);
    morning.setUTCHours(9, 0, 0, 0);
    await shell.run(`:jobs run digests --now ${morning.toISOString()}`, /summary text for ana: 2 items/);
    const summary = await textTo(ANA, /^Peerloop: 2 new resources/, before);
    expect(summary.body.match(/http/g)).toHaveLength(1);
    expect(await shell.run(`:jobs run digests --now ${morning.toISOString()}`, /\n/)).not.toContain("summary text for ana");
    await settle();
    expect(twilio.to(ANA).slice(before)).toHaveLength(1);
    await shell.run("/notify sms instant", /Texts as new items/);
  }, 60_000);

  it("a 429 is waited out and the text still goes, once", async () => {
    await confirmed("gus", GUS); // Ana has had her 3 texts today
    const before = twilio.to(GUS).length;
    twilio.failNext({ status: 429, retryAfter: "1", to: GUS });
    await as("bo");
    await shell.run("/share https://example.org/after-429 #ethics", /resource/);
    await textTo(GUS, /new resource/, before);
    expect(twilio.requests.some((r) => r.status === 429 && r.to === GUS)).toBe(true);
    await settle();
    expect(twilio.to(GUS).slice(before)).toHaveLength(1);
    await as("gus");
  }, 60_000);

  it("STOP stops texts for the number, START resumes them, HELP answers; a bad signature changes nothing (403)", async () => {
    const forged = await twilio.inbound(base, GUS, "STOP", { badSignature: true });
    expect(forged.status).toBe(403);
    const wrongUrl = await twilio.inbound(base, GUS, "STOP", { signUrl: "https://elsewhere.example/sms/twilio" });
    expect(wrongUrl.status).toBe(403);
    expect(await shell.run("/notify sms", /Texts:/)).toContain("texts as things happen");
    expect((await fetch(`${base}/sms/twilio`)).status).toBe(405);

    const help = await twilio.inbound(base, GUS, "help");
    expect(help.status).toBe(200);
    expect(help.type).toMatch(/^text\/xml/);
    expect(help.text).toMatch(/<Response><Message>Peerloop alerts[^<]+STOP[^<]+<\/Message><\/Response>/);

    const stop = await twilio.inbound(base, GUS, "Stop");
    expect(stop.text).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(await shell.run("/notify sms", /Texts:/)).toContain("stopped: the number replied STOP");
    const before = twilio.to(GUS).length;
    await shareAs("bo", "https://example.org/while-stopped", "gus");
    await settle();
    expect(twilio.to(GUS)).toHaveLength(before);

    expect((await twilio.inbound(base, GUS, "START")).text).toContain("texts are back on");
    expect(await shell.run("/notify sms", /Texts:/)).toContain("texts as things happen");
    await shareAs("bo", "https://example.org/after-start", "gus");
    await textTo(GUS, /new resource/, before);
    await as("ana");
  }, 60_000);

  it("Twilio's 21610 (opted out) stops texts to the member and tells them in chat, once", async () => {
    await confirmed("dee", DEE);
    twilio.failNext({ status: 400, code: 21610, to: DEE });
    await as("bo");
    const out = await shell.run("/share https://example.org/opted-out #ethics", /DM to dee │ (⚠ )?Your Peerloop texts stopped[^\n]*\n[^\n]+\n/);
    expect(out).toContain("Texts to +1 ••• ••• 0145 stopped: the number has opted out");
    expect(out).not.toContain("2015550145");
    await as("dee");
    expect(await shell.run("/notify sms", /Texts:/)).toContain("stopped");
    const count = twilio.requests.length;
    await as("bo");
    const again = await shell.run("/share https://example.org/after-opt-out #ethics", /resource/);
    await settle();
    expect(again + shell.output.slice(-500)).not.toContain("Your Peerloop texts stopped"); // told once
    expect(twilio.requests.filter((r) => r.to === DEE).length).toBe(twilio.requests.slice(0, count).filter((r) => r.to === DEE).length);
    await as("ana");
  }, 60_000);

  it("a member's own export has their number; the community's does not; forget-me deletes it", async () => {
    const mine = await shell.run("/peerloop export mine", /export\?t=\S+/);
    const res = await fetch(/(http:\/\/\S+\/export\?t=\S+)/.exec(mine)![1]!);
    expect(res.status).toBe(200);
    const data = await res.json() as { phone: { number: string; status: string } | null; member: { displayName: string } };
    expect(data.phone).toMatchObject({ number: ANA, status: "confirmed" });
    const all = await shell.run("/peerloop export json", /export\?t=\S+/);
    const doc = await (await fetch(/(http:\/\/\S+\/export\?t=\S+)/.exec(all)![1]!)).text();
    expect(doc).toContain("rural-boundaries");
    expect(doc).not.toContain("5555550188");
    expect(doc).not.toContain("2015550145");

    await as("eve");
    await confirmed("eve", EVE);
    expect(await shell.run("/peerloop forget-me confirm", /no longer keeps/)).toContain("phone number");
    expect(await shell.run("/notify sms", /Texts|number/)).toContain("No number for texts yet");
    if (env.DATABASE_URL) {
      const client = new pg.Client({ connectionString: env.DATABASE_URL });
      await client.connect();
      try {
        for (const table of ["member_phones", "sms_items", "sms_daily"]) {
          const { rows } = await client.query(`SELECT count(*)::int AS n FROM ${table} t JOIN members m ON m.id = t.member_id WHERE m.forgotten_at IS NOT NULL`);
          expect(rows[0].n, table).toBe(0);
        }
        const { rows } = await client.query("SELECT count(*)::int AS n FROM outbox_messages WHERE audience::text LIKE '%2015550156%'");
        expect(rows[0].n).toBe(0);
      } finally {
        await client.end();
      }
    }
    await as("ana");
    expect(shell.output).not.toMatch(/\+?1?201555015[0-9]|\+?1?5555550188/);
  }, 90_000);

  it.skipIf(!process.env.DATABASE_URL)("two replicas running the summary at once send one text", async () => {
    await shell.run("/notify sms daily", /One summary text a day/);
    const before = twilio.to(ANA).length;
    await shareAs("bo", "https://example.org/race-text", "ana");
    const morning = new Date(Date.now() + 5 * 86_400_000);
    morning.setUTCHours(10, 0, 0, 0);
    const runs = await Promise.all([0, 1].map(() => runEntry("src/cli/jobs-cli.ts", ["run", "digests", "--now", morning.toISOString()], env)));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    await textTo(ANA, /^Peerloop: \d+ new resources?/, before); // with what the day's cap held back earlier
    await settle();
    expect(twilio.to(ANA).slice(before)).toHaveLength(1);
    await shell.run("/notify sms instant", /Texts as new items/);
  }, 90_000);
});

describe("texts without Twilio", () => {
  it("writes each text as a small file under PEERLOOP_SMS_DIR, and the shell says where", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-sms-"));
    const db = await databaseEnv();
    const local = new ShellSession({ ...db.env, PEERLOOP_SHELL_USER: "fay", PORT: "0", PEERLOOP_SCHEDULER: "false", PEERLOOP_SMS_DIR: dir, TWILIO_ACCOUNT_SID: "", TWILIO_AUTH_TOKEN: "" });
    try {
      const out = await local.run("/notify sms +15555550123", /Text written to (\S+\.txt)/);
      const file = /Text written to (\S+\.txt)/.exec(out)![1]!;
      expect(existsSync(file)).toBe(true);
      expect(out).toContain("(to +1 ••• ••• 0123)");
      const text = readFileSync(file, "utf8");
      expect(text).toMatch(/^To: \+15555550123$/m);
      expect(text).toMatch(/your code is (\d{6})/);
      const code = /your code is (\d{6})/.exec(text)![1]!;
      expect(await local.run(`/notify sms confirm ${code}`, /Confirmed/)).toContain("+1 ••• ••• 0123");
    } finally {
      await local.close();
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
