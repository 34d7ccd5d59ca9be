import type { Thread } from "../threads/thread-types";

/** Invitations a member gets a week unless they choose otherwise (`/notify invites <n>|off`). */
export const DEFAULT_INVITES_PER_WEEK = 2;
/** Members a question is offered to, at most, each once. */
export const INVITES_PER_QUESTION = 3;
/** How far back help counts: credits on questions resolved in the last 180 days. */
export const HELP_WINDOW_DAYS = 180;
/** Questions older than this are no longer offered (an upgrade does not invite people to last month's questions). */
export const ROUTE_WITHIN_DAYS = 7;

/** A member credited on resolved questions like this one: how many, on which of its tags, and how many related ones. */
export interface CreditedHelp {
  memberId: string;
  /** Distinct resolved questions credited to the member that share a tag with it or are related to it. */
  questions: number;
  /** Of those, per tag of the question: how many carry that tag. */
  byTag: Record<string, number>;
  /** Of those, how many the related-answers index found for it. */
  related: number;
  /** The latest resolution among them (more recent help ranks first among equals). */
  lastAt: Date;
}

/** A member who follows one of the question's tags. */
export interface TagFollower {
  memberId: string;
  tag: string;
}

/** Who may be invited, with what the limits and quiet hours need. Forgotten members and publishers never appear. */
export interface RoutableMember {
  id: string;
  externalId: string;
  displayName: string;
  timeZone: string | null;
  quietStart: number | null;
  quietEnd: number | null;
  /** null: the default. 0: off. */
  invitesPerWeek: number | null;
}

export interface Invitation {
  threadId: string;
  memberId: string;
  reason: string;
  invitedAt: Date;
  openedAt: Date | null;
  declinedAt: Date | null;
}

/** The result of trying to claim one invitation, decided under locks in the database. */
export type ClaimResult = "invited" | "answered" | "full" | "capped" | "taken";

export interface RouteRepository {
  /** Open questions asked in [askedAfter, askedBefore] with no reply from anyone but the asker, offered to fewer than `maxInvites` members. */
  due(communityId: string, askedAfter: Date, askedBefore: Date, maxInvites: number, limit: number): Promise<Thread[]>;
  /** Members credited on questions resolved since `since` that share a tag with `tags` or are among `relatedIds` (not `exceptThreadId`). */
  credited(communityId: string, tags: readonly string[], relatedIds: readonly string[], since: Date, exceptThreadId: string): Promise<CreditedHelp[]>;
  /** Members following any of `tags`, oldest follow first. */
  followers(communityId: string, tags: readonly string[]): Promise<TagFollower[]>;
  /** Those of `ids` who may be invited at all: present, not forgotten, not a publisher. */
  members(communityId: string, ids: readonly string[]): Promise<RoutableMember[]>;
  /** Every member who wrote in the question's thread (replies deleted or not, the asker's included). */
  repliers(communityId: string, threadId: string): Promise<string[]>;
  invitations(communityId: string, threadId: string): Promise<Invitation[]>;
  /** Invitations each of `memberIds` got since `since`. */
  sentSince(communityId: string, memberIds: readonly string[], since: Date): Promise<Map<string, number>>;
  /**
   * Claims one invitation inside the caller's transaction: locks the question, then the member, and
   * inserts the row only while the question is still open and unanswered, has fewer than `maxInvites`,
   * and the member got fewer than `weeklyCap` since `weekSince`. Replicas racing on it claim once.
   */
  claim(communityId: string, threadId: string, memberId: string, reason: string, at: Date, limits: { maxInvites: number; weeklyCap: number; weekSince: Date }): Promise<ClaimResult>;
  invitation(communityId: string, threadId: string, memberId: string): Promise<Invitation | null>;
  /** Records "Not for me"; false when it was already said (nothing changes). */
  decline(communityId: string, threadId: string, memberId: string, at: Date): Promise<boolean>;
  /** Records the first "Open the thread". */
  opened(communityId: string, threadId: string, memberId: string, at: Date): Promise<void>;
  setInvitesPerWeek(communityId: string, memberId: string, perWeek: number | null): Promise<void>;
  invitesPerWeek(communityId: string, memberId: string): Promise<number | null>;
  /** The community a question belongs to on a platform (a Discord DM's button carries no server). */
  communityOfThread(platform: string, threadId: string): Promise<string | null>;
}
