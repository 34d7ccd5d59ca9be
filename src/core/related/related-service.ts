import type { Clock } from "../shared/clock";
import type { Logger } from "../shared/logger";
import type { Features } from "../text-model/feature-hash";
import type { WordClusters } from "../text-model/word-clusters";
import type { WordVectors } from "../text-model/word-vectors";
import { baseScore, meaning, pairFeatures, type Idf, type ItemRead } from "./related-features";
import type { RelatedModel } from "./related-model";
import { indexTerms, readText } from "./related-text";
import type { RelatedDoc, RelatedRef, RelatedRepository, RelatedTier, ShownSuggestion } from "./related-types";
import { applyCalibration, fitCalibration, MIN_CHOICES, type Calibration } from "./related-calibration";

/** An earlier item that may answer a new question, and how sure the model is. */
export interface RelatedMatch {
  doc: RelatedDoc;
  /** As the community reads it (its own calibration once fitted). */
  probability: number;
  /** The global model's. */
  modelProbability: number;
}

/** What a new question gets: shown before it goes out (only when confident), and linked in its thread after. */
export interface RelatedSuggestions {
  before: RelatedMatch[];
  thread: RelatedMatch[];
  /** When earlier answers are shown before posting and none is from the library: its best resource that may be related, shown with them. */
  library?: RelatedMatch;
}

export interface RelatedDeps {
  repo: RelatedRepository;
  logger: Logger;
  model: () => RelatedModel;
  clusters: () => WordClusters;
  vectors: () => WordVectors;
  clock: Clock;
  /** Generates the id of a suggestion shown (its buttons carry it). */
  newId?: () => string;
}

/** Ties go to the older item, then by id: an order that does not depend on random ids where times differ (training rebuilds byte for byte). */
const older = (a: RelatedDoc, b: RelatedDoc): number => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
const byScore = (a: { score: number; doc: RelatedDoc }, b: { score: number; doc: RelatedDoc }): number => b.score - a.score || older(a.doc, b.doc);

/** How long a community's fitted calibration is reused before its choices are read again. */
const CALIBRATION_TTL_MS = 60_000;

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
  private readonly calibrations = new Map<string, { at: number; fit: Calibration | null }>();

  constructor(private readonly deps: RelatedDeps) {}

  /** The community's own calibration, once its members have made enough choices (null: the global model's). */
  async calibration(communityId: string): Promise<Calibration | null> {
    const now = this.deps.clock.now().getTime();
    const cached = this.calibrations.get(communityId);
    if (cached && now - cached.at < CALIBRATION_TTL_MS) return cached.fit;
    const { choices, examples } = await this.deps.repo.choices(communityId, 2_000);
    const fit = choices >= MIN_CHOICES ? fitCalibration(examples) : null;
    this.calibrations.set(communityId, { at: now, fit });
    return fit;
  }

  /** Up to three items the model is confident answer `text`, best first; empty when none is (or the text says nothing). */
  async find(communityId: string, text: string): Promise<RelatedMatch[]> {
    return (await this.suggest(communityId, text)).before;
  }

  /** What may be related to a question already posted (its web page, the unanswered job): both tiers, best first. */
  async afterPosting(communityId: string, text: string): Promise<RelatedMatch[]> {
    const s = await this.suggest(communityId, text);
    return [...s.before, ...s.thread].sort((a, b) => b.probability - a.probability || older(a.doc, b.doc)).slice(0, MAX_RELATED);
  }

  /**
   * The two tiers: up to three items shown before the question goes out, when the model is confident
   * (the community's own calibration once it has enough choices, else the global one); and up to
   * three others above the lower threshold, linked in the question's thread ("Maybe related").
   */
  async suggest(communityId: string, text: string): Promise<RelatedSuggestions> {
    const model = this.deps.model();
    const fit = await this.calibration(communityId);
    const calibrate = fit ? applyCalibration(fit) : (p: number) => p;
    const ranked = (await this.read(communityId, text))
      .map(({ doc, features }) => { const p = model.pair.probability(features); return { doc, probability: calibrate(p), modelProbability: p }; })
      .sort((a, b) => b.probability - a.probability || older(a.doc, b.doc));
    const before = ranked.filter((m) => m.probability >= model.threshold).slice(0, MAX_RELATED);
    const library = before.length && !before.some((m) => m.doc.kind === "resource")
      ? ranked.find((m) => m.doc.kind === "resource" && m.probability >= model.threadThreshold) : undefined;
    const thread = ranked.filter((m) => m.probability >= model.threadThreshold && !before.includes(m) && m !== library).slice(0, MAX_RELATED);
    return { before, thread, ...(library ? { library } : {}) };
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
    }).sort(byScore).slice(0, READ);
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

  /** Records what a member is shown (before posting, or in their question's thread); returns its id for the buttons. */
  async shown(communityId: string, memberId: string, tier: RelatedTier, matches: readonly RelatedMatch[], threadId: string | null = null): Promise<string> {
    const id = this.deps.newId?.() ?? crypto.randomUUID();
    await this.deps.repo.recordShown(communityId, { id, memberId, tier, threadId, items: matches.map((m) => ({ kind: m.doc.kind, id: m.doc.id, p: m.modelProbability })) }, this.deps.clock.now());
    return id;
  }

  /**
   * The member's choice on what they were shown, made once ("This answers it", "Post my question", a
   * thread link credited): the suggestion, or "done" when a choice was already made (nothing changes),
   * or null when there is no such suggestion of theirs.
   */
  async choose(communityId: string, memberId: string, id: string, choice: "yes" | "no", ref: RelatedRef | null): Promise<ShownSuggestion | "done" | null> {
    const shown = await this.deps.repo.shown(communityId, id);
    if (!shown || shown.memberId !== memberId) return null;
    if (ref && !shown.items.some((i) => i.kind === ref.kind && i.id === ref.id)) return null;
    if (!(await this.deps.repo.choose(communityId, id, memberId, choice, ref?.id ?? null, this.deps.clock.now()))) return "done";
    this.calibrations.delete(communityId);
    return shown;
  }

  /**
   * A question was resolved: its thread links are settled. The one the resolve form names (an earlier
   * question whose credited helper the asker credits again, or a link quoted in the note) answered it,
   * and counts as a reuse; the others were passed over.
   */
  async settle(communityId: string, threadId: string, memberId: string, resolved: { helperNames: readonly string[]; note: string | null }): Promise<void> {
    try {
      const pending = await this.deps.repo.pendingThreadLinks(communityId, threadId);
      if (!pending.length) return;
      const docs = await this.deps.repo.docs(communityId, pending.flatMap((s) => s.items));
      const names = new Set(resolved.helperNames.map((n) => n.toLowerCase()));
      const note = (resolved.note ?? "").toLowerCase();
      const named = docs.find((d) => d.helpers.some((h) => names.has(h.toLowerCase())) || (d.url && note.includes(d.url.toLowerCase())));
      await this.deps.repo.settleThreadLinks(communityId, threadId, named?.id ?? null, this.deps.clock.now());
      if (named) await this.deps.repo.addReuse(communityId, memberId, named, this.deps.clock.now());
      this.calibrations.delete(communityId);
    } catch (error) {
      // The resolution stands; only what it teaches is lost.
      this.deps.logger.warn("could not settle a question's related links", { communityId, threadId, error: error instanceof Error ? error.message : String(error) });
    }
  }

  /** Suggestions shown in a period, accepted and passed over (the health page). */
  counts(communityId: string, from: Date, to: Date) {
    return this.deps.repo.suggestionCounts(communityId, from, to);
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
