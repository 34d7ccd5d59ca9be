import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "./generated/client.ts";
import { lockDataDir } from "./data-dir-lock";
import { applyMigrations, type SqlRunner } from "./migrate";

export type PrismaDb = InstanceType<typeof PrismaClient>;

export interface Database {
  prisma: PrismaDb;
  kind: "postgres" | "pglite";
  /** Answers whether the database responds (health checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL URL; without it the embedded PGlite database is used. */
  url?: string;
  /** PGlite's directory; "memory://" keeps it in memory (tests). */
  dataDir?: string;
  poolMax?: number;
  connectTimeoutMs?: number;
  /** Apply pending migrations on open (the embedded default, and tests). */
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
  });
  // A dropped idle connection must not take the process down.
  pool.on("error", (error) => console.error(JSON.stringify({ level: "warn", message: "idle database connection failed", error: error.message })));
  if (opts.migrate) {
    const client = await pool.connect();
    try {
      await applyMigrations(pgRunner(client));
    } finally {
      client.release();
    }
  }
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    prisma,
    kind: "postgres",
    ping: () => pool.query("SELECT 1").then(() => true, () => false),
    close: async () => {
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
  const unlock = inMemory ? async () => undefined : await lockDataDir(dataDir);
  // Loaded only when used: PGlite's WebAssembly build costs ~30 MB that a PostgreSQL deployment never needs.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  const lite = new PGlite(dataDir);
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
