import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** Where the shared evaluation folder sits: beside the repository, or where PEERLOOP_SHARED says. */
export const ROOT = path.resolve(import.meta.dirname, "../../..");
export const sharedDir = (): string => path.resolve(process.env.PEERLOOP_SHARED ?? path.join(ROOT, "../shared"));

export const readJsonl = <T>(file: string): T[] =>
  readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l, i) => {
    try {
      return JSON.parse(l) as T;
    } catch {
      throw new Error(`${file}:${i + 1} is not JSON`);
    }
  });

/** One labelled source written by one hand: its name (the file's, without .jsonl) and its rows. */
export interface Source<T> {
  name: string;
  file: string;
  rows: T[];
  /** A hand whose file the leave-one-hand-out protocol holds out in turn. */
  hand: boolean;
}

/** The .jsonl files of a folder, sorted, as sources. */
export const sourcesIn = <T>(dir: string, hand: boolean): Source<T>[] =>
  existsSync(dir)
    ? readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort().map((f) => ({ name: f.replace(/\.jsonl$/, ""), file: path.join(dir, f), rows: readJsonl<T>(path.join(dir, f)), hand }))
    : [];

/** Every occurrence of a gold span in its text (a link's label and target may repeat it). */
export const occurrences = (text: string, span: string): [number, number][] => {
  const out: [number, number][] = [];
  if (!span) return out;
  for (let at = text.indexOf(span); at >= 0; at = text.indexOf(span, at + 1)) out.push([at, at + span.length]);
  return out;
};

/** Recall and false-positive rate at the message level, as the shared scorers compute them. */
export const rates = (rows: { gold: boolean; flagged: boolean }[]) => {
  let tp = 0, fp = 0, fn = 0, tn = 0;
  for (const r of rows) {
    if (r.gold && r.flagged) tp++;
    else if (r.gold) fn++;
    else if (r.flagged) fp++;
    else tn++;
  }
  return { tp, fp, fn, tn, recall: tp + fn ? tp / (tp + fn) : 1, fpr: fp + tn ? fp / (fp + tn) : 0, precision: tp + fp ? tp / (tp + fp) : 1 };
};
