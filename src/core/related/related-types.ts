import type { ThreadOutcome } from "../threads/thread-types";

/** What the related-answers search can suggest: a resolved question, or a library resource. */
export type RelatedKind = "thread" | "resource";

export interface RelatedRef {
  kind: RelatedKind;
  id: string;
}

/** An indexed item as the search reads and shows it: only what passed the guard, never a forgotten member's words. */
export interface RelatedDoc extends RelatedRef {
  /** The question, or the resource's title. */
  title: string;
  /** The credited answers and the outcome note, or the resource's note and preview description. */
  answer: string;
  tags: string[];
  /** A resource's link. */
  url?: string;
  /** Where the question's card is, for a link to its thread. */
  channelId?: string | null;
  messageRef?: string | null;
  outcome?: ThreadOutcome | null;
  /** Display names of the credited helpers (current names; a forgotten one is "a former member"). */
  helpers: string[];
  createdAt: Date;
}

/** The text of an item to index, or null when it may not be suggested (flagged, removed, a forgotten asker's). */
export interface IndexSource {
  texts: string[];
  tags: string[];
}

export interface RelatedRepository {
  /** How many items are indexed, and how many hold each of these terms. */
  termCounts(communityId: string, terms: readonly string[]): Promise<{ items: number; counts: Map<string, number> }>;
  /** Items holding any of these terms, most terms first. */
  candidates(communityId: string, terms: readonly string[], limit: number): Promise<(RelatedRef & { hits: number })[]>;
  /** The suggestible items among these, with what the search reads and shows. */
  docs(communityId: string, refs: readonly RelatedRef[]): Promise<RelatedDoc[]>;
  /** What an item would be indexed by, or null when it may not be suggested. */
  source(communityId: string, ref: RelatedRef): Promise<IndexSource | null>;
  /** Replaces an item's terms (none: removes it from the index), keeping the term counts right. */
  index(communityId: string, ref: RelatedRef, terms: readonly string[], at: Date): Promise<void>;
  /** Resolved questions and resources not indexed yet (an index built after them). */
  unindexed(communityId: string, limit: number): Promise<RelatedRef[]>;
  /** Records that a member found their answer in an earlier item; false when already recorded today. */
  addReuse(communityId: string, memberId: string, ref: RelatedRef, at: Date): Promise<boolean>;
  /** Reuses recorded in a period. */
  reusesBetween(communityId: string, from: Date, to: Date): Promise<number>;
}
