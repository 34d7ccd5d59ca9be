import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { zipSync, strToU8 } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runEntry } from "../support/run-cli";
import { ShellSession } from "../support/shell-session";
import { freePort } from "../support/start-bot";
import { databaseEnv } from "../support/test-database";
import { FakeWeb } from "../support/fake-web";

let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
let dir: string;
let port: number;
const web = new FakeWeb();

/**
 * The shell door, started when first needed. On the embedded database only one process may open it, so
 * there the shell is stopped before each CLI run and started again after (acting as the same member).
 */
let current: ShellSession | undefined;
let actingAs = "ana";
const embedded = !process.env.DATABASE_URL;
const openShell = async () => {
  if (current) return current;
  current = new ShellSession(env);
  if (actingAs !== "ana") await current.run(`:as ${actingAs}`, /You are now/);
  return current;
};
const shell = {
  run: async (line: string, until: RegExp) => {
    const session = await openShell();
    actingAs = /^:as (\S+)/.exec(line)?.[1] ?? actingAs;
    return session.run(line, until);
  },
  webReady: async (base: string) => (await openShell()).webReady(base),
  close: async () => {
    await current?.close();
    current = undefined;
  },
};
const cli = async (entry: string, args: string[]) => {
  if (embedded) await shell.close();
  return runEntry(entry, args, env);
};
const exportJson = async (community: string) => {
  const file = path.join(dir, `${community.replace(/\W/g, "_")}-${Date.now()}.json`);
  const r = await cli("src/cli/export-cli.ts", ["--community", community, "--format", "json", "--out", file]);
  expect(r.code, r.err).toBe(0);
  return { file, doc: JSON.parse(readFileSync(file, "utf8")) };
};

/** An export with what differs between two copies of the same content taken out: ids, community name, export time. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an export read back as plain JSON
const content = (raw: Record<string, any>) => {
  // A copy beside the original gets new publisher ids: compare them by position.
  let text = JSON.stringify(raw);
  (raw.sources as { ref: string }[]).forEach((src, i) => (text = text.split(src.ref).join(`source-${i}`)));
  const doc = JSON.parse(text);
  const refs = new Map<string, string>((doc.threads as { ref: string }[]).map((t, i) => [t.ref, `t${i}`]));
  const ref = (r: string) => refs.get(r) ?? r;
  return {
    settings: doc.community.settings,
    members: doc.members,
    resources: doc.resources,
    threads: doc.threads.map((t: Record<string, unknown>) => ({ ...t, ref: ref(t.ref as string) })),
    roundups: doc.roundups.map((r: Record<string, string[]>) => ({ ...r, resolved: r.resolved!.map(ref), open: r.open!.map(ref) })),
    follows: doc.follows,
    sources: doc.sources,
    memberFollows: doc.memberFollows,
    sourceFollows: doc.sourceFollows,
  };
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-data-"));
  port = await freePort();
  const db = await databaseEnv();
  await web.start();
  web.route("/feed.xml", (_q, res) => {
    res.writeHead(200, { "content-type": "application/rss+xml" });
    res.end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Consent Digest</title><link>${web.base}/</link><item><title>Assent and consent with minors</title><link>${web.base}/consent</link><guid>c1</guid><description>A brief guide</description></item></channel></rss>`);
  });
  env = { PEERLOOP_SHELL_USER: "ana", PORT: String(port), PEERLOOP_SCHEDULER: "false", PEERLOOP_FETCH_ALLOW: "127.0.0.1", PEERLOOP_FETCH_HOST_GAP_MS: "0", ...db.env };
  cleanup = db.cleanup;
  const share = await shell.run("/share https://example.org/a?utm_source=x #ethics Great read on consent", /:press (\d+)/);
  const endorseButton = /:press (\d+)/.exec(share)![1]!;
  await shell.run("/share https://example.org/b #youth Group ideas <b>for teens</b>", /resource/);
  // Posted past the guard by its author's choice: in chat, and in the export, but never on the web.
  const flagged = await shell.run("/share https://example.org/overridden #ethics My client Maria Lopez (14) from Springfield, OH loved this", /:press (\d+)/);
  await shell.run(`:press ${/:press (\d+)/.exec(flagged)![1]}`, /resource/);
  await shell.run("/follow #ethics", /You now follow/);
  await shell.run("/peerloop timezone America/Chicago", /Chicago/);
  const asked = await shell.run("/ask How do you explain mandated reporting to a new client? #ethics", /thread ([0-9a-f]{6})/);
  const thread = /thread ([0-9a-f]{6})/.exec(asked)![1]!;
  await shell.run(":as bo", /You are now bo/);
  await shell.run(`:reply ${thread} We use a one-page handout at intake.`, /message reply-/);
  await shell.run(`:press ${endorseButton}`, /endorsed/);
  await shell.run("/follow #youth", /You now follow/);
  await shell.run(":as ana", /You are now ana/);
  await shell.run(`:resolve ${thread} resolved @bo -- Give the handout before the first session`, /resolved|Resolved/);
  // A publisher, its first item, a member and a publisher followed, and a privacy choice (issue 14).
  await shell.run(`/source add ${web.url("/feed.xml")} #ethics`, /Source added/);
  await shell.run(":jobs run sources", /delivered \d+/);
  await shell.run("/source follow Consent Digest", /You now follow Consent Digest/);
  await shell.run("/follow @bo", /You now follow bo/);
  await shell.run(":as bo", /You are now bo/);
  await shell.run("/peerloop privacy people off", /Your privacy/);
  await shell.run(":as ana", /You are now ana/);
  await shell.run(":jobs run roundup", /roundup/);
}, 240_000);

afterAll(async () => {
  await shell.close();
  await web.stop();
  await cleanup?.();
  rmSync(dir, { recursive: true, force: true });
});

describe("export and import (issue 13)", () => {
  it("exports everything needed to restore a community, and an import into an empty community round-trips to equal content", async () => {
    const { file, doc } = await exportJson("shell:local");
    expect(doc.format).toBe("peerloop-export");
    expect(doc.resources.map((r: { url: string }) => r.url).sort()).toEqual([web.url("/consent"), "https://example.org/a", "https://example.org/b", "https://example.org/overridden"]);
    expect(doc.sources).toEqual([expect.objectContaining({ name: "Consent Digest", feedUrl: web.url("/feed.xml"), tags: ["ethics"], addedBy: "ana" })]);
    const item = doc.resources.find((r: { url: string }) => r.url === web.url("/consent"));
    expect(item).toMatchObject({ title: "Assent and consent with minors", description: "A brief guide", siteName: "Consent Digest", source: doc.sources[0].ref, sharer: `source:${doc.sources[0].ref}` });
    expect(doc.memberFollows).toEqual([expect.objectContaining({ follower: "ana", followee: "bo" })]);
    expect(doc.sourceFollows).toEqual([expect.objectContaining({ member: "ana", source: doc.sources[0].ref })]);
    expect(doc.members.find((m: { ref: string }) => m.ref === "bo")).toMatchObject({ followable: true, listed: false });
    expect(doc.resources.filter((r: { guardOverride: boolean }) => r.guardOverride).map((r: { url: string }) => r.url)).toEqual(["https://example.org/overridden"]);
    const a = doc.resources.find((r: { url: string }) => r.url === "https://example.org/a");
    expect(a.endorsements).toEqual([expect.objectContaining({ member: "bo" })]);
    expect(doc.threads).toHaveLength(1);
    expect(doc.threads[0]).toMatchObject({ status: "resolved", outcome: "resolved", outcomeNote: "Give the handout before the first session", helpers: ["bo"] });
    expect(doc.threads[0].replies).toEqual([expect.objectContaining({ author: "bo", text: "We use a one-page handout at intake." })]);
    expect(doc.roundups).toHaveLength(1);
    expect([...doc.roundups[0].resources].sort()).toEqual([web.url("/consent"), "https://example.org/a", "https://example.org/b", "https://example.org/overridden"]);
    expect(doc.follows.map((f: { member: string; tag: string }) => `${f.member}:${f.tag}`).sort()).toEqual(["ana:ethics", "bo:youth"]);
    expect(doc.members.find((m: { ref: string }) => m.ref === "ana").timeZone).toBe("America/Chicago");

    const restored = await cli("src/cli/import-cli.ts", ["--community", "shell:copy", "--name", "Copy", file]);
    expect(restored.code, restored.err).toBe(0);
    expect(restored.out).toContain("Restored into Copy: 3 members, 4 resources, 1 question, 1 roundup, 4 follows, 1 source");
    const copy = await exportJson("shell:copy");
    expect(content(copy.doc)).toEqual(content(doc));

    const again = await cli("src/cli/import-cli.ts", ["--community", "shell:copy", file]);
    expect(again.out).toContain("0 members, 0 resources, 0 questions, 0 roundups, 0 follows, 0 sources");
    expect(content((await exportJson("shell:copy")).doc)).toEqual(content(doc));
  }, 120_000);

  it("exports the library as CSV and Markdown, with member text defused", async () => {
    const csv = await cli("src/cli/export-cli.ts", ["--community", "shell:local", "--format", "csv"]);
    expect(csv.code, csv.err).toBe(0);
    const lines = csv.out.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe("title,url,note,tags,shared_by,shared_at,endorsements,reshares,channel");
    expect(lines).toHaveLength(5);
    expect(lines.find((l) => l.includes("example.org/a"))).toMatch(/Great read on consent,ethics,ana,.*,1,0,general$/);
    // A publisher's item: its preview title, and the publisher as the one who shared it.
    expect(lines.find((l) => l.includes("/consent"))).toMatch(/^Assent and consent with minors,http:\/\/127\.0\.0\.1:\d+\/consent,,ethics,Consent Digest,/);
    const md = await cli("src/cli/export-cli.ts", ["--community", "shell:local", "--format", "md"]);
    expect(md.out).toContain("## Answered questions");
    expect(md.out).toContain("Group ideas \\<b\\>for teens\\</b\\>");
    expect(md.out).toContain("Thanks to bo.");
  }, 60_000);

  it("refuses bad arguments with a clear message and no stack trace", async () => {
    const noCommunity = await cli("src/cli/export-cli.ts", ["--format", "json"]);
    expect(noCommunity.code).toBe(2);
    expect(noCommunity.err).toContain("--community is required");
    const unknown = await cli("src/cli/export-cli.ts", ["--community", "slack:TNOPE"]);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain("There's no slack community TNOPE");
    const notAnExport = path.join(dir, "random.json");
    writeFileSync(notAnExport, JSON.stringify({ hello: "world" }));
    const bad = await cli("src/cli/import-cli.ts", ["--community", "shell:local", notAnExport]);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("neither a Discord channel export");
    expect(bad.err).not.toMatch(/at \w+ \(/);
  }, 60_000);

  it("imports the links of a Slack workspace export: merged, attributed, dated, tagged, guarded, once", async () => {
    const zip = path.join(dir, "slack-export.zip");
    const day = (ts: string, user: string, text: string) => ({ type: "message", user, ts, text });
    writeFileSync(zip, zipSync({
      "users.json": strToU8(JSON.stringify([{ id: "U01", name: "dana", profile: { display_name: "Dana K" } }, { id: "U02", name: "eli", real_name: "Eli M" }])),
      "channels.json": strToU8(JSON.stringify([{ id: "C01", name: "resources" }])),
      "resources/2025-03-01.json": strToU8(JSON.stringify([
        day("1740823200.000100", "U01", "Trauma-informed intake guide <https://example.org/intake?utm_campaign=x|example.org/intake> #trauma #intake"),
        day("1740826800.000200", "U02", "My client Maria Lopez (14) from Springfield, OH needs this <https://example.org/housing> #housing"),
        { type: "message", subtype: "channel_join", user: "U02", ts: "1740826900.000100", text: "<@U02> has joined the channel" },
      ])),
      "resources/2025-03-02.json": strToU8(JSON.stringify([
        day("1740909600.000300", "U02", "Seconding this one <https://example.org/intake> #supervision"),
      ])),
    }));
    const dry = await cli("src/cli/import-cli.ts", ["--community", "slack:T0TEST", "--dry-run", zip]);
    expect(dry.code, dry.err).toBe(0);
    expect(dry.out).toContain("slack:T0TEST does not exist yet: the import would create it.");
    expect(dry.out).toContain("Would add 1 link to the library; would count 1 as re-shares");
    expect(dry.out).toContain("+ https://example.org/intake  (Dana K, 2025-03-01, #trauma #intake)");
    const unchanged = await cli("src/cli/export-cli.ts", ["--community", "slack:T0TEST"]);
    expect(unchanged.code).toBe(2); // the dry run created nothing, not even the community

    const first = await cli("src/cli/import-cli.ts", ["--community", "slack:T0TEST", "--name", "Test workspace", zip]);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toContain("Added 1 link to the library; counted 1 as re-shares of links already there; 0 already imported before.");
    expect(first.out).toContain("Held back by the confidentiality guard, never stored (1)");
    expect(first.out).toContain("slack:C01:1740826800.000200");
    expect(first.out).not.toContain("Maria");

    const dryAgain = await cli("src/cli/import-cli.ts", ["--community", "slack:T0TEST", "--dry-run", zip]);
    expect(dryAgain.out).toContain("Dry run: nothing is written.");
    expect(dryAgain.out).toContain("Would add 0 links");
    const second = await cli("src/cli/import-cli.ts", ["--community", "slack:T0TEST", zip]);
    expect(second.out).toContain("Added 0 links to the library; counted 0 as re-shares of links already there; 2 already imported before.");

    const { doc } = await exportJson("slack:T0TEST");
    expect(doc.resources).toEqual([expect.objectContaining({
      url: "https://example.org/intake", sharer: "U01", createdAt: "2025-03-01T10:00:00Z", reshareCount: 1,
      tags: ["intake", "supervision", "trauma"], note: "Trauma-informed intake guide",
    })]);
    expect(doc.members.map((m: { ref: string; displayName: string }) => `${m.ref}=${m.displayName}`).sort()).toEqual(["U01=Dana K", "U02=Eli M"]);
    expect(JSON.stringify(doc)).not.toContain("housing");
  }, 120_000);

  it("imports a Discord channel export into its own server's community only", async () => {
    const file = path.join(dir, "discord.json");
    writeFileSync(file, JSON.stringify({
      guild: { id: "810000000000000001", name: "PLN" }, channel: { id: "910000000000000001", name: "resources" },
      messages: [
        { id: "1100000000000000001", type: "Default", timestamp: "2025-05-01T09:00:00+00:00", content: "Motivational interviewing primer https://example.org/mi #mi", author: { id: "501000000000000001", name: "cam", nickname: "Cam R" } },
        { id: "1100000000000000002", type: "Default", timestamp: "2025-05-01T09:05:00+00:00", content: "bot post https://example.org/bot", author: { id: "502000000000000001", name: "bot", isBot: true } },
      ],
    }));
    const wrong = await cli("src/cli/import-cli.ts", ["--community", "discord:820000000000000002", "--name", "Other", file]);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain("This export is of Discord server 810000000000000001");
    const intoSlack = await cli("src/cli/import-cli.ts", ["--community", "slack:T0TEST", file]);
    expect(intoSlack.code).toBe(2);
    expect(intoSlack.err).toContain("is a slack community");
    const ok = await cli("src/cli/import-cli.ts", ["--community", "discord:810000000000000001", "--name", "PLN", file]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain("Added 1 link");
    const { doc } = await exportJson("discord:810000000000000001");
    expect(doc.resources).toEqual([expect.objectContaining({ url: "https://example.org/mi", sharer: "501000000000000001", tags: ["mi"], note: "Motivational interviewing primer", channelId: "910000000000000001" })]);
  }, 120_000);

  it("forget-me asks first, then removes a member's follows, settings and identity and keeps their posts as a former member's", async () => {
    const ask = await shell.run("/peerloop forget-me", /forget-me confirm/);
    expect(ask).toContain("can't be undone");
    await shell.run(":as bo", /You are now bo/);
    const done = await shell.run("/peerloop forget-me confirm", /Done: Peerloop no longer keeps/);
    expect(done).toContain("start afresh");
    const { doc } = await exportJson("shell:local");
    const former = doc.members.find((m: { forgotten: boolean }) => m.forgotten);
    expect(former).toMatchObject({ displayName: "a former member", notify: "off", timeZone: null });
    expect(former.ref).not.toBe("bo");
    expect(doc.members.some((m: { ref: string }) => m.ref === "bo")).toBe(false);
    expect(doc.follows.map((f: { tag: string }) => f.tag)).toEqual(["ethics"]);
    expect(doc.threads[0].replies[0].author).toBe(former.ref);
    expect(doc.resources.find((r: { url: string }) => r.url === "https://example.org/a").endorsements).toHaveLength(1);
    // Using Peerloop again starts afresh as a new member.
    await shell.run("/peerloop me", /follow/i);
    expect((await exportJson("shell:local")).doc.members.some((m: { ref: string }) => m.ref === "bo")).toBe(true);
    await shell.run(":as ana", /You are now ana/);
  }, 120_000);

  it("prints an admin's sign-in link from the command line", async () => {
    const r = await cli("src/cli/web-cli.ts", ["link", "--community", "shell:local"]);
    expect(r.code, r.err).toBe(0);
    const url = r.out.trim();
    expect(url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/c/[0-9a-f-]{36}/login\\?t=v1\\.`));
    await shell.webReady(`http://127.0.0.1:${port}`);
    const res = await fetch(url, { redirect: "manual" });
    expect(res.status).toBe(303);
    expect(res.headers.get("set-cookie")).toMatch(/^peerloop_session=v1\..*HttpOnly; SameSite=Lax/);
    const cookie = res.headers.get("set-cookie")!.split(";")[0]!;
    const origin = new URL(url).origin;
    const communityPath = new URL(url).pathname.replace(/login$/, "");
    const page = async (p: string) => {
      const r = await fetch(`${origin}${communityPath}${p}`, { headers: { cookie } });
      return { status: r.status, body: await r.text() };
    };
    const library = await page("");
    expect(library.body).toContain("https://example.org/a");
    expect(library.body).not.toContain("overridden");
    expect((await page("feeds/resources.atom")).body).not.toContain("overridden");
    const answered = await page("questions");
    expect(answered.status).toBe(200);
    expect(answered.body).toContain("How do you explain mandated reporting to a new client?");
    expect(answered.body).toContain("Give the handout before the first session");
    expect(answered.body).toContain("Thanks to a former member");
    const roundups = await page("roundups");
    const period = /roundups\/(\d{4}-W\d{2})/.exec(roundups.body)?.[1];
    expect(period, roundups.body).toBeTruthy();
    const week = await page(`roundups/${period}`);
    expect(week.body).toContain("This week in Local community");
    expect(week.body).toContain("a (example.org)");
    expect(week.body).not.toContain("overridden");
    expect((await page("roundups/2020-W01")).status).toBe(404);
    const feed = await page("feeds/roundups.atom");
    expect(feed.body).toContain(`roundups/${period}`);
    const list = await cli("src/cli/web-cli.ts", ["communities"]);
    expect(list.out).toMatch(/shell:local\s+Local community/);
  }, 60_000);

  it("/peerloop export hands an admin a private, expiring download, and refuses other members", async () => {
    const out = await shell.run("/peerloop export csv", /export\?t=\S+/);
    const url = /(http:\/\/\S+\/export\?t=\S+)/.exec(out)![1]!;
    await shell.webReady(new URL(url).origin);
    const res = await fetch(url);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="peerloop-local-community-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(await res.text()).toContain("https://example.org/a");
    const tampered = await fetch(url.replace(/.$/, (c) => (c === "A" ? "B" : "A")));
    expect(tampered.status).toBe(403);
    await shell.run(":as cy", /You are now cy/);
    expect(await shell.run("/peerloop export json", /admins/)).toContain("Only workspace or server admins can export");
    await shell.run(":as ana", /You are now ana/);
  }, 60_000);
});
