import { writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { bundledLexicon } from "../core/guard/data/bundled-lexicon";
import { GUARD_MODEL_VERSION, messageFeatures, type GuardModelFile } from "../core/guard/learned-guard";
import { useLexicon } from "../core/guard/lexicon";
import { bundledClusters } from "../core/text-model/data/bundled-clusters";
import { rates, ROOT, sharedDir, sourcesIn, readJsonl, type Source } from "./train/corpus";
import { applyFitted, fitGuard, prepare, SPAN_THRESHOLD, type GuardRow, type Prepared } from "./train/guard-fit";
import { existsSync } from "node:fs";

/**
 * `npm run guard:train`: trains the confidentiality guard's learned layer from labelled posts and
 * writes src/core/guard/data/guard-model.json (committed; the guard loads it at start). Deterministic
 * for a seed: the same sources and seed give the same file, byte for byte.
 *
 * Sources: the hands in ../shared/privacy/train/ and ../shared/privacy/dev.jsonl (other people's
 * writing), our own frozen template batches (test/guard-eval/batches/, weighted ½: templated and easy)
 * and our own posts (test/guard-eval/own/).
 *
 * `npm run guard:train -- --loho`: leave one hand out: for each file of ../shared/privacy/train/,
 * train on everything else and score that file, message by message as the shared scorer does. Writes
 * nothing. This is the figure that predicts posts nobody here wrote.
 */
const { values } = parseArgs({ options: { seed: { type: "string" }, loho: { type: "boolean" }, out: { type: "string" } }, strict: true });
const seed = Number(values.seed ?? 7);
const out = values.out ?? path.join(ROOT, "src/core/guard/data/guard-model.json");
const log = (s: string) => process.stderr.write(`${s}\n`);

useLexicon(bundledLexicon);
const clusters = bundledClusters();
const shared = sharedDir();
const hands = [
  ...sourcesIn<GuardRow>(path.join(shared, "privacy/train"), true),
  // Further hands written for this repository from the policy alone (test/guard-eval/hands/README.md).
  ...sourcesIn<GuardRow>(path.join(ROOT, "test/guard-eval/hands"), true),
];
if (!hands.length) throw new Error(`no training data in ${path.join(shared, "privacy/train")}: put ../shared beside the repository or set PEERLOOP_SHARED`);
const devFile = path.join(shared, "privacy/dev.jsonl");
const others: (Source<GuardRow> & { weight: number })[] = [
  ...(existsSync(devFile) ? [{ name: "dev", file: devFile, rows: readJsonl<GuardRow>(devFile), hand: false, weight: 1 }] : []),
  ...sourcesIn<GuardRow>(path.join(ROOT, "test/guard-eval/batches"), false).map((s) => ({ ...s, name: `own-batch-${s.name}`, weight: 0.5 })),
  ...sourcesIn<GuardRow>(path.join(ROOT, "test/guard-eval/own"), false).map((s) => ({ ...s, name: `own-${s.name}`, weight: 1 })),
];
const all = [...hands.map((h) => ({ ...h, weight: 1 })), ...others];

const started = Date.now();
const prepared = new Map<string, Prepared[]>();
for (const s of all) prepared.set(s.name, prepare(s.rows, s.name, s.weight, clusters));
log(`read ${all.map((s) => `${s.name} (${s.rows.length})`).join(", ")} in ${Date.now() - started} ms`);

const score = (fitted: ReturnType<typeof fitGuard>, posts: Prepared[]) => {
  const results = posts.map((p) => ({ p, ...applyFitted(fitted, p) }));
  const r = rates(results.map(({ p, flagged }) => ({ gold: p.row.identifying, flagged })));
  const rules = rates(posts.map((p) => ({ gold: p.row.identifying, flagged: p.f.view.decided.length > 0 })));
  // The best recall any threshold could reach at FPR <= 0.05 on this very set: a measure of ranking, for development only.
  const probs = results.map(({ p }) => ({ s: fitted.message.probability(messageFeatures(p.f, p.f.candidates.map((c) => fitted.candidate.logit(c)))), g: p.row.identifying }));
  const negs = probs.filter((x) => !x.g).map((x) => x.s).sort((a, b) => b - a);
  const edge = negs[Math.floor(negs.length * 0.05)] ?? 0;
  const oracle = probs.filter((x) => x.g && x.s > edge).length / Math.max(1, probs.filter((x) => x.g).length);
  const perCategory: Record<string, [number, number]> = {};
  for (const { p, spans } of results) {
    for (const g of p.row.findings) {
      const c = (perCategory[g.type] ??= [0, 0]);
      c[1]++;
      const at = p.row.text.indexOf(g.text);
      if (at >= 0 && spans.some(([s, e]) => s < at + g.text.length && at < e)) c[0]++;
    }
  }
  return { ...r, rules, perCategory, oracle };
};

if (values.loho) {
  const rows: Record<string, unknown>[] = [];
  for (const held of hands) {
    log(`leaving out ${held.name}: training on the rest`);
    const train = [...prepared.entries()].filter(([name]) => name !== held.name).flatMap(([, p]) => p);
    const fitted = fitGuard(train, seed, log);
    const s = score(fitted, prepared.get(held.name)!);
    rows.push({ held: held.name, messages: held.rows.length, oracle: s.oracle, recall: s.recall, fpr: s.fpr, precision: s.precision, threshold: fitted.threshold, rulesRecall: s.rules.recall, rulesFpr: s.rules.fpr, perCategory: s.perCategory });
    console.log(`${held.name.padEnd(28)} recall ${s.recall.toFixed(3)}  FPR ${s.fpr.toFixed(3)}  precision ${s.precision.toFixed(3)}   (rules alone: ${s.rules.recall.toFixed(3)} / ${s.rules.fpr.toFixed(3)}; threshold ${fitted.threshold.toFixed(3)}; best threshold for this set: ${s.oracle.toFixed(3)} at 0.05)`);
    console.log(`  ${Object.entries(s.perCategory).sort().map(([k, [a, b]]) => `${k} ${a}/${b}`).join(", ")}`);
  }
  const mean = (k: "recall" | "fpr" | "oracle") => rows.reduce((a, r) => a + (r[k] as number), 0) / rows.length;
  console.log(`mean                         recall ${mean("recall").toFixed(3)}  FPR ${mean("fpr").toFixed(3)}   (best-threshold recall at 0.05, not a generalisation figure: ${mean("oracle").toFixed(3)})`);
  console.log(JSON.stringify({ seed, rows }));
} else {
  const fitted = fitGuard([...prepared.values()].flat(), seed, log);
  const file: GuardModelFile = {
    kind: "peerloop-guard-model", version: GUARD_MODEL_VERSION, seed,
    trainedOn: all.map((s) => ({ source: s.name, messages: s.rows.length })),
    candidate: fitted.candidate.toJSON(), message: fitted.message.toJSON(), threshold: Number(fitted.threshold.toFixed(6)), spanThreshold: SPAN_THRESHOLD,
  };
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  for (const [name, posts] of prepared) {
    const s = score(fitted, posts);
    log(`  ${name.padEnd(28)} recall ${s.recall.toFixed(3)}  FPR ${s.fpr.toFixed(3)}  (trained on: a regression figure, not a generalisation one)`);
  }
  log(`wrote ${path.relative(process.cwd(), out)} in ${((Date.now() - started) / 1000).toFixed(1)} s (threshold ${fitted.threshold.toFixed(3)})`);
}
