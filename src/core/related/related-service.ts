import type { Clock } from "../shared/clock";
import type { Logger } from "../shared/logger";
import type { Features } from "../text-model/feature-hash";
import type { WordClusters } from "../text-model/word-clusters";
import type { WordVectors } from "../text-model/word-vectors";
import { baseScore, meaning, pairFeatures, type Idf, type ItemRead } from "./related-features";
import type { RelatedModel } from "./related-model";
import { indexTerms, readText } from "./related-text";
import type { RelatedDoc, RelatedRef, RelatedRepository } from "./related-types";

/** An earlier item that may answer a new question, and how sure the model is. */
export interface RelatedMatch {
  doc: RelatedDoc;
  probability: number;
}

/** What a new question gets: shown before it goes out (only when confident), and linked in its thread after. */
export interface RelatedSuggestions {
  before: RelatedMatch[];
  thread: RelatedMatch[];
}

export interface RelatedDeps {
  repo: RelatedRepository;
  logger: Logger;
  model: () => RelatedModel;
  clusters: () => WordClusters;
  vectors: () => WordVectors;
  clock: Clock;
  /** The community's own calibration of the model's probabilities (fitted from its members' choices), or null: the global model. */
  calibration?: (communityId: string) => Promise<((p: number) => number) | null>;
}

/** At most this many suggestions: a member reads three, not ten. */
export const MAX_RELATED = 3;
/** Candidates read closely by the model, after the quick score. */
const READ = 20;
/** Candidates fetched from the index. */
const FETCH = 60;
/** Index entries a lookup aggregates at most (beyond its two rarest terms). */
const POSTINGS_BUDGET = 6_000;

/**
 * Answers that are already there (issue 24): finds earlier resolved questions and library resources
 * that answer a new question, in the same community only, from what passed the guard only. Retrieval
 * by the question's rarer terms (stems, field concepts, word classes), then a learned model decides
 * what is relevant; below its threshold nothing is shown.
 */
export class RelatedService {
  constructor(private readonly deps: RelatedDeps) {}

  /** Up to three items the model is confident answer `text`, best first; empty when none is (or the text says nothing). */
  async find(communityId: string, text: string): Promise<RelatedMatch[]> {
    return (await this.suggest(communityId, text)).before;
  }

  /**
   * The two tiers: up to three items shown before the question goes out, when the model is confident
   * (the community's own calibration once it has enough choices, else the global one); and up to
   * three others above the lower threshold, linked in the question's thread ("Maybe related").
   */
  async suggest(communityId: string, text: string): Promise<RelatedSuggestions> {
    const model = this.deps.model();
    const calibrate = (await this.deps.calibration?.(communityId)) ?? ((p: number) => p);
    const ranked = (await this.read(communityId, text))
      .map(({ doc, features }) => ({ doc, probability: calibrate(model.pair.probability(features)) }))
      .sort((a, b) => b.probability - a.probability || (a.doc.id < b.doc.id ? -1 : 1));
    const before = ranked.filter((m) => m.probability >= model.threshold).slice(0, MAX_RELATED);
    const thread = ranked.filter((m) => m.probability >= model.threadThreshold && !before.includes(m)).slice(0, MAX_RELATED);
    return { before, thread };
  }

  /**
   * The candidates the model reads for a question, with their features: retrieval by the question's
   * rarer terms (a term half the archive holds finds nothing useful), then a quick score keeps the best
   * twenty. Training reads the same list, so the model learns on exactly what it later decides on.
   */
  async read(communityId: string, text: string): Promise<{ doc: RelatedDoc; features: Features }[]> {
    const clusters = this.deps.clusters(), vectors = this.deps.vectors();
    const q = readText(text.slice(0, 2_000), clusters, vectors);
    if (!q.stems.length && !q.concepts.length) return [];
    const terms = indexTerms(q);
    const { items, counts } = await this.deps.repo.termCounts(communityId, terms);
    if (!items) return [];
    const idf: Idf = (t) => Math.log((items + 1) / ((counts.get(t) ?? 0) + 1)) + 1;
    const known = terms.filter((t) => (counts.get(t) ?? 0) > 0).sort((a, b) => counts.get(a)! - counts.get(b)! || (a < b ? -1 : 1));
    const cap = Math.max(50, items * 0.05);
    // The rarest terms first, up to ten, and no more postings than a lookup can aggregate quickly in a
    // big community (a small one never reaches the budget).
    let postings = 0;
    const selective = known.filter((t) => counts.get(t)! <= cap).slice(0, 10).filter((t, i) => i < 2 || (postings += counts.get(t)!) <= POSTINGS_BUDGET);
    const lookup = selective.length ? selective : known.slice(0, 3);
    if (!lookup.length) return [];
    const docs = await this.deps.repo.docs(communityId, await this.deps.repo.candidates(communityId, lookup, FETCH));
    const read = docs.map((doc) => {
      const item: ItemRead = { kind: doc.kind, title: readText(doc.title, clusters, vectors), answer: readText(doc.answer, clusters, vectors), tags: doc.tags };
      return { doc, item, score: baseScore(q, item, idf) };
    }).sort((a, b) => b.score - a.score || (a.doc.id < b.doc.id ? -1 : 1)).slice(0, READ);
    const best = read[0]?.score ?? 0, second = read[1]?.score ?? 0;
    const bestMeaning = Math.max(0, ...read.map((r) => { const m = meaning(q, r.item); return Math.max(m.title, m.answer); }));
    const rarity = (w: string) => 0.2 + (clusters.of(w)?.band ?? 15) / 15;
    return read.map((r, rank) => ({ doc: r.doc, features: pairFeatures(q, r.item, idf, { rank, score: r.score, best, second, bestMeaning, vectors, rarity }) }));
  }

  /** (Re)reads one item into the index; an item that may no longer be suggested leaves it. */
  async reindex(communityId: string, ref: RelatedRef): Promise<void> {
    const source = await this.deps.repo.source(communityId, ref);
    const clusters = this.deps.clusters();
    const terms = source ? [...new Set([...source.texts.flatMap((t) => indexTerms(readText(t, clusters))), ...source.tags.map((t) => `tag:${t.toLowerCase()}`)])] : [];
    await this.deps.repo.index(communityId, ref, terms, this.deps.clock.now());
  }

  /**
   * An item changed (a question resolved, a link shared or its preview read): reindex it. A failure is
   * logged, never the member's: the item is still saved, and the daily backfill reads it again.
   */
  async changed(communityId: string, ref: RelatedRef): Promise<void> {
    try {
      await this.reindex(communityId, ref);
    } catch (error) {
      this.deps.logger.warn("could not index an item for related answers", { communityId, ref, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /**
   * "This answers it": the member found their answer in an earlier item. A reuse is counted for the
   * question's helpers (or the resource); nothing is posted. False when it was already counted today.
   */
  async answered(communityId: string, memberId: string, ref: RelatedRef): Promise<{ doc: RelatedDoc; counted: boolean } | null> {
    const [doc] = await this.deps.repo.docs(communityId, [ref]);
    if (!doc) return null;
    return { doc, counted: await this.deps.repo.addReuse(communityId, memberId, ref, this.deps.clock.now()) };
  }

  /** Reuses of earlier answers in a period (the roundup's "answered from the archive"). */
  reuses(communityId: string, from: Date, to: Date): Promise<number> {
    return this.deps.repo.reusesBetween(communityId, from, to);
  }

  /** Indexes resolved questions and resources the index has not read yet (after an upgrade); returns how many. */
  async backfill(communityId: string, limit = 500): Promise<number> {
    const refs = await this.deps.repo.unindexed(communityId, limit);
    for (const ref of refs) await this.reindex(communityId, ref);
    return refs.length;
  }
}
