import { normalizeForTone } from "./detect-tone";

/**
 * Short posts need strong evidence before a nudge. A share note of three words, "+1" or "congrats!!"
 * gives the model almost nothing to read, so its score is mostly the model's bias; on a busy
 * community's plain traffic those were most of the nudges that should not have been. The prior lowers
 * a post's log-odds by `weight` for a post with no words, falling linearly to nothing at `words`
 * words. Both numbers, and the threshold, are chosen by `npm run tone:train` on sources left out.
 */
export interface ShortPrior {
  weight: number;
  words: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’_-]*/gu;

/** The words of a post as the prior counts them (markup and mentions are not words). */
export const postWords = (text: string): number => (normalizeForTone(text).replace(/@m{3,}/g, " ").match(WORD) ?? []).length;

export const logOdds = (p: number): number => Math.log(Math.max(1e-9, p) / Math.max(1e-9, 1 - p));

/** How much the prior lowers a post's log-odds. */
export const shortPenalty = (prior: ShortPrior, words: number): number => prior.weight * Math.max(0, 1 - words / prior.words);

/** Whether a post of `words` words whose strongest part reads as contempt with `probability` is nudged. */
export const reachesThreshold = (probability: number, words: number, threshold: number, prior: ShortPrior): boolean =>
  logOdds(probability) - shortPenalty(prior, words) >= logOdds(threshold);
