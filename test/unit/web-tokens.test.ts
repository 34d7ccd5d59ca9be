import { describe, expect, it } from "vitest";
import { signToken, verifyToken } from "../../src/adapters/web/web-tokens";

const SECRET = "a-test-secret-that-is-long-enough-1234";
const C = "11111111-1111-4111-8111-111111111111";
const M = "22222222-2222-4222-8222-222222222222";
const now = new Date("2026-11-30T12:00:00Z");
const inAnHour = Math.floor(now.getTime() / 1000) + 3600;

describe("signed web links", () => {
  it("accepts a link it signed, for its purpose and community, until it expires", () => {
    const token = signToken(SECRET, { c: C, m: M, p: "login", e: inAnHour });
    expect(verifyToken(SECRET, token, "login", C, now)).toEqual({ ok: true, claims: { c: C, m: M, p: "login", e: inAnHour } });
    expect(verifyToken(SECRET, token, "login", C, new Date((inAnHour + 1) * 1000))).toEqual({ ok: false, reason: "expired" });
  });

  it("refuses a link signed with another secret, or with its claims or signature altered", () => {
    const token = signToken(SECRET, { c: C, m: M, p: "login", e: inAnHour });
    expect(verifyToken("another-secret-that-is-long-enough-99", token, "login", C, now).ok).toBe(false);
    const [v, body, sig] = token.split(".");
    const other = Buffer.from(JSON.stringify({ c: C, m: "33333333-3333-4333-8333-333333333333", p: "login", e: inAnHour })).toString("base64url");
    expect(verifyToken(SECRET, `${v}.${other}.${sig}`, "login", C, now)).toEqual({ ok: false, reason: "forged" });
    const flipped = sig!.slice(0, -2) + (sig!.endsWith("AA") ? "BB" : "AA");
    expect(verifyToken(SECRET, `${v}.${body}.${flipped}`, "login", C, now)).toEqual({ ok: false, reason: "forged" });
  });

  it("keeps purposes and communities apart: a feed key is not a session, a link is for one community", () => {
    const feed = signToken(SECRET, { c: C, m: M, p: "feed", e: inAnHour });
    expect(verifyToken(SECRET, feed, "session", C, now)).toEqual({ ok: false, reason: "elsewhere" });
    expect(verifyToken(SECRET, feed, "feed", "44444444-4444-4444-8444-444444444444", now)).toEqual({ ok: false, reason: "elsewhere" });
  });

  it("refuses malformed links without throwing", () => {
    for (const bad of [undefined, null, "", "v1", "v1..", "v2.a.b", "v1.a.b.c", "v1.!!.b", `v1.${"a".repeat(2000)}.b`]) {
      expect(verifyToken(SECRET, bad, "login", C, now).ok).toBe(false);
    }
    const notJson = `v1.${Buffer.from("not json").toString("base64url")}`;
    const sig = signToken(SECRET, { c: C, m: M, p: "login", e: inAnHour }).split(".")[2];
    expect(verifyToken(SECRET, `${notJson}.${sig}`, "login", C, now)).toEqual({ ok: false, reason: "forged" });
  });
});
