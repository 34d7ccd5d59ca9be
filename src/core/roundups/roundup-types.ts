import type { Resource } from "../resources/resource-types";
import type { Thread } from "../threads/thread-types";

export interface WeekCounts {
  resources: number;
  questions: number;
  resolved: number;
  replies: number;
  /** Questions a member found answered in the archive ("This answers it") instead of asking again. */
  reused?: number;
}

/** The roundup's last line: whether questions asked in the week got answers, and how fast. */
export interface FeedbackLoop {
  asked: number;
  answered: number;
  medianFirstReplyMinutes: number | null;
}

export interface WeekActivity {
  /** Resources shared in the window, most endorsed first. */
  resources: (Resource & { sharerName: string })[];
  /** Questions and feedback requests resolved in the window, with the helpers credited. */
  resolved: (Thread & { askerName: string; helperNames: string[] })[];
  /** Threads still open at the end of the window, oldest first. */
  open: (Thread & { askerName: string })[];
  /** Members who replied to someone else's thread in the window, busiest first. */
  helpers: { memberId: string; name: string; replies: number }[];
  /** Tags used on resources and threads created in the window, most used first. */
  tags: { tag: string; count: number }[];
  /** The channel with the most shares, questions and replies in the window. */
  busiestChannel: string | null;
}

export interface RoundupRepository {
  activity(communityId: string, from: Date, to: Date, limit: number): Promise<WeekActivity>;
  counts(communityId: string, from: Date, to: Date): Promise<WeekCounts>;
  /** Of the questions asked in the window: how many, how many answered, the median minutes to a first reply. */
  feedbackLoop?(communityId: string, from: Date, to: Date): Promise<FeedbackLoop>;
  /** Keeps a posted roundup for the web archive and the export (once per week; a repeat is ignored). */
  saveIssue(issue: RoundupIssue): Promise<void>;
}

/** A posted roundup as the archive keeps it: the week, its counts and which records it listed. */
export interface RoundupIssue {
  communityId: string;
  period: string;
  from: Date;
  to: Date;
  channelId: string | null;
  counts: WeekCounts;
  previous: WeekCounts;
  resourceIds: string[];
  resolvedIds: string[];
  openIds: string[];
  helpers: { memberId: string; replies: number }[];
  tags: { tag: string; count: number }[];
}
