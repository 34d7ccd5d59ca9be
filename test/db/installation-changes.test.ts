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

  it("a listener whose connection drops is opened again, and hears the next change", async () => {
    const a = replica(one), b = replica(two);
    await b.listen();
    await a.save("T-reconnect", "slack", { bot: { token: "xoxb-1" } });
    expect(await b.find("T-reconnect")).toEqual({ bot: { token: "xoxb-1" } });
    // Cut every listening connection (as a database restart or a network blip would).
    const listeners = () => one.bulkQuery!<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query LIKE 'LISTEN%' AND pid <> pg_backend_pid()", []);
    const before = (await listeners()).map((r) => r.pid);
    expect(before.length).toBeGreaterThan(0);
    await one.bulkQuery!("SELECT pg_terminate_backend(pid) FROM unnest($1::int[]) AS pid", [before]);
    const until = Date.now() + 15_000;
    while (Date.now() < until && !(await listeners()).some((r) => !before.includes(r.pid))) await new Promise((r) => setTimeout(r, 100));
    await a.remove("T-reconnect");
    let seen: unknown = "cached";
    while (Date.now() < until && seen !== null) {
      seen = await b.find("T-reconnect");
      if (seen !== null) await new Promise((r) => setTimeout(r, 50));
    }
    expect(seen).toBeNull();
  }, 30_000);
});
