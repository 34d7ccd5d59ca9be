import { describe, expect, it } from "vitest";
import { CachedInstallations, type ChangeBus } from "../../src/app/cached-installations";
import type { InstallationRepository } from "../../src/app/door-ports";

/** A backing store that counts its reads, and a bus shared by "replicas" in one process. */
const backing = () => {
  const rows = new Map<string, unknown>();
  const reads: string[] = [];
  const repo: InstallationRepository = {
    save: async (key, _p, data) => void rows.set(key, data),
    find: async (key) => (reads.push(key), rows.get(key) ?? null),
    remove: async (key) => void rows.delete(key),
  };
  return { rows, reads, repo };
};
const sharedBus = () => {
  const subscribers: ((key: string) => void)[] = [];
  return (): ChangeBus => ({ publish: async (key) => subscribers.forEach((s) => s(key)), subscribe: async (on) => void subscribers.push(on) });
};

describe("installations cached in memory (issue 28: no round trip before an ack)", () => {
  it("reads the database once per workspace for five minutes", async () => {
    const db = backing();
    await db.repo.save("T1", "slack", { bot: { token: "xoxb-1" } });
    let now = 0;
    const cache = new CachedInstallations(db.repo, undefined, () => now);
    expect(await cache.find("T1")).toEqual({ bot: { token: "xoxb-1" } });
    expect(await cache.find("T1")).toEqual({ bot: { token: "xoxb-1" } });
    expect(db.reads).toEqual(["T1"]);
    now += 5 * 60_000;
    await cache.find("T1");
    expect(db.reads).toEqual(["T1", "T1"]);
  });

  it("an uninstall on one replica drops the entry on every replica at once", async () => {
    const db = backing();
    await db.repo.save("T1", "slack", { bot: { token: "xoxb-1" } });
    const bus = sharedBus();
    const a = new CachedInstallations(db.repo, bus()), b = new CachedInstallations(db.repo, bus());
    await a.listen();
    await b.listen();
    await a.find("T1");
    await b.find("T1");
    await a.remove("T1"); // app_uninstalled reached replica a
    expect(await b.find("T1")).toBeNull();
    expect(await a.find("T1")).toBeNull();
    // A reinstall (a new token) reaches the others the same way.
    await b.save("T1", "slack", { bot: { token: "xoxb-2" } });
    expect(await a.find("T1")).toEqual({ bot: { token: "xoxb-2" } });
  });
});
