import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import lockfile from "proper-lockfile";

/**
 * PGlite is a single-process database: two processes on one directory would corrupt it. The lock is
 * proper-lockfile's: a directory whose mtime the owner refreshes every 2 s, taken over once it is 10 s
 * old. A pid file looks alive after a container restart (the new process may well get the old pid, or
 * pid 1); an mtime that stopped moving does not. Waits up to `waitMs` for a live owner, then says what
 * to do. If the lock is lost while running (another process took it), the process stops at once.
 */
export const lockDataDir = async (dataDir: string, waitMs = 30_000): Promise<() => Promise<void>> => {
  mkdirSync(dataDir, { recursive: true });
  // Earlier versions kept a pid in a plain file of the same name: a leftover one is not a lock any more.
  const legacy = path.join(dataDir, "peerloop.lock");
  if (existsSync(legacy) && statSync(legacy).isFile()) rmSync(legacy, { force: true });
  const attempts = Math.max(1, Math.ceil(waitMs / 500));
  try {
    return await lockfile.lock(dataDir, {
      lockfilePath: path.join(dataDir, "peerloop.lock"),
      stale: 10_000,
      update: 2_000,
      retries: { retries: attempts, factor: 1, minTimeout: 500, maxTimeout: 500 },
      onCompromised: (error) => {
        process.stderr.write(`peerloop: lost the lock on ${dataDir} (${error.message}); stopping so the embedded database is not corrupted.\n`);
        process.exit(1);
      },
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ELOCKED") throw error;
    throw new Error(`the embedded database in ${dataDir} is in use by another Peerloop process. ` +
      "Stop that process, or set DATABASE_URL to a PostgreSQL database, which several processes can share.");
  }
};
