import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeSmtp } from "../support/fake-smtp";
import { runEntry } from "../support/run-cli";
import { ShellSession, startShellWithWeb } from "../support/shell-session";
import { databaseEnv } from "../support/test-database";

let smtp: Awaited<ReturnType<typeof startFakeSmtp>>;
let shell: ShellSession;
let env: NodeJS.ProcessEnv;
let base: string;
let cleanup: () => Promise<void>;

const eventually = <T>(get: () => T | undefined | null | false, what: string, ms?: number) => shell.eventually(get, what, ms);
const mailTo = (address: string, subject: RegExp, after = 0) => eventually(() => smtp.to(address).slice(after).find((m) => subject.test(m.subject ?? "")), `an email to ${address} matching ${subject}`);
const codeIn = (m: ParsedMail) => /\b(\d{6})\b/.exec(m.text ?? "")![1]!;
/** A raw header's value (mailparser turns List-* headers into objects; these tests read what was sent). */
const header = (m: ParsedMail, name: string) => m.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, "").replace(/\r?\n\s+/g, " ");
const unsubscribeUrl = (m: ParsedMail) => /<([^>]+)>/.exec(header(m, "list-unsubscribe") ?? "")![1]!;
const settle = () => new Promise((r) => setTimeout(r, 700));

beforeAll(async () => {
  smtp = await startFakeSmtp();
  ({ shell, env, base, cleanup } = await startShellWithWeb(() => ({ SMTP_URL: smtp.url, EMAIL_FROM: "Peerloop <peerloop@example.org>" })));
  await shell.run("/follow #ethics", /You now follow/);
  await shell.webReady(base);
}, 120_000);

afterAll(async () => {
  await shell?.close();
  await smtp?.close();
  await cleanup?.();
});

describe("email digests and alerts (issue 15)", () => {
  it("confirms an address by code; an unconfirmed address gets nothing else", async () => {
    expect(await shell.run("/notify email not-an-address", /INVALID_OPTION/)).toContain("/notify email you@example.org");
    await shell.run("/notify email ana@example.org", /Check ana@example.org/);
    const confirmation = await mailTo("ana@example.org", /Confirm your email/);
    expect(confirmation.from?.value[0]).toMatchObject({ name: "Peerloop", address: "peerloop@example.org" });
    expect(header(confirmation, "list-unsubscribe")).toBeUndefined();
    expect(confirmation.html).toContain("/email/confirm?t=");
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/before-confirm #ethics", /resource/);
    await settle();
    expect(smtp.to("ana@example.org")).toHaveLength(1);
    await shell.run(":as ana", /You are now ana/);
    expect(await shell.run("/notify email confirm 000000", /INVALID_OPTION|confirmed/)).toMatch(/doesn't match|already/);
    expect(await shell.run(`/notify email confirm ${codeIn(confirmation)}`, /Email confirmed/)).toContain("weekly digest");
  }, 60_000);

  it("confirms an address by its link, on the web server, without signing in", async () => {
    await shell.run(":as cy", /You are now cy/);
    await shell.run("/notify email cy@example.org", /Check cy@example.org/);
    const mail = await mailTo("cy@example.org", /Confirm your email/);
    const link = /(http:\/\/\S+\/email\/confirm\?t=[\w.-]+)/.exec(mail.text ?? "")![1]!;
    const res = await fetch(link);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Email confirmed");
    expect(await shell.run("/notify email", /Email:/)).toContain("cy@example.org: weekly digests");
    await shell.run(":as ana", /You are now ana/);
  }, 60_000);

  it("sends instant alerts as multipart mail with a one-click unsubscribe; a 4xx is retried", async () => {
    await shell.run("/notify email instant", /as they happen/);
    const before = smtp.to("ana@example.org").length;
    smtp.failNext(451);
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/instant #ethics <b>bold</b> & careful", /resource/);
    const alert = await mailTo("ana@example.org", /New resource on #ethics/, before);
    expect(alert.text).toContain("https://example.org/instant");
    expect(alert.html).toContain("&lt;b&gt;bold&lt;/b&gt; &amp; careful");
    expect(alert.html).not.toContain("<b>bold</b>");
    expect(alert.html).not.toMatch(/<img/i);
    expect(alert.messageId).toBeTruthy();
    expect(alert.date).toBeInstanceOf(Date);
    expect(header(alert, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(unsubscribeUrl(alert)).toMatch(/\/email\/unsubscribe\?t=/);
    expect(alert.html).toContain(unsubscribeUrl(alert).replace(/&/g, "&amp;"));
    await settle();
    expect(smtp.to("ana@example.org").slice(before)).toHaveLength(1);
    // Posted past the confidentiality guard by its author's choice: in chat, never by email.
    const flagged = await shell.run("/share https://example.org/overridden #ethics my client Maria Lopez (14) from Springfield, OH loved this", /:press (\d+)/);
    await shell.run(`:press ${/Post anyway[^\n]*:press (\d+)/.exec(flagged)![1]}`, /resource/);
    await settle();
    expect(smtp.to("ana@example.org").slice(before)).toHaveLength(1);
    await shell.run(":as ana", /You are now ana/);
  }, 60_000);

  it("holds alerts during quiet hours and sends them when the quiet hours end", async () => {
    const hour = new Date().getUTCHours();
    await shell.run(`/peerloop quiet ${String(hour).padStart(2, "0")}:00-${String((hour + 2) % 24).padStart(2, "0")}:00`, /[Qq]uiet/);
    const before = smtp.to("ana@example.org").length;
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/at-night #ethics", /resource/);
    await shell.run(":as ana", /You are now ana/);
    await settle();
    expect(smtp.to("ana@example.org").slice(before).filter((m) => /New resource/.test(m.subject ?? "")).map((m) => m.text)).toEqual([]);
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
    await shell.run(`:jobs run digests --now ${later}`, /email digest for ana|digests/);
    const digest = await mailTo("ana@example.org", /catch-up Peerloop digest/, before);
    expect(digest.text).toContain("https://example.org/at-night");
    await shell.run("/peerloop quiet off", /[Qq]uiet/);
  }, 60_000);

  it("sends a daily digest once per day, and the roundup to those who asked", async () => {
    await shell.run("/notify email daily", /daily email digest/);
    await shell.run("/notify email roundup on", /roundup by email/);
    const before = smtp.to("ana@example.org").length;
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/for-the-digest #ethics", /resource/);
    await shell.run(":as ana", /You are now ana/);
    await settle();
    expect(smtp.to("ana@example.org").length).toBe(before);
    const morning = new Date(Date.now() + 86_400_000);
    morning.setUTCHours(9, 0, 0, 0);
    await shell.run(`:jobs run digests --now ${morning.toISOString()}`, /email digest for ana/);
    const digest = await mailTo("ana@example.org", /daily Peerloop digest/, before);
    expect(digest.text).toContain("https://example.org/for-the-digest");
    expect(await shell.run(`:jobs run digests --now ${morning.toISOString()}`, /\n/)).not.toContain("email digest for ana");
    await shell.run(":jobs run roundup", /roundup/);
    const roundup = await mailTo("ana@example.org", /This week in Local community/, before);
    expect(roundup.text).toContain("example.org");
    expect(unsubscribeUrl(roundup)).toContain("/email/unsubscribe?t=");
  }, 60_000);

  it("unsubscribes by the List-Unsubscribe POST and by the footer link's page; nothing follows", async () => {
    const last = smtp.to("ana@example.org").at(-1)!;
    const res = await fetch(unsubscribeUrl(last), { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "List-Unsubscribe=One-Click" });
    expect(res.status).toBe(200);
    expect(await shell.run("/notify email", /email/i)).toContain("No email address yet");

    await shell.run(":as cy", /You are now cy/);
    await shell.run("/notify email instant", /as they happen/);
    await shell.run("/follow #ethics", /You now follow/);
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/for-cy #ethics", /resource/);
    const alert = await mailTo("cy@example.org", /New resource/);
    const page = await fetch(unsubscribeUrl(alert));
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html).toContain('<form method="post"');
    expect(await shell.run(":as cy", /You are now cy/)).toBeTruthy();
    expect(await shell.run("/notify email", /Email|email/)).toContain("cy@example.org"); // a GET alone changes nothing
    const action = /action="([^"]+)"/.exec(html)![1]!.replace(/&amp;/g, "&");
    expect((await fetch(new URL(action, base), { method: "POST" })).status).toBe(200);
    const count = { ana: smtp.to("ana@example.org").length, cy: smtp.to("cy@example.org").length };
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/after-unsubscribe #ethics", /resource/);
    await settle();
    expect(smtp.to("ana@example.org").length).toBe(count.ana);
    expect(smtp.to("cy@example.org").length).toBe(count.cy);
    expect((await fetch(unsubscribeUrl(alert).replace(/.$/, (c) => (c === "A" ? "B" : "A")), { method: "POST" })).status).toBe(403);
  }, 60_000);

  it("stops email to an address that refuses mail for good (5xx) and tells its member in chat, once", async () => {
    await shell.run(":as dee", /You are now dee/);
    smtp.failNext(550);
    const out = await shell.run("/notify email dee@example.org", /Your Peerloop emails stopped/);
    expect(out).toContain("✉ DM to dee");
    expect(smtp.to("dee@example.org")).toHaveLength(0);
    expect(await shell.run("/notify email", /dee@example.org/)).toContain("waiting for confirmation");
  }, 60_000);

  it.skipIf(!process.env.DATABASE_URL)("two concurrent digest runs send one email", async () => {
    await shell.run(":as eve", /You are now eve/);
    await shell.run("/notify email eve@example.org", /Check eve@example.org/);
    const code = codeIn(await mailTo("eve@example.org", /Confirm your email/));
    await shell.run(`/notify email confirm ${code}`, /Email confirmed/);
    await shell.run("/notify email daily", /daily/);
    await shell.run("/follow #ethics", /You now follow/);
    await shell.run(":as bo", /You are now bo/);
    await shell.run("/share https://example.org/race #ethics", /resource/);
    const morning = new Date(Date.now() + 2 * 86_400_000);
    morning.setUTCHours(10, 0, 0, 0);
    const runs = await Promise.all([0, 1].map(() => runEntry("src/cli/jobs-cli.ts", ["run", "digests", "--now", morning.toISOString()], env)));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    await mailTo("eve@example.org", /daily Peerloop digest/);
    await settle();
    expect(smtp.to("eve@example.org").filter((m) => /digest/.test(m.subject ?? ""))).toHaveLength(1);
  }, 90_000);
});

describe("email without an SMTP server", () => {
  it("writes each email as an .eml file under the mail folder, and the shell says where", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-mail-"));
    const db = await databaseEnv();
    const local = new ShellSession({ ...db.env, PEERLOOP_SHELL_USER: "fay", PORT: "0", PEERLOOP_SCHEDULER: "false", PEERLOOP_MAIL_DIR: dir, SMTP_URL: "" });
    try {
      const out = await local.run("/notify email fay@example.org", /Email written to (\S+\.eml)/);
      const file = /Email written to (\S+\.eml)/.exec(out)![1]!;
      expect(existsSync(file)).toBe(true);
      expect(readdirSync(dir)).toHaveLength(1);
      const eml = readFileSync(file, "utf8");
      expect(eml).toMatch(/^Subject: Confirm your email for Local community on Peerloop$/m);
      expect(eml).toMatch(/^To: fay@example.org$/m);
      expect(eml).toContain("multipart/alternative");
    } finally {
      await local.close();
      await db.cleanup();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
