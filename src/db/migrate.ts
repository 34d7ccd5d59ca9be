import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The little a migration run needs from a connection: run a script, run a query. */
export interface SqlRunner {
  exec(sql: string): Promise<void>;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
}

/** prisma/migrations of the project this code runs from: src/db under tsx, dist/ (or a chunk of it) when built. */
const findMigrations = (from: string): string => {
  for (let dir = from; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, "prisma", "migrations");
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(from, "../../prisma/migrations");
  }
};
export const MIGRATIONS_DIR = findMigrations(import.meta.dirname);

// Prisma's own bookkeeping table, so `prisma migrate status|deploy` agree with what ran here.
const BOOKKEEPING = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;
// The key Prisma's migrate takes, so our runner and `prisma migrate deploy` never overlap.
const LOCK_KEY = 72707369;

/**
 * Applies pending migrations from prisma/migrations in order, each in its own transaction, with
 * the same records Prisma's `migrate deploy` writes. In-process so the embedded database starts in
 * well under a second instead of the seconds a CLI round-trip takes. Returns the names applied.
 */
/** The migrations shipped in `dir`, in the order they apply. */
const migrationNames = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** The migrations the database finished (Prisma's bookkeeping table must exist). */
const appliedNames = async (db: SqlRunner): Promise<Set<string>> =>
  new Set((await db.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  )).map((r) => r.migration_name));

export const applyMigrations = async (db: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> => {
  const names = await migrationNames(dir);
  await db.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
  try {
    await db.exec(BOOKKEEPING);
    const done = await appliedNames(db);
    const applied: string[] = [];
    for (const name of names) {
      if (done.has(name)) continue;
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      const checksum = createHash("sha256").update(sql).digest("hex");
      await db.exec("BEGIN");
      try {
        await db.exec(sql);
        await db.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)`,
          [randomUUID(), checksum, name],
        );
        await db.exec("COMMIT");
      } catch (error) {
        await db.exec("ROLLBACK");
        throw new Error(`migration ${name} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
      applied.push(name);
    }
    return applied;
  } finally {
    await db.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
  }
};

/**
 * The migrations in `dir` that the database has not applied: one query, no lock, nothing written.
 * The hot start on PostgreSQL checks this instead of migrating (migrating is the release step).
 */
export const pendingMigrations = async (db: SqlRunner, dir = MIGRATIONS_DIR): Promise<string[]> => {
  const names = await migrationNames(dir);
  const table = await db.query<{ t: string | null }>(`SELECT to_regclass('"_prisma_migrations"')::text AS t`);
  if (!table[0]?.t) return names;
  const done = await appliedNames(db);
  return names.filter((n) => !done.has(n));
};

export class PendingMigrationsError extends Error {
  constructor(readonly pending: string[]) {
    super(`the database has ${pending.length} migration(s) not applied (${pending.join(", ")}). ` +
      "Run `npm run db:migrate` (the release step) first, or set PEERLOOP_MIGRATE=true to migrate at start.");
    this.name = "PendingMigrationsError";
  }
}
