import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

/**
 * `npm run bench:guard [corpus.jsonl ...]` and `npm run bench:tone [corpus.jsonl ...]`: a detector's
 * start-up as the bot does it (its code, then its word lists, word classes and model read from the data
 * files and checked), the memory it adds, and time per message over our own posts and the shared dev
 * corpus (or the files given), repeated for a stable median. Prints figures; asserts nothing.
 */
// Figures are for compiled JavaScript, as the bot runs: under tsx, this file compiles itself with
// esbuild (as `npm run build` does) and runs the result with plain node.
if (import.meta.url.endsWith(".ts")) {
  const { build } = await import("esbuild");
  // Inside the repository, so the bundle's external packages resolve from node_modules.
  const cache = path.resolve(import.meta.dirname, "../../node_modules/.cache");
  mkdirSync(cache, { recursive: true });
  const out = mkdtempSync(path.join(cache, "peerloop-detectors-bench-"));
  await build({ entryPoints: [import.meta.filename], outfile: path.join(out, "detectors-bench.mjs"), bundle: true, format: "esm", platform: "node", packages: "external", logLevel: "warning",
    define: { "import.meta.dirname": JSON.stringify(import.meta.dirname) } });
  const run = spawnSync(process.execPath, ["--expose-gc", path.join(out, "detectors-bench.mjs"), ...process.argv.slice(2)], { stdio: "inherit", cwd: process.cwd() });
  rmSync(out, { recursive: true, force: true });
  process.exit(run.status ?? 1);
}
const root = path.resolve(import.meta.dirname, "../..");
const [which = "guard", ...given] = process.argv.slice(2);
const jsonl = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).map((f) => path.join(dir, f)) : []);
const shared = (f: string) => [path.resolve(root, "../shared", f)].filter(existsSync);
const files = given.length ? given : which === "tone"
  ? [...jsonl(path.join(root, "test/tone-eval")), ...shared("tone/dev.jsonl")]
  : [...jsonl(path.join(root, "test/guard-eval/batches")), ...jsonl(path.join(root, "test/guard-eval/own")), ...shared("privacy/dev.jsonl")];
const texts = files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));

global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const files_ = await import("../app/data-files");
const detector = which === "tone"
  ? (await import("../core/tone/create-tone-check")).createToneCheck(files_.toneFromFiles)
  : (await import("../core/guard/create-guard")).createGuard(files_.guardFromFiles);
const imported = performance.now() - t0;
detector.warm?.();
const loaded = performance.now() - t0 - imported;
detector.inspect("warm-up: my client Maria lives in Noel, MO and she's basically furniture 🙄");
const startup = performance.now() - t0;
global.gc?.();
const rssAfter = process.memoryUsage().rss;

const ROUNDS = 5;
const times: number[] = [];
const began = performance.now();
for (let r = 0; r < ROUNDS; r++) {
  for (const text of texts) {
    const s = performance.now();
    detector.inspect(text);
    times.push(performance.now() - s);
  }
}
const total = performance.now() - began;
times.sort((a, b) => a - b);
const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const targets = which === "tone" ? { load: 500, rss: 40, median: 1, p99: undefined } : { load: 1000, rss: 60, median: 1, p99: 5 };
console.log(`${which} benchmark (compiled JavaScript): ${texts.length} messages x ${ROUNDS} rounds from ${files.length} file(s)`);
console.log(`code import                                  ${fmt(imported)}`);
console.log(`model load (files read and checked)          ${fmt(loaded)}   (target <= ${targets.load} ms)`);
console.log(`start-up (all of it + first message)         ${fmt(startup)}`);
console.log(`RSS added                                    ${((rssAfter - rssBefore) / 1e6).toFixed(1)} MB   (target <= ${targets.rss} MB)`);
console.log(`median per message                           ${fmt(q(0.5))}   (target <= ${targets.median} ms)`);
console.log(`p99 per message                              ${fmt(q(0.99))}${targets.p99 ? `   (target <= ${targets.p99} ms)` : ""}`);
console.log(`max per message                              ${fmt(times.at(-1)!)}`);
console.log(`throughput                                   ${Math.round((times.length / total) * 1000)} messages/s`);
