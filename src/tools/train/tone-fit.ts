import { LinearModel, sigmoid } from "../../core/text-model/linear-model";
import { SeededRandom } from "../../core/text-model/seeded-random";
import type { WordClusters } from "../../core/text-model/word-clusters";
import { toneFeatures } from "../../core/tone/tone-features";
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
  features: string[];
  encoded: Encoded;
}

export const TONE_BITS = 18;
const FLAG: Omit<TrainOptions, "seed"> = { bits: TONE_BITS, epochs: 15, rate: 0.05, l2: 1e-5 };
const HEAD: Omit<TrainOptions, "seed"> = { bits: TONE_BITS, epochs: 15, rate: 0.05, l2: 1e-5 };
const FOLDS = 5;
/** The false-positive rate the threshold is set for, on other sources' out-of-fold posts. */
export const TONE_TARGET_FPR = 0.03;

export const prepareTone = (rows: ToneRow[], source: string, clusters: WordClusters): PreparedTone[] =>
  rows.map((row) => {
    const { features } = toneFeatures(row.text, clusters);
    return { row, source, features, encoded: encode(features, TONE_BITS, row.flagged ? 1 : 0) };
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
      if (fold[i] === k) oof[i] = { p: sigmoid(logitEncoded(model, p.encoded)), gold: p.row.flagged };
    });
  }
  const threshold = chooseThreshold(oof.filter((_, i) => !posts[i]!.source.startsWith("own-")), TONE_TARGET_FPR);
  return { flag: trainFlag(posts, seed), categories: trainHeads(posts, seed), threshold };
};
