import { describe, expect, it } from "vitest";
import { coreHarness, errorCode, keywordGuard, privateTexts, publicPosts } from "../support/core-harness";
import { memoryStore } from "../support/memory-store";

describe("/share", () => {
  it("posts a card in the channel and stores the normalized link with its tags", async () => {
    const h = coreHarness();
    const posted = await h.run("ana", "/share https://Example.org/a?utm_source=x #Ethics #supervision, Great read");
    const cards = publicPosts(posted);
    expect(cards).toHaveLength(1);
    expect(cards[0]!.message.links?.[0]?.url).toBe("https://example.org/a");
    expect(cards[0]!.message.quote).toBe("Great read");
    expect(cards[0]!.message.buttons?.[0]?.action).toBe("endorse");
    const stored = await h.store.resources.findByUrl((await h.actor("ana")).communityId, "https://example.org/a");
    expect(stored).toMatchObject({ tags: ["ethics", "supervision"], note: "Great read", channelId: "general", messageRef: "m1" });
  });

  it("answers a re-share privately with the first sharer, merges tags and posts nothing", async () => {
    const h = coreHarness();
    await h.run("ana", "/share https://example.org/a?utm_source=x #ethics Great read");
    h.clock.advance(3_600_000);
    const again = await h.run("ben", "/share https://example.org/a/ #boundaries");
    expect(publicPosts(again)).toHaveLength(0);
    expect(privateTexts(again)[0]).toMatch(/ana shared this link first, on 2026-11-02.*shared 2 times.*#boundaries/);
    const a = await h.actor("ana");
    const r = await h.store.resources.findByUrl(a.communityId, "https://example.org/a");
    expect(r).toMatchObject({ reshareCount: 1, tags: ["boundaries", "ethics"] });
  });

  it.each([
    ["/share", "MISSING_OPTION"],
    ["/share http://", "INVALID_URL"],
    ["/share ftp://x", "INVALID_URL"],
    ["/share javascript:alert(1)", "INVALID_URL"],
    [`/share https://example.org/long ${"x".repeat(5000)}`, "NOTE_TOO_LONG"],
    ["/share https://example.org/t #bad!tag", "INVALID_TAG"],
    ["/share https://example.org/t #a #b #c #d #e #f #g #h #i #j #k", "TOO_MANY_TAGS"],
  ])("%s → %s, privately, nothing stored", async (line, code) => {
    const store = memoryStore();
    const h = coreHarness({ store });
    const posted = await h.run("ana", line);
    expect(errorCode(posted)).toBe(code);
    expect(posted.every((o) => o.to.kind === "actor")).toBe(true);
    expect(store.state.resources).toHaveLength(0);
  });

  it("says how long a note is and the limit", async () => {
    const h = coreHarness();
    const posted = await h.run("ana", `/share https://example.org/long ${"x".repeat(5000)}`);
    expect(privateTexts(posted)[0]).toMatch(/5,000 characters.*under 1,000/);
  });

  it("stores SQL and markup in notes as plain text", async () => {
    const h = coreHarness();
    const note = `'); DROP TABLE resources; -- <script>alert(1)</script> <!channel> @everyone`;
    await h.run("ana", `/share https://example.org/x ${note}`);
    const r = await h.store.resources.findByUrl((await h.actor("ana")).communityId, "https://example.org/x");
    expect(r?.note).toBe(note);
  });

  it("refuses a flagged note: nothing posted or stored, the author told why, and may confirm", async () => {
    const store = memoryStore();
    const h = coreHarness({ store, guard: keywordGuard });
    const posted = await h.run("ana", "/share https://example.org/x Helped CLIENTNAME a lot");
    expect(publicPosts(posted)).toHaveLength(0);
    expect(store.state.resources).toHaveLength(0);
    const warning = posted[0]!.message;
    expect(warning.fields).toEqual([{ label: "person name", value: '"CLIENTNAME" → try C. or "my client"' }]);
    const button = warning.buttons?.find((b) => b.action === "post-anyway");
    expect(button).toBeDefined();

    const a = await h.actor("ana");
    const confirmed = await h.deliver(a, await h.app.postAnyway(a, { channelId: "general" }, button!.value));
    expect(publicPosts(confirmed)).toHaveLength(1);
    expect(store.state.resources).toHaveLength(1);
    const log = h.logs.find((l) => l.message === "guard overridden by author");
    expect(log?.context).toMatchObject({ kinds: ["person_name"] });
    expect(JSON.stringify(log)).not.toContain("CLIENTNAME");
  });

  it("offers no override when the community turned it off", async () => {
    const h = coreHarness({ guard: keywordGuard });
    const admin = await h.actor("ana", true);
    await h.store.communities.updateSettings(admin.communityId, { allowPostAnyway: false });
    const posted = await h.run("ana", "/share https://example.org/x CLIENTNAME", { admin: true });
    expect(posted[0]!.message.buttons ?? []).toHaveLength(0);
  });
});

describe("endorsements", () => {
  it("counts one per member and not the sharer's own", async () => {
    const h = coreHarness();
    const [card] = publicPosts(await h.run("ana", "/share https://example.org/e #ethics"));
    const id = card!.message.buttons![0]!.value;
    const ben = await h.actor("ben");
    expect(privateTexts((await h.app.endorse(ben, id)).messages)[0]).toMatch(/you endorsed/);
    expect(errorCode((await h.app.endorse(ben, id)).messages)).toBe("ALREADY_ENDORSED");
    expect(errorCode((await h.app.endorse(await h.actor("ana"), id)).messages)).toBe("INVALID_OPTION");
    expect((await h.store.resources.get(ben.communityId, id))?.endorsementCount).toBe(1);
  });
});

describe("/resources", () => {
  it("finds by words and tag, case-insensitively, with who shared it and where", async () => {
    const h = coreHarness();
    await h.run("ana", "/share https://example.org/a?utm_source=x #ethics Great read");
    await h.run("ben", "/share https://example.org/b #youth Safety plan template", { channel: "youth-work" });
    const byTag = await h.run("cy", "/resources ethics");
    expect(byTag[0]!.message.items?.map((i) => i.url)).toEqual(["https://example.org/a"]);
    const both = await h.run("cy", "/resources SAFETY #youth");
    expect(both[0]!.message.items?.[0]).toMatchObject({ url: "https://example.org/b", place: { channelId: "youth-work" } });
    expect(both[0]!.message.items?.[0]?.detail).toMatch(/shared by ben/);
    expect(both.every((o) => o.to.kind === "actor")).toBe(true);
    const none = await h.run("cy", "/resources zebra");
    expect(none[0]!.message.title).toBe("No resources found");
  });
});
