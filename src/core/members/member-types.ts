import type { Platform } from "../shared/context";

export const NOTIFY_FREQUENCIES = ["instant", "daily", "weekly", "off"] as const;
export type NotifyFrequency = (typeof NOTIFY_FREQUENCIES)[number];

export const WEB_ACCESS = ["members", "public", "off"] as const;
export type WebAccess = (typeof WEB_ACCESS)[number];
export const WEB_NAMES = ["full", "initials"] as const;
export type WebNames = (typeof WEB_NAMES)[number];

export const TONE_CHECK = ["on", "off", "moderators"] as const;
export type ToneCheckSetting = (typeof TONE_CHECK)[number];

export const SOURCES_BY = ["admins", "members"] as const;
export type SourcesBy = (typeof SOURCES_BY)[number];

export interface CommunitySettings {
  timeZone: string;
  roundupChannel: string | null;
  roundupDay: number; // ISO weekday, 1 = Monday
  roundupHour: number;
  unansweredHours: number;
  allowPostAnyway: boolean;
  notifyModerators: boolean;
  moderatorChannel: string | null;
  /** Who may read the library on the web: members by signed link, anyone, or nobody. */
  webAccess: WebAccess;
  /** Member names on public pages: as they are, or initials. */
  webNames: WebNames;
  /** The professional-tone nudge: on, off, or on and the moderators told (without a quote). */
  toneCheck: ToneCheckSetting;
  /** Who may /source add: admins, or every member. */
  sourcesBy: SourcesBy;
  /** Read shared links' pages for a title and description (the site learns the link was shared). */
  linkPreviews: boolean;
}

export interface Community extends CommunitySettings {
  id: string;
  platform: Platform;
  externalId: string;
  name: string;
}

export interface Member {
  id: string;
  communityId: string;
  externalId: string;
  displayName: string;
  isAdmin: boolean;
  notify: NotifyFrequency;
  timeZone: string | null;
  quietStart: number | null; // minutes after local midnight
  quietEnd: number | null;
}

export type MemberPatch = Partial<Pick<Member, "notify" | "timeZone" | "quietStart" | "quietEnd" | "displayName" | "isAdmin">>;

export interface CommunityRepository {
  /** Finds or creates the community for a workspace, guild or shell; keeps its name current. */
  upsert(platform: Platform, externalId: string, name: string): Promise<Community>;
  get(id: string): Promise<Community | null>;
  findByExternalId(platform: Platform, externalId: string): Promise<Community | null>;
  list(): Promise<Community[]>;
  updateSettings(id: string, patch: Partial<CommunitySettings>): Promise<Community>;
}

export interface MemberRepository {
  upsert(communityId: string, externalId: string, displayName: string, isAdmin: boolean): Promise<Member>;
  get(communityId: string, id: string): Promise<Member | null>;
  findByExternalId(communityId: string, externalId: string): Promise<Member | null>;
  /** A member by display name, case-insensitively (for helpers typed by name). */
  findByDisplayName(communityId: string, name: string): Promise<Member | null>;
  update(communityId: string, id: string, patch: MemberPatch): Promise<Member>;
  /** The community's admins as last seen (a platform's admin flag is refreshed on every command). */
  admins(communityId: string): Promise<Member[]>;
  /**
   * Forgets a member: their follows, digest items and settings go, their identity is replaced by
   * "a former member" (the row stays so their public posts keep an author). False if unknown.
   */
  forget(communityId: string, id: string, at: Date): Promise<boolean>;
}

/** The name every page and message shows for a member who used /peerloop forget-me. */
export const FORMER_MEMBER = "a former member";

export interface SubscriptionRepository {
  /** false when the member already followed the tag. */
  follow(communityId: string, memberId: string, tag: string, at: Date): Promise<boolean>;
  /** false when the member did not follow the tag. */
  unfollow(communityId: string, memberId: string, tag: string): Promise<boolean>;
  tagsOf(communityId: string, memberId: string): Promise<string[]>;
  /** Members following any of the tags, each once. */
  followersOf(communityId: string, tags: readonly string[]): Promise<Member[]>;
}

export interface TagRepository {
  /** Records tags as part of the community's vocabulary. */
  touch(communityId: string, tags: readonly string[], at: Date): Promise<void>;
}
