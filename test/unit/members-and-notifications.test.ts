import { describe, expect, it } from "vitest";
import { coreHarness, directMessages, errorCode, privateTexts } from "../support/core-harness";

describe("following tags and notifications", () => {
  it("sends instant followers a DM, queues digest followers, skips off and the author", async () => {
    const h = coreHarness();
    await h.run("ben", "/follow #ethics");
    await h.run("cy", "/follow ethics");
    await h.run("cy", "/notify daily");
    await h.run("dee", "/follow #Ethics");
    await h.run("dee", "/notify off");
    await h.run("ana", "/follow #ethics");
    const posted = await h.run("ana", "/share https://example.org/a #ethics");
    expect(directMessages(posted).map((o) => (o.to as { externalId: string }).externalId)).toEqual(["ben"]);
    const cy = await h.actor("cy");
    const queued = await h.store.digests.pending(cy.communityId, cy.memberId);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.summary).toMatch(/ana shared/);
  });

  it("holds instant notifications during quiet hours for the digest", async () => {
    const h = coreHarness({ now: "2026-11-02T23:30:00Z" });
    await h.run("ben", "/follow #ethics");
    await h.run("ben", "/peerloop timezone Europe/Berlin");
    await h.run("ben", "/peerloop quiet 22:00-07:00");
    const posted = await h.run("ana", "/ask Anyone? #ethics");
    expect(directMessages(posted)).toHaveLength(0);
    const ben = await h.actor("ben");
    expect(await h.store.digests.pending(ben.communityId, ben.memberId)).toHaveLength(1);
  });

  it("explains follow mistakes", async () => {
    const h = coreHarness();
    await h.run("ben", "/follow #ethics");
    expect(errorCode(await h.run("ben", "/follow #ethics"))).toBe("ALREADY_FOLLOWING");
    expect(errorCode(await h.run("ben", "/unfollow #youth"))).toBe("NOT_FOLLOWING");
    expect(errorCode(await h.run("ben", "/follow"))).toBe("MISSING_OPTION");
    expect(errorCode(await h.run("ben", "/follow #<script>"))).toBe("INVALID_TAG");
    expect(privateTexts(await h.run("ben", "/unfollow ethics"))[0]).toMatch(/no longer follow #ethics/);
  });

  it("validates notify, quiet hours and time zones", async () => {
    const h = coreHarness();
    expect(errorCode(await h.run("ben", "/notify hourly"))).toBe("INVALID_OPTION");
    expect(privateTexts(await h.run("ben", "/notify Weekly"))[0]).toMatch(/weekly digest/);
    expect(errorCode(await h.run("ben", "/peerloop quiet late"))).toBe("INVALID_OPTION");
    expect(errorCode(await h.run("ben", "/peerloop timezone Mars/Base"))).toBe("INVALID_OPTION");
    const me = await h.run("ben", "/peerloop me");
    expect(me[0]!.message.fields).toContainEqual({ label: "Notifications", value: "in a weekly digest" });
  });
});

describe("settings and help", () => {
  it("lets admins change settings and explains bad values", async () => {
    const h = coreHarness();
    expect(errorCode(await h.run("ben", "/peerloop settings"))).toBe("NOT_ADMIN");
    const set = await h.run("ana", "/peerloop settings unanswered-hours 48", { admin: true });
    expect(set[0]!.message.fields).toContainEqual({ label: "unanswered-hours", value: "48" });
    await h.run("ana", "/peerloop settings timezone America/Chicago", { admin: true });
    await h.run("ana", "/peerloop settings roundup-channel #weekly", { admin: true });
    const c = await h.store.communities.get((await h.actor("ana", true)).communityId);
    expect(c).toMatchObject({ unansweredHours: 48, timeZone: "America/Chicago", roundupChannel: "weekly" });
    expect(errorCode(await h.run("ana", "/peerloop settings unanswered-hours lots", { admin: true }))).toBe("INVALID_SETTING");
    expect(errorCode(await h.run("ana", "/peerloop settings colour blue", { admin: true }))).toBe("INVALID_OPTION");
  });

  it("lists every command with an example, and names unknown commands", async () => {
    const h = coreHarness();
    const help = await h.run("ben", "/peerloop");
    const titles = help[0]!.message.items!.map((i) => i.title);
    for (const c of ["/share", "/resources", "/ask", "/feedback", "/follow", "/unfollow", "/notify", "/roundup", "/peerloop settings"]) {
      expect(titles.some((t) => t.startsWith(c))).toBe(true);
    }
    expect(help[0]!.message.items!.every((i) => /e\.g\. \//.test(i.detail ?? ""))).toBe(true);
    expect(errorCode(await h.run("ben", "/nope"))).toBe("UNKNOWN_COMMAND");
    expect(errorCode(await h.run("ben", "/peerloop dance"))).toBe("INVALID_OPTION");
  });

  it("turns an unexpected failure into an apology and a log line, and keeps going", async () => {
    const h = coreHarness();
    const broken = { ...h.store.resources, search: async () => { throw new Error("db down"); } };
    Object.assign(h.store, { resources: broken });
    const out = await h.run("ben", "/resources x");
    expect(out[0]!.message.title).toBe("Something went wrong on our side");
    expect(h.logs.some((l) => l.level === "error" && String(l.context?.error).includes("db down"))).toBe(true);
  });
});
