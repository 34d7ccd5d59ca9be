import type { Member, NotifyFrequency } from "../members/member-types";
import type { DigestItem, NewDigestItem } from "../notifications/notification-types";

export interface MemberEmail {
  memberId: string;
  communityId: string;
  address: string;
  confirmedAt: Date | null;
  frequency: NotifyFrequency;
  roundup: boolean;
  failedAt: Date | null;
}

export type ConfirmResult = "confirmed" | "already" | "wrong" | "expired" | "locked" | "none";

/** An email digest item is a chat digest item kept for the member's email rhythm. */
export type NewEmailItem = NewDigestItem;
export type EmailItem = Omit<DigestItem, "sentAt">;

/** Members' addresses and what waits for their email digests; every call is scoped by community. */
export interface EmailRepository {
  get(communityId: string, memberId: string): Promise<MemberEmail | null>;
  /** Sets (or replaces) the address, unconfirmed, with a new confirmation code (stored hashed). */
  set(communityId: string, memberId: string, address: string, codeHash: string, codeExpiresAt: Date): Promise<void>;
  /** Checks a code against the stored hash; too many wrong tries lock the code. */
  confirm(communityId: string, memberId: string, codeHash: string, at: Date): Promise<ConfirmResult>;
  update(communityId: string, memberId: string, patch: Partial<Pick<MemberEmail, "frequency" | "roundup">>): Promise<MemberEmail | null>;
  remove(communityId: string, memberId: string): Promise<boolean>;
  /** A permanent delivery failure: email stops; true the first time (so the member is told once). */
  markFailed(communityId: string, memberId: string, at: Date): Promise<boolean>;
  /** Confirmed, working addresses of these members. */
  confirmedFor(communityId: string, memberIds: readonly string[]): Promise<MemberEmail[]>;
  /** Confirmed, working addresses that want the weekly roundup. */
  roundupRecipients(communityId: string): Promise<(MemberEmail & { member: Member })[]>;
  addItems(items: readonly NewEmailItem[]): Promise<void>;
  pendingItems(communityId: string, memberId: string): Promise<EmailItem[]>;
  markItemsSent(communityId: string, ids: readonly string[], at: Date): Promise<void>;
  /** Members with a confirmed address and email digest items waiting. */
  withPendingItems(communityId: string): Promise<{ member: Member; email: MemberEmail }[]>;
}
