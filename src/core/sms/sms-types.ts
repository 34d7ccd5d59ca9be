import type { Member } from "../members/member-types";

export const SMS_FREQUENCIES = ["instant", "daily", "off"] as const;
export type SmsFrequency = (typeof SMS_FREQUENCIES)[number];
export type PhoneStatus = "pending" | "confirmed" | "stopped" | "invalid";

/** A member's phone for text alerts: personal data, never shown whole to anyone, the member included. */
export interface MemberPhone {
  communityId: string;
  memberId: string;
  e164: string;
  status: PhoneStatus;
  frequency: SmsFrequency;
  confirmedAt: Date | null;
  codeSentAt: Date | null;
  lockedUntil: Date | null;
}

export type SmsConfirmResult = "confirmed" | "already" | "wrong" | "expired" | "locked" | "none";

/** Something a member's daily text summarises (a new resource or question on a followed tag). */
export interface SmsItem {
  id: string;
  kind: string;
  refId: string;
  tags: string[];
  createdAt: Date;
}

export interface SmsRepository {
  get(communityId: string, memberId: string): Promise<MemberPhone | null>;
  /** Whether the number is locked after too many wrong codes (in any community). */
  lockedUntil(e164: string, at: Date): Promise<Date | null>;
  /** Sets (or replaces) the member's number, pending, with a new code (stored hashed). */
  set(communityId: string, memberId: string, e164: string, codeHash: string, expiresAt: Date, at: Date): Promise<void>;
  /** Checks a code; the fifth wrong one locks the number for an hour. */
  confirm(communityId: string, memberId: string, codeHash: string, at: Date): Promise<SmsConfirmResult>;
  setFrequency(communityId: string, memberId: string, frequency: SmsFrequency): Promise<MemberPhone | null>;
  remove(communityId: string, memberId: string): Promise<boolean>;
  /** STOP from the number: texts stop for it in every community. Returns the members it reached. */
  stopNumber(e164: string, at: Date): Promise<{ communityId: string; memberId: string }[]>;
  /** START/UNSTOP: a stopped, confirmed number gets texts again. */
  startNumber(e164: string): Promise<number>;
  /** A permanent failure from the provider (opted out, not a mobile): texts stop; true the first time, to tell the member once. */
  markUndeliverable(communityId: string, memberId: string, status: "stopped" | "invalid", at: Date): Promise<boolean>;
  /** Confirmed, working numbers of these members. */
  confirmedFor(communityId: string, memberIds: readonly string[]): Promise<MemberPhone[]>;
  /** Takes one of the member's texts for the day; false when the day's cap is reached. */
  takeSlot(communityId: string, memberId: string, day: string, max: number): Promise<boolean>;
  addItems(items: readonly { communityId: string; memberId: string; kind: string; refId: string; tags: readonly string[]; createdAt: Date }[]): Promise<void>;
  pendingItems(communityId: string, memberId: string): Promise<SmsItem[]>;
  markItemsSent(communityId: string, ids: readonly string[], at: Date): Promise<void>;
  /** Confirmed numbers (of members not forgotten) with summary items waiting, with their members. */
  withPendingItems(communityId: string): Promise<{ member: Member; phone: MemberPhone }[]>;
}
