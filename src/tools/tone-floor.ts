import { existsSync } from "node:fs";
import path from "node:path";
import { bundledClusters } from "../core/text-model/data/bundled-clusters";
import { type LinearModel, sigmoid } from "../core/text-model/linear-model";
import { readJsonl, ROOT, rates, sharedDir, sourcesIn } from "./train/corpus";
import { losoSummary, type LosoRow } from "./train/loso-summary";
import { encode, logitEncoded, trainLogistic } from "./train/logistic";
import { fitTone, prepareTone, strongest, trainFlag, type PreparedTone, type ToneRow } from "./train/tone-fit";
import { calibrate } from "./train/tone-calibration";
import { logOdds, postWords, reachesThreshold, shortPenalty } from "../core/tone/short-prior";

/**
 * `npm run tone:floor`: issue 23's floor measured on our own folds, so the learned tone check can be
 * compared with it. TF-IDF (sublinear tf, smoothed idf, unit length) over word unigrams and bigrams and
 * character 2-5-grams within words, a logistic regression, one cut-off; leave one source out over
 * ../shared/tone/dev.jsonl and ../shared/tone/train/. Prints figures; writes nothing.
 *
 * `-- --stack`: also the learned check trained on the same folds (as `tone:train -- --loso` does), and
 * the mean of the two probabilities at one cut-off, 0.55, fixed before it was first run (issue 23);
 * and the stack calibrated as the shipped check is (issue 34): the mean of the two log-odds, with a
 * threshold and short-post prior chosen on the other sources, each left out in turn.
 */
const shared = sharedDir();
const sources = [{ name: "dev", rows: readJsonl<ToneRow>(path.join(shared, "tone/dev.jsonl")) }, ...sourcesIn<ToneRow>(path.join(shared, "tone/train"), true)];
const BITS = 20;

const grams = (text: string): string[] => {
  const words = text.toLowerCase().match(/[\p{L}\p{N}'’]+|\p{Extended_Pictographic}/gu) ?? [];
  const out: string[] = [];
  words.forEach((w, i) => {
    out.push(`w:${w}`);
    if (i) out.push(`b:${words[i - 1]}_${w}`);
    const padded = ` ${w} `;
    for (let n = 2; n <= 5; n++) for (let k = 0; k + n <= padded.length; k++) out.push(`c:${padded.slice(k, k + n)}`);
  });
  return out;
};

const tfidf = (train: ToneRow[]) => {
  const df = new Map<string, number>();
  for (const r of train) for (const g of new Set(grams(r.text))) df.set(g, (df.get(g) ?? 0) + 1);
  return (text: string): [string, number][] => {
    const tf = new Map<string, number>();
    for (const g of grams(text)) tf.set(g, (tf.get(g) ?? 0) + 1);
    const v = [...tf].map(([g, c]): [string, number] => [g, (1 + Math.log(c)) * (Math.log((1 + train.length) / (1 + (df.get(g) ?? 0))) + 1)]);
    const norm = Math.sqrt(v.reduce((a, [, x]) => a + x * x, 0)) || 1;
    return v.map(([g, x]) => [g, x / norm]);
  };
};

const floorModel = (train: ToneRow[]) => {
  const vector = tfidf(train);
  const model = trainLogistic(train.map((r) => encode(vector(r.text), BITS, r.flagged ? 1 : 0)), { bits: BITS, epochs: 20, rate: 0.5, l2: 1e-5, seed: 3 });
  return (text: string) => sigmoid(logitEncoded(model, encode(vector(text), BITS, 0)));
};

const mean = (scores: { recall: number; fpr: number }[], k: "recall" | "fpr") => (scores.reduce((a, s) => a + s[k], 0) / scores.length).toFixed(3);

if (process.argv.includes("--stack")) {
  const clusters = bundledClusters();
  const own = ["own-heldout.jsonl", "own-heldout-2.jsonl", "own-train.jsonl"].map((f) => path.join(ROOT, "test/tone-eval", f)).filter(existsSync)
    .map((file) => ({ name: path.basename(file, ".jsonl"), rows: readJsonl<ToneRow>(file) }));
  const prepared = new Map([...sources, ...own].map((s) => [s.name, prepareTone(s.rows, s.name, clusters)]));
  const kinds = ["learned", "floor", "stacked", "stackedCalibrated"] as const;
  const scores = Object.fromEntries(kinds.map((k) => [k, [] as LosoRow[]])) as Record<(typeof kinds)[number], LosoRow[]>;
  /** The stack's log-odds: the mean of the learned check's and the floor's. */
  const stackLogit = (flag: LinearModel, floor: (text: string) => number, p: PreparedTone) => (logOdds(strongest(flag, p).p) + logOdds(floor(p.row.text))) / 2;
  for (const held of sources) {
    const others = sources.filter((s) => s !== held);
    const learned = fitTone([...others, ...own].flatMap((s) => prepared.get(s.name)!), 11);
    const floor = floorModel(others.flatMap((s) => s.rows));
    // The stack calibrated as the shipped check is (tone-calibration.ts): each other source left out in turn.
    const leftOut = others.flatMap((inner, k) => {
      const rest = others.filter((s) => s !== inner);
      const flag = trainFlag([...rest, ...own].flatMap((s) => prepared.get(s.name)!), 11 + k + 1);
      const innerFloor = floorModel(rest.flatMap((s) => s.rows));
      return prepared.get(inner.name)!.map((p) => ({ logit: stackLogit(flag, innerFloor, p), gold: p.row.flagged, source: inner.name, words: postWords(p.row.text) }));
    });
    const stack = calibrate(leftOut);
    const posts = prepared.get(held.name)!.map((p) => ({ gold: p.row.flagged, words: postWords(p.row.text), learned: strongest(learned.flag, p).p, floor: floor(p.row.text), stack: stackLogit(learned.flag, floor, p) }));
    const row = {
      learned: rates(posts.map((p) => ({ gold: p.gold, flagged: reachesThreshold(p.learned, p.words, learned.threshold, learned.shortPrior) }))),
      floor: rates(posts.map((p) => ({ gold: p.gold, flagged: p.floor >= 0.6 }))),
      stacked: rates(posts.map((p) => ({ gold: p.gold, flagged: (p.learned + p.floor) / 2 >= 0.55 }))),
      stackedCalibrated: rates(posts.map((p) => ({ gold: p.gold, flagged: p.stack - shortPenalty(stack.shortPrior, p.words) >= stack.threshold }))),
    };
    for (const k of kinds) scores[k].push({ held: held.name, posts: held.rows.length, positives: held.rows.filter((r) => r.flagged).length, recall: row[k].recall, fpr: row[k].fpr });
    console.log(`${held.name.padEnd(22)} ${kinds.map((k) => `${k} ${row[k].recall.toFixed(3)} / ${row[k].fpr.toFixed(3)}`).join("   ")}`);
  }
  console.log(`${"mean".padEnd(22)} ${kinds.map((k) => `${k} ${mean(scores[k], "recall")} / ${mean(scores[k], "fpr")}`).join("   ")}`);
  for (const k of kinds) console.log(`-- ${k}\n${losoSummary(scores[k], `${k} mean`)}`);
  console.log(JSON.stringify(scores));
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
