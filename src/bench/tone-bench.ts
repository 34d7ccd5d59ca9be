import { readFileSync } from "node:fs";
import path from "node:path";
import { bundledTone } from "../core/tone/data/bundled-tone";
import { createToneCheck } from "../core/tone/create-tone-check";
import { ms } from "./stats";
import { ROOT } from "./processes";

/** The tone check's time per message (issue 16: median under 2 ms), over the held-out posts in the repository. */
export const benchTone = (rounds = 200): string => {
  const texts = ["own-heldout.jsonl", "own-heldout-2.jsonl"].flatMap((f) =>
    readFileSync(path.join(ROOT, "test/tone-eval", f), "utf8").split("\n").filter((l) => l.trim()).map((l) => (JSON.parse(l) as { text: string }).text));
  const check = createToneCheck(bundledTone);
  for (const t of texts) check.inspect(t); // warm-up: the regular expressions compile on first use
  const times: number[] = [];
  const began = performance.now();
  for (let r = 0; r < rounds; r++) for (const t of texts) {
    const at = performance.now();
    check.inspect(t);
    times.push(performance.now() - at);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return `Tone check: ${(times.length / ((performance.now() - began) / 1000)).toFixed(0)} messages/s over ${times.length} checks of ${texts.length} posts, median ${ms(q(0.5))}, p99 ${ms(q(0.99))}, max ${ms(times.at(-1)!)} (target median < 2 ms)`;
};
