import { existsSync } from "node:fs";
import path from "node:path";
import { bundledClusters } from "../core/text-model/data/bundled-clusters";
import { sigmoid } from "../core/text-model/linear-model";
import { readJsonl, ROOT, rates, sharedDir, sourcesIn } from "./train/corpus";
import { encode, logitEncoded, trainLogistic } from "./train/logistic";
import { idfOf, NGRAM_BITS, ngramVector } from "../core/tone/tone-ngrams";
import { fitTone, prepareTone, stackedProbability, strongest, type ToneRow } from "./train/tone-fit";

/**
 * `npm run tone:floor`: issue 23's floor measured on our own folds, so the learned tone check can be
 * compared with it. TF-IDF (sublinear tf, smoothed idf, unit length) over word unigrams and bigrams and
 * character 2-5-grams within words (the tone check's own n-gram reader, `tone-ngrams.ts`), a logistic
 * regression, one cut-off; leave one source out over ../shared/tone/dev.jsonl and ../shared/tone/train/.
 * Prints figures; writes nothing.
 *
 * `-- --stack`: also the learned check trained on the same folds (as `tone:train -- --loso` does): the
 * mean of its probability and the floor's at one cut-off, 0.55, fixed before it was first run, and the
 * check as it ships (that mean, short posts left to the learned check, the threshold set out of fold).
 */
const shared = sharedDir();
const sources = [{ name: "dev", rows: readJsonl<ToneRow>(path.join(shared, "tone/dev.jsonl")) }, ...sourcesIn<ToneRow>(path.join(shared, "tone/train"), true)];
/** The floor: the n-gram reader the tone check ships (`tone-ngrams.ts`), trained on the given posts alone. */
const floorModel = (train: ToneRow[]) => {
  const idf = idfOf(train.map((r) => r.text));
  const model = trainLogistic(train.map((r) => encode(ngramVector(r.text, idf), NGRAM_BITS, r.flagged ? 1 : 0)), { bits: NGRAM_BITS, epochs: 20, rate: 0.5, l2: 1e-5, seed: 3 });
  return (text: string) => sigmoid(logitEncoded(model, encode(ngramVector(text, idf), NGRAM_BITS, 0)));
};

const mean = (scores: { recall: number; fpr: number }[], k: "recall" | "fpr") => (scores.reduce((a, s) => a + s[k], 0) / scores.length).toFixed(3);

if (process.argv.includes("--stack")) {
  const clusters = bundledClusters();
  const own = ["own-heldout.jsonl", "own-heldout-2.jsonl", "own-train.jsonl"].map((f) => path.join(ROOT, "test/tone-eval", f)).filter(existsSync)
    .map((file) => ({ name: path.basename(file, ".jsonl"), rows: readJsonl<ToneRow>(file) }));
  const kinds = ["floor", "fixed", "shipped"] as const;
  const scores = Object.fromEntries(kinds.map((k) => [k, [] as { recall: number; fpr: number }[]])) as Record<(typeof kinds)[number], { recall: number; fpr: number }[]>;
  for (const held of sources) {
    const others = sources.filter((s) => s !== held);
    const learned = fitTone([...others, ...own].flatMap((s) => prepareTone(s.rows, s.name, clusters)), 11);
    const floor = floorModel(others.flatMap((s) => s.rows));
    const posts = prepareTone(held.rows, held.name, clusters).map((p) => ({ gold: p.row.flagged, learned: strongest(learned.flag, p).p, floor: floor(p.row.text), shipped: stackedProbability(learned.flag, learned.ngrams, p) }));
    const row = {
      floor: rates(posts.map((p) => ({ gold: p.gold, flagged: p.floor >= 0.6 }))),
      fixed: rates(posts.map((p) => ({ gold: p.gold, flagged: (p.learned + p.floor) / 2 >= 0.55 }))),
      shipped: rates(posts.map((p) => ({ gold: p.gold, flagged: p.shipped >= learned.threshold }))),
    };
    for (const k of kinds) scores[k].push(row[k]);
    console.log(`${held.name.padEnd(22)} ${kinds.map((k) => `${k} ${row[k].recall.toFixed(3)} / ${row[k].fpr.toFixed(3)}`).join("   ")}`);
  }
  console.log(`${"mean".padEnd(22)} ${kinds.map((k) => `${k} ${mean(scores[k], "recall")} / ${mean(scores[k], "fpr")}`).join("   ")}`);
} else {
  for (const cut of [0.5, 0.6]) {
    const scores: { recall: number; fpr: number }[] = [];
    for (const held of sources) {
      const floor = floorModel(sources.filter((s) => s !== held).flatMap((s) => s.rows));
      const s = rates(held.rows.map((r) => ({ gold: r.flagged, flagged: floor(r.text) >= cut })));
      scores.push(s);
      console.log(`cut-off ${cut}  ${held.name.padEnd(22)} recall ${s.recall.toFixed(3)}  FPR ${s.fpr.toFixed(3)}`);
    }
    console.log(`cut-off ${cut}  mean                   recall ${mean(scores, "recall")}  FPR ${mean(scores, "fpr")}`);
  }
}
