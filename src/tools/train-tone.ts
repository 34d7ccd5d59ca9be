import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundledClusters } from "../core/text-model/data/bundled-clusters";
import { postWords, reachesThreshold } from "../core/tone/short-prior";
import { categoryOf, ToneModel, TONE_MODEL_VERSION, type ToneModelFile } from "../core/tone/learned-tone";
import { readJsonl, rates, ROOT, sharedDir, sourcesIn, type Source } from "./train/corpus";
import { losoSummary, type LosoRow } from "./train/loso-summary";
import { fitTone, prepareTone, strongest, type FittedTone, type PreparedTone, type ToneRow } from "./train/tone-fit";

/**
 * `npm run tone:train`: trains the professional-tone check and writes src/core/tone/data/tone-model.json
 * (committed; the bot loads it at start). Deterministic for a seed.
 * Sources: ../shared/tone/dev.jsonl, the hands in ../shared/tone/train/ and test/tone-eval/hands/ (other people's writing),
 * and our own posts in test/tone-eval/ (written from the policy).
 *
 * `npm run tone:train -- --loso`: leave one source out: for each of dev, train/a and train/b, train on
 * the others and score it as the shared scorer does. Writes nothing.
 */
const { values } = parseArgs({ options: { seed: { type: "string" }, loso: { type: "boolean" }, out: { type: "string" } }, strict: true });
const seed = Number(values.seed ?? 11);
const out = values.out ?? path.join(ROOT, "src/core/tone/data/tone-model.json");
const log = (s: string) => process.stderr.write(`${s}\n`);

const clusters = bundledClusters();
const shared = sharedDir();
const devFile = path.join(shared, "tone/dev.jsonl");
if (!existsSync(devFile)) throw new Error(`no training data at ${devFile}: put ../shared beside the repository or set PEERLOOP_SHARED`);
const held: Source<ToneRow>[] = [{ name: "dev", file: devFile, rows: readJsonl<ToneRow>(devFile), hand: true }, ...sourcesIn<ToneRow>(path.join(shared, "tone/train"), true),
  // Further hands written for this repository from the policy alone (test/tone-eval/hands/README.md).
  ...sourcesIn<ToneRow>(path.join(ROOT, "test/tone-eval/hands"), true)];
const own = ["own-heldout.jsonl", "own-heldout-2.jsonl", "own-train.jsonl"].map((f) => path.join(ROOT, "test/tone-eval", f)).filter(existsSync)
  .map((file) => ({ name: path.basename(file, ".jsonl"), file, rows: readJsonl<ToneRow>(file), hand: false }));
const all = [...held, ...own];
const prepared = new Map<string, PreparedTone[]>(all.map((s) => [s.name, prepareTone(s.rows, s.name, clusters)]));

const score = (fitted: FittedTone, posts: PreparedTone[]) => {
  const model = new ToneModel(fitted.flag, fitted.categories, fitted.threshold, fitted.shortPrior);
  const results = posts.map((p) => {
    const part = strongest(model.flag, p);
    const flagged = reachesThreshold(part.p, postWords(p.row.text), model.threshold, model.shortPrior);
    return { p, flagged, score: part.p, category: flagged ? categoryOf(model, part.vector) : null };
  });
  const r = rates(results.map(({ p, flagged }) => ({ gold: p.row.flagged, flagged })));
  const rules = rates(posts.map((p) => ({ gold: p.row.flagged, flagged: p.f.rules.flagged })));
  const tp = results.filter((x) => x.flagged && x.p.row.flagged);
  // The best recall any threshold could reach at FPR <= 0.05 on this very set (ranking only; development aid).
  const probs = results.map(({ p, score }) => ({ s: score, g: p.row.flagged }));
  const negs = probs.filter((x) => !x.g).map((x) => x.s).sort((a, b) => b - a);
  const edge = negs[Math.floor(negs.length * 0.05)] ?? 0;
  const oracle = probs.filter((x) => x.g && x.s > edge).length / Math.max(1, probs.filter((x) => x.g).length);
  const rightCategory = tp.filter((x) => x.category === x.p.row.category).length / Math.max(1, tp.length);
  return { ...r, rules, rightCategory, oracle };
};

if (values.loso) {
  const rows: (LosoRow & Record<string, unknown>)[] = [];
  for (const source of held) {
    const train = [...prepared.entries()].filter(([name]) => name !== source.name).flatMap(([, p]) => p);
    const fitted = fitTone(train, seed);
    const s = score(fitted, prepared.get(source.name)!);
    rows.push({ held: source.name, posts: source.rows.length, positives: source.rows.filter((r) => r.flagged).length, oracle: s.oracle, recall: s.recall, fpr: s.fpr, precision: s.precision, category: s.rightCategory, threshold: fitted.threshold, shortPrior: fitted.shortPrior, rulesRecall: s.rules.recall, rulesFpr: s.rules.fpr });
    console.log(`${source.name.padEnd(24)} recall ${s.recall.toFixed(3)}  FPR ${s.fpr.toFixed(3)}  precision ${s.precision.toFixed(3)}  right category ${s.rightCategory.toFixed(3)}   (rules alone: ${s.rules.recall.toFixed(3)} / ${s.rules.fpr.toFixed(3)}; threshold ${fitted.threshold.toFixed(3)}, short-post prior ${fitted.shortPrior.weight} to ${fitted.shortPrior.words} words; best threshold for this set: ${s.oracle.toFixed(3)} at 0.05)`);
  }
  console.log(losoSummary(rows));
  console.log(JSON.stringify({ seed, rows }));
} else {
  const fitted = fitTone([...prepared.values()].flat(), seed);
  const file: ToneModelFile = {
    kind: "peerloop-tone-model", version: TONE_MODEL_VERSION, seed, trainedOn: all.map((s) => ({ source: s.name, posts: s.rows.length })),
    flag: fitted.flag.toJSON(), categories: Object.fromEntries(Object.entries(fitted.categories).map(([k, m]) => [k, m.toJSON()])) as ToneModelFile["categories"],
    threshold: fitted.threshold, shortPrior: fitted.shortPrior,
  };
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  for (const [name, posts] of prepared) {
    const s = score(fitted, posts);
    log(`  ${name.padEnd(24)} recall ${s.recall.toFixed(3)}  FPR ${s.fpr.toFixed(3)}  (trained on: a regression figure)`);
  }
  log(`wrote ${path.relative(process.cwd(), out)} (threshold ${fitted.threshold.toFixed(3)}, short-post prior ${fitted.shortPrior.weight} log-odds fading out by ${fitted.shortPrior.words} words)`);
}
