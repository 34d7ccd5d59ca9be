#!/usr/bin/env node
// PRISMA_SCHEMA_ENGINE_BINARY shim: the CLI's JSON-RPC over stdio, served by @prisma/schema-engine-wasm.
// Prisma's CLI otherwise downloads a native schema engine, which networks that only reach the npm
// registry cannot do. Adapted from ../shared/tools/prisma-offline (see prisma.config.ts).
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import readline from "node:readline";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

const args = process.argv.slice(2);
const argv = (n) => args.flatMap((a, i) => (a === n ? [args[i + 1]] : []));
const ds = JSON.parse(argv("--datasource")[0] ?? "{}");
const url = ds.url || process.env.DATABASE_URL || "pglite:memory://";
const log = (level, message, extra) =>
  process.stderr.write(JSON.stringify({ level, target: "schema_engine::logger", fields: { message, ...extra } }) + "\n");

// adapter-pg rejects catalog type "char" (oid 18): call it text
const addFields = pg.Result.prototype.addFields;
pg.Result.prototype.addFields = function (f) {
  addFields.call(this, f);
  for (const x of this.fields) if (x.dataTypeID === 18) x.dataTypeID = 25;
};

// adapter-pg's executeScript splits a migration on every ";", which breaks function and trigger
// bodies ($$ ... ; ... $$); pglite's does not await exec, so errors vanish. Run scripts whole.
const wholeScripts = (factory) => {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = adapter.client;
    adapter.executeScript = async (script) => {
      try {
        await (typeof client.exec === "function" ? client.exec(script) : client.query(script));
      } catch (e) {
        adapter.onError(e);
      }
    };
    return adapter;
  };
  return factory;
};

if (args.includes("cli")) { // can-connect-to-database | create-database
  log("INFO", "shim"); // the CLI skips the first stderr line
  try {
    if (!url.startsWith("pglite:")) {
      const create = args.at(-1) === "create-database", u = new URL(url);
      if (create) u.pathname = "/postgres";
      const c = new pg.Client({ connectionString: u.toString() });
      await c.connect();
      if (create) await c.query(`CREATE DATABASE ${pg.escapeIdentifier(decodeURIComponent(new URL(url).pathname.slice(1)))}`);
      await c.end();
    }
    process.exit(0);
  } catch (e) {
    log("ERROR", e.message, { error_code: e.code === "3D000" ? "P1003" : "P1001" });
    process.exit(1);
  }
}

const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
const wasm = createRequire(import.meta.url).resolve("@prisma/schema-engine-wasm").replace(/[^/]+$/, "schema_engine_bg.wasm");
const { exports } = new WebAssembly.Instance(new WebAssembly.Module(readFileSync(wasm)), { "./schema_engine_bg.js": glue });
glue.__wbg_set_wasm(exports);
exports.__wbindgen_start();
if (args.includes("--version")) process.exit(console.log(`schema-engine-cli ${glue.version()} (wasm shim)`) ?? 0);

let factory;
if (url.startsWith("pglite:")) { // pglite:<dir> | pglite:memory://
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const dir = url.slice(7);
  if (!dir.includes("://")) mkdirSync(dir, { recursive: true });
  factory = wholeScripts(new PrismaPGlite(new PGlite(dir)));
} else {
  const opts = { schema: new URL(url).searchParams.get("schema") ?? undefined };
  factory = wholeScripts(new PrismaPg({ connectionString: url }, opts));
  // adapter-pg's own one reconnects to the main DB and drops the temp DB too early
  factory.connectToShadowDb = async () => {
    if (ds.shadowDatabaseUrl) return wholeScripts(new PrismaPg({ connectionString: ds.shadowDatabaseUrl }, opts)).connect();
    const main = await factory.connect(), name = `prisma_migrate_shadow_db_${crypto.randomUUID()}`, u = new URL(url);
    await main.executeScript(`CREATE DATABASE "${name}"`);
    u.pathname = `/${name}`;
    const shadow = await wholeScripts(new PrismaPg({ connectionString: u.toString() }, opts)).connect(), dispose = shadow.dispose.bind(shadow);
    shadow.dispose = async () => {
      await dispose();
      await main.executeScript(`DROP DATABASE IF EXISTS "${name}"`);
      await main.dispose();
    };
    return shadow;
  };
}
const adapter = bindMigrationAwareSqlAdapterFactory(factory);
process.on("uncaughtException", (e) => { // adapter errors arrive as "External error id#N"
  const id = /External error id#(\d+)/.exec(e?.message)?.[1];
  log("ERROR", (id && adapter.errorRegistry.consumeError(+id)?.error?.message) || String(e?.message ?? e));
  process.exit(1);
});
const datamodels = argv("--datamodels").map((p) => [p, readFileSync(p, "utf8")]);
const engine = await glue.SchemaEngine.new({ datamodels: datamodels.length ? datamodels : undefined },
  (line) => process.stderr.write(line.replace(/\n?$/, "\n")), adapter);

const send = (m) => process.stdout.write(JSON.stringify({ jsonrpc: "2.0", ...m }) + "\n");
let queue = Promise.resolve();
readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
  .on("line", (line) => {
    const req = line.trim() && JSON.parse(line);
    if (!req?.method) return;
    queue = queue.then(async () => {
      const method = req.method === "getDatabaseVersion" ? "version" : req.method;
      try {
        // these need the migrations-schema cache that only diagnoseMigrationHistory fills
        if (method === "evaluateDataLoss" || method === "createMigration")
          await engine.diagnoseMigrationHistory({ ...req.params, optInToShadowDatabase: true });
        if (typeof engine[method] !== "function") throw new Error(`${method} not supported by the wasm engine`);
        const result = (await engine[method](req.params ?? {})) ?? {};
        if (method === "diff" && result.stdout) { // the native engine prints diffs via "print"
          send({ id: `print-${req.id}`, method: "print", params: { content: result.stdout.replace(/\n$/, "") } });
          delete result.stdout;
        }
        send({ id: req.id, result });
      } catch (e) {
        const message = e?.message ?? String(e);
        send({ id: req.id, error: { code: 4466, message, data: { is_panic: e?.name === "RuntimeError", message, error_code: e?.code } } });
      }
    });
  })
  .on("close", async () => { await queue; engine.free(); process.exit(0); });
