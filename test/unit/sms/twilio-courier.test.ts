import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { twilioCourier } from "../../../src/adapters/sms/twilio-courier";
import { CourierError } from "../../../src/core/jobs/courier";
import type { Community } from "../../../src/core/members/member-types";
import { startFakeTwilio } from "../../support/fake-twilio";

let twilio: Awaited<ReturnType<typeof startFakeTwilio>>;
beforeAll(async () => void (twilio = await startFakeTwilio()));
afterAll(async () => twilio?.close());

const community = { id: "c", name: "Peers" } as Community;
const to = (number: string) => ({ kind: "sms" as const, memberId: "m1", to: number, purpose: "alert" as const });
const failure = async (p: Promise<unknown>) => p.then(() => { throw new Error("expected a failure"); }, (e: unknown) => e as CourierError);

describe("the Twilio client on Node's own HTTP", () => {
  it("posts the text form-encoded with basic auth, from the number or the Messaging Service", async () => {
    const fromNumber = twilioCourier({ accountSid: twilio.sid, authToken: twilio.token, from: "+15005550006", apiUrl: twilio.url });
    const { ref } = await fromNumber.deliver(community, to("+12015550100"), { text: "Peerloop #a: new resource 'x' https://p/c/1/" });
    expect(ref).toMatch(/^SM[0-9a-f]{32}$/);
    expect(twilio.texts.at(-1)).toMatchObject({ to: "+12015550100", from: "+15005550006", body: "Peerloop #a: new resource 'x' https://p/c/1/" });
    const viaService = twilioCourier({ accountSid: twilio.sid, authToken: twilio.token, messagingServiceSid: `MG${"0".repeat(32)}`, apiUrl: twilio.url });
    await viaService.deliver(community, to("+12015550101"), { text: "hi" });
    expect(twilio.texts.at(-1)).toMatchObject({ to: "+12015550101", messagingServiceSid: `MG${"0".repeat(32)}`, from: undefined });
  });

  it("retries 429 (after Retry-After) and 5xx; stops a number on 21610, 21211 and 21614; other 4xx are final", async () => {
    const c = twilioCourier({ accountSid: twilio.sid, authToken: twilio.token, from: "+15005550006", apiUrl: twilio.url });
    twilio.failNext({ status: 429, retryAfter: "2" });
    expect(await failure(c.deliver(community, to("+12015550102"), { text: "a" }))).toMatchObject({ retryable: true, retryAfterMs: 2000 });
    twilio.failNext({ status: 503 });
    expect(await failure(c.deliver(community, to("+12015550102"), { text: "a" }))).toMatchObject({ retryable: true, stops: undefined });
    twilio.failNext({ status: 400, code: 21610 });
    const optedOut = await failure(c.deliver(community, to("+12015550102"), { text: "a" }));
    expect(optedOut).toMatchObject({ retryable: false, stops: "stopped" });
    expect(optedOut.message).toContain("+1 ••• ••• 0102");
    expect(optedOut.message).not.toContain("2015550102");
    twilio.failNext({ status: 400, code: 21614 });
    expect(await failure(c.deliver(community, to("+12015550102"), { text: "a" }))).toMatchObject({ retryable: false, stops: "invalid" });
    expect(await failure(c.deliver(community, to("+1 201"), { text: "a" }))).toMatchObject({ retryable: false, stops: "invalid" }); // the fake's 21211
    const wrongToken = twilioCourier({ accountSid: twilio.sid, authToken: "wrong-token-0123456789", from: "+15005550006", apiUrl: twilio.url });
    expect(await failure(wrongToken.deliver(community, to("+12015550102"), { text: "a" }))).toMatchObject({ retryable: false, stops: undefined, message: expect.stringContaining("401 (20003)") });
  });

  it("a server that does not answer is retried, not fatal", async () => {
    const c = twilioCourier({ accountSid: twilio.sid, authToken: twilio.token, from: "+15005550006", apiUrl: "http://127.0.0.1:9" });
    expect(await failure(c.deliver(community, to("+12015550103"), { text: "a" }))).toMatchObject({ retryable: true });
  });
});
