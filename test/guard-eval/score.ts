import type { Guard } from "../../src/core/guard/guard-types";

export interface Score {
  messages: number;
  positives: number;
  recall: number;
  precision: number;
  fpr: number;
  /** Gold findings found (any predicted span overlapping), per kind of finding. */
  perCategory: Record<string, { found: number; total: number }>;
  /** Hard negatives flagged, per exception family. */
  falseAlarms: Record<string, { flagged: number; total: number }>;
}

export interface Gold {
  id: string;
  text: string;
  identifying: boolean;
  findings: { type: string; text: string }[];
  family?: string;
}

/** The scorer's rules (../shared/privacy/eval.mjs), in process: message-level recall and FPR, span-overlap recall per kind. */
export const score = (guard: Guard, corpus: Gold[]): Score => {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  const perCategory: Score["perCategory"] = {};
  const falseAlarms: Score["falseAlarms"] = {};
  for (const m of corpus) {
    const found = guard.inspect(m.text);
    const flagged = found.length > 0;
    if (m.identifying) {
      if (flagged) tp++;
      else fn++;
    } else {
      if (flagged) fp++;
      else tn++;
      const f = (falseAlarms[m.family ?? "negative"] ??= { flagged: 0, total: 0 });
      f.total++;
      if (flagged) f.flagged++;
    }
    for (const g of m.findings) {
      // Any occurrence of the gold text counts (a link's label and target repeat it).
      const spans: [number, number][] = [];
      for (let at = m.text.indexOf(g.text); at >= 0; at = m.text.indexOf(g.text, at + 1)) spans.push([at, at + g.text.length]);
      const c = (perCategory[g.type] ??= { found: 0, total: 0 });
      c.total++;
      if (found.some((f) => spans.some(([start, end]) => f.start < end && start < f.end))) c.found++;
    }
  }
  const ratio = (a: number, b: number) => (b === 0 ? 1 : a / b);
  return { messages: corpus.length, positives: tp + fn, recall: ratio(tp, tp + fn), precision: ratio(tp, tp + fp), fpr: fp + tn === 0 ? 0 : fp / (fp + tn), perCategory, falseAlarms };
};

const pct = (x: number) => x.toFixed(3);

export const formatScore = (s: Score): string[] => [
  `recall ${pct(s.recall)}  precision ${pct(s.precision)}  FPR ${pct(s.fpr)}  (${s.messages} messages, ${s.positives} identifying)`,
  ...Object.entries(s.perCategory).sort().map(([k, v]) => `  ${k.padEnd(18)} ${String(v.found).padStart(3)}/${String(v.total).padEnd(3)} ${pct(v.found / v.total)}`),
  ...Object.entries(s.falseAlarms).sort().filter(([, v]) => v.flagged > 0).map(([k, v]) => `  false alarms: ${k.padEnd(18)} ${v.flagged}/${v.total}`),
];
