import { LinearModel, sigmoid } from "../../core/text-model/linear-model";
import type { WordClusters } from "../../core/text-model/word-clusters";
import { toneFeatures, toneVector, toneWindows, type ToneFeatures } from "../../core/tone/tone-features";
import type { Features } from "../../core/text-model/feature-hash";
import { TONE_CATEGORIES, type ToneCategory } from "../../core/tone/tone-types";
import { encode, logitEncoded, trainLogistic, type Encoded, type TrainOptions } from "./logistic";
import { logOdds, postWords, type ShortPrior } from "../../core/tone/short-prior";
import { calibrate, type LeftOutScore } from "./tone-calibration";

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

export const prepareTone = (rows: ToneRow[], source: string, clusters: WordClusters): PreparedTone[] =>
  rows.map((row) => {
    const f = toneFeatures(row.text, clusters);
    const parts = toneWindows(f).map(toneVector).map((vector) => ({ vector, encoded: encode(vector, TONE_BITS, 0) }));
    return { row, source, f, encoded: encode(toneVector(f.features), TONE_BITS, row.flagged ? 1 : 0), parts };
  });

const roundTrip = (m: LinearModel) => LinearModel.fromJSON(m.toJSON(), "model");

export const trainFlag = (posts: PreparedTone[], seed: number) => roundTrip(trainLogistic(posts.map((p) => p.encoded), { ...FLAG, seed }));

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
  /** A probability, as in the model file. */
  threshold: number;
  shortPrior: ShortPrior;
}

/**
 * Trains the flag model and the category heads. The threshold and the short-post prior are chosen on
 * sources left out: for each hand (never our own posts), a flag model trained on everything else scores
 * it, and `calibrate` reads those scores.
 */
export const fitTone = (posts: PreparedTone[], seed: number): FittedTone => {
  const hands = [...new Set(posts.map((p) => p.source))].filter((s) => !s.startsWith("own-")).sort();
  if (hands.length < 2) throw new Error("the tone check's threshold needs at least two hands to leave out in turn");
  const leftOut: LeftOutScore[] = [];
  hands.forEach((hand, k) => {
    const model = trainFlag(posts.filter((p) => p.source !== hand), seed + k + 1);
    for (const p of posts) if (p.source === hand) leftOut.push({ logit: logOdds(strongest(model, p).p), gold: p.row.flagged, source: hand, words: postWords(p.row.text) });
  });
  const { threshold, shortPrior } = calibrate(leftOut);
  return { flag: trainFlag(posts, seed), categories: trainHeads(posts, seed), threshold: Number(sigmoid(threshold).toFixed(6)), shortPrior };
};
