import type { Features } from "../text-model/feature-hash";
import { alignment, cosine, type WordVectors } from "../text-model/word-vectors";
import type { ReadText } from "./related-text";

/**
 * What a new question and an earlier item share, as numbers a learned model weighs: how much of the
 * question's rarer words the item's question and its answer hold, the field concepts and word classes
 * they share, word pairs, how much of the item the question covers, and where the item ranks among
 * the candidates. Weighting by rarity (idf) makes "safety plan" count and "how do I" not.
 */
export interface ItemRead {
  kind: "thread" | "resource";
  title: ReadText;
  answer: ReadText;
  tags: string[];
}

/** How close in meaning a question is to an item: to its question (or title), and to its answer. */
export const meaning = (q: ReadText, item: ItemRead): { title: number; answer: number } => ({ title: cosine(q.vector, item.title.vector), answer: cosine(q.vector, item.answer.vector) });

export type Idf = (term: string) => number;

const share = (query: readonly string[], item: ReadonlySet<string>, idf: Idf): number => {
  const unique = [...new Set(query)];
  const total = unique.reduce((a, t) => a + idf(t), 0);
  if (!total) return 0;
  return unique.reduce((a, t) => a + (item.has(t) ? idf(t) : 0), 0) / total;
};

/** A quick score, for ranking candidates before the model reads them (and as one of its features). */
export const baseScore = (q: ReadText, item: ItemRead, idf: Idf): number => {
  const all = new Set([...item.title.stems, ...item.answer.stems]);
  const concepts = new Set([...item.title.concepts, ...item.answer.concepts]);
  const classes = new Set([...item.title.classes, ...item.answer.classes]);
  const m = meaning(q, item);
  return share(q.stems, all, idf) + 0.5 * share(q.concepts.map((c) => `#${c}`), new Set([...concepts].map((c) => `#${c}`)), idf) + 0.3 * share(q.classes, classes, idf) +
    Math.max(0, Math.max(m.title, m.answer * 0.8) - 0.5);
};

const bucket = (x: number, step: number, max: number) => Math.min(max, Math.floor(x / step));

export const pairFeatures = (q: ReadText, item: ItemRead, idf: Idf, context: { rank: number; score: number; best: number; second: number; bestMeaning: number; vectors: WordVectors; rarity: (w: string) => number }): Features => {
  const titleStems = new Set(item.title.stems), answerStems = new Set(item.answer.stems);
  const all = new Set([...titleStems, ...answerStems, ...item.tags.map((t) => t.toLowerCase())]);
  const concepts = new Set([...item.title.concepts, ...item.answer.concepts]);
  const classes = new Set([...item.title.classes, ...item.answer.classes]);
  const qConcepts = [...new Set(q.concepts)];
  const sharedConcepts = qConcepts.filter((c) => concepts.has(c)).length;
  const stemTitle = share(q.stems, titleStems, idf), stemAnswer = share(q.stems, answerStems, idf), stemAll = share(q.stems, all, idf);
  const cls = share(q.classes, classes, idf);
  const pairs = new Set([...item.title.pairs, ...item.answer.pairs]);
  const sharedPairs = [...new Set(q.pairs)].filter((p) => pairs.has(p)).length;
  const qSet = new Set(q.stems);
  const titleUnique = [...titleStems];
  const cover = titleUnique.length ? titleUnique.filter((t) => qSet.has(t)).length / titleUnique.length : 0;
  const conceptShare = qConcepts.length ? sharedConcepts / qConcepts.length : 0;
  const m = meaning(q, item);
  // What the question asks that the item does not mention: the rarest such word, and all of them.
  const missing = [...new Set(q.stems)].filter((t) => !all.has(t));
  const missingMass = missing.reduce((a, t) => a + idf(t), 0);
  const missingMax = Math.max(0, ...missing.map(idf));
  const align = alignment(context.vectors, q.words, [...item.title.words, ...item.answer.words], context.rarity);
  const alignTitle = alignment(context.vectors, q.words, item.title.words, context.rarity);
  return [
    ["missingMass", Math.min(30, missingMass) / 10], ["missingMax", missingMax / 10], ["align", align], ["alignTitle", alignTitle], ["align2", align * align],
    `alignB:${bucket(align, 0.1, 9)}`,
    ["cosTitle", m.title], ["cosAnswer", m.answer], ["cosTitle2", m.title * m.title], ["cosGap", Math.max(m.title, m.answer) - context.bestMeaning],
    ["cosXstem", m.title * stemAll], `cosB:${bucket(Math.max(0, m.title), 0.1, 9)}`,
    ["stemTitle", stemTitle], ["stemAnswer", stemAnswer], ["stemAll", stemAll], ["cls", cls], ["concepts", conceptShare], ["cover", cover],
    ["pairs", Math.min(3, sharedPairs)], ["score", context.score], ["gap", context.score - context.best], ["lead", context.rank === 0 ? context.best - context.second : 0],
    ["stemAll2", stemAll * stemAll], ["stemXconcept", stemAll * conceptShare], ["stemXcls", stemAll * cls],
    `stemAllB:${bucket(stemAll, 0.1, 9)}`, `clsB:${bucket(cls, 0.2, 4)}`, `conceptsN:${Math.min(3, sharedConcepts)}`, `rank:${Math.min(context.rank, 5)}`,
    `kind:${item.kind}`, `qlen:${bucket(new Set(q.stems).size, 3, 5)}`, `qconcepts:${Math.min(3, qConcepts.length)}`,
  ];
};
