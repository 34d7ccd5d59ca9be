import { bundledGuard } from "../../src/core/guard/data/bundled-guard";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeRoundup } from "../../src/core/roundups/compose-roundup";
import { prismaStore } from "../../src/db/prisma-store";
import type { Database } from "../../src/db/open-database";
import { coreHarness, directMessages, errorCode, keywordGuard, privateTexts, publicPosts } from "../support/core-harness";
import { testDatabase } from "../support/test-database";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Each test gets its own community on the shared database, which also exercises scoping. */
let n = 0;
const harness = (opts: Parameters<typeof coreHarness>[0] = {}) => coreHarness({ store: prismaStore(db.prisma), community: `T${++n}-${Date.now()}`, ...opts });

describe("resources on PostgreSQL", () => {
  it("stores a share, dedupes a re-share by normalized URL and merges tags atomically", async () => {
    const h = harness();
    await h.run("ana", "/share https://example.org/a?utm_source=x #ethics Great read");
    const again = await h.run("ben", "/share https://example.org/a/ #boundaries #ethics");
    expect(publicPosts(again)).toHaveLength(0);
    expect(privateTexts(again)[0]).toMatch(/ana shared this link first/);
    const a = await h.actor("ana");
    expect(await h.store.resources.findByUrl(a.communityId, "https://example.org/a")).toMatchObject({ reshareCount: 1, tags: ["boundaries", "ethics"], messageRef: "m1" });
  });

  it("keeps communities apart: same URL twice, searches see only their own", async () => {
    const h1 = harness(), h2 = harness();
    await h1.run("ana", "/share https://example.org/shared #ethics First community");
    const second = await h2.run("ana", "/share https://example.org/shared #ethics Second community");
    expect(publicPosts(second)).toHaveLength(1);
    const found = await h2.run("ana", "/resources community");
    expect(found[0]!.message.items?.map((i) => i.detail)).toHaveLength(1);
    const c1 = await h1.actor("ana"), c2 = await h2.actor("ana");
    const r1 = (await h1.store.resources.findByUrl(c1.communityId, "https://example.org/shared"))!;
    expect(await h2.store.resources.get(c2.communityId, r1.id)).toBeNull();
    expect(await h2.store.threads.get(c2.communityId, r1.id)).toBeNull();
    expect(await h2.store.members.get(c2.communityId, c1.memberId)).toBeNull();
  });

  it("searches title, note, URL and tags with prefixes, ranks by relevance and endorsements, at most 10", async () => {
    const h = harness();
    await h.run("ana", "/share https://example.org/safety-planning #youth Safety planning with teens");
    await h.run("ben", "/share https://example.org/other #ethics Notes on documentation; mentions safety once");
    await h.run("ana", "/share https://guides.example.net/mandated-reporting #ethics");
    for (let i = 0; i < 12; i++) await h.run("cy", `/share https://example.org/bulk/${i} #bulk Bulk item ${i}`);
    const safety = (await h.run("dee", "/resources SAFE"))[0]!.message.items!;
    expect(safety.map((i) => i.url)).toEqual(["https://example.org/safety-planning", "https://example.org/other"]);
    expect((await h.run("dee", "/resources mandated"))[0]!.message.items![0]!.url).toBe("https://guides.example.net/mandated-reporting");
    await h.run("ana", "/share https://example.org/tty");
    expect((await h.run("dee", "/resources tty"))[0]!.message.items?.map((i) => i.url)).toEqual(["https://example.org/tty"]);
    expect((await h.run("dee", "/resources #youth"))[0]!.message.items!.map((i) => i.url)).toEqual(["https://example.org/safety-planning"]);
    expect((await h.run("dee", "/resources documentation #youth"))[0]!.message.title).toBe("No resources found");
    expect((await h.run("dee", "/resources bulk"))[0]!.message.items).toHaveLength(10);
    // an endorsement lifts an otherwise equal match
    const bulk = await h.store.resources.search((await h.actor("dee")).communityId, { text: "bulk", tags: [], limit: 20, now: h.clock.now() });
    const last = bulk.at(-1)!;
    await h.app.endorse(await h.actor("dee"), last.id);
    await h.app.endorse(await h.actor("ana"), last.id);
    expect((await h.run("dee", "/resources bulk"))[0]!.message.items![0]!.url).toBe(last.url);
  });

  it("treats SQL and tsquery syntax in searches and notes as text", async () => {
    const h = harness();
    const note = "'); DROP TABLE resources; -- & | ! :* <b>x</b>";
    await h.run("ana", `/share https://example.org/sql ${note}`);
    for (const q of ["'); DROP TABLE resources; --", "a & | ! ( ) :*", "<script>", "%_\\"]) {
      const out = await h.run("ana", `/resources ${q}`);
      expect(out[0]!.message.tone).not.toBe("error");
    }
    const a = await h.actor("ana");
    expect((await h.store.resources.findByUrl(a.communityId, "https://example.org/sql"))?.note).toBe(note);
  });

  it("counts one endorsement per member", async () => {
    const h = harness();
    const id = publicPosts(await h.run("ana", "/share https://example.org/e"))[0]!.anchor!.id;
    const ben = await h.actor("ben");
    await h.app.endorse(ben, id);
    expect(errorCode((await h.app.endorse(ben, id)).messages)).toBe("ALREADY_ENDORSED");
    expect((await h.store.resources.get(ben.communityId, id))?.endorsementCount).toBe(1);
  });
});

describe("threads, followers and transactions on PostgreSQL", () => {
  it("records replies once, resolves by check mark, and composes the roundup", async () => {
    const h = harness({ now: "2026-11-03T10:00:00Z" });
    await h.run("ben", "/follow #safety");
    const posted = await h.run("ana", "/ask How do you document a safety plan? #safety");
    expect(directMessages(posted)).toHaveLength(1);
    const ref = publicPosts(posted)[0]!.ref!;
    const ben = await h.actor("ben"), ana = await h.actor("ana");
    await Promise.all([1, 2, 3].map(() => h.app.threadReply(ben, { threadRef: ref, platformMessageId: "dup", channelId: "general", text: "Template" })));
    await h.app.threadReply(ana, { threadRef: ref, platformMessageId: "own", text: "Which one?" });
    const t = (await h.store.threads.findByRef(ana.communityId, ref))!;
    expect(t.replyCount).toBe(1);
    await h.app.react(ana, ref, "white_check_mark");
    const c = (await h.store.communities.get(ana.communityId))!;
    const r = await composeRoundup(h.store.roundups, c, new Date("2026-11-09T09:00:00Z"));
    expect(r.activity.resolved[0]).toMatchObject({ askerName: "ana", helperNames: ["ben"] });
    expect(r.counts).toEqual({ resources: 0, questions: 1, resolved: 1, replies: 1 });
    expect(r.activity.tags).toEqual([{ tag: "safety", count: 1 }]);
    expect(r.activity.helpers[0]).toMatchObject({ name: "ben", replies: 1 });
  });

  it("rolls back a failed transaction completely", async () => {
    const h = harness();
    const a = await h.actor("ana");
    await expect(h.store.transaction(async (tx) => {
      await tx.resources.create({ communityId: a.communityId, url: "https://example.org/tx", originalUrl: "x", title: null, note: null, tags: [], sharerId: a.memberId, channelId: null, createdAt: new Date() });
      await tx.tags.touch(a.communityId, ["tx-tag"], new Date());
      throw new Error("boom");
    })).rejects.toThrow("boom");
    expect(await h.store.resources.findByUrl(a.communityId, "https://example.org/tx")).toBeNull();
  });

  it("stores nothing for a flagged question", async () => {
    const h = harness({ guard: keywordGuard });
    await h.run("ana", "/ask What about CLIENTNAME? #x");
    const a = await h.actor("ana");
    expect(await h.store.threads.openOf(a.communityId, a.memberId, 10)).toHaveLength(0);
  });

  it("queues digest items once per member and reference", async () => {
    const h = harness();
    await h.run("cy", "/follow #ethics");
    await h.run("cy", "/notify weekly");
    await h.run("ana", "/share https://example.org/d1 #ethics");
    const cy = await h.actor("cy");
    const items = await h.store.digests.pending(cy.communityId, cy.memberId);
    await h.store.digests.add(items.map(({ id: _id, sentAt: _s, ...rest }) => rest));
    expect(await h.store.digests.pending(cy.communityId, cy.memberId)).toHaveLength(1);
    await h.store.digests.markSent(cy.communityId, items.map((i) => i.id), new Date());
    expect(await h.store.digests.pending(cy.communityId, cy.memberId)).toHaveLength(0);
  });

  it("settings, follows and notify persist", async () => {
    const h = harness();
    await h.run("ana", "/peerloop settings roundup-day friday", { admin: true });
    await h.run("ben", "/follow #a");
    await h.run("ben", "/follow #b");
    await h.run("ben", "/unfollow #a");
    await h.run("ben", "/peerloop quiet 21:00-07:30");
    const ben = await h.actor("ben");
    expect(await h.store.subscriptions.tagsOf(ben.communityId, ben.memberId)).toEqual(["b"]);
    expect(await h.store.members.get(ben.communityId, ben.memberId)).toMatchObject({ quietStart: 1260, quietEnd: 450 });
    expect((await h.store.communities.get(ben.communityId))?.roundupDay).toBe(5);
  });
});

describe("the real confidentiality guard before storage", () => {
  it("a flagged /ask is neither posted nor stored, and its author is told what to fix", async () => {
    const { createGuard } = await import("../../src/core/guard/create-guard");
    const h = harness({ guard: createGuard(bundledGuard) });
    const a = await h.actor("ana");
    const before = await db.prisma.thread.count({ where: { communityId: a.communityId } });
    const posted = await h.run("ana", "/ask Looking for advice: my client Maria Delgado (DOB 3/4/87) keeps missing appointments #housing");
    expect(publicPosts(posted)).toHaveLength(0);
    expect(posted).toHaveLength(1);
    expect(posted[0]!.to.kind).toBe("actor");
    expect(posted[0]!.message.fields).toEqual(expect.arrayContaining([
      { label: "person name", value: '"Maria Delgado" → try M.D. or "my client"' }, { label: "date", value: '"3/4/87" → try a rough time ("last spring")' },
    ]));
    expect(posted[0]!.message.text).toMatch(/Replace names with roles/);
    expect(await db.prisma.thread.count({ where: { communityId: a.communityId } })).toBe(before);
    expect(await db.prisma.tag.count({ where: { communityId: a.communityId } })).toBe(0);
    const clean = await h.run("ana", "/ask How do you engage a client whose housing is unstable? #housing");
    expect(publicPosts(clean)).toHaveLength(1);
  });
});

describe("bookkeeping is pruned (issue 11, item 11)", () => {
  it("deletes settled outbox rows and old claims, keeps pending ones and recent ones", async () => {
    const h = harness();
    const a = await h.actor("ana");
    const long = new Date("2026-01-01T00:00:00Z"), recent = new Date();
    const item = (key: string) => ({ communityId: a.communityId, dedupeKey: `${key}-${a.communityId}`, audience: { kind: "dm", memberId: a.memberId } as never, message: { text: key }, at: long });
    await h.store.jobs.enqueue([item("old-sent"), item("old-pending"), item("new-sent")]);
    const leased = await h.store.jobs.lease(long, 10, 1, [a.communityId]);
    const byKey = (k: string) => leased.find((l) => l.dedupeKey.startsWith(k))!;
    await h.store.jobs.markSent(byKey("old-sent").id, "m-old", long);
    await h.store.jobs.markSent(byKey("new-sent").id, "m-new", recent);
    await h.store.jobs.claim("roundup", a.communityId, "2026-W01", long);
    await h.store.jobs.claim("roundup", a.communityId, "2026-W48", recent);
    const cutoff = new Date(recent.getTime() - 86_400_000);
    const pruned = await h.store.jobs.prune(cutoff, cutoff);
    expect(pruned.outbox).toBeGreaterThanOrEqual(1);
    expect(pruned.runs).toBeGreaterThanOrEqual(1);
    expect(await h.store.jobs.pendingCount([a.communityId])).toBe(1);
    expect(await h.store.jobs.claimed("roundup", a.communityId, "2026-W01")).toBe(false);
    expect(await h.store.jobs.claimed("roundup", a.communityId, "2026-W48")).toBe(true);
    // The recent sent row is kept: a second prune with the same cut-off finds nothing of this community's.
    const again = await h.store.jobs.prune(cutoff, cutoff);
    expect(again).toEqual({ outbox: 0, runs: 0 });
  });
});
