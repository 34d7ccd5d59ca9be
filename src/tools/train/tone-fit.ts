import { LinearModel, sigmoid } from "../../core/text-model/linear-model";
import { SeededRandom } from "../../core/text-model/seeded-random";
import type { WordClusters } from "../../core/text-model/word-clusters";
import { toneFeatures, toneVector, toneWindows, type ToneFeatures } from "../../core/tone/tone-features";
import type { Features } from "../../core/text-model/feature-hash";
import { TONE_CATEGORIES, type ToneCategory } from "../../core/tone/tone-types";
import { encode, logitEncoded, trainLogistic, type Encoded, type TrainOptions } from "./logistic";
import { chooseThreshold } from "./guard-fit";

/** A labelled post in the format of ../shared/tone. */
export interface ToneRow {
  id: string;
  text: string;
  flagged: boolean;
  category: ToneCategory | null;
}

export interface PreparedTone {
  row: ToneRow;
  source: string;
  f: ToneFeatures;
  /** The whole post, as the model trains on it. */
  encoded: Encoded;
  /** The parts the check reads (the whole post and each sentence), for scoring as the shipped check does. */
  parts: { vector: Features; encoded: Encoded }[];
}

export const TONE_BITS = 18;
const FLAG: Omit<TrainOptions, "seed"> = { bits: TONE_BITS, epochs: 15, rate: 0.5, l2: 1e-5 };
const HEAD: Omit<TrainOptions, "seed"> = { bits: TONE_BITS, epochs: 15, rate: 0.5, l2: 1e-5 };
const FOLDS = 5;
/** The false-positive rate the threshold is set for, on other sources' out-of-fold posts. */
export const TONE_TARGET_FPR = 0.04;

export const prepareTone = (rows: ToneRow[], source: string, clusters: WordClusters): PreparedTone[] =>
  rows.map((row) => {
    const f = toneFeatures(row.text, clusters);
    const parts = toneWindows(f).map(toneVector).map((vector) => ({ vector, encoded: encode(vector, TONE_BITS, 0) }));
    return { row, source, f, encoded: encode(toneVector(f.features), TONE_BITS, row.flagged ? 1 : 0), parts };
  });

const roundTrip = (m: LinearModel) => LinearModel.fromJSON(m.toJSON(), "model");

const trainFlag = (posts: PreparedTone[], seed: number) => roundTrip(trainLogistic(posts.map((p) => p.encoded), { ...FLAG, seed }));

/** One-vs-rest heads over the flagged posts: whom the contempt is aimed at. */
const trainHeads = (posts: PreparedTone[], seed: number): Record<ToneCategory, LinearModel> => {
  const flagged = posts.filter((p) => p.row.flagged && p.row.category);
  return Object.fromEntries(TONE_CATEGORIES.map((c, i) => [c, roundTrip(trainLogistic(
    flagged.map((p) => ({ ...p.encoded, label: p.row.category === c ? 1 : 0 })), { ...HEAD, seed: seed + 10 + i },
  ))])) as Record<ToneCategory, LinearModel>;
};

/** The part of a prepared post that reads most like contempt, as the shipped check chooses it. */
export const strongest = (model: LinearModel, post: PreparedTone): { p: number; vector: Features } => {
  let best = { p: -1, vector: post.parts[0]!.vector };
  for (const part of post.parts) {
    const p = sigmoid(logitEncoded(model, part.encoded));
    if (p > best.p) best = { p, vector: part.vector };
  }
  return best;
};

export interface FittedTone {
  flag: LinearModel;
  categories: Record<ToneCategory, LinearModel>;
  threshold: number;
}

/** Trains the flag model and the category heads; the threshold comes from out-of-fold scores of posts by other hands. */
export const fitTone = (posts: PreparedTone[], seed: number): FittedTone => {
  const order = new SeededRandom(seed).shuffle([...posts.keys()]);
  const fold = new Array<number>(posts.length);
  order.forEach((i, k) => (fold[i] = k % FOLDS));
  const oof: { p: number; gold: boolean }[] = new Array(posts.length);
  for (let k = 0; k < FOLDS; k++) {
    const model = trainFlag(posts.filter((_, i) => fold[i] !== k), seed + k + 1);
    posts.forEach((p, i) => {
      if (fold[i] === k) oof[i] = { p: strongest(model, p).p, gold: p.row.flagged };
    });
  }
  const threshold = chooseThreshold(oof.filter((_, i) => !posts[i]!.source.startsWith("own-")), TONE_TARGET_FPR);
  return { flag: trainFlag(posts, seed), categories: trainHeads(posts, seed), threshold };
};
