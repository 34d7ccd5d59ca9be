import type { Community } from "../members/member-types";
import type { Outgoing } from "../shared/message";
import type { Repositories } from "../store";

export interface JobReport {
  community: Community;
  /** What this run queued for posting. */
  posted: string[];
  /** What it found but left, and why. */
  skipped: string[];
}

/** Queues a unit of work's messages in the caller's transaction; keys (per community) make each one unique forever. */
export const queue = (tx: Repositories, communityId: string, key: string, messages: Outgoing[], at: Date): Promise<void> =>
  tx.jobs.enqueue(messages.map((m, i) => ({
    communityId, audience: m.to, message: m.message, at,
    dedupeKey: `${communityId}:${key}:${m.to.kind === "member" ? `dm:${m.to.memberId}` : `${m.to.kind}:${i}`}`,
  })));
