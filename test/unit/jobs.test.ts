import { describe, expect, it } from "vitest";
import { deliverOutbox } from "../../src/core/jobs/deliver-outbox";
import { CourierError, type Courier } from "../../src/core/jobs/courier";
import { runDigests } from "../../src/core/jobs/digest-job";
import { isoWeekKey, localDateKey, weeklySlot } from "../../src/core/jobs/periods";
import { runRoundup } from "../../src/core/jobs/roundup-job";
import { runUnanswered } from "../../src/core/jobs/unanswered-job";
import { silentLogger } from "../../src/core/shared/logger";
import type { Audience, Message } from "../../src/core/shared/message";
import { coreHarness, publicPosts } from "../support/core-harness";
import { memoryStore } from "../support/memory-store";

/** A community with a question, on the memory store, and a courier that records deliveries. */
const setup = async (now = "2026-11-02T10:00:00Z") => {
  const store = memoryStore();
  const h = coreHarness({ store, now });
  const delivered: { to: Audience; message: Message }[] = [];
  const courier: Courier = { deliver: async (_c, to, message) => (delivered.push({ to, message }), { ref: `r${delivered.length}` }) };
  const ask = async (who: string, text: string) => publicPosts(await h.run(who, `/ask ${text}`))[0]!;
  const community = async () => (await store.communities.get((await h.actor("ana")).communityId))!;
  const unanswered = async (at: string) => {
    h.clock.set(at);
    const report = await runUnanswered(store, h.services.notifications, await community(), h.clock.now());
    await deliverOutbox(store, { shell: courier }, h.clock, silentLogger, { sleep: async () => undefined });
    return report;
  };
  return { store, h, delivered, ask, community, unanswered, courier };
};

describe("unanswered questions", () => {
  it("surfaces only unanswered open questions, at 24 h and 72 h, then never again", async () => {
    const s = await setup();
    await s.h.run("ben", "/follow #safety");
    const lonely = await s.ask("ana", "How do you document a safety plan? #safety");
    const answered = await s.ask("ana", "Who covers Fridays? #admin");
    const resolved = await s.ask("ana", "Is the form new? #admin");
    await s.h.app.threadReply(await s.h.actor("cy"), { threadRef: answered.ref!, platformMessageId: "r1", text: "Me" });
    await s.h.app.threadReply(await s.h.actor("ana"), { threadRef: lonely.ref!, platformMessageId: "own", text: "Anyone?" }); // the asker's own follow-up
    await s.h.app.react(await s.h.actor("ana"), resolved.ref!, "✅");

    expect((await s.unanswered("2026-11-03T09:59:00Z")).posted).toHaveLength(0); // 23:59 old
    const first = await s.unanswered("2026-11-03T10:01:00Z");
    expect(first.posted).toEqual(["surfaced (step 1): How do you document a safety plan?"]);
    expect(s.delivered.map((d) => d.to.kind)).toEqual(["thread", "member"]);
    expect(s.delivered[0]!.to).toMatchObject({ threadRef: lonely.ref });
    expect(s.delivered[1]!.to).toMatchObject({ externalId: "ben" });

    expect((await s.unanswered("2026-11-04T10:00:00Z")).posted).toHaveLength(0); // rerun, 48 h: nothing new
    const second = await s.unanswered("2026-11-05T10:01:00Z");
    // The answered question has been open 3 days now: its asker gets the one nudge to close it.
    expect(second.posted).toEqual(["surfaced (step 2): How do you document a safety plan?", "nudged ana to close: Who covers Fridays?"]);
    expect(s.delivered.slice(2).map((d) => d.to.kind)).toEqual(["thread", "post", "member", "member"]);
    expect(s.delivered[2]!.message.title).toMatch(/Last call/);
    expect((await s.unanswered("2026-11-20T10:00:00Z")).posted.filter((p) => p.startsWith("surfaced"))).toHaveLength(0);
  });

  it("honours the community's threshold and stops once someone replies", async () => {
    const s = await setup();
    const admin = await s.h.actor("ana", true);
    await s.store.communities.updateSettings(admin.communityId, { unansweredHours: 48 });
    const q = await s.ask("ana", "Question? #x");
    expect((await s.unanswered("2026-11-03T11:00:00Z")).posted).toHaveLength(0);
    await s.h.app.threadReply(await s.h.actor("ben"), { threadRef: q.ref!, platformMessageId: "b1", text: "Answer" });
    expect((await s.unanswered("2026-11-04T11:00:00Z")).posted.filter((p) => p.startsWith("surfaced"))).toHaveLength(0);
  });

  it("nudges the asker once when a question with replies stays open for 3 days, outside quiet hours", async () => {
    const s = await setup();
    const q = await s.ask("ana", "What screening tool? #youth");
    await s.h.app.threadReply(await s.h.actor("ben"), { threadRef: q.ref!, platformMessageId: "b1", text: "ASQ" });
    await s.h.run("ana", "/peerloop timezone Europe/Berlin");
    await s.h.run("ana", "/peerloop quiet 22:00-07:00");
    expect((await s.unanswered("2026-11-05T09:00:00Z")).posted).toHaveLength(0); // 71 h
    const quiet = await s.unanswered("2026-11-05T23:00:00Z"); // 00:00 in Berlin
    expect(quiet.posted).toHaveLength(0);
    expect(quiet.skipped[0]).toMatch(/quiet hours/);
    const nudged = await s.unanswered("2026-11-06T08:00:00Z"); // 09:00 in Berlin
    expect(nudged.posted).toEqual(["nudged ana to close: What screening tool?"]);
    expect(s.delivered.at(-1)!.to).toMatchObject({ kind: "member", externalId: "ana" });
    expect(s.delivered.at(-1)!.message.text).toMatch(/1 reply.*Close the loop/);
    expect((await s.unanswered("2026-11-08T08:00:00Z")).posted).toHaveLength(0);
  });

  it("holds follower DMs in quiet hours for the digest", async () => {
    const s = await setup();
    await s.h.run("ben", "/follow #safety");
    await s.h.run("ben", "/peerloop quiet 00:00-23:59");
    await s.ask("ana", "Safety? #safety");
    await s.unanswered("2026-11-03T10:01:00Z");
    expect(s.delivered.map((d) => d.to.kind)).toEqual(["thread"]);
    const ben = await s.h.actor("ben");
    expect((await s.store.digests.pending(ben.communityId, ben.memberId)).map((d) => d.kind)).toContain("unanswered");
  });
});

describe("roundups", () => {
  it("posts once per ISO week in the roundup channel, whatever runs it", async () => {
    const s = await setup("2026-11-24T10:00:00Z");
    await s.h.run("ana", "/share https://example.org/a #ethics");
    await s.ask("ana", "Q one? #ethics");
    const c = await s.community();
    await s.store.communities.updateSettings(c.id, { roundupChannel: "weekly" });
    const now = new Date("2026-11-30T09:30:00Z"); // Monday, UTC
    const reports = await Promise.all([1, 2, 3].map(async () => runRoundup(s.store, (await s.community())!, now, false)));
    expect(reports.flatMap((r) => r.posted)).toHaveLength(1);
    expect(reports.flatMap((r) => r.skipped)).toEqual(["roundup 2026-W49 was already posted", "roundup 2026-W49 was already posted"]);
    const outbox = s.store.state.outbox.filter((o) => o.dedupeKey.includes(":roundup:"));
    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.audience).toEqual({ kind: "post", channelId: "weekly" });
    expect(JSON.stringify(outbox[0]!.message)).toContain("https://example.org/a");
  });

  it("waits for the community's local day and hour unless forced", async () => {
    const s = await setup("2026-11-24T10:00:00Z");
    await s.h.run("ana", "/share https://example.org/a #ethics");
    const c = await s.community();
    await s.store.communities.updateSettings(c.id, { timeZone: "America/New_York" });
    // Monday 09:00 in New York is 14:00 UTC in November (EST).
    expect((await runRoundup(s.store, (await s.community())!, new Date("2026-11-30T13:59:00Z"), false)).posted).toHaveLength(0);
    expect((await runRoundup(s.store, (await s.community())!, new Date("2026-11-30T14:00:00Z"), false)).posted).toHaveLength(1);
  });

  it("posts nothing in a silent week without a roundup channel", async () => {
    const s = await setup();
    await s.h.actor("ana");
    const r = await runRoundup(s.store, await s.community(), new Date("2026-12-20T10:00:00Z"), true);
    expect(r.posted).toHaveLength(0);
    expect(r.skipped[0]).toMatch(/nothing to post/);
  });
});

describe("week boundaries and daylight saving", () => {
  it("keys weeks by the community's local Monday", () => {
    // Sunday 23:30 in New York is already Monday in UTC.
    expect(isoWeekKey(new Date("2026-11-30T04:30:00Z"), "America/New_York")).toBe("2026-W48");
    expect(isoWeekKey(new Date("2026-11-30T04:30:00Z"), "UTC")).toBe("2026-W49");
    expect(isoWeekKey(new Date("2026-12-31T12:00:00Z"), "Europe/Berlin")).toBe("2026-W53");
    expect(isoWeekKey(new Date("2027-01-04T00:30:00Z"), "Europe/Berlin")).toBe("2027-W01");
    expect(localDateKey(new Date("2026-11-02T03:00:00Z"), "America/New_York")).toBe("2026-11-01");
  });

  it("finds Monday 09:00 local across the DST change in New York and Berlin", () => {
    // US DST ends Sunday 2026-11-01: Monday 2026-10-26 is EDT (UTC-4), Monday 2026-11-02 is EST (UTC-5).
    expect(weeklySlot(new Date("2026-10-28T12:00:00Z"), "America/New_York", 1, 9).toISOString()).toBe("2026-10-26T13:00:00.000Z");
    expect(weeklySlot(new Date("2026-11-04T12:00:00Z"), "America/New_York", 1, 9).toISOString()).toBe("2026-11-02T14:00:00.000Z");
    // EU DST ends Sunday 2026-10-25; starts Sunday 2026-03-29.
    expect(weeklySlot(new Date("2026-10-21T12:00:00Z"), "Europe/Berlin", 1, 9).toISOString()).toBe("2026-10-19T07:00:00.000Z");
    expect(weeklySlot(new Date("2026-10-28T12:00:00Z"), "Europe/Berlin", 1, 9).toISOString()).toBe("2026-10-26T08:00:00.000Z");
    expect(weeklySlot(new Date("2026-04-01T12:00:00Z"), "Europe/Berlin", 1, 9).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    // The DST week itself: Sunday 2026-11-01 in New York, roundup day Sunday at 09:00 (after the 02:00 change).
    expect(weeklySlot(new Date("2026-10-30T12:00:00Z"), "America/New_York", 7, 9).toISOString()).toBe("2026-11-01T14:00:00.000Z");
  });

  it("posts one roundup in a DST week in each zone", async () => {
    for (const [tz, monday9] of [["America/New_York", "2026-11-02T14:00:00Z"], ["Europe/Berlin", "2026-10-26T08:00:00Z"]] as const) {
      const s = await setup("2026-10-22T12:00:00Z");
      await s.h.run("ana", "/share https://example.org/dst #x");
      await s.store.communities.updateSettings((await s.community()).id, { timeZone: tz, roundupChannel: "weekly" });
      const ticks = [-60, 0, 15, 60 * 24].map((min) => new Date(new Date(monday9).getTime() + min * 60_000));
      const posted = [];
      for (const t of ticks) posted.push(...(await runRoundup(s.store, await s.community(), t, false)).posted);
      expect(posted, tz).toHaveLength(1);
    }
  });
});

describe("digests", () => {
  it("sends daily digests in the member's morning, once a day, and weekly ones on Monday", async () => {
    const s = await setup("2026-11-02T06:00:00Z");
    await s.h.run("cy", "/follow #ethics");
    await s.h.run("cy", "/notify daily");
    await s.h.run("cy", "/peerloop timezone America/Chicago");
    await s.h.run("dee", "/follow #ethics");
    await s.h.run("dee", "/notify weekly");
    await s.h.run("ana", "/share https://example.org/d #ethics");
    const c = await s.community();
    expect((await runDigests(s.store, c, new Date("2026-11-02T13:00:00Z"), false)).posted).toEqual(["digest for dee: 1 item"]); // 07:00 Chicago, Monday 13:00 UTC
    expect((await runDigests(s.store, c, new Date("2026-11-02T14:00:00Z"), false)).posted).toEqual(["digest for cy: 1 item"]); // 08:00 Chicago
    expect((await runDigests(s.store, c, new Date("2026-11-02T18:00:00Z"), false)).posted).toHaveLength(0);
    await s.h.run("ana", "/share https://example.org/e #ethics");
    expect((await runDigests(s.store, c, new Date("2026-11-03T09:00:00Z"), false)).posted).toHaveLength(0); // Tuesday: dee waits for Monday, cy's day already had its digest? no: new day in UTC but 03:00 in Chicago
    expect((await runDigests(s.store, c, new Date("2026-11-03T15:00:00Z"), false)).posted).toEqual(["digest for cy: 1 item"]);
  });
});

describe("the outbox", () => {
  it("retries retryable failures with backoff and gives up on the rest, never sending twice", async () => {
    const s = await setup();
    const a = await s.h.actor("ana");
    await s.store.jobs.enqueue([
      { communityId: a.communityId, dedupeKey: "k1", audience: { kind: "post", channelId: "c" }, message: { text: "one" }, at: s.h.clock.now() },
      { communityId: a.communityId, dedupeKey: "k1", audience: { kind: "post", channelId: "c" }, message: { text: "one again" }, at: s.h.clock.now() },
      { communityId: a.communityId, dedupeKey: "k2", audience: { kind: "post", channelId: "gone" }, message: { text: "two" }, at: s.h.clock.now() },
    ]);
    let limited = 0;
    const flaky: Courier = {
      deliver: async (_c, to) => {
        if (to.kind === "post" && to.channelId === "gone") throw new CourierError("channel_not_found", false);
        if (++limited === 1) throw new CourierError("rate limited", true, 60_000);
        return { ref: "ok" };
      },
    };
    const first = await deliverOutbox(s.store, { shell: flaky }, s.h.clock, silentLogger, { sleep: async () => undefined });
    expect(first).toMatchObject({ sent: 0, retrying: 1, failed: 1 });
    s.h.clock.advance(30_000);
    expect((await deliverOutbox(s.store, { shell: flaky }, s.h.clock, silentLogger)).sent).toBe(0); // Retry-After not over
    s.h.clock.advance(60_000);
    expect((await deliverOutbox(s.store, { shell: flaky }, s.h.clock, silentLogger)).sent).toBe(1);
    expect((await deliverOutbox(s.store, { shell: flaky }, s.h.clock, silentLogger)).sent).toBe(0);
    expect(s.store.state.outbox.map((o) => [o.dedupeKey, o.status])).toEqual([["k1", "sent"], ["k2", "failed"]]);
  });
});
