export const TONE_CATEGORIES = ["client_disparagement", "profession_disparagement", "colleague_disparagement"] as const;
export type ToneCategory = (typeof TONE_CATEGORIES)[number];

/** The words that carry the contempt, where they are in the original text. */
export interface ToneSpan {
  start: number;
  end: number;
  text: string;
  /** Which rule found it, for the explanation and for tests. */
  rule: string;
}

export interface ToneResult {
  flagged: boolean;
  category: ToneCategory | null;
  spans: ToneSpan[];
}

/** Reads whether a post holds clients, colleagues or the profession in contempt. Pure and synchronous. */
export interface ToneCheck {
  inspect(text: string): ToneResult;
  /** Loads and checks its model now (the bot does this before it takes commands). */
  warm?(): void;
}
