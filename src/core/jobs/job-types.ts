import type { Member } from "../members/member-types";
import type { Audience, Message } from "../shared/message";
import type { Thread } from "../threads/thread-types";

export interface OutboxItem {
  id: string;
  communityId: string;
  dedupeKey: string;
  audience: Audience;
  message: Message;
  attempts: number;
}

export interface NewOutboxItem {
  communityId: string;
  /** One message per key, ever: a job that runs twice cannot queue a second copy. */
  dedupeKey: string;
  audience: Audience;
  message: Message;
  at: Date;
}

/** Claims on units of scheduled work and the outbox of what they post. */
export interface JobRepository {
  /** Inserts the unique claim row; false when another run (or replica) already holds it. */
  claim(job: string, communityId: string, period: string, at: Date): Promise<boolean>;
  /** Whether the unit was already claimed: a cheap look before expensive work (the claim still decides). */
  claimed(job: string, communityId: string, period: string): Promise<boolean>;
  finish(job: string, communityId: string, period: string, at: Date, summary: Record<string, unknown>): Promise<void>;
  enqueue(items: readonly NewOutboxItem[]): Promise<void>;
  /**
   * Takes up to `limit` due messages for `leaseMs`, so no other sender takes them meanwhile: every
   * message of `communityIds`, and only the emails and texts (`sideKinds`) of `sideOnlyIds`
   * (communities whose platform this process cannot post to), so nothing is leased that only another
   * process can send.
   */
  lease(now: Date, limit: number, leaseMs: number, communityIds?: readonly string[], sideOnlyIds?: readonly string[], sideKinds?: readonly string[]): Promise<OutboxItem[]>;
  markSent(id: string, messageRef: string, at: Date): Promise<void>;
  markFailed(id: string, error: string, retryAt: Date | null): Promise<void>;
  pendingCount(communityIds?: readonly string[]): Promise<number>;
  /** Deletes delivered or given-up outbox rows settled before `outboxBefore`, and run claims before `runsBefore`. */
  prune(outboxBefore: Date, runsBefore: Date): Promise<{ outbox: number; runs: number }>;
}

export interface FollowupRepository {
  /** Open threads with no reply from anyone but the asker, created before `createdBefore`, surfaced fewer than `maxSteps` times. */
  unanswered(communityId: string, createdBefore: Date, maxSteps: number, limit: number): Promise<Thread[]>;
  /** Claims surfacing step `step` of a thread; false when it was already taken. */
  claimSurfacing(communityId: string, threadId: string, step: number, at: Date): Promise<boolean>;
  /** Open threads with replies from others, created before `createdBefore`, whose asker was never nudged. */
  needingNudge(communityId: string, createdBefore: Date, limit: number): Promise<Thread[]>;
  claimNudge(communityId: string, threadId: string, at: Date): Promise<boolean>;
  /** Members with digest items waiting. */
  withPendingDigests(communityId: string): Promise<Member[]>;
}
