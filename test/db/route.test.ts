import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runRoute } from "../../src/core/routing/route-job";
import { bundledRelated as related } from "../support/related-data";
import { prismaStore } from "../../src/db/prisma-store";
import type { Database } from "../../src/db/open-database";
import type { Audience, Message } from "../../src/core/shared/message";
import { coreHarness, privateTexts } from "../support/core-harness";
import { runEntry } from "../support/run-cli";
import { testDatabase } from "../support/test-database";
import { openDatabase } from "../../src/db/open-database";

let db: Database & { url?: string };
beforeAll(async () => (db = await testDatabase()));
afterAll(async () => db?.close());

let n = 0;
const harness = (now = "2026-11-01T10:00:00Z") => coreHarness({ store: prismaStore(db.prisma), community: `route-${++n}-${Date.now()}`, now, related });
type H = ReturnType<typeof harness>;

/** Asks as `who` at the harness's time (past "Maybe answered before", with Post my question); the card's platform reference. */
const ask = async (h: H, who: string, text: string) => {
  let posted = await h.run(who, `/ask ${text}`);
  const post = posted.flatMap((p) => p.message.buttons ?? []).find((b) => b.action === "post-question");
  if (post) posted = await h.deliver(await h.actor(who), await h.app.postQuestion(await h.actor(who), { channelId: "general" }, post.value));
  const card = posted.find((p) => p.ref);
  expect(card, JSON.stringify(posted)).toBeDefined();
  return card!.ref!;
};
let replies = 0;
const replyTo = async (h: H, who: string, ref: string, text = "Here is what worked for us.") => {
  const id = `r-${++replies}`;
  await h.app.threadReply(await h.actor(who), { threadRef: ref, platformMessageId: id, text });
  return id;
};
/** A question answered by `helpers` and resolved crediting them, all at the harness's time. */
const answered = async (h: H, text: string, helpers: string[], asker = "ana") => {
  const ref = await ask(h, asker, text);
  for (const who of helpers) await replyTo(h, who, ref);
  const outcome = await h.app.resolve(await h.actor(asker), ref, { outcome: "resolved", helpers });
  expect(privateTexts(outcome.messages).join(" ")).not.toMatch(/don't know|isn't/);
  return ref;
};
const route = async (h: H, at: string, settings: { afterMinutes?: number } = {}) => {
  h.clock.set(at);
  const community = (await h.store.communities.get((await h.actor("ana")).communityId))!;
  return runRoute(h.store, community, new Date(at), { afterMinutes: settings.afterMinutes ?? 120, related: h.services.related });
};
/** The invitations queued for a community, as stored in the outbox: to whom, and what they say. */
const invitations = async (h: H) => {
  const communityId = (await h.actor("ana")).communityId;
  const rows = await db.prisma.outboxMessage.findMany({ where: { communityId, dedupeKey: { contains: ":route:" } }, orderBy: { createdAt: "asc" } });
  return rows.map((r) => ({ to: (r.audience as unknown as Extract<Audience, { kind: "member" }>).externalId, message: r.message as unknown as Message, key: r.dedupeKey }));
};
/** Whom invitations went to, sorted (those queued in one run share a time, so their order is not kept). */
const to = async (h: H) => (await invitations(h)).map((i) => i.to).sort();

describe("the route job on the database", { timeout: 60_000 }, () => {
  it("offers a waiting question to the members credited most on its tag in the last 180 days, then its followers, each once", async () => {
    const h = harness("2026-03-01T10:00:00Z");
    await answered(h, "An old IEP question from the spring? #iep", ["olga"]); // over 180 days before: not counted
    h.clock.set("2026-11-01T10:00:00Z");
    await answered(h, "How to set IEP goals with a family? #iep", ["maria", "lee"]);
    await answered(h, "IEP meeting preparation tips? #iep", ["maria"]);
    await answered(h, "Grief groups for teens? #grief", ["gus"]);
    await h.run("ben", "/follow #iep");
    h.clock.advance(60_000); // followers are asked in the order they followed
    await h.run("dan", "/follow #iep");
    await h.run("gus", "/follow #grief");
    h.clock.set("2026-11-10T10:00:00Z");
    await ask(h, "cy", "How do I prepare a parent for an IEP review?\nShe is anxious about the school. #iep");

    expect((await route(h, "2026-11-10T11:59:00Z")).posted).toEqual([]); // not two hours yet
    const report = await route(h, "2026-11-10T12:00:00Z");
    expect(report.posted).toHaveLength(3);
    const sent = await invitations(h);
    expect(sent.map((i) => i.to).sort()).toEqual(["ben", "lee", "maria"]);
    const of = (name: string) => sent.find((i) => i.to === name)!.message;
    expect(of("maria").text).toContain("You're asked because you helped with 2 questions on #iep.");
    expect(of("lee").text).toContain("because you helped with 1 question on #iep.");
    expect(of("ben").text).toContain("because you follow #iep.");
    expect(of("maria").quote).toBe("How do I prepare a parent for an IEP review?");
    expect(of("maria").buttons!.map((b) => b.label)).toEqual(["Open the thread", "Not for me"]);
    expect(report.posted.map((line) => line.split(" ")[1])).toEqual(["maria", "lee", "ben"]); // in rank order

    // Each member once, three at most: later runs send nothing more (dan is fourth).
    expect((await route(h, "2026-11-10T15:00:00Z")).posted).toEqual([]);
    expect(await to(h)).toEqual(["ben", "lee", "maria"]);
  });

  it("counts help on related answered questions found by the related-answers index", async () => {
    const h = harness();
    await answered(h, "How do you document a safety plan for a suicidal teen client?", ["zoe"]);
    h.clock.set("2026-11-02T09:00:00Z");
    await ask(h, "cy", "What is the best way to document a safety plan with a suicidal teenager?");
    await route(h, "2026-11-02T12:00:00Z");
    const sent = await invitations(h);
    expect(sent.map((i) => i.to)).toEqual(["zoe"]);
    expect(sent[0]!.message.text).toContain("because you helped with a similar question.");
  });

  it("never invites the asker, someone who wrote in the thread (even a deleted reply), a forgotten member, or another community's members", async () => {
    const h = harness();
    const other = coreHarness({ store: h.store, community: `route-other-${Date.now()}`, now: "2026-11-01T10:00:00Z", related });
    await answered(h, "Goals for an IEP? #iep", ["maria", "lee", "cy", "ben"]);
    await answered(other, "IEP goals elsewhere? #iep", ["yuki"], "yan");
    await other.run("ola", "/follow #iep");
    await h.run("lee", "/peerloop forget-me confirm");
    h.clock.set("2026-11-03T10:00:00Z");
    const ref = await ask(h, "cy", "IEP for a child who just moved here? #iep");
    const reply = await replyTo(h, "maria", ref);
    await h.app.replyDeletedIn("shell", (await h.store.communities.get((await h.actor("ana")).communityId))!.externalId, reply);
    await route(h, "2026-11-03T13:00:00Z");
    expect(await to(h)).toEqual(["ben"]);
    expect(await to(other)).toEqual([]);
  });

  it("keeps to each member's weekly invitations (2 by default, /notify invites n|off), counted over the last 7 days", async () => {
    const h = harness();
    await answered(h, "IEP goals? #iep", ["maria", "lee", "ben"]);
    h.clock.set("2026-11-02T10:00:00Z");
    expect(privateTexts(await h.run("lee", "/notify invites 1")).join()).toContain("at most 1 invitation a week");
    expect(privateTexts(await h.run("ben", "/notify invites off")).join()).toContain("no more invitations");
    for (const q of ["IEP one? #iep", "IEP two? #iep", "IEP three? #iep"]) await ask(h, "cy", q);
    const report = await route(h, "2026-11-02T13:00:00Z");
    const sent = await invitations(h);
    expect(sent.filter((i) => i.to === "maria")).toHaveLength(2);
    expect(sent.filter((i) => i.to === "lee")).toHaveLength(1);
    expect(sent.filter((i) => i.to === "ben")).toHaveLength(0);
    expect(report.skipped).toContain("maria already had 2 invitations this week");

    // Six days on, still within the week: not maria. Eight days on, she is asked again (two a week).
    h.clock.set("2026-11-08T10:00:00Z");
    await ask(h, "cy", "IEP four? #iep");
    await route(h, "2026-11-08T13:00:00Z");
    expect((await invitations(h)).filter((i) => i.to === "maria")).toHaveLength(2);
    h.clock.set("2026-11-10T10:00:00Z");
    await ask(h, "cy", "IEP five? #iep");
    await route(h, "2026-11-10T13:00:00Z");
    expect((await invitations(h)).filter((i) => i.to === "maria").map((i) => i.message.quote).sort()).toEqual(["IEP five?", "IEP four?", "IEP one?", "IEP two?"]);
    expect(privateTexts(await h.run("ben", "/notify invites")).join()).toContain("You get no invitations");
    expect(privateTexts(await h.run("ben", "/notify invites 99")).join()).toContain("(1 to 14), or off");
  });

  it("waits for a member's quiet hours to end, keeping their place, and never sends in them", async () => {
    const h = harness();
    await answered(h, "IEP goals? #iep", ["maria"]);
    await answered(h, "IEP again? #iep", ["maria", "lee"]);
    await h.run("ben", "/follow #iep");
    h.clock.advance(60_000);
    await h.run("dan", "/follow #iep");
    await h.run("maria", "/peerloop quiet 22:00-07:00");
    h.clock.set("2026-11-02T19:00:00Z");
    await ask(h, "cy", "Late IEP question? #iep");
    const night = await route(h, "2026-11-02T23:00:00Z");
    expect(await to(h)).toEqual(["ben", "lee"]); // dan does not take maria's place
    expect(night.skipped.join()).toContain("invitation to maria waits for their quiet hours to end");
    expect((await route(h, "2026-11-03T06:59:00Z")).posted).toEqual([]);
    await route(h, "2026-11-03T07:00:00Z");
    expect(await to(h)).toEqual(["ben", "lee", "maria"]);
  });

  it("stops once someone replies or it is resolved, and answers Not for me once (a second press changes nothing)", async () => {
    const h = harness();
    await answered(h, "IEP goals? #iep", ["maria"]);
    h.clock.set("2026-11-02T10:00:00Z");
    const replied = await ask(h, "cy", "IEP with a reply? #iep");
    await replyTo(h, "ben", replied);
    const resolved = await ask(h, "cy", "IEP resolved by the asker? #iep");
    await h.app.resolve(await h.actor("cy"), resolved, { outcome: "still_open" });
    await ask(h, "cy", "IEP still waiting? #iep");
    await route(h, "2026-11-02T13:00:00Z");
    const sent = await invitations(h);
    expect(sent.map((i) => i.message.quote)).toEqual(["IEP still waiting?"]);

    const threadId = sent[0]!.message.buttons![1]!.value;
    const maria = await h.actor("maria");
    expect(privateTexts((await h.app.declineInvitation(maria, threadId)).messages)).toEqual(["Thanks for saying so. You won't be asked about this question again."]);
    const row = async () => (await db.prisma.$queryRaw<{ declined_at: Date }[]>`SELECT declined_at FROM route_invitations WHERE thread_id = ${threadId}::uuid`)[0]!.declined_at;
    const first = await row();
    h.clock.set("2026-11-02T14:00:00Z");
    expect(privateTexts((await h.app.declineInvitation(maria, threadId)).messages)).toEqual(["You already said this question isn't for you; nothing changed."]);
    expect(await row()).toEqual(first);
    expect(privateTexts((await h.app.declineInvitation(await h.actor("ben"), threadId)).messages)).toEqual(["That invitation was for someone else, so nothing changed."]);
    const opened = await h.app.openInvitation(maria, threadId);
    expect(opened.messages[0]!.message.items![0]!.title).toBe("Open the thread");
    expect(privateTexts((await h.app.openInvitation(maria, "not-a-thread")).messages).join()).toContain("out of date");
  });

  it("counts invitations, the share answered by an invited member within 24 h, and first-reply medians routed or not, in the health figures", async () => {
    const h = harness("2026-10-01T10:00:00Z");
    await answered(h, "IEP goals? #iep", ["maria"]);
    h.clock.set("2026-11-02T10:00:00Z");
    const routed = await ask(h, "cy", "IEP routed? #iep");
    const plain = await ask(h, "cy", "Nobody knows this tag? #rare");
    await route(h, "2026-11-02T12:00:00Z");
    h.clock.set("2026-11-02T13:00:00Z");
    await replyTo(h, "maria", routed); // 3 h after asking, 1 h after the invitation
    h.clock.set("2026-11-02T15:00:00Z");
    await replyTo(h, "ben", plain); // 5 h after asking
    h.clock.set("2026-11-03T10:00:00Z");
    const communityId = (await h.actor("ana")).communityId;
    await h.services.health.refresh(communityId);
    const { now } = await h.services.health.report(communityId, { days: 7 });
    expect(now.invitations_sent).toBe(1);
    expect(now.answered_by_invited_24h).toBe(1);
    expect(now.median_first_reply_minutes_routed).toBe(180);
    expect(now.median_first_reply_minutes_not_routed).toBe(300);
  });
});

describe.skipIf(!process.env.DATABASE_URL)("the route job as two processes on one PostgreSQL", { timeout: 120_000 }, () => {
  it("two runners started at once send each invitation once and never past a member's weekly limit", async () => {
    const h = harness();
    await answered(h, "IEP goals? #iep", ["maria", "lee"]);
    await h.run("ben", "/follow #iep");
    for (const who of ["ben", "dan", "eve", "fay"]) await h.run(who, "/follow #iep");
    await h.run("lee", "/notify invites 1");
    h.clock.set("2026-11-02T10:00:00Z");
    for (const q of ["IEP alpha? #iep", "IEP beta? #iep", "IEP gamma? #iep"]) await ask(h, "cy", q);
    const communityId = (await h.actor("ana")).communityId;
    const args = ["run", "route", "--now", "2026-11-02T13:00:00Z", "--community", communityId];
    const runs = await Promise.all([1, 2].map(() => runEntry("src/cli/jobs-cli.ts", args, { DATABASE_URL: db.url })));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const printed = runs.map((r) => r.out).join("\n");
    const rows = await db.prisma.$queryRaw<{ member: string; n: number }[]>`
      SELECT m.external_id AS member, count(*)::int AS n FROM route_invitations i JOIN members m ON m.id = i.member_id
      WHERE i.community_id = ${communityId}::uuid GROUP BY m.external_id ORDER BY 1`;
    const perMember = Object.fromEntries(rows.map((r) => [r.member, r.n]));
    // maria at most 2 (the default), lee 1 (his choice), the followers 2 each; 3 a question, 9 in all.
    expect(perMember.maria).toBe(2);
    expect(perMember.lee).toBe(1);
    for (const who of ["ben", "dan", "eve", "fay"]) expect(perMember[who] ?? 0).toBeLessThanOrEqual(2);
    expect(rows.reduce((a, r) => a + r.n, 0)).toBe(9);
    const perQuestion = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM route_invitations WHERE community_id = ${communityId}::uuid GROUP BY thread_id`;
    expect(perQuestion.map((r) => r.n)).toEqual([3, 3, 3]);
    expect(printed.match(/✉ DM to \w+ │ Could you help/g)).toHaveLength(9);
    expect(printed.match(/\+ invited /g)).toHaveLength(9);
    const outbox = await db.prisma.outboxMessage.findMany({ where: { communityId, dedupeKey: { contains: ":route:" } } });
    expect(outbox).toHaveLength(9);
    expect(outbox.every((o) => o.status === "sent")).toBe(true);
  });

  it("two runs racing in one moment on separate connections claim each place once, under the question's and the member's locks", async () => {
    const h = harness();
    await answered(h, "IEP goals? #iep", ["maria", "lee"]);
    await h.run("ben", "/follow #iep");
    h.clock.advance(60_000);
    await h.run("dan", "/follow #iep");
    h.clock.set("2026-11-02T10:00:00Z");
    for (const q of ["IEP red? #iep", "IEP blue? #iep", "IEP green? #iep"]) await ask(h, "cy", q);
    const second = await openDatabase({ url: db.url!, poolMax: 4, migrate: false });
    try {
      const community = (await h.store.communities.get((await h.actor("ana")).communityId))!;
      const at = new Date("2026-11-02T13:00:00Z");
      const reports = await Promise.all([h.store, prismaStore(second.prisma)].flatMap((store) => [1, 2].map(() => runRoute(store, community, at, { afterMinutes: 120 }))));
      const posted = reports.flatMap((r) => r.posted);
      const rows = await db.prisma.$queryRaw<{ member: string; n: number }[]>`
        SELECT m.external_id AS member, count(*)::int AS n FROM route_invitations i JOIN members m ON m.id = i.member_id
        WHERE i.community_id = ${community.id}::uuid GROUP BY m.external_id ORDER BY 1`;
      // Four members with two invitations a week each, three questions with three places each.
      for (const r of rows) expect(r.n, r.member).toBeLessThanOrEqual(2);
      const total = rows.reduce((a, r) => a + r.n, 0);
      expect(total).toBeGreaterThanOrEqual(7);
      const perQuestion = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM route_invitations WHERE community_id = ${community.id}::uuid GROUP BY thread_id`;
      for (const q of perQuestion) expect(q.n).toBeLessThanOrEqual(3);
      expect(posted).toHaveLength(total);
      expect(await invitations(h)).toHaveLength(total);
    } finally {
      await second.close();
    }
  });

  it("claims made at the same moment for different questions never take a member past their weekly limit", async () => {
    const h = harness();
    h.clock.set("2026-11-02T10:00:00Z");
    const refs = [];
    for (const q of ["IEP north? #iep", "IEP south? #iep", "IEP east? #iep", "IEP west? #iep"]) refs.push(await ask(h, "cy", q));
    const communityId = (await h.actor("ana")).communityId;
    const threads = await Promise.all(refs.map(async (ref) => (await h.store.threads.findByRef(communityId, ref))!.id));
    const members = await Promise.all(["m1", "m2", "m3", "m4", "m5"].map(async (name) => (await h.actor(name)).memberId));
    const second = await openDatabase({ url: db.url!, poolMax: 5, migrate: false });
    try {
      const stores = [h.store, prismaStore(second.prisma)];
      const at = new Date("2026-11-02T13:00:00Z");
      const limits = { maxInvites: 3, weeklyCap: 1, weekSince: new Date(at.getTime() - 7 * 86_400_000) };
      // Every member claimed for every question at once, from two pools: each member may win once.
      const results = await Promise.all(members.flatMap((m) => threads.map((t, i) =>
        stores[i % 2]!.transaction((tx) => tx.routing!.claim(communityId, t, m, "a test", at, limits)))));
      expect(results.filter((r) => r === "invited")).toHaveLength(members.length);
      const perMember = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM route_invitations WHERE community_id = ${communityId}::uuid GROUP BY member_id`;
      expect(perMember.map((r) => r.n)).toEqual(members.map(() => 1));
      const perQuestion = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM route_invitations WHERE community_id = ${communityId}::uuid GROUP BY thread_id`;
      for (const q of perQuestion) expect(q.n).toBeLessThanOrEqual(3);
    } finally {
      await second.close();
    }
  });
});
