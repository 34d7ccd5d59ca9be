import { describe, expect, it } from "vitest";
import { composeRoundup, roundupMessage } from "../../src/core/roundups/compose-roundup";
import { coreHarness, publicPosts } from "../support/core-harness";

describe("roundup composition", () => {
  it("summarises the 7 days ending at T against the week before", async () => {
    const h = coreHarness({ now: "2026-10-28T10:00:00Z" });
    await h.run("ana", "/share https://example.org/old #ethics"); // previous week
    h.clock.set("2026-11-03T10:00:00Z");
    const [r1] = publicPosts(await h.run("ana", "/share https://example.org/a #ethics Great read"));
    await h.run("ben", "/share https://example.org/b #youth");
    await h.app.endorse(await h.actor("cy"), r1!.anchor!.id);
    const answered = publicPosts(await h.run("ana", "/ask How do you close a case well? #ethics"))[0]!;
    publicPosts(await h.run("dee", "/ask Anyone used DBT groups for teens? #youth", { channel: "youth" }));
    await h.app.threadReply(await h.actor("ben"), { threadRef: answered.ref!, platformMessageId: "p1", channelId: "general", text: "A summary letter" });
    await h.app.react(await h.actor("ana"), answered.ref!, "✅");

    const a = await h.actor("ana");
    const community = (await h.store.communities.get(a.communityId))!;
    const r = await composeRoundup(h.store.roundups, community, new Date("2026-11-09T09:00:00Z"));
    expect(r.activity.resources.map((x) => x.url)).toEqual(["https://example.org/a", "https://example.org/b"]);
    expect(r.activity.resolved[0]).toMatchObject({ askerName: "ana", helperNames: ["ben"] });
    expect(r.activity.open.map((t) => t.text)).toEqual(["Anyone used DBT groups for teens?"]);
    expect(r.activity.helpers).toEqual([{ memberId: (await h.actor("ben")).memberId, name: "ben", replies: 1 }]);
    expect(r.activity.tags[0]).toEqual({ tag: "ethics", count: 2 });
    expect(r.activity.busiestChannel).toBe("general");
    expect(r.counts).toEqual({ resources: 2, questions: 2, resolved: 1, replies: 1 });
    expect(r.previous).toEqual({ resources: 1, questions: 0, resolved: 0, replies: 0 });

    const m = roundupMessage(r, community.name);
    expect(m.title).toBe("This week in Test community");
    expect(m.items?.map((i) => i.title)).toContain("Still open: can you help?");
    expect(m.fields).toContainEqual({ label: "Resources shared", value: "2 (+1 on last week)" });
  });

  it("/roundup previews privately", async () => {
    const h = coreHarness();
    const out = await h.run("ana", "/roundup");
    expect(out).toHaveLength(1);
    expect(out[0]!.to.kind).toBe("actor");
    expect(out[0]!.message.title).toMatch(/^Preview: This week in/);
  });
});
