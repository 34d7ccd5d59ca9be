import { clientStreetAddresses, messageFeatures, readMessage, withTagger, type Featurized, type MessageRead } from "../../core/guard/learned-guard";
import { hashTokenFeatures, tagMargins, tokenFeatures } from "../../core/guard/token-tagger";
import { LinearModel, sigmoid } from "../../core/text-model/linear-model";
import { SeededRandom } from "../../core/text-model/seeded-random";
import type { WordClusters } from "../../core/text-model/word-clusters";
import { occurrences } from "./corpus";
import { encode, logitEncoded, trainLogistic, type Encoded, type TrainOptions } from "./logistic";
import { trainTagger, type TaggedPost } from "./tagger-fit";

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
  /** The hand that wrote it (its copies keep it), or undefined for our own and the dev posts. */
  hand: string | undefined;
  /** A made-up variant of a hand's post (other locales' names, lower case, initials): trained on, never scored. */
  copy: boolean;
  weight: number;
  read: MessageRead;
  tagged: TaggedPost;
  /** The features as the models saw them in the current fit (the tagger's margins depend on the fit). */
  f: Featurized;
  /** Per candidate: 1 when it overlaps a gold finding. */
  labels: number[];
  encoded: Encoded[];
}

export const prepare = (rows: GuardRow[], source: string, weight: number, clusters: WordClusters, hand?: string, copy = false): Prepared[] =>
  rows.map((row) => {
    const read = readMessage(row.text, clusters);
    // Offsets in the read view are those of the markup-stripped text; labelled spans are found in it.
    // A combination's words are not each a detail: the tagger is not taught on them either way.
    const text = read.view.text;
    const goldIn = row.findings.filter((g) => g.type !== "combination").flatMap((g) => occurrences(text, g.text));
    const phrasesIn = row.findings.filter((g) => g.type === "combination").flatMap((g) => occurrences(text, g.text));
    const tokenGold = Int8Array.from(read.view.tokens, (t) =>
      goldIn.some(([s, e]) => t.start < e && s < t.end) ? 1 : phrasesIn.some(([s, e]) => t.start < e && s < t.end) ? -1 : 0);
    const tagged = { tokens: hashTokenFeatures(read.view, tokenFeatures(read.view, clusters)), gold: tokenGold, weight };
    return { row, source, hand, copy, weight, read, tagged, f: undefined as unknown as Featurized, labels: [], encoded: [] };
  });

export const CANDIDATE_BITS = 18;
export const MESSAGE_BITS = 14;
const CANDIDATE_TRAINING: Omit<TrainOptions, "seed"> = { bits: CANDIDATE_BITS, epochs: 12, rate: 0.1, l2: 1e-6 };
const MESSAGE_TRAINING: Omit<TrainOptions, "seed"> = { bits: MESSAGE_BITS, epochs: 12, rate: 0.05, l2: 1e-5 };
/** The false-positive rate the decision threshold is set for, on posts of hands the models did not train on. */
export const TARGET_FPR = 0.05;
export const SPAN_THRESHOLD = 0.5;

/** Reads a post's candidates with a tagger's margins: the features the candidate and message models see. */
const settle = (p: Prepared, margins: number[], clusters: WordClusters) => {
  p.f = withTagger(p.read, margins, clusters);
  const gold = p.row.findings.flatMap((g) => occurrences(p.f.view.text, g.text));
  p.labels = p.f.view.candidates.map((c) => (gold.some(([s, e]) => c.start < e && s < c.end) ? 1 : 0));
  p.encoded = [];
};

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
 * Folds by hand: each hand's posts (and every made-up copy of them) form one fold, so a fold's scores
 * come from models that never read that writer. Our own and the dev posts, which are never scored for
 * the threshold, are spread over the folds by a seeded shuffle. The threshold is then chosen on the
 * hands' left-out scores only: the figure a new writer will see.
 */
const folds = (posts: Prepared[], seed: number): { fold: number[]; count: number } => {
  const hands = [...new Set(posts.flatMap((p) => (p.hand ? [p.hand] : [])))].sort();
  const count = Math.max(2, hands.length);
  const fold = new Array<number>(posts.length);
  const rest: number[] = [];
  posts.forEach((p, i) => (p.hand ? (fold[i] = hands.indexOf(p.hand)) : rest.push(i)));
  new SeededRandom(seed).shuffle(rest).forEach((i, k) => (fold[i] = k % count));
  return { fold, count };
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
  tagger: LinearModel;
  candidate: LinearModel;
  message: LinearModel;
  threshold: number;
  clusters: WordClusters;
}

const tag = (tagger: LinearModel, p: Prepared) => tagMargins(tagger.weights, tagger.bias, p.tagged.tokens);

/**
 * Trains the three layers with folds by hand: the tagger per fold (so the candidate model learns how
 * far to trust its spans on writers it did not read), the candidate model on every post, the message
 * model on out-of-fold candidate scores, and the threshold from the hands' out-of-fold message scores
 * at the target false-positive rate.
 */
export const fitGuard = (posts: Prepared[], seed: number, clusters: WordClusters, log: (s: string) => void = () => {}): FittedGuard => {
  const { fold, count } = folds(posts, seed);
  for (let k = 0; k < count; k++) {
    const tagger = trainTagger(posts.filter((_, i) => fold[i] !== k).map((p) => p.tagged), seed + 201 + k);
    posts.forEach((p, i) => {
      if (fold[i] === k) settle(p, tag(tagger, p), clusters);
    });
  }
  const tagger = trainTagger(posts.map((p) => p.tagged), seed + 200);
  log(`  tagger: ${count} folds and the final one`);
  const oofLogits: number[][] = posts.map(() => []);
  for (let k = 0; k < count; k++) {
    const model = trainCandidates(posts.filter((_, i) => fold[i] !== k), seed + k + 1);
    posts.forEach((p, i) => {
      if (fold[i] === k) oofLogits[i] = p.encoded.map((e) => logitEncoded(model, e));
    });
    log(`  candidate fold ${k + 1}/${count}`);
  }
  const messageExamples = posts.map((p, i) => messageExample(p, oofLogits[i]!));
  const oofMessage: { p: number; gold: boolean }[] = new Array(posts.length);
  for (let k = 0; k < count; k++) {
    const model = roundTrip(trainLogistic(messageExamples.filter((_, i) => fold[i] !== k), { ...MESSAGE_TRAINING, seed: seed + 101 + k }));
    posts.forEach((p, i) => {
      if (fold[i] === k) oofMessage[i] = { p: sigmoid(logitEncoded(model, messageExamples[i]!)), gold: p.row.identifying };
    });
  }
  // The threshold is set on hands' own posts scored by models that never read their hand: each hand's
  // own threshold at the target, and the median of those (a pooled cut follows the hand whose harmless
  // posts score highest, and halves recall on the others).
  const byHand = new Map<string, { p: number; gold: boolean }[]>();
  posts.forEach((p, i) => {
    if (p.hand && !p.copy) byHand.set(p.hand, [...(byHand.get(p.hand) ?? []), oofMessage[i]!]);
  });
  const perHand = [...byHand.values()].map((scored) => chooseThreshold(scored, TARGET_FPR)).sort((a, b) => a - b);
  const threshold = perHand.length ? (perHand[(perHand.length - 1) >> 1]! + perHand[perHand.length >> 1]!) / 2 : 0.5;
  const candidate = trainCandidates(posts, seed);
  const message = roundTrip(trainLogistic(messageExamples, { ...MESSAGE_TRAINING, seed: seed + 100 }));
  return { tagger, candidate, message, threshold, clusters };
};

/** Whether a fitted guard flags a post, and which candidate spans it would quote. */
export const applyFitted = (g: FittedGuard, p: Prepared): { flagged: boolean; spans: [number, number][]; probability: number } => {
  const f = withTagger(p.read, tag(g.tagger, p), g.clusters);
  const logits = f.candidates.map((c) => g.candidate.logit(c));
  const probability = g.message.probability(messageFeatures(f, logits));
  const flagged = probability >= g.threshold || clientStreetAddresses(f.view, logits).length > 0;
  const cut = Math.log(SPAN_THRESHOLD / (1 - SPAN_THRESHOLD));
  const top = Math.max(-Infinity, ...logits);
  const spans = flagged ? f.view.candidates.filter((_, i) => logits[i]! >= cut || logits[i] === top).map((c) => [c.start, c.end] as [number, number]) : [];
  return { flagged, spans, probability };
};
