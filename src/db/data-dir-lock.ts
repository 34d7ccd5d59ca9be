import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import path from "node:path";

/**
 * PGlite is a single-process database: two processes on one directory would corrupt it. The lock
 * file holds the owner's pid; a stale one (its process gone) is taken over. Waits up to `waitMs`
 * for a live owner, then says what to do.
 */
export const lockDataDir = async (dataDir: string, waitMs = 30_000): Promise<() => void> => {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "peerloop.lock");
  const until = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(file, "wx");
      writeSync(fd, String(process.pid));
      closeSync(fd);
      return () => rmSync(file, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = Number(readFileSync(file, "utf8").trim());
    if (!alive(owner)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() > until) {
      throw new Error(`the embedded database in ${dataDir} is in use by another Peerloop process (pid ${owner}). ` +
        "Stop that process, or set DATABASE_URL to a PostgreSQL database, which several processes can share.");
    }
    await new Promise((r) => setTimeout(r, 200));
  }
};

const alive = (pid: number): boolean => {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
};
