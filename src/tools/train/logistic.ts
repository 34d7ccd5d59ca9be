import { hashFeature, type Features } from "../../core/text-model/feature-hash";
import { LinearModel } from "../../core/text-model/linear-model";
import { SeededRandom } from "../../core/text-model/seeded-random";

/** One training example, its features hashed once. */
export interface Encoded {
  index: Int32Array;
  value: Float32Array;
  label: number;
  weight: number;
}

export const encode = (features: Features, bits: number, label: number, weight = 1): Encoded => {
  const index = new Int32Array(features.length), value = new Float32Array(features.length);
  features.forEach((f, i) => {
    index[i] = hashFeature(typeof f === "string" ? f : f[0], bits);
    value[i] = typeof f === "string" ? 1 : f[1];
  });
  return { index, value, label, weight };
};

export interface TrainOptions {
  bits: number;
  epochs: number;
  /** AdaGrad's base step. */
  rate: number;
  /** L2 penalty per example seen (keeps rare features' weights small). */
  l2: number;
  seed: number;
}

/**
 * Logistic regression by AdaGrad over hashed features, deterministic for a seed (the order of
 * examples is the only randomness). Small, dependency-free and fast enough for tens of thousands of
 * examples on two cores.
 */
export const trainLogistic = (examples: readonly Encoded[], o: TrainOptions): LinearModel => {
  const n = 1 << o.bits;
  const w = new Float64Array(n), g2 = new Float64Array(n).fill(1e-8);
  let bias = 0, biasG2 = 1e-8;
  const order = examples.map((_, i) => i);
  const rng = new SeededRandom(o.seed);
  for (let epoch = 0; epoch < o.epochs; epoch++) {
    rng.shuffle(order);
    for (const k of order) {
      const e = examples[k]!;
      let z = bias;
      for (let i = 0; i < e.index.length; i++) z += w[e.index[i]!]! * e.value[i]!;
      const p = 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
      const g = (p - e.label) * e.weight;
      for (let i = 0; i < e.index.length; i++) {
        const j = e.index[i]!;
        const grad = g * e.value[i]! + o.l2 * w[j]!;
        g2[j]! += grad * grad;
        w[j]! -= (o.rate * grad) / Math.sqrt(g2[j]!);
      }
      biasG2 += g * g;
      bias -= (o.rate * g) / Math.sqrt(biasG2);
    }
  }
  return new LinearModel(o.bits, Float32Array.from(w), bias);
};

/** The log-odds a model gives an encoded example (the same sum the shipped model computes). */
export const logitEncoded = (m: LinearModel, e: Encoded): number => {
  let z = m.bias;
  for (let i = 0; i < e.index.length; i++) z += m.weights[e.index[i]!]! * e.value[i]!;
  return z;
};
