/** A library link as the links job sees it. */
export interface LinkTarget {
  id: string;
  communityId: string;
  url: string;
  originalUrl: string;
  title: string | null;
  sharerId: string;
  /** A member to tell when it breaks (not a publisher, not a member who asked to be forgotten). */
  sharerCanBeTold: boolean;
  linkStatus: string;
  linkFailures: number;
  linkEtag: string | null;
  linkLastModified: string | null;
  previewAt: Date | null;
  brokenToldAt: Date | null;
}

export type LinkCheck =
  | { ok: true; etag: string | null; lastModified: string | null }
  /** `hard`: 404, 410, 5xx or a host that does not resolve; soft ones (timeouts, 403s to robots) are not counted. */
  | { ok: false; hard: boolean; reason: string };

export interface BrokenLink {
  id: string;
  url: string;
  title: string | null;
  sharerName: string;
  brokenAt: Date;
}

export interface LinkRepository {
  /** Links not checked since `checkedBefore`, oldest check first. */
  due(communityId: string, checkedBefore: Date, limit: number): Promise<LinkTarget[]>;
  /** Takes a link for checking: false when another run (or replica) checked it since `checkedBefore`. */
  claim(communityId: string, id: string, checkedBefore: Date, at: Date): Promise<boolean>;
  /** Records a check; the link is broken after two failures in a row, cleared by a success. */
  record(communityId: string, id: string, check: LinkCheck, at: Date): Promise<{ becameBroken: boolean; cameBack: boolean }>;
  markTold(communityId: string, id: string, at: Date): Promise<boolean>;
  /** Links that broke in [from, to), for the roundup. */
  brokenBetween(communityId: string, from: Date, to: Date, limit: number): Promise<BrokenLink[]>;
}
