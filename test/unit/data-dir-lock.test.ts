import { mkdtempSync, mkdirSync, rmSync, utimesSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { lockDataDir } from "../../src/db/data-dir-lock";

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-lock-"));
  dirs.push(dir);
  return dir;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the embedded database's lock (issue 11, item 11)", () => {
  it("refuses a second owner while the first holds it, and frees on release", async () => {
    const dir = fresh();
    const release = await lockDataDir(dir);
    await expect(lockDataDir(dir, 600)).rejects.toThrow(/in use by another Peerloop process/);
    await release();
    const again = await lockDataDir(dir, 600);
    await again();
  });

  it("takes over a lock left by a process that is gone, whatever pid it had (a container restart)", async () => {
    const dir = fresh();
    // What a killed container leaves: the lock directory, untouched for a minute.
    const lock = path.join(dir, "peerloop.lock");
    mkdirSync(lock);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    const release = await lockDataDir(dir, 1_000);
    await release();
  });
});
