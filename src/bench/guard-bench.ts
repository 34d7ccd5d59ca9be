import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

/**
 * `npm run bench:guard [corpus.jsonl ...]`: the guard's start-up as the bot does it (its code, then its
 * word lists, word classes and model read from the data files and checked), the memory it adds, and
 * time per message over the frozen evaluation batches, our own training posts and the dev corpus (or
 * the files given), repeated for a stable median. Prints figures; asserts nothing.
 */
// Figures are for compiled JavaScript, as the bot runs: under tsx, this file compiles itself with
// esbuild (as `npm run build` does) and runs the result with plain node.
if (import.meta.url.endsWith(".ts")) {
  const { build } = await import("esbuild");
  // Inside the repository, so the bundle's external packages resolve from node_modules.
  const cache = path.resolve(import.meta.dirname, "../../node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(path.join(cache, "peerloop-guard-bench-"));
  await build({ entryPoints: [import.meta.filename], outfile: path.join(out, "guard-bench.mjs"), bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "warning",
    define: { "import.meta.dirname": JSON.stringify(import.meta.dirname) } });
  const run = spawnSync(process.execPath, ["--expose-gc", path.join(out, "guard-bench.mjs"), ...process.argv.slice(2)], { stdio: "inherit", cwd: process.cwd() });
  rmSync(out, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}
const root = path.resolve(import.meta.dirname, "../..");
const batchDir = path.join(root, "test/guard-eval/batches");
const ownDir = path.join(root, "test/guard-eval/own");
const dev = path.resolve(root, "../shared/privacy/dev.jsonl");
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [...[batchDir, ownDir].flatMap((d) => (existsSync(d) ? readdirSync(d).map((f) => path.join(d, f)) : [])), ...(existsSync(dev) ? [dev] : [])];
const texts = files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));

global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const [{ createGuard }, { guardFromFiles }] = await Promise.all([import("../core/guard/create-guard"), import("../app/data-files")]);
const imported = performance.now() - t0;
const guard = createGuard(guardFromFiles);
guard.warm?.();
const loaded = performance.now() - t0 - imported;
guard.inspect("warm-up: my client Maria lives in Noel, MO");
const startup = performance.now() - t0;
global.gc?.();
const rssAfter = process.memoryUsage().rss;

const ROUNDS = 5;
const times: number[] = [];
const began = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  for (const text of texts) {
    const s = performance.now();
    guard.inspect(text);
    times.push(performance.now() - s);
  }
}
const total = performance.now() - began;
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
console.log(`guard benchmark: ${texts.length} messages x ${ROUNDS} rounds from ${files.length} file(s)`);
console.log(`code import                                  ${fmt(imported)}`);
console.log(`model load (word lists, classes, model)      ${fmt(loaded)}   (target <= 1000 ms)`);
console.log(`start-up (all of it + first message)         ${fmt(startup)}`);
console.log(`RSS added by the guard                       ${((rssAfter - rssBefore) / 1e6).toFixed(1)} MB   (target <= 60 MB)`);
console.log(`median per message                           ${fmt(q(0.5))}   (target <= 1 ms)`);
console.log(`p99 per message                              ${fmt(q(0.99))}   (target <= 5 ms)`);
console.log(`max per message                              ${fmt(times.at(-1)!)}`);
console.log(`throughput                                   ${Math.round((times.length / total) * 1000)} messages/s`);
