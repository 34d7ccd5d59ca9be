import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/open-database";
import { PrismaProcessedEvents } from "../../src/db/repositories/door-repositories";
import { testDatabase } from "../support/test-database";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

/** Both ways a replica claims a request's signature: through the pool (PostgreSQL) and through Prisma (the embedded database). */
const ways = () => [["the pool", new PrismaProcessedEvents(db.prisma, db.bulkQuery)], ["Prisma", new PrismaProcessedEvents(db.prisma)]] as const;

describe("a signed request's signature is claimed once (issue 28: replays refused)", () => {
  it("the first claim wins; a copy in the same burst, a later copy and a copy through the other path lose", async () => {
    const [[, pool], [, prisma]] = ways();
    const at = new Date();
    const burst = await Promise.all(["v0=aaa", "v0=bbb", "v0=aaa", "v0=ccc"].map((s) => pool.claimRequest(s, at)));
    expect(burst).toEqual([true, true, false, true]);
    expect(await pool.claimRequest("v0=bbb", at)).toBe(false);
    expect(await prisma.claimRequest("v0=ccc", at)).toBe(false);
    expect(await prisma.claimRequest("v0=ddd", at)).toBe(true);
    expect(await pool.claimRequest("v0=ddd", at)).toBe(false);
  });

  it("claims expire with the prune job, and events' own ids are left alone", async () => {
    const [[, pool]] = ways();
    const old = new Date(Date.now() - 10 * 60_000);
    expect(await pool.claimRequest("v0=old", old)).toBe(true);
    expect(await pool.claim("Ev-kept", old)).toBe(true);
    expect(await pool.pruneRequests(new Date(Date.now() - 5 * 60_000))).toBeGreaterThanOrEqual(1);
    expect(await pool.claimRequest("v0=old", new Date())).toBe(true);
    expect(await pool.claim("Ev-kept", new Date())).toBe(false);
  });
});


describe("a button press is claimed once per message and member (issue 38), in the same table", () => {
  it("two replicas pressing at once: one wins; another member's press and another message are their own; a release reopens it", async () => {
    const { pressKey } = await import("../../src/app/button-presses");
    const [[, a], [, b]] = ways();
    const at = new Date();
    const cy = { communityId: "c1", memberId: "m-cy" }, dev = { communityId: "c1", memberId: "m-dev" };
    const both = await Promise.all([a.claim(pressKey(cy, "CGEN:1700.1"), at), b.claim(pressKey(cy, "CGEN:1700.1"), at)]);
    expect(both.sort()).toEqual([false, true]);
    expect(await a.claim(pressKey(dev, "CGEN:1700.1"), at)).toBe(true);
    expect(await a.claim(pressKey(cy, "CGEN:1700.2"), at)).toBe(true);
    await b.release(pressKey(cy, "CGEN:1700.1"));
    expect(await a.claim(pressKey(cy, "CGEN:1700.1"), at)).toBe(true);
    expect(await a.claim(pressKey(cy, "CGEN:1700.1"), at)).toBe(false);
  });
});
