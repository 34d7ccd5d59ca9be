import type { Community } from "../members/member-types";
import type { ResourceHit } from "../resources/resource-types";
import type { RoundupIssue } from "../roundups/roundup-types";
import type { Thread, ThreadStatus } from "../threads/thread-types";

export const LIBRARY_SORTS = ["relevance", "endorsed", "newest"] as const;
export type LibrarySort = (typeof LIBRARY_SORTS)[number];

/** Counting stops here: a page says "1000+" rather than count a large library on every view. */
export const COUNT_CAP = 1000;

export interface LibraryQuery {
  text: string;
  tags: string[];
  sort: LibrarySort;
  /** Only links the weekly check found broken (for someone to replace). */
  broken?: boolean;
  offset: number;
  limit: number;
  now: Date;
}

export interface LibraryPage {
  hits: ResourceHit[];
  /** Matches, counted up to a cap (COUNT_CAP, or the ranked candidates of a search). */
  total: number;
  /** There are more matches than `total`. */
  capped: boolean;
}

export interface ArchivedThread extends Thread {
  askerName: string;
  helperNames: string[];
}

export interface ReplyView {
  authorName: string;
  text: string;
  createdAt: Date;
}

/** The web's read side; every call is scoped by community, and returns only what the guard let through. */
export interface SiteRepository {
  library(communityId: string, q: LibraryQuery): Promise<LibraryPage>;
  resource(communityId: string, id: string): Promise<ResourceHit | null>;
  threads(communityId: string, status: ThreadStatus, offset: number, limit: number): Promise<{ threads: ArchivedThread[]; total: number }>;
  thread(communityId: string, id: string): Promise<(ArchivedThread & { replies: ReplyView[] }) | null>;
  roundupIssues(communityId: string, offset: number, limit: number): Promise<RoundupIssue[]>;
  roundupIssue(communityId: string, period: string): Promise<RoundupIssue | null>;
  resourcesByIds(communityId: string, ids: string[]): Promise<ResourceHit[]>;
  threadsByIds(communityId: string, ids: string[]): Promise<ArchivedThread[]>;
  memberNames(communityId: string, ids: string[]): Promise<Map<string, string>>;
  /** The community's tags, alphabetically (bounded). */
  tags(communityId: string, limit: number): Promise<string[]>;
  /** A member who may hold a web session: known, not forgotten. */
  activeMember(communityId: string, memberId: string): Promise<{ displayName: string; isAdmin: boolean } | null>;
  community(id: string): Promise<Community | null>;
}

/** Secrets generated once per deployment and shared by every replica through the database. */
export interface SecretRepository {
  getOrCreate(key: string, make: () => string): Promise<string>;
}

/** Signed links the bot hands out; the web adapter implements them, commands only ask. */
export interface WebLinks {
  /** The community's web address (what public pages and roundups link to). */
  communityUrl(communityId: string): string;
  /** A member's sign-in link, valid for a limited time. */
  memberLink(communityId: string, memberId: string, landing?: "health"): Promise<{ url: string; expiresAt: Date }>;
  /** An admin's private download of the community's data, or any member's of their own ("mine"). */
  exportLink(communityId: string, memberId: string, format: ExportFormat | "mine"): Promise<{ url: string; expiresAt: Date }>;
}

export const EXPORT_FORMATS = ["json", "csv", "md"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
