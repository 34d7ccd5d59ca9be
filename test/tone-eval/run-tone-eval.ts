import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { bundledTone } from "../../src/core/tone/data/bundled-tone";
import { createToneCheck } from "../../src/core/tone/create-tone-check";

/**
 * `npm run tone:eval [-- -v]`: scores the tone check on each frozen set, beside its first-look score.
 * The dev corpus comes from ../shared/tone/dev.jsonl, split by id (see README.md).
 */
interface Post { id: string; text: string; flagged: boolean; category: string | null }

const here = import.meta.dirname;
const devFile = path.resolve(here, "../../../shared/tone/dev.jsonl");
const read = (file: string): Post[] => readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Post);
const idNumber = (p: Post) => Number(p.id.replace(/\D/g, ""));

export const SETS: Record<string, () => Post[]> = {
  "own-heldout": () => read(path.join(here, "own-heldout.jsonl")),
  "own-heldout-2": () => read(path.join(here, "own-heldout-2.jsonl")),
  ...(existsSync(devFile) ? {
    "dev-tune (d001-d080)": () => read(devFile).filter((p) => idNumber(p) <= 80),
    "dev-heldout (d081-d160)": () => read(devFile).filter((p) => idNumber(p) > 80),
  } : {}),
};

export const score = (posts: Post[]) => {
  const check = createToneCheck(bundledTone);
  let tp = 0, fp = 0, fn = 0, tn = 0, rightCategory = 0;
  const errors: string[] = [];
  for (const p of posts) {
    const r = check.inspect(p.text);
    if (p.flagged && r.flagged) {
      tp++;
      if (r.category === p.category) rightCategory++;
    } else if (p.flagged) {
      fn++;
      errors.push(`FN ${p.id} [${p.category}] ${p.text}`);
    } else if (r.flagged) {
      fp++;
      errors.push(`FP ${p.id} ${p.text}  ← ${r.spans.map((s) => s.text).join(" | ")}`);
    } else tn++;
  }
  return { recall: tp / Math.max(1, tp + fn), fpr: fp / Math.max(1, fp + tn), precision: tp / Math.max(1, tp + fp), categoryAccuracy: rightCategory / Math.max(1, tp), tp, fp, fn, tn, errors };
};

if (process.argv[1] && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  const firstLook = JSON.parse(readFileSync(path.join(here, "first-look.json"), "utf8")) as Record<string, { recall: number; fpr: number }>;
  for (const [name, load] of Object.entries(SETS)) {
    const s = score(load());
    const first = firstLook[name];
    process.stdout.write(`${name.padEnd(26)} recall ${s.recall.toFixed(3)}  fpr ${s.fpr.toFixed(3)}  precision ${s.precision.toFixed(3)}  category ${s.categoryAccuracy.toFixed(3)}  (tp ${s.tp} fp ${s.fp} fn ${s.fn} tn ${s.tn})` +
      `${first ? `   first look: recall ${first.recall.toFixed(3)} fpr ${first.fpr.toFixed(3)}` : "   first look: not taken yet"}\n`);
    if (process.argv.includes("-v")) for (const e of s.errors) process.stdout.write(`    ${e}\n`);
  }
}
