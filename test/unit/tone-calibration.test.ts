import { describe, expect, it } from "vitest";
import { postWords, reachesThreshold, shortPenalty } from "../../src/core/tone/short-prior";
import { calibrate, type LeftOutScore } from "../../src/tools/train/tone-calibration";

/** n posts of one source, all with the same score and length. */
const posts = (n: number, source: string, gold: boolean, logit: number, words: number): LeftOutScore[] =>
  Array.from({ length: n }, () => ({ source, gold, logit, words }));

describe("the tone check's calibration on sources left out", () => {
  it("holds the everyday traffic to its false-positive allowance, and pays for it with a short-post prior rather than recall", () => {
    // Plain short notes that a model scores high (its bias), long contempt it scores just as high.
    const scored = [
      ...posts(100, "everyday", false, -3, 20), ...posts(10, "everyday", false, 1, 3), ...posts(20, "everyday", true, 1.5, 20),
      ...posts(100, "a", false, -2, 25), ...posts(40, "a", true, 1, 25),
    ];
    const c = calibrate(scored);
    // Without a prior the ten short notes (9% of everyday's plain posts) force the threshold above a's contempt.
    expect(c.shortPrior.weight).toBeGreaterThan(0);
    const flagged = (s: LeftOutScore) => s.logit - shortPenalty(c.shortPrior, s.words) >= c.threshold;
    const fpr = (source: string) => scored.filter((s) => s.source === source && !s.gold && flagged(s)).length / scored.filter((s) => s.source === source && !s.gold).length;
    expect(fpr("everyday")).toBeLessThanOrEqual(0.02);
    expect(fpr("a")).toBeLessThanOrEqual(0.03);
    expect(c.recall).toBe(1);
  });

  it("counts a source without flagged posts for its false positives only", () => {
    const c = calibrate([...posts(50, "plain", false, 0, 30), ...posts(50, "a", false, -2, 30), ...posts(10, "a", true, 1, 30)]);
    expect(c.recall).toBe(1);
    expect(c.threshold).toBeGreaterThan(0);
  });
});

describe("the short-post prior", () => {
  it("counts words, not markup or mentions", () => {
    expect(postWords("congrats <@U123ABC>!! 🎉")).toBe(1);
  });

  it("asks more of a short post than of a long one at the same score", () => {
    const prior = { weight: 2, words: 15 };
    expect(reachesThreshold(0.7, 3, 0.55, prior)).toBe(false);
    expect(reachesThreshold(0.7, 20, 0.55, prior)).toBe(true);
  });
});
