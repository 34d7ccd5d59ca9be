import { WordList } from "./word-list";

/** What the shipped vector file holds (src/tools/build-word-clusters.ts writes it). */
export interface WordVectorData {
  dims: number;
  words: string;
  scales: string;
  vectors: string;
}

/**
 * Pretrained word vectors (GloVe, 100 dimensions) of the 60,000 most frequent English words, kept as
 * 8-bit integers: a sentence's vector is the weighted mean of its words', and two sentences that say
 * the same in other words ("committed against their will", "an involuntary hold") point the same way.
 */
export class WordVectors {
  private readonly list: WordList;
  private readonly scales: Float32Array;
  private readonly q8: Int8Array;
  readonly dims: number;

  constructor(data: WordVectorData) {
    this.list = new WordList(data.words);
    this.dims = data.dims;
    const scales = Buffer.from(data.scales, "base64"), vectors = Buffer.from(data.vectors, "base64");
    if (scales.length !== this.list.size * 4 || vectors.length !== this.list.size * this.dims) throw new Error("word-vectors.json is damaged: its vectors do not match its words");
    this.scales = new Float32Array(new Uint8Array(scales).buffer);
    this.q8 = new Int8Array(new Uint8Array(vectors).buffer);
  }

  has(word: string): boolean {
    return this.list.indexOf(word) >= 0;
  }

  /**
   * The weighted mean of the words' vectors, unit length; null when no word is known. `weight` says how
   * much each word counts (rarer words more: "hold" says more than "when").
   */
  sentence(words: readonly string[], weight: (word: string) => number = () => 1): Float32Array | null {
    const out = new Float32Array(this.dims);
    let any = false;
    for (const w of words) {
      const i = this.list.indexOf(w);
      if (i < 0) continue;
      const s = this.scales[i]! * weight(w);
      for (let d = 0; d < this.dims; d++) out[d]! += this.q8[i * this.dims + d]! * s;
      any = true;
    }
    if (!any) return null;
    let norm = 0;
    for (let d = 0; d < this.dims; d++) norm += out[d]! * out[d]!;
    norm = Math.sqrt(norm) || 1;
    for (let d = 0; d < this.dims; d++) out[d]! /= norm;
    return out;
  }
}

/**
 * How well each word of `a` finds a word of like meaning in `b`: the mean over a's words (weighted) of
 * the best cosine to any of b's words. A paraphrase scores high even when it shares no word.
 */
export const alignment = (vectors: WordVectors, a: readonly string[], b: readonly string[], weight: (w: string) => number): number => {
  const bv = [...new Set(b)].map((w) => vectors.sentence([w])).filter((v): v is Float32Array => v !== null);
  if (!bv.length) return 0;
  let total = 0, sum = 0;
  for (const w of new Set(a)) {
    const v = vectors.sentence([w]);
    if (!v) continue;
    let best = 0;
    for (const u of bv) best = Math.max(best, cosine(v, u));
    const k = weight(w);
    sum += best * k;
    total += k;
  }
  return total ? sum / total : 0;
};

export const cosine = (a: Float32Array | null, b: Float32Array | null): number => {
  if (!a || !b) return 0;
  let s = 0;
  for (let d = 0; d < a.length; d++) s += a[d]! * b[d]!;
  return s;
};
