import type { WordClusters } from "../text-model/word-clusters";
import { CHALLENGE, CLIENT, COLLEAGUE, detectTone, DISTRESS, normalizeForTone, PROFESSION, SYSTEM } from "./detect-tone";
import type { ToneResult } from "./tone-types";

/**
 * The features of a post for the learned tone check. The wording decides, not the topic, so the
 * features pair what is said with whom it is aimed at: each sentence's words and their classes
 * (from pretrained vectors, so "monkeys" or "butler" count like words of their kind nobody listed),
 * joined with the sentence's target (clients, colleagues, the profession, a system, oneself); word
 * pairs, word shapes and emoji; and what the rule-based reading found (labels, scare quotes,
 * eye-rolls, a slur quoted to challenge it, burnout and grief).
 */
export interface ToneFeatures {
  features: string[];
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
  const features: string[] = ["bias"];
  for (const s of rules.spans) features.push(`rule:${s.rule}`);
  if (rules.flagged) features.push(`rules:${rules.category}`);
  if (CHALLENGE.test(norm)) features.push("challenge");
  if (DISTRESS.test(norm)) features.push("distress");
  if (/\?/.test(norm)) features.push("question");
  if (/['"‘“][^'"’”\n]{2,40}['"’”]/.test(norm)) features.push("quotes");
  if (/[A-Z]{4,}/.test(norm)) features.push("shouting");
  for (const e of low.match(EMOJI) ?? []) features.push(`emoji:${e}`);
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
    // What is said, joined with whom the sentence is about.
    const aimed = targets.length ? targets : ["none"];
    const joined: string[] = [];
    for (const t of aimed) for (const f of local) if (!f.startsWith("b:")) joined.push(`${t}&${f}`);
    for (const e of s.text.match(EMOJI) ?? []) for (const t of aimed) joined.push(`${t}&emoji:${e}`);
    const all = [...local, ...joined, ...targets.map((t) => `t:${t}`)];
    features.push(...all);
    sentences.push({ start: s.start, end: s.end, features: all });
  }
  return { features, sentences, rules };
};
