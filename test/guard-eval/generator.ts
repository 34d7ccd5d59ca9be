import { Rng } from "../support/seeded-random";
import { GIVEN, SURNAMES, TOWNS, WORD_NAMES, worldTowns } from "./sources";

/** One generated message with its gold labels, in the scorer's format (../shared/privacy/README.md). */
export interface Labeled {
  id: string;
  text: string;
  identifying: boolean;
  findings: { type: string; text: string }[];
  /** Which template family it came from: a category of finding, or the exception class of a hard negative. */
  family: string;
}

/** A seeded source of picks, so a batch regenerates byte for byte from its seed. */
export class Picks extends Rng {
  random(): number {
    return this.next();
  }
  first(): string {
    return this.pick(GIVEN);
  }
  last(): string {
    return this.pick(SURNAMES);
  }
  wordName(): string {
    return this.pick(WORD_NAMES);
  }
  town(): { town: string; state: string } {
    const [town, state] = this.pick(TOWNS);
    return { town, state };
  }
  digits(n: number): string {
    let s = String(this.int(1, 9));
    while (s.length < n) s += String(this.int(0, 9));
    return s;
  }
  /** A small town of a country. */
  worldTown(country: string): string {
    return this.pick(worldTowns(country));
  }
  /** A number drawn until it passes its specification's check. */
  valid(make: () => string, check: (compact: string) => boolean): string {
    for (let i = 0; i < 10_000; i++) {
      const s = make();
      if (check(s.replace(/[\s.-]/g, "").toUpperCase())) return s;
    }
    throw new Error("no valid number drawn in 10,000 tries");
  }
  letters(n: number): string {
    let s = "";
    while (s.length < n) s += "ABCDEFGHJKLMNPRSTUVWXYZ"[this.int(0, 22)];
    return s;
  }
}

/** A template writes one message and says which spans in it are identifying. */
export type Template = (p: Picks) => { text: string; findings?: [type: string, text: string][] };

export const generate = (name: string, seed: number, positives: Record<string, Template[]>, negatives: Record<string, Template[]>, count: number): Labeled[] => {
  const p = new Picks(seed);
  const out: Labeled[] = [];
  const families = (set: Record<string, Template[]>) => Object.entries(set).flatMap(([family, ts]) => ts.map((t) => [family, t] as const));
  const pos = families(positives), neg = families(negatives);
  // At least as many hard negatives as positives: every other message is a negative, and the rest too.
  for (let i = 0; i < count; i++) {
    const [family, template] = i % 2 === 0 ? pos[(i / 2) % pos.length]! : neg[((i - 1) / 2) % neg.length]!;
    const { text, findings = [] } = template(p);
    for (const [, span] of findings) if (!text.includes(span)) throw new Error(`template ${family}: "${span}" is not in "${text}"`);
    out.push({ id: `${name}-${String(i + 1).padStart(3, "0")}`, text, identifying: findings.length > 0, findings: findings.map(([type, t]) => ({ type, text: t })), family });
  }
  return out;
};
