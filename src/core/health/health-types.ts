/** The windows organisers can choose, in days. */
export const HEALTH_WINDOWS = [7, 30, 90] as const;
export type HealthWindow = (typeof HEALTH_WINDOWS)[number];

/**
 * What each figure means: written once here (the page shows these, the README quotes them). A
 * window is the N days ending at the figures' time; question figures follow the questions asked in
 * the window, whenever their replies came ("of the questions asked in the window, …").
 */
export const FIGURE_DEFINITIONS = {
  questions_asked: "Questions and feedback requests posted in the window.",
  questions_answered: "Of those, how many have at least one reply from someone other than the asker (deleted replies do not count).",
  questions_resolved: "Of those, how many the asker (or an admin) marked resolved.",
  answered_within_24h_share: "Of the questions asked at least 24 hours before the figures' time, the share whose first reply came within 24 hours (exactly 24 h counts).",
  median_first_reply_minutes: "Median minutes from asking to the first reply, over the answered questions.",
  p90_first_reply_minutes: "90th percentile of the same: nine in ten answered questions had their first reply within this many minutes.",
  open_backlog: "Questions not resolved now, whenever they were asked (with the tag, if one is chosen), by age.",
  surfaced_then_answered_share: "Of the questions asked in the window that the unanswered job surfaced, the share whose first reply came within 48 hours after the first surfacing.",
  nudged_then_resolved_share: "Of the questions whose asker was nudged to close the loop, the share resolved since.",
  helpers: "Members other than the asker who replied to questions asked in the window.",
  top3_helper_share: "The share of answers given by the three busiest helpers; an answer is one member's replies to one question, counted once.",
  shares: "Resources shared into the library in the window (members' and trusted sources').",
  endorsements: "Endorsements given in the window.",
  web_opens: "Resource pages opened on the web library in the window (the whole community: opens are not counted by tag).",
  broken_links: "Library links now marked broken by the weekly link check.",
  reused_answers: "Times a member found an earlier answer (\"This answers it\") instead of asking again, in the window.",
  suggestions_shown: "Times related answers were offered to a member in the window: before their question went out, or as \"Maybe related\" links on its card.",
  suggestions_accepted: "Of those, how many the member said answered it (\"This answers it\", or a link credited by the asker).",
  suggestions_passed: "Of those, how many the member passed over (\"Post my question\", or the question resolved without the links).",
  active_members: "Members who posted, replied or endorsed in the last 7 days of the window (the community's local days).",
  new_members: "Members who joined in the window.",
  quiet_following: "Members who follow a tag but did not post, reply or endorse in the window.",
  finished_welcome: "Of the members welcomed in the window, the share who went through every step of the welcome (skipping counts as an answer).",
  first_post_within_7d: "Of the members who joined in the window at least 7 days before the figures' time, the share whose first post (a share, a question or a reply) came within 7 days of joining.",
  invitations_sent: "Invitations to answer that the route job sent members privately in the window (for questions with the tag, if one is chosen).",
  answered_by_invited_24h: "Of the questions asked in the window that were offered privately to members, the share that an invited member replied to within 24 hours of their invitation.",
  median_first_reply_minutes_routed: "Median minutes from asking to the first reply, over the answered questions asked in the window that were offered privately to members.",
  median_first_reply_minutes_not_routed: "The same, over the answered questions asked in the window that were never offered privately.",
} as const;
export type FigureKey = keyof typeof FIGURE_DEFINITIONS;

export interface HealthQuery {
  communityId: string;
  days: HealthWindow | number;
  /** Only questions and resources with this tag (member figures stay community-wide). */
  tag?: string;
  /** The end of the window. */
  to: Date;
}

export interface BacklogBucket {
  label: string;
  count: number;
}

export interface HelperLoad {
  /** The member's name when their people privacy lets them be listed; otherwise null ("a member"). */
  name: string | null;
  answers: number;
}

export interface WeekPoint {
  /** The Monday the week starts on, in the community's time zone (YYYY-MM-DD). */
  week: string;
  asked: number;
  answered: number;
  resolved: number;
  medianFirstReplyMinutes: number | null;
}

/** The figures for one window, as the page, the command, the CLI (JSON) and the roundup read them. */
export interface HealthFigures {
  questions_asked: number;
  questions_answered: number;
  questions_resolved: number;
  answered_within_24h_share: number | null;
  median_first_reply_minutes: number | null;
  p90_first_reply_minutes: number | null;
  open_backlog: number;
  backlog_by_age: BacklogBucket[];
  surfaced_then_answered_share: number | null;
  nudged_then_resolved_share: number | null;
  helpers: number;
  top3_helper_share: number | null;
  top_helpers: HelperLoad[];
  shares: number;
  endorsements: number;
  web_opens: number | null;
  broken_links: number;
  reused_answers: number;
  suggestions_shown: number;
  suggestions_accepted: number;
  suggestions_passed: number;
  active_members: number;
  new_members: number;
  quiet_following: number;
  /** Share, 0 to 1; null when nobody was welcomed in the window. */
  finished_welcome: number | null;
  /** Share, 0 to 1; null when nobody joined early enough in the window. */
  first_post_within_7d: number | null;
  invitations_sent: number;
  answered_by_invited_24h: number | null;
  median_first_reply_minutes_routed: number | null;
  median_first_reply_minutes_not_routed: number | null;
  weekly: WeekPoint[];
}

export interface HealthReport extends HealthFigures {
  window: { days: number; from: string; to: string; tag: string | null };
  /** When the health job last read the community: figures include everything up to then. */
  as_of: string | null;
}

export interface HealthRepository {
  /**
   * Reads what changed since the last run into the rollups (all of it the first time). Returns how
   * many questions and activity days it read.
   */
  refresh(communityId: string, timeZone: string, now: Date): Promise<{ questions: number; days: number; backfilled: boolean }>;
  /** When the rollups were last refreshed, or null if never. */
  refreshedAt(communityId: string): Promise<Date | null>;
  figures(q: HealthQuery, timeZone: string): Promise<HealthFigures>;
  /** Figures already computed for a window as of a run (`previous`: the period before it). */
  savedFigures(communityId: string, asOf: Date, days: number, tag: string, previous: boolean): Promise<HealthFigures | null>;
  /** Keeps computed figures for that run; a newer run's first save drops the older ones. */
  saveFigures(communityId: string, asOf: Date, days: number, tag: string, previous: boolean, figures: HealthFigures): Promise<void>;
  /** A resource page was opened on the web. */
  countWebOpen(communityId: string, day: string): Promise<void>;
}
