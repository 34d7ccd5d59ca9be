import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/shared/context";
import type { Outgoing } from "../../src/core/shared/message";
import { DAY } from "../../src/core/shared/clock";
import type { Database } from "../../src/db/open-database";
import { prismaStore } from "../../src/db/prisma-store";
import { coreHarness } from "../support/core-harness";
import { testDatabase } from "../support/test-database";

let db: Database;
beforeAll(async () => void (db = await testDatabase()));
afterAll(async () => db?.close());

const NOW = "2026-11-30T12:00:00Z";
const setup = () => coreHarness({ store: prismaStore(db.prisma), now: NOW, community: `welcome-${Date.now()}-${Math.random()}` });
const titles = (out: Outgoing[]) => out.map((o) => o.message.title ?? o.message.text);
const selectOf = (out: Outgoing[]) => out.find((o) => o.message.select)?.message.select;
const buttonOf = (out: Outgoing[], label: string) => out.flatMap((o) => o.message.buttons ?? []).find((b) => b.label === label)!;

describe("the welcome: once per member and community (issue 36)", () => {
  it("welcomes a member once, by direct message, however many join events arrive; bots and a switched-off welcome get nothing", async () => {
    const h = setup();
    const maria = await h.actor("maria");
    const first = await h.app.memberJoined(maria, { isBot: false });
    expect(first.messages.map((m) => m.to)).toEqual([{ kind: "member", memberId: maria.memberId, externalId: "maria" }, { kind: "member", memberId: maria.memberId, externalId: "maria" }]);
    expect(first.messages[0]!.message.title).toBe("Welcome to Test community, maria");
    // team_join and member_joined_channel for the same person, and two at once.
    const again = await Promise.all([h.app.memberJoined(maria, { isBot: false }), h.app.memberJoined(maria, { isBot: false })]);
    expect(again.flatMap((o) => o.messages)).toEqual([]);

    const bot = await h.actor("helperbot");
    expect((await h.app.memberJoined(bot, { isBot: true })).messages).toEqual([]);
    expect(await h.store.welcomes!.get(bot.communityId, bot.memberId)).toBeNull();

    await h.run("ana", "/peerloop welcome off", { admin: true });
    const leo = await h.actor("leo");
    expect((await h.app.memberJoined(leo, { isBot: false })).messages).toEqual([]);
    expect(await h.store.welcomes!.get(leo.communityId, leo.memberId)).toBeNull();
    // Not an organiser: refused, nothing changed.
    const refused = await h.run("leo", "/peerloop welcome on");
    expect(refused[0]!.message.tone).toBe("error");
    expect((await h.store.welcomes!.settings(leo.communityId)).enabled).toBe(false);
    await h.run("ana", "/peerloop welcome on", { admin: true });
    await h.run("ana", "/peerloop welcome text Glad you're here: say hello in #introductions", { admin: true });
    const sam = await h.actor("sam");
    const welcomed = await h.app.memberJoined(sam, { isBot: false });
    expect(welcomed.messages[0]!.message.quote).toBe("Glad you're here: say hello in #introductions");
  });

  it("does not welcome a member who left and came back within 30 days; after longer they start afresh", async () => {
    const h = setup();
    const tom = await h.actor("tom");
    expect((await h.app.memberJoined(tom, { isBot: false })).messages.length).toBeGreaterThan(0);
    await h.app.memberLeftIn("shell", (await h.store.communities.get(tom.communityId))!.externalId, "tom");
    expect((await h.store.welcomes!.get(tom.communityId, tom.memberId))!.leftAt).not.toBeNull();
    h.clock.advance(29 * DAY);
    expect((await h.app.memberJoined(tom, { isBot: false })).messages).toEqual([]);
    expect((await h.store.welcomes!.get(tom.communityId, tom.memberId))!.leftAt).toBeNull();
    // Leaves again, away for 31 days: a fresh welcome.
    await h.app.memberLeftIn("shell", (await h.store.communities.get(tom.communityId))!.externalId, "tom");
    h.clock.advance(31 * DAY);
    const back = await h.app.memberJoined(tom, { isBot: false });
    expect(titles(back.messages)[0]).toBe("Welcome to Test community, tom");
    expect((await h.store.welcomes!.get(tom.communityId, tom.memberId))!.round).toBe(2);
    // A leave Peerloop hears about for someone it never knew creates nobody.
    await h.app.memberLeftIn("shell", (await h.store.communities.get(tom.communityId))!.externalId, "stranger");
    expect(await h.store.members.findByExternalId(tom.communityId, "stranger")).toBeNull();
  });
});

describe("the welcome's steps", () => {
  it("follows the chosen topics, people and publishers through their own services, never suggests a forgotten or unlisted member, and confirms once", async () => {
    const h = setup();
    // Helpers with #ethics: ben's share endorsed twice, cy's once (cy not listed), dee's (dee forgotten), eve's #youth.
    await h.run("ben", "/share https://example.org/ben #ethics Plain summary");
    await h.run("cy", "/share https://example.org/cy #ethics Another");
    await h.run("dee", "/share https://example.org/dee #ethics Third");
    await h.run("eve", "/share https://example.org/eve #youth Fourth");
    for (const [who, url] of [["ana", "ben"], ["fay", "ben"], ["ana", "cy"], ["ana", "dee"], ["ana", "eve"]] as const) {
      const r = await h.store.resources.findByUrl((await h.actor(who)).communityId, `https://example.org/${url}`);
      await h.services.resources.endorse(await h.actor(who), r!.id);
    }
    await h.run("cy", "/peerloop privacy people off");
    await h.run("dee", "/peerloop forget-me confirm");
    const ana = await h.actor("ana");
    await h.store.sources!.create({ communityId: ana.communityId, name: "NASW", siteUrl: "https://www.socialworkers.org", feedUrl: "https://www.socialworkers.org/rss", tags: ["ethics"], addedBy: ana.memberId, channelId: "general", createdAt: new Date(NOW) });
    await h.store.sources!.create({ communityId: ana.communityId, name: "Youth Today", siteUrl: "https://youthtoday.org", feedUrl: "https://youthtoday.org/feed", tags: ["youth"], addedBy: ana.memberId, channelId: "general", createdAt: new Date(NOW) });

    const maria = await h.actor("maria");
    const joined = await h.app.memberJoined(maria, { isBot: false });
    const interests = selectOf(joined.messages)!;
    expect(interests.options.map((o) => o.value)).toEqual(expect.arrayContaining(["ethics", "youth"]));

    const afterInterests = await h.app.welcomeAnswer(maria, interests.ref, ["ethics"]);
    expect(await h.store.subscriptions.tagsOf(maria.communityId, maria.memberId)).toEqual(["ethics"]);
    const people = selectOf(afterInterests.messages)!;
    expect(people.options.map((o) => o.label)).toEqual(["ben"]); // not cy (unlisted), not dee (forgotten), not eve (#youth)
    // The same step again, say from a second device: nothing changes, and the member is told.
    const twice = await h.app.welcomeAnswer(maria, interests.ref, ["youth"]);
    expect(twice.messages[0]!.message.text).toMatch(/already answered "interests".*nothing changed/);
    expect(await h.store.subscriptions.tagsOf(maria.communityId, maria.memberId)).toEqual(["ethics"]);

    const afterPeople = await h.app.welcomeAnswer(maria, people.ref, ["ben"]);
    expect(await h.store.people!.following(maria.communityId, maria.memberId)).toEqual(["ben"]);
    const sources = selectOf(afterPeople.messages)!;
    expect(sources.options.map((o) => o.value)).toEqual(["NASW"]);
    const afterSources = await h.app.welcomeAnswer(maria, sources.ref, ["NASW"]);
    expect(await h.store.sources!.followedBy(maria.communityId, maria.memberId)).toEqual(["NASW"]);

    const afterNotify = await h.app.welcomeAnswer(maria, buttonOf(afterSources.messages, "Daily digest").value);
    expect((await h.store.members.get(maria.communityId, maria.memberId))!.notify).toBe("daily");
    expect(afterNotify.messages[0]!.message.text).toContain("Never post a detail that could identify a client");
    const afterNorms = await h.app.welcomeAnswer(maria, buttonOf(afterNotify.messages, "Skip").value);
    const done = await h.app.welcomeAnswer(maria, buttonOf(afterNorms.messages, "Share a resource").value);
    expect(done.messages).toHaveLength(1);
    expect(done.messages[0]!.message.title).toBe("You're set up");
    expect(Object.fromEntries(done.messages[0]!.message.fields!.map((f) => [f.label, f.value]))).toEqual({
      Topics: "#ethics", People: "ben", Publishers: "NASW", Notifications: "a daily digest", Norms: "skipped", "First step": "share a resource",
    });
    expect((await h.store.welcomes!.get(maria.communityId, maria.memberId))!.finishedAt).not.toBeNull();

    // /peerloop start opens it again: the old buttons are out of date, the new ones work.
    const again = await h.run("maria", "/peerloop start");
    const stale = await h.app.welcomeAnswer(maria, interests.ref, ["youth"]);
    expect(stale.messages[0]!.message.text).toMatch(/out of date/);
    const skipped = await h.app.welcomeAnswer(maria, buttonOf(again, "Skip").value);
    expect(selectOf(skipped.messages)?.placeholder).toBe("Choose people to follow");
    // Someone else's buttons are not theirs to answer.
    const other = await h.app.welcomeAnswer(await h.actor("zed") as Actor, buttonOf(again, "Skip").value);
    expect(other.messages[0]!.message.text).toMatch(/out of date/);
  });
});

describe("health: who finished the welcome and posted within 7 days", () => {
  it("counts shares of the members welcomed and joined in the window", async () => {
    const h = setup();
    const ids: Record<string, Actor> = {};
    const welcomes: Record<string, Outgoing[]> = {};
    for (const name of ["a1", "a2", "a3", "a4"]) {
      ids[name] = await h.actor(name);
      welcomes[name] = (await h.app.memberJoined(ids[name]!, { isBot: false })).messages;
    }
    // a1 finishes every step (skipping all; a new community has no topics, people or publishers to offer); the others stop.
    let out = welcomes.a1!;
    for (let i = 0; i < 6 && out.some((o) => o.message.buttons?.length); i++) out = (await h.app.welcomeAnswer(ids.a1!, buttonOf(out, "Skip").value)).messages;
    expect(out[0]!.message.title).toBe("You're set up");
    // Joined 20 days ago: a1 shared on day 2, a2 asked on day 9 (too late), a3 never; a4 joined 3 days ago (too recent to count).
    for (const [name, days] of [["a1", 20], ["a2", 20], ["a3", 20], ["a4", 3]] as const) {
      await db.prisma.$executeRaw`UPDATE members SET created_at = ${new Date(Date.parse(NOW) - days * DAY)} WHERE id = ${ids[name]!.memberId}::uuid`;
    }
    await h.run("a1", "/share https://example.org/a1 #intro First");
    await h.run("a2", "/ask What do you use for safety plans? #safety");
    await db.prisma.$executeRaw`UPDATE resources SET created_at = ${new Date(Date.parse(NOW) - 18 * DAY)} WHERE sharer_id = ${ids.a1!.memberId}::uuid`;
    await db.prisma.$executeRaw`UPDATE threads SET created_at = ${new Date(Date.parse(NOW) - 11 * DAY)} WHERE asker_id = ${ids.a2!.memberId}::uuid`;
    const f = await h.store.health!.figures({ communityId: ids.a1!.communityId, days: 30, to: new Date(Date.parse(NOW) + 60_000) }, "UTC");
    expect(f.new_members).toBe(4);
    expect(f.finished_welcome).toBe(0.25);
    expect(f.first_post_within_7d).toBe(0.333);
  });
});
