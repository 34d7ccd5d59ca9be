import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

/**
 * `npm run bench:guard [corpus.jsonl ...]`: the guard's start-up (import + first message, which builds
 * the lexicon's sets), the memory it adds, and time per message over the frozen evaluation batches and
 * the dev corpus (or the files given), repeated for a stable median. Prints figures; asserts nothing.
 */
const root = path.resolve(import.meta.dirname, "../..");
const batchDir = path.join(root, "test/guard-eval/batches");
const dev = path.resolve(root, "../shared/privacy/dev.jsonl");
const files = process.argv.slice(2).length
  ? process.argv.slice(2)
  : [...(existsSync(batchDir) ? readdirSync(batchDir).map((f) => path.join(batchDir, f)) : []), ...(existsSync(dev) ? [dev] : [])];
const texts = files.flatMap((f) => readFileSync(f, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));

global.gc?.();
const rssBefore = process.memoryUsage().rss;
const t0 = performance.now();
const [{ createGuard }, { bundledLexicon }] = await Promise.all([import("../core/guard/create-guard"), import("../core/guard/data/bundled-lexicon")]);
const guard = createGuard(bundledLexicon);
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
console.log(`start-up (import + lexicon + first message)  ${fmt(startup)}   (target <= 1000 ms)`);
console.log(`RSS added by the guard                       ${((rssAfter - rssBefore) / 1e6).toFixed(1)} MB   (target <= 60 MB)`);
console.log(`median per message                           ${fmt(q(0.5))}   (target <= 1 ms)`);
console.log(`p99 per message                              ${fmt(q(0.99))}`);
console.log(`max per message                              ${fmt(times.at(-1)!)}`);
console.log(`throughput                                   ${Math.round((times.length / total) * 1000)} messages/s`);
