import pg from "pg";
import { applyMigrations } from "../../src/db/migrate";
import { buildDist } from "../../src/tools/build.mjs";
import { TEMPLATE_SUFFIX, withAdmin } from "./test-database";

/**
 * Builds dist/ from the sources under test (the end-to-end tests run the built entry points, as
 * `npm start` does), then, with DATABASE_URL, a migrated template database each test file clones.
 */
export default async function setup(): Promise<void> {
  // Test traffic stays on loopback: the bots the tests start fetch previews, feeds and link checks only
  // from the tests' own servers (PEERLOOP_FETCH_ALLOW), never the example.org links the tests share.
  process.env.PEERLOOP_FETCH_PUBLIC = "false";
  await buildDist();
  const base = process.env.DATABASE_URL;
  if (!base) return;
  const template = `${new URL(base).pathname.slice(1)}${TEMPLATE_SUFFIX}`;
  await withAdmin(base, async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${template}`);
  });
  const u = new URL(base);
  u.pathname = `/${template}`;
  const client = new pg.Client({ connectionString: u.toString() });
  await client.connect();
  try {
    await applyMigrations({
      exec: async (sql) => void (await client.query(sql)),
      query: async <T>(sql: string, params?: unknown[]) => (await client.query(sql, params)).rows as T[],
    });
  } finally {
    await client.end();
  }
}
