import { z } from "zod";
import { hashFeature, type Features } from "./feature-hash";

/**
 * A logistic-regression model over hashed features: the decision layer of the confidentiality guard
 * and the tone check. Inference only; training lives in src/tools/train (it never ships in a build).
 */
export class LinearModel {
  constructor(readonly bits: number, readonly weights: Float32Array, readonly bias: number) {
    if (weights.length !== 1 << bits) throw new Error(`a linear model with ${bits} bits needs ${1 << bits} weights, not ${weights.length}`);
  }

  /** The log-odds of the positive class. */
  logit(features: Features): number {
    let s = this.bias;
    for (const f of features) {
      if (typeof f === "string") s += this.weights[hashFeature(f, this.bits)]!;
      else s += this.weights[hashFeature(f[0], this.bits)]! * f[1];
    }
    return s;
  }

  probability(features: Features): number {
    return sigmoid(this.logit(features));
  }

  toJSON(): SerializedLinearModel {
    return { bits: this.bits, bias: this.bias, weights: encodeWeights(this.weights) };
  }

  static fromJSON(data: unknown, what: string): LinearModel {
    const parsed = SERIALIZED.safeParse(data);
    if (!parsed.success) throw new Error(`${what}: ${parsed.error.issues[0]?.path.join(".") || "model"} is malformed`);
    const { bits, bias, weights } = parsed.data;
    return new LinearModel(bits, decodeWeights(weights, 1 << bits, what), bias);
  }
}

export const sigmoid = (x: number): number => 1 / (1 + Math.exp(-x));

const SERIALIZED = z.object({ bits: z.number().int().min(4).max(24), bias: z.number().finite(), weights: z.string().min(1) });
export type SerializedLinearModel = z.infer<typeof SERIALIZED>;

// Weights are stored as 16-bit integers on a shared scale (half the size of float32, and a committed
// file that diffs as one line): ample precision for weights that are sums of small gradient steps.
const encodeWeights = (w: Float32Array): string => {
  let max = 0;
  for (const x of w) max = Math.max(max, Math.abs(x));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  return `${scale.toPrecision(9)}:${Buffer.from(q.buffer).toString("base64")}`;
};

const decodeWeights = (s: string, n: number, what: string): Float32Array => {
  const [scaleText, body] = s.split(":");
  const scale = Number(scaleText);
  const bytes = Buffer.from(body ?? "", "base64");
  if (!Number.isFinite(scale) || bytes.length !== n * 2) throw new Error(`${what}: its weights are damaged (expected ${n} of them)`);
  const q = new Int16Array(bytes.buffer, bytes.byteOffset, n);
  const w = new Float32Array(n);
  for (let i = 0; i < n; i++) w[i] = q[i]! * scale;
  return w;
};
