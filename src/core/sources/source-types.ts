import type { Member } from "../members/member-types";
import type { Resource } from "../resources/resource-types";

/** A publisher: a site's feed whose new items join the library. */
export interface Source {
  id: string;
  communityId: string;
  name: string;
  siteUrl: string;
  feedUrl: string;
  tags: string[];
  addedBy: string;
  /** Where it was added: where its few daily cards are posted. */
  channelId: string | null;
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: Date | null;
  nextPollAt: Date;
  pollingUntil: Date | null;
  failures: number;
  failingSince: Date | null;
  lastError: string | null;
  pausedAt: Date | null;
  postedDay: string | null;
  postedCount: number;
  createdAt: Date;
}

export type NewSource = Pick<Source, "communityId" | "name" | "siteUrl" | "feedUrl" | "tags" | "addedBy" | "channelId" | "createdAt">;

export type PollPatch = Partial<Pick<Source, "pollingUntil" | "etag" | "lastModified" | "lastPolledAt" | "nextPollAt" | "failures" | "failingSince" | "lastError" | "pausedAt" | "postedDay" | "postedCount">>;

export interface SourceRepository {
  /** null when the community already has a source with this feed or this name. */
  create(input: NewSource): Promise<Source | null>;
  list(communityId: string): Promise<Source[]>;
  findByName(communityId: string, name: string): Promise<Source | null>;
  findByFeed(communityId: string, feedUrl: string): Promise<Source | null>;
  get(communityId: string, id: string): Promise<Source | null>;
  remove(communityId: string, id: string): Promise<boolean>;
  update(communityId: string, id: string, patch: PollPatch): Promise<void>;
  /**
   * Sources to poll now: not paused, and due (or, with `force`, healthy ones whatever their interval:
   * a failing source always waits out its back-off and any Retry-After).
   */
  due(communityId: string, now: Date, force: boolean, limit: number): Promise<Source[]>;
  /** Takes a poll for `leaseMs`, so another replica's run does not poll the same feed at once. */
  claimPoll(id: string, now: Date, force: boolean, leaseMs: number): Promise<boolean>;
  /** The member row a source shares under (created once), so cards and the library can say who published it. */
  publisher(source: Source): Promise<Member>;
  /** Records a feed item as seen; false when it was seen before (exactly once, across replicas). */
  markSeen(sourceId: string, guid: string, resourceId: string | null, at: Date): Promise<boolean>;
  /** The resource an item (by guid) became, if any. */
  seenResource(sourceId: string, guid: string): Promise<string | null | undefined>;
  follow(memberId: string, sourceId: string, at: Date): Promise<boolean>;
  unfollow(memberId: string, sourceId: string): Promise<boolean>;
  followersOf(communityId: string, sourceId: string): Promise<Member[]>;
  /** Names of the sources a member follows. */
  followedBy(communityId: string, memberId: string): Promise<string[]>;
}

/** What the sources job does with a feed item's link that is already in the library. */
export interface LibraryMerge {
  resource: Resource;
  created: boolean;
}
