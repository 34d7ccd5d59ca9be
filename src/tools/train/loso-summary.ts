/** One held-out source's figures in a leave-one-source-out run. */
export interface LosoRow {
  held: string;
  posts: number;
  positives: number;
  recall: number;
  fpr: number;
  oracle?: number;
}

/** The source the tone targets calibrate on: plain community traffic, whose false-positive rate is the figure to watch. */
export const EVERYDAY = "everyday";

/**
 * The lines every leave-one-source-out run ends with: mean and worst recall over the sources left
 * out, mean FPR, and the everyday file's FPR on its own. A source with few positives (under 20) is
 * named, since its recall moves by a twentieth or more with one post.
 */
export const losoSummary = (rows: LosoRow[], label = "mean"): string => {
  const mean = (k: "recall" | "fpr" | "oracle") => rows.reduce((a, r) => a + (r[k] ?? 0), 0) / Math.max(1, rows.length);
  const worst = [...rows].sort((a, b) => a.recall - b.recall)[0];
  const everyday = rows.find((r) => r.held === EVERYDAY);
  const few = rows.filter((r) => r.positives < 20).map((r) => `${r.held} (${r.positives} flagged)`);
  return [
    `${label.padEnd(24)} recall ${mean("recall").toFixed(3)}  FPR ${mean("fpr").toFixed(3)}${rows.some((r) => r.oracle !== undefined) ? `   (best-threshold recall at 0.05, not a generalisation figure: ${mean("oracle").toFixed(3)})` : ""}`,
    `${"worst".padEnd(24)} recall ${worst ? `${worst.recall.toFixed(3)} (${worst.held})` : "-"}`,
    `${"everyday FPR".padEnd(24)} ${everyday ? `${everyday.fpr.toFixed(3)} (recall ${everyday.recall.toFixed(3)} of ${everyday.positives} flagged)` : "- (no everyday source)"}`,
    ...(few.length ? [`few positives, recall coarse: ${few.join(", ")}`] : []),
  ].join("\n");
};
