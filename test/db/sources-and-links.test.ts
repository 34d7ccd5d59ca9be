import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddressPolicy } from "../../src/adapters/fetch/address-policy";
import { userAgent } from "../../src/adapters/fetch/create-fetcher";
import { SafeFetcher } from "../../src/adapters/fetch/safe-fetch";
import { webReader } from "../../src/adapters/fetch/web-reader";
import { runLinks } from "../../src/core/links/links-job";
import { composeRoundup, roundupMessage } from "../../src/core/roundups/compose-roundup";
import { runSources } from "../../src/core/sources/sources-job";
import type { Database } from "../../src/db/open-database";
import { prismaStore } from "../../src/db/prisma-store";
import { PrismaSiteRepository } from "../../src/db/repositories/site-repository";
import { readLibraryParams } from "../../src/core/web/site-service";
import { coreHarness, directMessages, privateTexts } from "../support/core-harness";
import { FakeWeb } from "../support/fake-web";
import { testDatabase } from "../support/test-database";

let db: Database;
const web = new FakeWeb();
const fetcher = new SafeFetcher({ policy: AddressPolicy.fromList("127.0.0.1"), userAgent: userAgent(), hostGapMs: 0 });
const reader = webReader(fetcher);
const readerFn = async () => reader;

beforeAll(async () => {
  db = await testDatabase();
  await web.start();
});
afterAll(async () => {
  await web.stop();
  await fetcher.close();
  await db?.close();
});

let n = 0;
const harness = () => coreHarness({ store: prismaStore(db.prisma), community: `S${++n}-${Date.now()}`, web: readerFn });
const at = (iso: string) => new Date(iso);
const T0 = "2026-11-02T10:00:00Z";
const hours = (h: number) => new Date(at(T0).getTime() + h * 3_600_000);

/** An RSS 2.0 feed with ETag and Last-Modified, answering 304 to a matching conditional request. */
const rss = (items: { guid: string; link: string; title: string; date: string }[], etag: string) =>
  (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => {
    if (req.headers["if-none-match"] === etag) return void (res.writeHead(304, { etag }), res.end());
    res.writeHead(200, { "content-type": "application/rss+xml; charset=utf-8", etag, "last-modified": "Mon, 02 Nov 2026 09:00:00 GMT" });
    res.end(`<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Practice Notes</title><link>${web.base}/notes</link>
${items.map((i) => `<item><title>${i.title}</title><link>${i.link}</link><guid isPermaLink="false">${i.guid}</guid><pubDate>${new Date(i.date).toUTCString()}</pubDate><description>&lt;p&gt;About ${i.title}&lt;/p&gt;</description></item>`).join("\n")}
</channel></rss>`);
  };

const outbox = async (communityId: string) => db.prisma.outboxMessage.findMany({ where: { communityId }, orderBy: { createdAt: "asc" } });

describe("sources (publishers and their feeds)", () => {
  it("finds a site's RSS feed, adds its back catalogue quietly, then posts new items, tells followers, and reads again conditionally (304)", async () => {
    const h = harness();
    const items = [{ guid: "n1", link: `${web.base}/notes/1`, title: "Boundaries in home visits", date: "2026-11-01T08:00:00Z" }];
    let etag = '"v1"';
    web.page("/notes", `<html><head><title>Practice Notes</title><link rel="alternate" type="application/rss+xml" title="RSS" href="/notes/feed.xml"></head></html>`);
    web.route("/notes/feed.xml", (q, r) => rss(items, etag)(q, r));

    const added = await h.run("admin", `/source add ${web.url("/notes")} #ethics #supervision`, { admin: true });
    expect(privateTexts(added)[0]).toMatch(/Source added: Practice Notes/);
    const member = await h.run("maria", `/source add ${web.url("/notes")}`);
    expect(privateTexts(member)[0]).toMatch(/Only admins can add sources/);
    await h.run("ben", "/follow #supervision");
    await h.run("cleo", "/source follow practice notes");

    const a = await h.actor("admin");
    const first = await runSources(h.store, readerFn, h.services.notifications, (await h.store.communities.get(a.communityId))!, hours(1), false);
    expect(first.posted[0]).toMatch(/1 new \(first read: added quietly\)/);
    expect(await outbox(a.communityId)).toHaveLength(0);
    const back = (await h.store.resources.findByUrl(a.communityId, `${web.base}/notes/1`))!;
    expect(back).toMatchObject({ title: "Boundaries in home visits", description: "About Boundaries in home visits", siteName: "Practice Notes", tags: ["ethics", "supervision"] });

    items.push({ guid: "n2", link: `${web.base}/notes/2`, title: "Warm handoffs", date: "2026-11-02T08:00:00Z" });
    etag = '"v2"';
    const community = (await h.store.communities.get(a.communityId))!;
    // Not due yet: a healthy source is read hourly.
    expect((await runSources(h.store, readerFn, h.services.notifications, community, hours(1.5), false)).posted).toEqual([]);
    const second = await runSources(h.store, readerFn, h.services.notifications, community, hours(2.1), false);
    expect(second.posted[0]).toMatch(/1 new, 0 merged with members' shares, 0 moved, 1 already seen/);
    const sent = await outbox(a.communityId);
    const audiences = sent.map((o) => o.audience as { kind: string; memberId?: string; channelId?: string });
    expect(audiences.filter((x) => x.kind === "post")).toEqual([{ kind: "post", channelId: "general" }]);
    const ben = await h.actor("ben"), cleo = await h.actor("cleo");
    expect(audiences.filter((x) => x.kind === "member").map((x) => x.memberId).sort()).toEqual([ben.memberId, cleo.memberId].sort());

    const feedRequests = web.requests("/notes/feed.xml").length;
    const third = await runSources(h.store, readerFn, h.services.notifications, community, hours(3.2), false);
    expect(third.skipped[0]).toMatch(/not modified/);
    expect(web.requests("/notes/feed.xml").at(-1)!.headers["if-none-match"]).toBe('"v2"');
    expect(web.requests("/notes/feed.xml")).toHaveLength(feedRequests + 1);
    expect(await outbox(a.communityId)).toHaveLength(sent.length);
  });

  it("reads Atom and JSON Feed, merges an item with a member's earlier share of the same link, and follows a moved item", async () => {
    const h = harness();
    const a = await h.actor("admin", true);
    let atomLink = `${web.base}/atom/post-1`;
    web.route("/atom.xml", (_q, res) => {
      res.writeHead(200, { "content-type": "application/atom+xml" });
      res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Journal</title><link href="${web.base}/atom"/>
<entry><id>urn:post-1</id><title type="text">Trauma-informed intake</title><link rel="alternate" href="${atomLink}"/><updated>2026-11-01T00:00:00Z</updated><summary>Intake notes</summary></entry>
<entry><id>urn:post-2</id><title>Shared before</title><link href="${web.base}/shared/page?utm_source=feed"/><updated>2026-10-30T00:00:00Z</updated></entry></feed>`);
    });
    web.route("/feed.json", (_q, res) => {
      res.writeHead(200, { "content-type": "application/feed+json" });
      res.end(JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "JSON Weekly", home_page_url: `${web.base}/json`, items: [
        { id: "j1", url: `${web.base}/json/1`, title: "Caseload planning", summary: "Plan ahead", date_published: "2026-11-01T00:00:00Z", tags: ["x"] },
      ] }));
    });
    await h.run("maria", `/share ${web.base}/shared/page #housing Useful`);
    expect(privateTexts(await h.run("admin", `/source add ${web.url("/atom.xml")} #intake`, { admin: true }))[0]).toMatch(/Source added: Atom Journal/);
    expect(privateTexts(await h.run("admin", `/source add ${web.url("/feed.json")} #planning`, { admin: true }))[0]).toMatch(/Source added: JSON Weekly/);
    expect(privateTexts(await h.run("admin", `/source add ${web.url("/feed.json")}`, { admin: true }))[0]).toMatch(/already a source here, as "JSON Weekly"/);
    const community = (await h.store.communities.get(a.communityId))!;
    const report = await runSources(h.store, readerFn, h.services.notifications, community, hours(1), false);
    expect(report.posted.join("\n")).toMatch(/Atom Journal: 1 new .*1 merged/);
    expect(report.posted.join("\n")).toMatch(/JSON Weekly: 1 new/);
    const shared = (await h.store.resources.findByUrl(a.communityId, `${web.base}/shared/page`))!;
    expect(shared.tags).toEqual(["housing", "intake"]);
    expect(shared.sourceId).toBeTruthy();
    expect((await h.store.resources.findByUrl(a.communityId, `${web.base}/json/1`))!.title).toBe("Caseload planning");

    atomLink = `${web.base}/atom/moved-post-1`;
    const moved = await runSources(h.store, readerFn, h.services.notifications, community, hours(2.5), false);
    expect(moved.posted.join("\n")).toMatch(/Atom Journal: 0 new, 0 merged with members' shares, 1 moved/);
    expect(await h.store.resources.findByUrl(a.communityId, `${web.base}/atom/post-1`)).toBeNull();
    expect((await h.store.resources.findByUrl(a.communityId, atomLink))!.title).toBe("Trauma-informed intake");
    const count = await db.prisma.resource.count({ where: { communityId: a.communityId } });
    expect(count).toBe(3);
  });

  it("honours a 429's Retry-After, even on a forced run, and backs off", async () => {
    const h = harness();
    const a = await h.actor("admin", true);
    let limited = false;
    web.route("/busy.xml", (q, res) => {
      if (limited) return void (res.writeHead(429, { "retry-after": "7200" }), res.end());
      rss([{ guid: "b1", link: `${web.base}/busy/1`, title: "Busy one", date: "2026-11-01T00:00:00Z" }], '"b"')(q, res);
    });
    await h.run("admin", `/source add ${web.url("/busy.xml")}`, { admin: true });
    limited = true;
    const community = (await h.store.communities.get(a.communityId))!;
    const first = await runSources(h.store, readerFn, h.services.notifications, community, hours(1), true);
    expect(first.skipped[0]).toMatch(/failed \(the site answered HTTP 429\); next try in 120 min/);
    const before = web.requests("/busy.xml").length;
    await runSources(h.store, readerFn, h.services.notifications, community, hours(2), true);
    expect(web.requests("/busy.xml")).toHaveLength(before);
    limited = false;
    const later = await runSources(h.store, readerFn, h.services.notifications, community, hours(3.1), true);
    expect(later.posted[0]).toMatch(/Busy: 1 new|1 new/);
  });

  it("pauses a source that keeps failing for days and tells its admins once; adding it again resumes it", async () => {
    const h = harness();
    const a = await h.actor("admin", true);
    let down = false;
    web.route("/flaky.xml", (q, res) => (down ? void (res.writeHead(503), res.end("down")) : rss([], '"f"')(q, res)));
    await h.run("admin", `/source add ${web.url("/flaky.xml")} #news name: Flaky Feed`, { admin: true });
    down = true;
    const community = (await h.store.communities.get(a.communityId))!;
    const lines: string[] = [];
    for (let hour = 1; hour <= 24 * 5; hour += 6) {
      const r = await runSources(h.store, readerFn, h.services.notifications, community, hours(hour), false);
      lines.push(...r.skipped);
    }
    expect(lines.some((l) => /Flaky Feed: paused after failing since/.test(l))).toBe(true);
    const source = (await h.store.sources!.findByName(a.communityId, "flaky feed"))!;
    expect(source.pausedAt).not.toBeNull();
    const told = (await outbox(a.communityId)).filter((o) => o.dedupeKey.startsWith("source-paused:"));
    expect(told).toHaveLength(1);
    expect((told[0]!.message as { title: string }).title).toBe("Source paused: Flaky Feed");
    expect(privateTexts(await h.run("admin", "/source list"))[0]).toMatch(/Sources \(1\)/);
    const listed = (await h.run("admin", "/source list"))[0]!.message.items![0]!.detail;
    expect(listed).toMatch(/paused since/);
    // Nothing more is tried while paused.
    const requests = web.requests("/flaky.xml").length;
    await runSources(h.store, readerFn, h.services.notifications, community, hours(24 * 6), true);
    expect(web.requests("/flaky.xml")).toHaveLength(requests);
    down = false;
    expect(privateTexts(await h.run("admin", `/source add ${web.url("/flaky.xml")}`, { admin: true }))[0]).toMatch(/Source resumed/);
    expect((await runSources(h.store, readerFn, h.services.notifications, community, hours(24 * 6), false)).posted[0]).toMatch(/Flaky Feed: 0 new/);
  });

  it("posts at most 3 cards a day in the channel; the rest join the library quietly", async () => {
    const h = harness();
    const a = await h.actor("admin", true);
    const items: { guid: string; link: string; title: string; date: string }[] = [];
    web.route("/many.xml", (q, res) => rss(items, `"m${items.length}"`)(q, res));
    await h.run("admin", `/source add ${web.url("/many.xml")} #daily`, { admin: true });
    const community = (await h.store.communities.get(a.communityId))!;
    await runSources(h.store, readerFn, h.services.notifications, community, hours(1), false);
    for (let i = 0; i < 6; i++) items.push({ guid: `m${i}`, link: `${web.base}/many/${i}`, title: `Item ${i}`, date: `2026-11-02T0${i}:00:00Z` });
    await runSources(h.store, readerFn, h.services.notifications, community, hours(2.5), false);
    const posts = (await outbox(a.communityId)).filter((o) => (o.audience as { kind: string }).kind === "post");
    expect(posts).toHaveLength(3);
    expect(await db.prisma.resource.count({ where: { communityId: a.communityId } })).toBe(6);
  });

  it("takes each item once and checks each link once when two replicas run the jobs at the same moment", async () => {
    const h = harness();
    const a = await h.actor("admin", true);
    const items: { guid: string; link: string; title: string; date: string }[] = [];
    web.route("/twice.xml", (q, res) => rss(items, `"t${items.length}"`)(q, res));
    for (let i = 0; i < 4; i++) web.page(`/twice/${i}`, `<title>Twice ${i}</title>`);
    await h.run("admin", `/source add ${web.url("/twice.xml")} #both`, { admin: true });
    const community = (await h.store.communities.get(a.communityId))!;
    await runSources(h.store, readerFn, h.services.notifications, community, hours(1), false);
    for (let i = 0; i < 4; i++) items.push({ guid: `t${i}`, link: `${web.base}/twice/${i}`, title: `Twice ${i}`, date: `2026-11-02T0${i}:00:00Z` });
    const replicaA = prismaStore(db.prisma), replicaB = prismaStore(db.prisma);
    const reports = await Promise.all([replicaA, replicaB].map((store) => runSources(store, readerFn, h.services.notifications, community, hours(2.5), true)));
    expect(reports.flatMap((r) => [...r.posted, ...r.skipped]).join("\n")).toMatch(/4 new/);
    expect(await db.prisma.resource.count({ where: { communityId: a.communityId } })).toBe(4);
    expect((await outbox(a.communityId)).filter((o) => (o.audience as { kind: string }).kind === "post")).toHaveLength(3);

    await Promise.all([replicaA, replicaB].map((store) => runLinks(store, readerFn, undefined, community, hours(3), true)));
    for (let i = 0; i < 4; i++) expect(web.requests(`/twice/${i}`).map((r) => r.method)).toEqual(["HEAD"]);
    expect(await db.prisma.resource.count({ where: { communityId: a.communityId, linkCheckedAt: { not: null } } })).toBe(4);
  });

  it("refuses a page with no feed and an address on a private network, with a clear reason", async () => {
    const h = harness();
    web.page("/nofeed", "<html><head><title>No feed here</title></head></html>");
    expect(privateTexts(await h.run("admin", `/source add ${web.url("/nofeed")}`, { admin: true }))[0]).toMatch(/announces no feed/);
    expect(privateTexts(await h.run("admin", "/source add http://10.1.2.3/feed.xml", { admin: true }))[0]).toMatch(/private network/);
    expect(privateTexts(await h.run("admin", "/source remove Nothing", { admin: true }))[0]).toMatch(/no source named "Nothing"/);
  });
});

describe("link health", () => {
  it("marks a link broken after two failed checks, tells its sharer once, ranks it lower, lists it in the roundup, and clears it when it comes back", async () => {
    const h = harness();
    let gone = false;
    web.route("/guide/safety", (_q, res) => (gone ? void (res.writeHead(404), res.end()) : void (res.writeHead(200, { "content-type": "text/html" }), res.end("<title>Safety plan guide</title>"))));
    web.route("/guide/safety-2", (_q, res) => void (res.writeHead(200, { "content-type": "text/html" }), res.end("<title>Safety plan guide two</title>")));
    web.route("/no-head", (q, res) => void (q.method === "HEAD" ? (res.writeHead(405), res.end()) : (res.writeHead(200, { "content-type": "text/html" }), res.end("<title>x</title>"))));
    await h.run("maria", `/share ${web.url("/guide/safety")} #safety Safety plan`);
    await h.run("maria", `/share ${web.url("/guide/safety-2")} #safety Safety plan too`);
    await h.run("maria", `/share ${web.url("/no-head")} #other`);
    const maria = await h.actor("maria");
    const community = (await h.store.communities.get(maria.communityId))!;

    const first = await runLinks(h.store, readerFn, h.services.previews, community, hours(1), false);
    expect(first.skipped[0]).toMatch(/checked 3 links: 3 answer/);
    expect(web.requests("/no-head").map((r) => r.method)).toEqual(["HEAD", "GET", "GET"]);
    // Not due again for a week.
    expect((await runLinks(h.store, readerFn, h.services.previews, community, hours(2), false)).skipped).toEqual([]);

    gone = true;
    const once = await runLinks(h.store, readerFn, h.services.previews, community, hours(24 * 8), false);
    expect(once.posted).toEqual([]);
    const twice = await runLinks(h.store, readerFn, h.services.previews, community, hours(24 * 16), false);
    expect(twice.posted[0]).toMatch(/^link broken: .*guide\/safety: the page is gone \(HTTP 404\)/);
    const told = (await outbox(maria.communityId)).filter((o) => o.dedupeKey.startsWith("link-broken:"));
    expect(told).toHaveLength(1);
    expect((told[0]!.audience as { memberId: string }).memberId).toBe(maria.memberId);
    await runLinks(h.store, readerFn, h.services.previews, community, hours(24 * 24), false);
    expect((await outbox(maria.communityId)).filter((o) => o.dedupeKey.startsWith("link-broken:"))).toHaveLength(1);

    const search = (await h.run("ben", "/resources safety plan"))[0]!.message.items!;
    expect(search.map((i) => i.url)).toEqual([web.url("/guide/safety-2"), web.url("/guide/safety")]);
    expect(search[1]!.detail).toMatch(/link reported broken/);
    // The web library lists the broken ones for someone to replace (?links=broken).
    const params = readLibraryParams(new URLSearchParams("links=broken"));
    expect(params.broken).toBe(true);
    const page = await new PrismaSiteRepository(db.prisma).library(maria.communityId, { text: "", tags: [], sort: "newest", broken: params.broken, offset: 0, limit: 20, now: hours(24 * 20) });
    expect(page.hits.map((r) => r.url)).toEqual([web.url("/guide/safety")]);
    const roundup = roundupMessage(await composeRoundup(h.store.roundups, community, hours(24 * 20), h.store.links), community.name);
    expect(roundup.items!.map((i) => i.title).join("\n")).toMatch(/Links that broke this week/);

    gone = false;
    const back = await runLinks(h.store, readerFn, h.services.previews, community, hours(24 * 32), false);
    expect(back.posted[0]).toMatch(/^link back:/);
    expect((await h.store.resources.findByUrl(maria.communityId, web.url("/guide/safety")))!.linkStatus).toBe("ok");
  });
});

describe("link previews", () => {
  it("reads a shared page's preview into the library and queues the card's update; a community that turned previews off is never fetched for", async () => {
    const h = harness();
    web.page("/og-page", `<html><head><meta property="og:title" content="Motivational Interviewing Basics"><meta property="og:description" content="Open questions first."></head></html>`);
    web.page("/private-page", `<html><head><title>Should not be read</title></head></html>`);
    await h.run("maria", `/share ${web.url("/og-page")} #mi`);
    const maria = await h.actor("maria");
    const shared = (await h.store.resources.findByUrl(maria.communityId, web.url("/og-page")))!;
    expect(await h.services.previews!.refresh(maria.communityId, shared.id)).toBe(true);
    expect(await h.store.resources.get(maria.communityId, shared.id)).toMatchObject({ title: "Motivational Interviewing Basics", description: "Open questions first." });
    const edit = (await outbox(maria.communityId)).find((o) => o.dedupeKey === `preview:${shared.id}`)!;
    expect(edit.audience).toEqual({ kind: "edit", channelId: "general", messageRef: shared.messageRef });

    expect(privateTexts(await h.run("admin", "/peerloop settings link-previews off", { admin: true }))[0]).toMatch(/settings/);
    await h.run("maria", `/share ${web.url("/private-page")} #mi`);
    const quiet = (await h.store.resources.findByUrl(maria.communityId, web.url("/private-page")))!;
    expect(await h.services.previews!.refresh(maria.communityId, quiet.id)).toBe(false);
    expect(web.requests("/private-page")).toHaveLength(0);
  });
});

describe("following people", () => {
  it("hears of a followed member's shares and answers, honours privacy, and lists who helped most", async () => {
    const h = harness();
    const dana = await h.actor("dana");
    expect(privateTexts(await h.run("ben", "/follow @dana"))[0]).toMatch(/You now follow dana/);
    expect(privateTexts(await h.run("ben", "/follow @dana"))[0]).toMatch(/already follow dana/);
    expect(privateTexts(await h.run("ben", "/follow @nobody"))[0]).toMatch(/don't know @nobody here yet/);
    expect(privateTexts(await h.run("ben", "/follow @ben"))[0]).toMatch(/That's you/);

    const shared = await h.run("dana", "/share https://example.org/dana-guide Notes for new staff");
    const bens = directMessages(shared);
    expect(bens).toHaveLength(1);
    expect(bens[0]!.to).toMatchObject({ kind: "member", externalId: "ben" });

    const asked = await h.run("cleo", "/ask How do you document a home visit? #documentation");
    const ref = asked.find((o) => o.anchor)!.ref!;
    const replied = await h.app.threadReply(dana, { threadRef: ref, platformMessageId: "r1", text: "I write it the same day, facts first." });
    expect(directMessages(replied.messages).map((d) => d.to)).toEqual([expect.objectContaining({ externalId: "ben" })]);
    // A second reply in the same thread is the same conversation: no second notice.
    const again = await h.app.threadReply(dana, { threadRef: ref, platformMessageId: "r2", text: "And I keep it short." });
    expect(directMessages(again.messages)).toHaveLength(0);
    const cleo = await h.actor("cleo");
    await h.services.threads.resolve(cleo, ref, { outcome: "resolved", helpers: ["dana"] });
    await h.run("ben", `/share https://example.org/ben-tool #documentation`);
    const bensTool = (await h.store.resources.findByUrl(dana.communityId, "https://example.org/ben-tool"))!;
    await h.services.resources.endorse(dana, bensTool.id);

    const people = (await h.run("cleo", "/peerloop people"))[0]!.message;
    expect(people.items!.map((i) => `${i.title}: ${i.detail}`)).toEqual(["dana: 1 credited answer", "ben: 1 endorsement"]);
    const onTopic = (await h.run("cleo", "/peerloop people #documentation"))[0]!.message;
    expect(onTopic.items!.map((i) => i.title)).toEqual(["dana", "ben"]);

    expect(privateTexts(await h.run("dana", "/peerloop privacy follow off"))[0]).toMatch(/Your privacy/);
    expect(privateTexts(await h.run("cleo", "/follow @dana"))[0]).toMatch(/chosen not to be followed/);
    expect(directMessages(await h.run("dana", "/share https://example.org/dana-second"))).toHaveLength(0);
    await h.run("dana", "/peerloop privacy people off");
    expect((await h.run("cleo", "/peerloop people"))[0]!.message.items!.map((i) => i.title)).toEqual(["ben"]);
    expect(privateTexts(await h.run("ben", "/unfollow @dana"))[0]).toMatch(/weren't following dana/);
  });
});
