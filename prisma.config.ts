import path from "node:path";
import { defineConfig } from "prisma/config";

// Prisma's CLI would download a native schema engine, which locked-down networks (and CI here)
// cannot reach. Our shim serves the CLI with Prisma's own WebAssembly engine instead; the CLI reads
// this variable after loading the config and before it tries to download anything.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.resolve(import.meta.dirname, "prisma/engine/schema-engine-wasm.mjs");

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  // Without DATABASE_URL the CLI works on the same embedded PGlite directory `npm start` uses.
  datasource: { url: process.env.DATABASE_URL || `pglite:${path.resolve(import.meta.dirname, ".data/pglite")}` },
});
