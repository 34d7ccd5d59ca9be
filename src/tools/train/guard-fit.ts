import { featurize, messageFeatures, type Featurized } from "../../core/guard/learned-guard";
import { LinearModel, sigmoid } from "../../core/text-model/linear-model";
import { SeededRandom } from "../../core/text-model/seeded-random";
import type { WordClusters } from "../../core/text-model/word-clusters";
import { occurrences } from "./corpus";
import { encode, logitEncoded, trainLogistic, type Encoded, type TrainOptions } from "./logistic";

/** A labelled post in the format of ../shared/privacy. */
export interface GuardRow {
  id: string;
  text: string;
  identifying: boolean;
  findings: { type: string; text: string }[];
}

/** A post read once for training: its candidates' features and labels. */
export interface Prepared {
  row: GuardRow;
  source: string;
  weight: number;
  f: Featurized;
  /** Per candidate: 1 when it overlaps a gold finding. */
  labels: number[];
  encoded: Encoded[];
}

export const CANDIDATE_BITS = 18;
export const MESSAGE_BITS = 14;
const CANDIDATE_TRAINING: Omit<TrainOptions, "seed"> = { bits: CANDIDATE_BITS, epochs: 12, rate: 0.1, l2: 1e-6 };
const MESSAGE_TRAINING: Omit<TrainOptions, "seed"> = { bits: MESSAGE_BITS, epochs: 12, rate: 0.05, l2: 1e-5 };
/** The false-positive rate the decision threshold is set for, on posts the models did not train on. */
export const TARGET_FPR = 0.04;
export const SPAN_THRESHOLD = 0.5;

export const prepare = (rows: GuardRow[], source: string, weight: number, clusters: WordClusters): Prepared[] =>
  rows.map((row) => {
    const f = featurize(row.text, clusters);
    const gold = row.findings.flatMap((g) => occurrences(row.text, g.text));
    const labels = f.view.candidates.map((c) => (gold.some(([s, e]) => c.start < e && s < c.end) ? 1 : 0));
    return { row, source, weight, f, labels, encoded: [] };
  });

const roundTrip = (m: LinearModel) => LinearModel.fromJSON(m.toJSON(), "model");

const trainCandidates = (posts: Prepared[], seed: number): LinearModel => {
  const examples: Encoded[] = [];
  let pos = 0, neg = 0;
  for (const p of posts) for (const l of p.labels) if (l) pos++; else neg++;
  const positiveWeight = Math.sqrt(neg / Math.max(1, pos));
  for (const p of posts) {
    if (!p.encoded.length) p.encoded = p.f.candidates.map((c, i) => encode(c, CANDIDATE_BITS, p.labels[i]!));
    p.encoded.forEach((e, i) => examples.push({ ...e, weight: p.weight * (p.labels[i] ? positiveWeight : 1) }));
  }
  return roundTrip(trainLogistic(examples, { ...CANDIDATE_TRAINING, seed }));
};

const messageExample = (p: Prepared, logits: number[]) => encode(messageFeatures(p.f, logits), MESSAGE_BITS, p.row.identifying ? 1 : 0, p.weight);

/**
 * Five folds by a seeded shuffle. (Folds by source, one hand per fold, were tried: the threshold then
 * follows the worst hand and recall halves.) Random folds are a little optimistic; setting the
 * threshold on other hands' posts only, at 0.04, measured 0.043 on hands left out.
 */
const FOLDS = 5;
const folds = (posts: Prepared[], seed: number): { fold: number[]; count: number } => {
  const order = new SeededRandom(seed).shuffle([...posts.keys()]);
  const fold = new Array<number>(posts.length);
  order.forEach((i, k) => (fold[i] = k % FOLDS));
  return { fold, count: FOLDS };
};

/**
 * The threshold with the highest recall whose false-positive rate stays at or under the target; of the
 * thresholds that do as well, the one midway (in log-odds) between the lowest allowed and the highest
 * that keeps that recall, so unseen posts have a margin on both sides.
 */
export const chooseThreshold = (scored: { p: number; gold: boolean }[], targetFpr: number): number => {
  const negatives = scored.filter((s) => !s.gold).map((s) => s.p).sort((a, b) => b - a);
  const positives = scored.filter((s) => s.gold).map((s) => s.p).sort((a, b) => b - a);
  const allowed = Math.floor(negatives.length * targetFpr);
  const low = Math.min(0.98, (negatives[allowed] ?? 0) + 1e-6);
  const kept = positives.filter((p) => p >= low);
  const high = kept.length ? kept.at(-1)! : low;
  const logit = (p: number) => Math.log(Math.max(1e-6, p) / Math.max(1e-6, 1 - p));
  const mid = (logit(low) + logit(Math.max(low, high))) / 2;
  return Math.min(0.98, Math.max(0.02, 1 / (1 + Math.exp(-mid))));
};

export interface FittedGuard {
  candidate: LinearModel;
  message: LinearModel;
  threshold: number;
  /** Out-of-fold scores of the training posts: the candidates' log-odds and the message probability. */
  oof: { logits: number[]; p: number; gold: boolean; source: string }[];
}

/**
 * Trains both layers: the candidate model on every post; the message model on out-of-fold candidate
 * scores (so it learns how far to trust candidate scores on posts they were not trained on), and the
 * threshold from out-of-fold message scores at the target false-positive rate.
 */
export const fitGuard = (posts: Prepared[], seed: number, log: (s: string) => void = () => {}): FittedGuard => {
  const { fold, count } = folds(posts, seed);
  const oofLogits: number[][] = posts.map(() => []);
  for (let k = 0; k < count; k++) {
    const model = trainCandidates(posts.filter((_, i) => fold[i] !== k), seed + k + 1);
    posts.forEach((p, i) => {
      if (fold[i] === k) oofLogits[i] = p.encoded.map((e) => logitEncoded(model, e));
    });
    log(`  candidate fold ${k + 1}/${count}`);
  }
  const messageExamples = posts.map((p, i) => messageExample(p, oofLogits[i]!));
  const oofMessage: { p: number; gold: boolean; weight: number }[] = new Array(posts.length);
  for (let k = 0; k < count; k++) {
    const model = roundTrip(trainLogistic(messageExamples.filter((_, i) => fold[i] !== k), { ...MESSAGE_TRAINING, seed: seed + 101 + k }));
    posts.forEach((p, i) => {
      if (fold[i] === k) oofMessage[i] = { p: sigmoid(logitEncoded(model, messageExamples[i]!)), gold: p.row.identifying, weight: p.weight };
    });
  }
  // The threshold is set on posts by other hands only: our own templated posts are easier than theirs.
  const threshold = chooseThreshold(oofMessage.filter((_, i) => !posts[i]!.source.startsWith("own-")), TARGET_FPR);
  const candidate = trainCandidates(posts, seed);
  const message = roundTrip(trainLogistic(messageExamples, { ...MESSAGE_TRAINING, seed: seed + 100 }));
  return { candidate, message, threshold, oof: posts.map((p, i) => ({ logits: oofLogits[i]!, p: oofMessage[i]!.p, gold: p.row.identifying, source: p.source })) };
};

/** Whether a fitted guard flags a prepared post, and which candidate spans it would quote. */
export const applyFitted = (g: FittedGuard, p: Prepared): { flagged: boolean; spans: [number, number][] } => {
  const logits = p.f.candidates.map((c) => g.candidate.logit(c));
  const flagged = g.message.probability(messageFeatures(p.f, logits)) >= g.threshold;
  const cut = Math.log(SPAN_THRESHOLD / (1 - SPAN_THRESHOLD));
  const top = Math.max(-Infinity, ...logits);
  const spans = flagged ? p.f.view.candidates.filter((_, i) => logits[i]! >= cut || logits[i] === top).map((c) => [c.start, c.end] as [number, number]) : [];
  return { flagged, spans };
};
