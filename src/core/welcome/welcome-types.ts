/** The steps of a welcome, in order; "done" once the last is answered. */
export const WELCOME_STEPS = ["interests", "people", "sources", "notifications", "norms", "first-step"] as const;
export type WelcomeStep = (typeof WELCOME_STEPS)[number];

/** A member who left and comes back within this many days is not welcomed again. */
export const REJOIN_DAYS = 30;
/** How far back "the members who helped most" and "the most active tags" look. */
export const WELCOME_LOOKBACK_DAYS = 90;
/** How many people the people step suggests at most. */
export const PEOPLE_SUGGESTED = 5;

export interface WelcomeState {
  communityId: string;
  memberId: string;
  welcomedAt: Date;
  leftAt: Date | null;
  /** Grows each time /peerloop start reopens the welcome: an older message's buttons are then out of date. */
  round: number;
  step: WelcomeStep | "done";
  /** Each answered step: the values chosen ([] when skipped or nothing was offered). */
  answers: Partial<Record<WelcomeStep, string[]>>;
  finishedAt: Date | null;
}

export interface WelcomeSettings {
  enabled: boolean;
  /** The organisers' own line at the top of the welcome. */
  text: string | null;
  /** Where the community's norms are written out in full. */
  normsUrl: string | null;
}

export const DEFAULT_WELCOME_SETTINGS: WelcomeSettings = { enabled: true, text: null, normsUrl: null };

/** How a join went: welcomed now, or why not. */
export type JoinResult = "welcomed" | "already" | "rejoined" | "off";

export interface WelcomeRepository {
  /**
   * Claims the welcome for a member who joined, atomically (two join events at once welcome once):
   * "welcomed" for a first join, or a return more than `rejoinDays` after leaving (a fresh start);
   * "already" for a member already welcomed and still here; "rejoined" for a return within them
   * (the member is marked as here again, nothing is sent).
   */
  claim(communityId: string, memberId: string, now: Date, rejoinDays: number): Promise<Exclude<JoinResult, "off">>;
  /** /peerloop start: the welcome again from its first step, in a new round; created if there was none. */
  reopen(communityId: string, memberId: string, now: Date): Promise<WelcomeState>;
  get(communityId: string, memberId: string): Promise<WelcomeState | null>;
  /**
   * Records the answer to `step` and moves to `next`, only if this round's `step` was not answered
   * yet (false otherwise: a second press changes nothing). `next` "done" marks the welcome finished.
   */
  answer(communityId: string, memberId: string, round: number, step: WelcomeStep, values: string[], next: WelcomeStep | "done", now: Date): Promise<boolean>;
  /** The member left the community (the platform said so). */
  left(communityId: string, memberId: string, now: Date): Promise<void>;
  settings(communityId: string): Promise<WelcomeSettings>;
  updateSettings(communityId: string, patch: Partial<WelcomeSettings>): Promise<WelcomeSettings>;
}
