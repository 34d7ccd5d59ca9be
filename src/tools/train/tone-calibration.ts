import { shortPenalty, type ShortPrior } from "../../core/tone/short-prior";
import { EVERYDAY } from "./loso-summary";

/** A post scored by a model that never read its source: its log-odds of contempt, and how long it is. */
export interface LeftOutScore {
  logit: number;
  gold: boolean;
  source: string;
  words: number;
}

/** The false-positive rate allowed on each source left out: plain community traffic is held tighter. */
export const EVERYDAY_FPR = 0.02;
export const OTHER_FPR = 0.03;

/** The short-post priors tried: no prior, and 1 to 5 log-odds off a wordless post, fading out by 6 to 30 words. */
export const PRIOR_GRID: ShortPrior[] = [0, 1, 2, 3, 5].flatMap((weight) => [6, 10, 15, 20, 30].map((words) => ({ weight, words })));

export interface Calibration {
  /** In log-odds, compared with the post's log-odds less the short-post penalty. */
  threshold: number;
  shortPrior: ShortPrior;
  /** Mean recall over the sources left out at that threshold (what the choice maximised). */
  recall: number;
}

/**
 * The threshold and short-post prior, chosen on posts whose source each model never read (one source
 * left out at a time): the lowest threshold at which every source's false-positive rate stays within
 * its allowance (EVERYDAY_FPR for the everyday traffic, OTHER_FPR for the rest), and, among the priors,
 * the one whose threshold keeps the most recall, averaged over sources. A source with no flagged posts
 * counts for its false positives only. Ties keep the earlier prior in PRIOR_GRID (the weaker one).
 */
export const calibrate = (scored: readonly LeftOutScore[]): Calibration => {
  const sources = [...new Set(scored.map((s) => s.source))].sort();
  let best: Calibration | undefined;
  for (const prior of PRIOR_GRID) {
    const adjusted = scored.map((s) => ({ ...s, z: s.logit - shortPenalty(prior, s.words) }));
    let threshold = -Infinity;
    for (const source of sources) {
      const negatives = adjusted.filter((s) => s.source === source && !s.gold).map((s) => s.z).sort((a, b) => b - a);
      const allowed = Math.floor(negatives.length * (source === EVERYDAY ? EVERYDAY_FPR : OTHER_FPR));
      if (allowed < negatives.length) threshold = Math.max(threshold, negatives[allowed]! + 1e-6);
    }
    const recalls = sources.map((source) => adjusted.filter((s) => s.source === source && s.gold)).filter((p) => p.length)
      .map((positives) => positives.filter((s) => s.z >= threshold).length / positives.length);
    const recall = recalls.reduce((a, r) => a + r, 0) / Math.max(1, recalls.length);
    if (!best || recall > best.recall) best = { threshold, shortPrior: prior, recall };
  }
  if (!best || !Number.isFinite(best.threshold)) throw new Error("cannot calibrate the tone check: no source left out has plain posts");
  return best;
};
