export type ThreadKind = "question" | "feedback";
export type ThreadStatus = "open" | "resolved";
export const OUTCOMES = ["resolved", "partly", "still_open"] as const;
export type ThreadOutcome = (typeof OUTCOMES)[number];

export interface Thread {
  id: string;
  communityId: string;
  kind: ThreadKind;
  text: string;
  tags: string[];
  askerId: string;
  status: ThreadStatus;
  outcome: ThreadOutcome | null;
  outcomeNote: string | null;
  resolvedAt: Date | null;
  channelId: string | null;
  messageRef: string | null;
  threadRef: string | null;
  replyCount: number;
  firstReplyAt: Date | null;
  surfaceCount: number;
  lastSurfacedAt: Date | null;
  nudgedAt: Date | null;
  createdAt: Date;
  /** The question or its resolution note was posted past the guard: never shown on the web. */
  guardOverride?: boolean;
}

export interface Reply {
  id: string;
  communityId: string;
  threadId: string;
  authorId: string;
  platformMessageId: string;
  channelId: string | null;
  text: string | null;
  isFollowUp: boolean;
  createdAt: Date;
  editedAt: Date | null;
  deletedAt: Date | null;
}

export type NewThread = Pick<Thread, "communityId" | "kind" | "text" | "tags" | "askerId" | "channelId" | "createdAt" | "guardOverride"> & {
  /** Chosen by the caller only where the order of ids must repeat (the related-answers evaluation fixture); else generated. */
  id?: string;
};

export type NewReply = Omit<Reply, "id" | "editedAt" | "deletedAt">;

export interface Resolution {
  outcome: ThreadOutcome;
  note: string | null;
  helperIds: string[];
  at: Date;
  /** The note was posted past the guard. */
  guardOverride?: boolean;
}

export interface ThreadRepository {
  create(input: NewThread): Promise<Thread>;
  get(communityId: string, id: string): Promise<Thread | null>;
  /** A thread by the platform reference of its card or of the platform thread started on it. */
  findByRef(communityId: string, ref: string): Promise<Thread | null>;
  attachPost(communityId: string, id: string, channelId: string, messageRef: string, threadRef: string): Promise<void>;
  /** Records a reply once per platform message; null when that message was already recorded. */
  addReply(input: NewReply): Promise<Reply | null>;
  findReply(communityId: string, platformMessageId: string): Promise<Reply | null>;
  editReply(communityId: string, platformMessageId: string, text: string | null, at: Date): Promise<Reply | null>;
  deleteReply(communityId: string, platformMessageId: string, at: Date): Promise<Reply | null>;
  /** Resolves an open thread; false when it was already resolved (a concurrent resolve won). */
  resolve(communityId: string, id: string, resolution: Resolution): Promise<boolean>;
  helpersOf(communityId: string, id: string): Promise<string[]>;
  openOf(communityId: string, askerId: string, limit: number): Promise<Thread[]>;
  /** Deletes a thread whose card never made it onto the platform; false if it was posted after all. */
  removeUnposted(communityId: string, id: string): Promise<boolean>;
}
