export type DigestKind = "resource" | "thread" | "unanswered" | "answer";

export interface DigestItem {
  id: string;
  communityId: string;
  memberId: string;
  kind: DigestKind;
  refId: string;
  summary: string;
  createdAt: Date;
  sentAt: Date | null;
}

export type NewDigestItem = Omit<DigestItem, "id" | "sentAt">;

/** Notifications waiting for a member's daily or weekly digest. */
export interface DigestRepository {
  /** Adds items, ignoring any already queued for the same member, kind and reference. */
  add(items: readonly NewDigestItem[]): Promise<void>;
  pending(communityId: string, memberId: string): Promise<DigestItem[]>;
  markSent(communityId: string, ids: readonly string[], at: Date): Promise<void>;
  /** Drops queued items about something that no longer exists. */
  removeFor(communityId: string, refId: string): Promise<void>;
}
