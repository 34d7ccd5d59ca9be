import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { applyMigrations, pendingMigrations, PendingMigrationsError, type SqlRunner } from "./migrate";

export type PrismaDb = InstanceType<typeof PrismaClient>;

export interface Database {
  prisma: PrismaDb;
  kind: "postgres" | "pglite";
  /**
   * PostgreSQL only: a query straight on the driver's pool, for bulk reads (the export) where
   * Prisma's per-row result mapping would cost more than the database's own work.
   */
  bulkQuery?: <T>(text: string, values: unknown[]) => Promise<T[]>;
  /** Answers whether the database responds (health checks). */
  ping(): Promise<boolean>;
  /**
   * PostgreSQL only: NOTIFY and LISTEN on a channel, for what other replicas must hear at once (an
   * uninstalled workspace). The listener has its own connection, opened again if it drops.
   */
  notify?(channel: string, payload: string): Promise<void>;
  listen?(channel: string, onPayload: (payload: string) => void): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; without it the embedded PGlite database is used. */
  url?: string;
  /** PGlite's directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  /** Apply pending migrations on open (always for the embedded database); on PostgreSQL, without it, refuse to open with pending ones. */
  migrate?: boolean;
}

export const openDatabase = async (opts: DatabaseOptions): Promise<Database> =>
  opts.url ? openPostgres(opts.url, opts) : openPglite(opts.dataDir ?? ".data/pglite", opts.migrate ?? true);

const openPostgres = async (url: string, opts: DatabaseOptions): Promise<Database> => {
  const pool = new pg.Pool({
    connectionString: url,
    max: opts.poolMax ?? 10,
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    // Sessions in UTC, whatever the server's default: timestamps PostgreSQL writes as text read the same everywhere.
    options: "-c TimeZone=UTC",
  });
  // A dropped idle connection must not take the process down.
  pool.on("error", (error) => console.error(JSON.stringify({ level: "warn", message: "idle database connection failed", error: error.message })));
  // Migrate when asked; otherwise only check, once, that nothing is pending (a cheap hot start).
  const client = await pool.connect().catch(async (error) => {
    await pool.end().catch(() => undefined);
    throw error;
  });
  try {
    if (opts.migrate) await applyMigrations(pgRunner(client));
    else {
      const pending = await pendingMigrations(pgRunner(client));
      if (pending.length) throw new PendingMigrationsError(pending);
    }
  } catch (error) {
    client.release();
    await pool.end().catch(() => undefined);
    throw error;
  }
  client.release();
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  const listeners: pg.Client[] = [];
  let closing = false;
  const listen = async (channel: string, onPayload: (payload: string) => void): Promise<void> => {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000 });
    listeners.push(client);
    client.on("notification", (n) => n.channel === channel && onPayload(n.payload ?? ""));
    client.on("error", () => {
      // A dropped listener is opened again (a change missed meanwhile expires with the cache's lifetime).
      const at = listeners.indexOf(client);
      if (at < 0) return; // already handled: a client can report more than one error
      listeners.splice(at, 1);
      client.end().catch(() => undefined);
      if (!closing) setTimeout(() => void listen(channel, onPayload).catch(() => undefined), 1_000).unref();
    });
    await client.connect();
    await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
  };
  return {
    prisma,
    kind: "postgres",
    notify: async (channel, payload) => void (await pool.query("SELECT pg_notify($1, $2)", [channel, payload])),
    listen,
    bulkQuery: async <T>(text: string, values: unknown[]) => (await pool.query(text, values)).rows as T[],
    ping: () => pool.query("SELECT 1").then(() => true, () => false),
    close: async () => {
      closing = true;
      await Promise.all(listeners.splice(0).map((c) => c.end().catch(() => undefined)));
      await prisma.$disconnect();
      await pool.end().catch(() => undefined);
    },
  };
};

const pgRunner = (client: pg.PoolClient): SqlRunner => ({
  exec: async (sql) => void (await client.query(sql)),
  query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
});

const openPglite = async (dataDir: string, migrate: boolean): Promise<Database> => {
  const inMemory = dataDir.includes("://");
  // The lock (proper-lockfile) is the embedded database's alone: PostgreSQL runs never load it.
  const unlock = inMemory ? async () => undefined : await (await import("./data-dir-lock")).lockDataDir(dataDir);
  // Loaded only when used: PGlite's WebAssembly build costs ~30 MB that a PostgreSQL deployment never needs.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  // A small local database: PostgreSQL's server defaults (128 MB of shared buffers) would add ~140 MB RSS.
  const lite = new PGlite(dataDir, { postgresqlconf: ["shared_buffers = 16MB", "work_mem = 4MB", "maintenance_work_mem = 32MB", "wal_buffers = 1MB"] });
  if (migrate) {
    await applyMigrations({
      exec: async (sql) => void (await lite.exec(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await lite.query<T>(sql, params)).rows,
    });
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(lite) });
  return {
    prisma,
    kind: "pglite",
    ping: () => lite.query("SELECT 1").then(() => true, () => false),
    close: async () => {
      await prisma.$disconnect();
      await lite.close();
      await unlock();
    },
  };
};
