import type { Features } from "../text-model/feature-hash";
import type { WordClusters } from "../text-model/word-clusters";
import { CHALLENGE, CLIENT, COLLEAGUE, detectTone, DISTRESS, normalizeForTone, PROFESSION, SYSTEM } from "./detect-tone";
import type { ToneResult } from "./tone-types";

/**
 * The features of a post for the learned tone check. The wording decides, not the topic: each
 * sentence's words, word pairs and their classes (from pretrained vectors, so "monkeys" or "butler"
 * count like words of their kind that nobody listed), word shapes and emoji, whom each sentence is
 * about (clients, colleagues, the profession, a system, oneself), and what the rule-based reading
 * found (labels, scare quotes, eye-rolls, a slur quoted to challenge it, burnout and grief).
 */
export interface ToneFeatures {
  features: string[];
  /** The post-wide features (rules, emoji, quotes...), without any sentence's words. */
  global: string[];
  /** Sentences with where they start, for quoting the part that reads as disparaging. */
  sentences: { start: number; end: number; features: string[] }[];
  rules: ToneResult;
}

const TARGETS: [string, RegExp][] = [["client", CLIENT], ["colleague", COLLEAGUE], ["profession", PROFESSION], ["system", SYSTEM]];
const SELF = /\b(?:i|i'm|im|i've|me|my|myself|we|our|us)\b/;
const EMOJI = /\p{Extended_Pictographic}|:[a-z_]+:/gu;
const WORD = /[\p{L}][\p{L}\p{M}'’-]*/gu;

const sentencesOf = (text: string) => {
  const out: { start: number; end: number; text: string }[] = [];
  for (const m of text.matchAll(/[^.!?\n]+[.!?\n]*/g)) if (m[0].trim()) out.push({ start: m.index!, end: m.index! + m[0].length, text: m[0] });
  return out.length ? out : [{ start: 0, end: text.length, text }];
};

export const toneFeatures = (original: string, clusters: WordClusters): ToneFeatures => {
  const norm = normalizeForTone(original);
  const low = norm.toLowerCase();
  const rules = detectTone(original);
  const features: string[] = [];
  for (const s of rules.spans) features.push(`rule:${s.rule}`);
  if (rules.flagged) features.push(`rules:${rules.category}`);
  if (CHALLENGE.test(norm)) features.push("challenge");
  if (DISTRESS.test(norm)) features.push("distress");
  if (/\?/.test(norm)) features.push("question");
  if (/['"‘“][^'"’”\n]{2,40}['"’”]/.test(norm)) features.push("quotes");
  if (/[A-Z]{4,}/.test(norm)) features.push("shouting");
  for (const e of low.match(EMOJI) ?? []) features.push(`emoji:${e}`);
  const global = [...features];
  const sentences: ToneFeatures["sentences"] = [];
  for (const s of sentencesOf(low)) {
    const targets = TARGETS.filter(([, re]) => re.test(s.text)).map(([t]) => t);
    if (SELF.test(s.text)) targets.push("self");
    const words = [...s.text.matchAll(WORD)].map((m) => m[0].replace(/['’]s$/, ""));
    const local: string[] = [];
    words.forEach((w, i) => {
      local.push(`w:${w}`);
      if (i > 0) local.push(`b:${words[i - 1]}_${w}`);
      const cls = clusters.of(w);
      if (cls) {
        local.push(`cf:${cls.fine}`, `cc:${cls.coarse}`);
        const prev = i > 0 ? clusters.of(words[i - 1]!) : undefined;
        if (prev) local.push(`cb:${prev.coarse}_${cls.coarse}`);
      } else local.push("oov");
      if (w.length >= 5) local.push(`s4:${w.slice(-4)}`, `p4:${w.slice(0, 4)}`);
    });
    // Whom the sentence is about, and the emoji aimed there. (Every word joined with its sentence's
    // target was tried too: with a few hundred posts it only spread the same evidence thinner.)
    const aimed = targets.length ? targets : ["none"];
    const joined: string[] = [];
    for (const e of s.text.match(EMOJI) ?? []) for (const t of aimed) joined.push(`${t}&emoji:${e}`);
    const all = [...local, ...joined, ...targets.map((t) => `t:${t}`)];
    features.push(...all);
    sentences.push({ start: s.start, end: s.end, features: all });
  }
  return { features, global, sentences, rules };
};

/** A short post's squared length: shorter notes are not scaled up past it ("Great read" must not weigh like a whole post). */
const MIN_NORM = 60;

/** The model's input: each feature weighted so a post's vector has unit length (long posts do not shout). */
export const toneVector = (features: readonly string[]): Features => {
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  let norm = 0;
  for (const c of counts.values()) norm += c * c;
  const scale = 1 / Math.sqrt(Math.max(norm, MIN_NORM));
  return [...counts].map(([f, c]) => [f, c * scale] as const);
};

/**
 * The parts of a post the model reads: the whole post when it is as short as the posts it learned
 * from (four sentences or fewer), else overlapping windows of two sentences with the post-wide
 * features, so one contemptuous line in a long post is not diluted by paragraphs of case detail.
 * (Reading every sentence alone was tried: one sentence out of its post reads as contempt far too often.)
 */
export const toneWindows = (f: ToneFeatures): string[][] => {
  if (f.sentences.length <= 4) return [f.features];
  const out: string[][] = [];
  for (let i = 0; i + 2 <= f.sentences.length; i++) out.push([...f.global, ...f.sentences.slice(i, i + 2).flatMap((s) => s.features)]);
  return out;
};
