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

/** Which list an item was offered in: before the question went out, or in its thread after. */
export type RelatedTier = "before" | "thread";

/** Related items shown once to a member, with the global model's probability of each. */
export interface ShownSuggestion {
  id: string;
  memberId: string;
  tier: RelatedTier;
  threadId: string | null;
  items: (RelatedRef & { p: number })[];
  choice: "yes" | "no" | null;
  chosenRef: string | null;
}

/** What a community's members chose, as (probability, answered) pairs for fitting its own calibration. */
export interface ChoiceExample {
  p: number;
  yes: boolean;
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
  /** Records what a member was shown; returns its id (the buttons carry it). */
  recordShown(communityId: string, shown: Omit<ShownSuggestion, "choice" | "chosenRef">, at: Date): Promise<void>;
  /** A shown suggestion of this community, or null. */
  shown(communityId: string, id: string): Promise<ShownSuggestion | null>;
  /** Makes the member's choice on it, once: false when a choice was already made (nothing changes then). */
  choose(communityId: string, id: string, memberId: string, choice: "yes" | "no", chosenRef: string | null, at: Date): Promise<boolean>;
  /** The thread links on a question still waiting for a choice. */
  pendingThreadLinks(communityId: string, threadId: string): Promise<ShownSuggestion[]>;
  /** The question was resolved: its thread links not credited yet are passed over ("no"), or "yes" for the one credited. */
  settleThreadLinks(communityId: string, threadId: string, creditedRef: string | null, at: Date): Promise<void>;
  /** Every choice made in the community: each item shown with its probability, and whether it was the answer. */
  choices(communityId: string, limit: number): Promise<{ choices: number; examples: ChoiceExample[] }>;
  /** Suggestions shown in a period, and how many were accepted and passed over. */
  suggestionCounts(communityId: string, from: Date, to: Date): Promise<{ shown: number; accepted: number; passed: number }>;
}
