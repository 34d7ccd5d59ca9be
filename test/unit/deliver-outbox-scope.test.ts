import { describe, expect, it } from "vitest";
import type { Courier } from "../../src/core/jobs/courier";
import { deliverOutbox } from "../../src/core/jobs/deliver-outbox";
import { silentLogger } from "../../src/core/shared/logger";
import { memoryStore } from "../support/memory-store";

const clock = { now: () => new Date("2026-11-30T10:00:00Z") };

describe("which outbox messages a process takes", () => {
  it("takes a community's emails where it cannot post to the community's platform, and leaves its chat posts untouched for a process that can", async () => {
    const store = memoryStore();
    const slack = await store.communities.upsert("slack", "T1", "Peers");
    await store.jobs.enqueue([
      { communityId: slack.id, dedupeKey: "post", audience: { kind: "post", channelId: "C1" }, message: { text: "roundup" }, at: clock.now() },
      { communityId: slack.id, dedupeKey: "mail", audience: { kind: "email", memberId: "m1", address: "a@example.org", purpose: "digest" }, message: { text: "digest" }, at: clock.now() },
    ]);
    const sent: string[] = [];
    const email: Courier = { deliver: async (_c, to, m) => (sent.push(`${to.kind}:${m.text}`), { ref: "mail-1" }) };
    const result = await deliverOutbox(store, { email }, clock, silentLogger, { sleep: async () => undefined });
    expect(result.sent).toBe(1);
    expect(sent).toEqual(["email:digest"]);
    const post = store.state.outbox.find((o) => o.dedupeKey === "post")!;
    expect(post).toMatchObject({ status: "pending", attempts: 0, lastError: null });
  });
});
