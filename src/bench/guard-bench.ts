import { readFileSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";

/**
 * `npm run bench:guard [corpus.jsonl]`: start-up cost, then time per message over a corpus (the dev
 * corpus in ../shared/privacy by default), repeated for a stable median. Prints figures; asserts nothing.
 */
const corpusPath = process.argv[2] ?? path.resolve(import.meta.dirname, "../../../shared/privacy/dev.jsonl");
const texts = readFileSync(corpusPath, "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text);

const t0 = performance.now();
const { createGuard } = await import("../core/guard/create-guard");
const guard = createGuard();
const startup = performance.now() - t0;

const ROUNDS = 20;
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
console.log(`guard benchmark: ${texts.length} messages x ${ROUNDS} rounds from ${corpusPath}`);
console.log(`start-up (import + lexicon)   ${fmt(startup)}`);
console.log(`median per message            ${fmt(q(0.5))}   (target < 2 ms)`);
console.log(`p99 per message               ${fmt(q(0.99))}`);
console.log(`max per message               ${fmt(times.at(-1)!)}`);
console.log(`throughput                    ${Math.round((times.length / total) * 1000)} messages/s`);
