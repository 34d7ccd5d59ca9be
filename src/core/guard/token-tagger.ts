import { hashFeature } from "../text-model/feature-hash";
import type { LinearModel } from "../text-model/linear-model";
import type { WordClusters } from "../text-model/word-clusters";
import type { MessageView } from "./candidates";
import { mentionsClient, sentenceAround } from "./context";
import {
  isCommonWord, isDictionaryWord, isForeignWord, isGivenName, isKnownPlace, isNameLike, isNonName, isStopword, isSurname, isWorldPlace,
} from "./lexicon";
import type { Token } from "./tokens";

/**
 * A token tagger that proposes spans by itself, so the guard's recall is not capped by what the rules
 * and the capital-letter runs reach: "brianna", "Сергей", "Kağan" or "Oak Street" with nothing before
 * them a rule knows. An averaged perceptron (trained by `npm run guard:train`) reads each word's shape,
 * case, script, name and place lists, word class, its neighbours and the cue words around it (whose
 * detail this is: a client's, a colleague's, the author's family), and the tag it gave the word
 * before. Its spans join the rules' candidates; the candidate model decides, as for any other.
 */
export const TAGGER_BITS = 17;

const shape = (w: string) => w.replace(/\p{Lu}+/gu, "X").replace(/\p{Ll}+/gu, "x").replace(/\p{Lo}+/gu, "o").replace(/\p{N}+/gu, "d").slice(0, 6);
const scriptOf = (w: string): string =>
  /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff]/.test(w) ? "arabic" : /[\u0400-\u04ff]/.test(w) ? "cyrillic" : /[\u0370-\u03ff]/.test(w) ? "greek"
    : /[\u0590-\u05ff]/.test(w) ? "hebrew" : /[\u0900-\u097f]/.test(w) ? "devanagari" : /[\uac00-\ud7af\u1100-\u11ff]/.test(w) ? "hangul"
      : /[\u3040-\u30ff]/.test(w) ? "kana" : /[\u3400-\u9fff]/.test(w) ? "han" : /[\u0e00-\u0e7f]/.test(w) ? "thai" : /[^\x00-\x7f]/.test(w) ? "latin+" : "latin";

/** What one word is, without its neighbours: the part of a token's features its neighbours also read. */
const wordSelf = (t: Token, clusters: WordClusters): string[] => {
  const w = t.text.replace(/['’]s$/, "");
  const low = w.toLowerCase();
  const out = [`s:${shape(w)}`, `sc:${scriptOf(w)}`, `len:${Math.min(w.length, 12)}`];
  if (isDictionaryWord(w)) out.push("dict");
  if (isCommonWord(w)) out.push("common");
  if (isGivenName(w)) out.push("given");
  if (isSurname(w)) out.push("surname");
  if (isNameLike(w)) out.push("nameLike");
  if (isKnownPlace(w)) out.push("place");
  if (isWorldPlace(w)) out.push("world");
  if (isNonName(w)) out.push("nonName");
  if (isStopword(w)) out.push("stop");
  if (isForeignWord(w)) out.push("foreign");
  if (t.initial) out.push("initial");
  if (t.inLink) out.push("link");
  const cls = clusters.of(low);
  out.push(cls ? `cc:${cls.coarse}` : "oov");
  return out;
};

/** Each token's features (without the previous tag, which the tagger adds as it goes). */
export const tokenFeatures = (view: MessageView, clusters: WordClusters): string[][] => {
  const { tokens, text, cues } = view;
  const selves = tokens.map((t) => wordSelf(t, clusters));
  const messageClient = mentionsClient(text);
  let lastSentence = "", sentenceClient = false;
  return tokens.map((t, i) => {
    const w = t.text.replace(/['’]s$/, "").toLowerCase();
    const out = [`w:${w}`, `p3:${w.slice(0, 3)}`, `x3:${w.slice(-3)}`, `x2:${w.slice(-2)}`, ...selves[i]!];
    for (const rel of [-2, -1, 1, 2]) {
      const n = tokens[i + rel];
      if (!n) { out.push(`${rel}:none`); continue; }
      // The gap says whether the neighbour is in the same phrase ("Oak Street") or across a comma.
      const gap = rel < 0 ? text.slice(n.end, tokens[i + rel + 1]!.start) : text.slice(tokens[i + rel - 1]!.end, n.start);
      if (Math.abs(rel) === 1) out.push(`${rel}w:${n.text.toLowerCase()}`, `${rel}gap:${gap.trim().slice(0, 2) || "_"}`);
      for (const f of selves[i + rel]!) if (/^(?:s:|cc:|given|surname|place|dict|stop|nameLike)/.test(f)) out.push(`${rel}${f}`);
    }
    const digitsAfter = /^\s*,?\s*\(?\d{1,3}\b/.test(text.slice(t.end, t.end + 6));
    if (digitsAfter) out.push("ageAfter");
    if (/\d\s*$/.test(text.slice(Math.max(0, t.start - 4), t.start))) out.push("numBefore");
    for (const cue of cues) {
      if (cue.start < t.end && t.start < cue.end) { out.push(`in:${cue.cls}`); continue; }
      const before = t.start - cue.end, after = cue.start - t.end;
      if (before >= 0 && before <= 3) out.push(`cue-1:${cue.cls}`);
      else if (before > 3 && before <= 30) out.push(`cue-3:${cue.cls}`);
      if (after >= 0 && after <= 3) out.push(`cue+1:${cue.cls}`);
      else if (after > 3 && after <= 30) out.push(`cue+3:${cue.cls}`);
    }
    const sentence = sentenceAround(text, t.start, t.end);
    if (sentence !== lastSentence) [lastSentence, sentenceClient] = [sentence, mentionsClient(sentence)];
    out.push(`sclient:${sentenceClient}`, `mclient:${messageClient}`);
    const base = `s:${shape(t.text)}`;
    out.push(`${base}&init:${t.initial}`, `${base}&mclient:${messageClient}`);
    return out;
  });
};

/** A token's features hashed once, and the two sets the previous tag adds (untagged, tagged). */
export interface HashedToken {
  idx: Int32Array;
  prev: [Int32Array, Int32Array];
}

export const hashTokenFeatures = (view: MessageView, features: string[][], bits = TAGGER_BITS): HashedToken[] =>
  features.map((fs, i) => {
    const s = shape(view.tokens[i]!.text);
    const prev = (p: boolean) => Int32Array.from([`prev:${p}`, `prev:${p}&s:${s}`], (f) => hashFeature(f, bits));
    return { idx: Int32Array.from(fs, (f) => hashFeature(f, bits)), prev: [prev(false), prev(true)] };
  });

/** Scores tokens left to right; each token sees whether the tagger tagged the one before it. */
export const tagMargins = (weights: Float32Array | Float64Array, bias: number, hashed: HashedToken[]): number[] => {
  const margins: number[] = [];
  let previous = false;
  for (const t of hashed) {
    let s = bias;
    for (const j of t.idx) s += weights[j]!;
    for (const j of t.prev[previous ? 1 : 0]) s += weights[j]!;
    margins.push(s);
    previous = s > 0;
  }
  return margins;
};

export const tagWithModel = (model: LinearModel, view: MessageView, clusters: WordClusters): number[] =>
  tagMargins(model.weights, model.bias, hashTokenFeatures(view, tokenFeatures(view, clusters), model.bits));

/** Runs of tagged tokens in one phrase (no line break or sentence mark between them): the tagger's spans. */
export const taggedSpans = (view: MessageView, margins: readonly number[], cut = 0): { start: number; end: number; tokens: Token[]; margin: number }[] => {
  const { tokens, text } = view;
  const spans: { start: number; end: number; tokens: Token[]; margin: number }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!(margins[i]! > cut) || tokens[i]!.inLink) continue;
    const run = [tokens[i]!];
    let margin = margins[i]!;
    while (i + 1 < tokens.length && margins[i + 1]! > cut && run.length < 5 && /^[\s\p{Pd}.]{0,3}$/u.test(text.slice(tokens[i]!.end, tokens[i + 1]!.start)) && !text.slice(tokens[i]!.end, tokens[i + 1]!.start).includes("\n")) {
      i++;
      run.push(tokens[i]!);
      margin = Math.max(margin, margins[i]!);
    }
    const last = run.at(-1)!;
    spans.push({ start: run[0]!.start, end: last.end - (/['’]s$/.test(last.text) ? 2 : 0), tokens: run, margin });
  }
  return spans;
};
