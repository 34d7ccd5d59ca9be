export interface Resource {
  id: string;
  communityId: string;
  url: string;
  originalUrl: string;
  title: string | null;
  note: string | null;
  tags: string[];
  sharerId: string;
  channelId: string | null;
  messageRef: string | null;
  reshareCount: number;
  endorsementCount: number;
  createdAt: Date;
  /** Posted past the guard by its author's choice: never shown on the web. */
  guardOverride?: boolean;
  /** The page's own description and site name, from its preview. */
  description?: string | null;
  siteName?: string | null;
  /** When the preview was read (null: not yet, or it failed and is tried again). */
  previewAt?: Date | null;
  /** The publisher a feed item came from. */
  sourceId?: string | null;
  /** "broken" once the link failed two checks in a row. */
  linkStatus?: string;
}

export interface ResourceHit extends Resource {
  sharerName: string;
}

export type NewResource = Omit<Resource, "id" | "messageRef" | "reshareCount" | "endorsementCount"> & {
  /** Chosen by the caller only where the order of ids must repeat (the related-answers evaluation fixture); else generated. */
  id?: string;
};

export interface SearchQuery {
  text: string;
  tags: string[];
  limit: number;
  now: Date;
}

/** The storage port the resource service needs; every call is scoped by community. */
export interface ResourceRepository {
  /** The tags most used on the latest resources and questions, and most followed: what a tag picker offers. */
  popularTags?(communityId: string, limit: number): Promise<string[]>;
  findByUrl(communityId: string, url: string): Promise<Resource | null>;
  get(communityId: string, id: string): Promise<Resource | null>;
  create(input: NewResource): Promise<Resource>;
  /** Counts a re-share and merges new tags into the existing resource. */
  recordReshare(communityId: string, id: string, tags: string[]): Promise<Resource>;
  attachPost(communityId: string, id: string, channelId: string, messageRef: string): Promise<void>;
  /** Adds one endorsement; false when this member had already endorsed it. */
  endorse(communityId: string, id: string, memberId: string, at: Date): Promise<boolean>;
  search(communityId: string, query: SearchQuery): Promise<ResourceHit[]>;
  /** Deletes a resource whose card never made it onto the platform; false if it was posted after all. */
  removeUnposted(communityId: string, id: string): Promise<boolean>;
  /** A publisher's feed brought a link already in the library: its tags join, and the publisher is noted. */
  mergeFromSource(communityId: string, id: string, sourceId: string, tags: string[]): Promise<void>;
  /** A feed item moved to a new address: the resource follows it, unless that address is already in the library. */
  moveUrl(communityId: string, id: string, url: string, originalUrl: string): Promise<boolean>;
  /** Stores what a link's page says about itself; a member-given title is never replaced. */
  setPreview(communityId: string, id: string, preview: { title: string | null; description: string | null; siteName: string | null }, at: Date): Promise<Resource | null>;
}
