import { LinearModel } from "../../core/text-model/linear-model";
import { SeededRandom } from "../../core/text-model/seeded-random";
import { TAGGER_BITS, type HashedToken } from "../../core/guard/token-tagger";

/** One post's tokens for the tagger: hashed features and gold tags (1 a client's detail, 0 not, -1 not taught). */
export interface TaggedPost {
  tokens: HashedToken[];
  gold: Int8Array;
  weight: number;
}

const EPOCHS = 6;

/**
 * An averaged perceptron over hashed token features, left to right with the previous predicted tag
 * as a feature (so training sees the errors inference will make). Averaging (the lazy form: weights
 * minus their time-weighted updates) keeps late updates from dominating. Deterministic for a seed.
 */
export const trainTagger = (posts: readonly TaggedPost[], seed: number): LinearModel => {
  const n = 1 << TAGGER_BITS;
  const w = new Float64Array(n), u = new Float64Array(n);
  let bias = 0, biasU = 0, clock = 1;
  // Details are rare among words: a missed one costs more than a false alarm (the candidate model decides later).
  let pos = 0, neg = 0;
  for (const p of posts) for (const g of p.gold) if (g === 1) pos++; else if (g === 0) neg++;
  const positiveStep = Math.min(4, Math.sqrt(neg / Math.max(1, pos)));
  const order = posts.map((_, i) => i);
  const rng = new SeededRandom(seed);
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    rng.shuffle(order);
    for (const k of order) {
      const post = posts[k]!;
      let previous = false;
      post.tokens.forEach((t, i) => {
        const prev = t.prev[previous ? 1 : 0];
        let s = bias;
        for (const j of t.idx) s += w[j]!;
        for (const j of prev) s += w[j]!;
        const predicted = s > 0;
        const gold = post.gold[i]!;
        if (gold >= 0 && predicted !== (gold === 1)) {
          const step = (gold === 1 ? positiveStep : -1) * post.weight;
          for (const j of t.idx) { w[j]! += step; u[j]! += clock * step; }
          for (const j of prev) { w[j]! += step; u[j]! += clock * step; }
          bias += step;
          biasU += clock * step;
        }
        previous = predicted;
        clock++;
      });
    }
  }
  const avg = new Float32Array(n);
  for (let j = 0; j < n; j++) avg[j] = w[j]! - u[j]! / clock;
  // The shipped file stores weights in 16 bits: train-time scores come from the same rounded model.
  return LinearModel.fromJSON(new LinearModel(TAGGER_BITS, avg, bias - biasU / clock).toJSON(), "tagger");
};
