import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { slackClients } from "../../src/adapters/slack/slack-clients";
import { slackCourier } from "../../src/adapters/slack/slack-deliver";
import { CourierError } from "../../src/core/jobs/courier";
import type { Community } from "../../src/core/members/member-types";
import { startFakeSlack } from "../support/fake-slack";

/**
 * Issue 11, item 10, through the real Slack WebClient and a fake Slack: the outbox's deliveries do not
 * wait out a rate limit inside the call (that could outlast the outbox's 2-minute lease, so another
 * run would post the message again); they hand it to the outbox with its Retry-After, after one call.
 */
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
beforeAll(async () => {
  slack = await startFakeSlack();
});
afterAll(async () => {
  await slack?.close();
});

const installations = { save: async () => undefined, find: async () => null, remove: async () => undefined };
const community = { id: "c1", externalId: "T1", platform: "slack", name: "Peers" } as unknown as Community;

describe("the outbox's Slack deliveries are bounded", () => {
  it("a 429 comes back at once as a retryable failure carrying Retry-After, not waited out and not retried by the SDK", async () => {
    const courier = slackCourier(slackClients({ botToken: "xoxb-test", apiUrl: `${slack.url}/api/`, oauth: false }, installations));
    slack.rateLimitNext("chat.postMessage", 1);
    const started = Date.now();
    const failure = await courier.deliver(community, { kind: "post", channelId: "CGEN" }, { text: "Weekly roundup" }).then(() => null, (e: unknown) => e);
    expect(failure).toBeInstanceOf(CourierError);
    expect((failure as CourierError).retryable).toBe(true);
    expect((failure as CourierError).retryAfterMs).toBe(1_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(slack.calls.filter((c) => c.method.startsWith("chat.postMessage"))).toHaveLength(1);
    // The next run (the outbox, after Retry-After) posts it.
    await expect(courier.deliver(community, { kind: "post", channelId: "CGEN" }, { text: "Weekly roundup" })).resolves.toHaveProperty("ref");
  });
});
