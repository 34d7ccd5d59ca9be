import { hashFeature, type Weighted } from "../text-model/feature-hash";
import { LinearModel } from "../text-model/linear-model";

/**
 * The second reader of the tone check: TF-IDF over word unigrams and bigrams and character 2-5-grams
 * within words, and a logistic model over it (issue 23's floor). It knows no rules and no word classes,
 * only spelling, so it catches what the learned check's features miss ("glorified", "-monkeys"); the
 * check averages the two probabilities. Inverse document frequencies are kept per hashed bucket, as the
 * weights are: the file holds no vocabulary.
 */
export const NGRAM_BITS = 18;

export const ngrams = (text: string): string[] => {
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

/** A post as the n-gram reader sees it: sublinear term frequency times idf, at unit length. */
export const ngramVector = (text: string, idf: Float32Array): Weighted[] => {
  const tf = new Map<string, number>();
  for (const g of ngrams(text)) tf.set(g, (tf.get(g) ?? 0) + 1);
  const v = [...tf].map(([g, c]): [string, number] => [g, (1 + Math.log(c)) * idf[hashFeature(g, NGRAM_BITS)]!]);
  const norm = Math.sqrt(v.reduce((a, [, x]) => a + x * x, 0)) || 1;
  return v.map(([g, x]) => [g, x / norm] as const);
};

/** Smoothed idf per bucket from the training posts (a bucket no post reached gets the rarest value). */
export const idfOf = (texts: readonly string[]): Float32Array => {
  const df = new Float64Array(1 << NGRAM_BITS);
  for (const t of texts) for (const b of new Set(ngrams(t).map((g) => hashFeature(g, NGRAM_BITS)))) df[b]! += 1;
  return Float32Array.from(df, (d) => Math.log((1 + texts.length) / (1 + d)) + 1);
};

/**
 * Fewer n-grams than this (about eight words) and the reader has too little spelling to go on: at unit
 * length a one-word reply weighs like a whole post, and its score is mostly the model's bias ("lol"
 * read as 0.98, "Great read" as 0.92). Such posts are left to the learned check alone.
 */
export const MIN_NGRAMS = 80;

export class NgramReader {
  constructor(readonly idf: Float32Array, readonly model: LinearModel) {}

  /** The probability of contempt from spelling alone, or undefined for a post too short to read. */
  probability(text: string): number | undefined {
    const vector = ngramVector(text, this.idf);
    return vector.length < MIN_NGRAMS ? undefined : this.model.probability(vector);
  }

  toJSON() {
    return { idf: new LinearModel(NGRAM_BITS, this.idf, 0).toJSON(), flag: this.model.toJSON() };
  }

  static fromJSON(data: { idf: unknown; flag: unknown }, what: string): NgramReader {
    return new NgramReader(LinearModel.fromJSON(data.idf, `${what} (n-gram idf)`).weights, LinearModel.fromJSON(data.flag, `${what} (n-gram model)`));
  }
}
