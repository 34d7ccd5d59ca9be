import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openDatabase, type Database } from "../../src/db/open-database";

export const TEMPLATE_SUFFIX = "_tpl";

const adminUrl = (url: string, database: string) => {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
};

/**
 * A database of its own for one test file. With DATABASE_URL: a fresh PostgreSQL database cloned
 * from the migrated template that globalSetup made (fast, isolated, real). Without: PGlite in memory.
 */
export const testDatabase = async (): Promise<Database & { url?: string }> => {
  const base = process.env.DATABASE_URL;
  if (!base) return openDatabase({ dataDir: "memory://", migrate: true });
  const template = `${new URL(base).pathname.slice(1)}${TEMPLATE_SUFFIX}`;
  const name = `peerloop_t_${randomBytes(5).toString("hex")}`;
  await withAdmin(base, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const url = adminUrl(base, name);
  const db = await openDatabase({ url, poolMax: 5, migrate: false });
  return {
    ...db,
    url,
    close: async () => {
      await db.close();
      await withAdmin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
};

export const withAdmin = async <T>(base: string, work: (c: pg.Client) => Promise<T>): Promise<T> => {
  const c = new pg.Client({ connectionString: adminUrl(base, "postgres") });
  await c.connect();
  try {
    return await work(c);
  } finally {
    await c.end();
  }
};

/**
 * The database variables for a spawned bot or CLI: a fresh clone of the migrated template when CI
 * gives DATABASE_URL, else an embedded PGlite directory of its own. `cleanup` drops either.
 */
export const databaseEnv = async (): Promise<{ env: NodeJS.ProcessEnv; cleanup: () => Promise<void> }> => {
  if (process.env.DATABASE_URL) {
    const db = await testDatabase();
    await db.prisma.$disconnect();
    return { env: { DATABASE_URL: db.url }, cleanup: () => db.close() };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-db-"));
  return { env: { DATABASE_URL: "", PEERLOOP_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
};
