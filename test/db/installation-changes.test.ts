import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CachedInstallations } from "../../src/app/cached-installations";
import { openDatabase, type Database } from "../../src/db/open-database";
import { PrismaInstallations } from "../../src/db/repositories/door-repositories";
import { testDatabase } from "../support/test-database";

let one: Database & { url?: string };
let two: Database;
beforeAll(async () => {
  one = await testDatabase();
  if (one.url) two = await openDatabase({ url: one.url, poolMax: 2 });
});
afterAll(async () => {
  await two?.close();
  await one?.close();
});

const replica = (db: Database) => new CachedInstallations(new PrismaInstallations(db.prisma), {
  publish: (key) => db.notify!("peerloop_installations", key),
  subscribe: (on) => db.listen!("peerloop_installations", on),
});

describe.skipIf(!process.env.DATABASE_URL)("installation changes reach every replica through PostgreSQL (issue 28)", () => {
  it("an uninstall on one replica is heard by the other at once (LISTEN/NOTIFY)", async () => {
    const a = replica(one), b = replica(two);
    await a.listen();
    await b.listen();
    await a.save("T-notify", "slack", { bot: { token: "xoxb-1" } });
    expect(await b.find("T-notify")).toEqual({ bot: { token: "xoxb-1" } });
    await a.remove("T-notify");
    const until = Date.now() + 10_000;
    let seen: unknown = "cached";
    while (Date.now() < until && seen !== null) {
      seen = await b.find("T-notify");
      if (seen !== null) await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBeNull();
  });
});
