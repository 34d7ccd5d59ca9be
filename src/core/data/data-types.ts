import type { Community } from "../members/member-types";
import type { ExportDocument, ExportFollow, ExportMember, ExportMemberFollow, ExportResource, ExportRoundup, ExportSource, ExportSourceFollow, ExportThread } from "./export-document";

/** Reads a community's records in bounded batches, so an export of any size runs in flat memory. */
export interface CommunityDataSource {
  community(id: string): Promise<Community | null>;
  members(communityId: string): AsyncIterable<ExportMember[]>;
  resources(communityId: string): AsyncIterable<ExportResource[]>;
  threads(communityId: string): AsyncIterable<ExportThread[]>;
  roundups(communityId: string): AsyncIterable<ExportRoundup[]>;
  follows(communityId: string): AsyncIterable<ExportFollow[]>;
  /** Publishers, members following members, members following publishers. */
  sources(communityId: string): AsyncIterable<ExportSource[]>;
  memberFollows(communityId: string): AsyncIterable<ExportMemberFollow[]>;
  sourceFollows(communityId: string): AsyncIterable<ExportSourceFollow[]>;
  /** The big tables' records as JSON text, written through as they come (the JSON export's fast path). */
  resourceDocs?(communityId: string): AsyncIterable<string[]>;
  threadDocs?(communityId: string): AsyncIterable<string[]>;
}

/** A link shared in a platform's history, as an import brings it in. */
export interface HistoricalShare {
  /** Unique per message ("slack:C1:1700000000.000100", "discord:123…"), so a re-run skips it. */
  sourceKey: string;
  url: string;
  originalUrl: string;
  note: string | null;
  tags: string[];
  sharer: { externalId: string; displayName: string };
  sharedAt: Date;
  channelId: string | null;
}

export interface RestoreCounts {
  members: number;
  resources: number;
  threads: number;
  roundups: number;
  follows: number;
  sources: number;
}

/** Writes imports: each share once (marked by its source key), each restore idempotent. */
export interface CommunityDataSink {
  /** The source keys among these that an earlier run already brought in. */
  imported(communityId: string, keys: string[]): Promise<Set<string>>;
  /** Adds the share (or counts it as a re-share of the same link) and marks its key, atomically. */
  importShare(communityId: string, share: HistoricalShare): Promise<"added" | "merged" | "seen">;
  /** Restores a Peerloop export into the community: records already there (same link, same thread) are kept. */
  restore(communityId: string, doc: ExportDocument): Promise<RestoreCounts>;
}
