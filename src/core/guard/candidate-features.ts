import type { Features } from "../text-model/feature-hash";
import type { WordClusters } from "../text-model/word-clusters";
import type { Candidate, MessageView } from "./candidates";
import { EVENT_CUE, mentionsClient, PERSON_PRONOUN, sentenceAround } from "./context";
import { CUE_CLASS_NAMES, type CueClass } from "./cue-words";
import { COMBINATION_CUES, PERSONAL_EVENT_ML } from "./detect-multilingual";
import { guessLanguage } from "./language-guess";
import {
  isCommonWord, isDictionaryWord, isForeignWord, isGivenName, isKnownPlace, isNameLike, isNonName, isPublicFigure, isRegionName, isStopword,
  isSurname, isWorldPlace,
} from "./lexicon";
import {
  ADDRESSED, AGE_AFTER, CITATION_AFTER, CLERGY_BEFORE, FICTION, MEDIUM_AFTER, MEDIUM_BEFORE, NOT_CLIENT_BEFORE, ORG_AFTER, OWN_FAMILY_BEFORE,
  PERSON_PREPOSITION, PET, PLACE_BEFORE, PRODUCT_AFTER, PRODUCT_BEFORE, PROFESSIONAL_NEAR, STRONG_AFTER, STRONG_BEFORE,
} from "./name-context";
import { nameEvidence } from "./name-evidence";
import type { Token } from "./tokens";

/**
 * The features of one candidate span: what its words are (shape, dictionaries of five languages, name
 * and place lists, word classes from pretrained vectors), what stands around it (neighbouring words
 * and their classes, cue words of any language by role), what the rules said, and what the message
 * is (a client narrative, a role-play, a shout-out). Feature names are strings hashed into the model.
 */
export interface MessageContext {
  view: MessageView;
  lang: string;
  /** Cue classes present anywhere in the message. */
  cues: Set<CueClass>;
  client: boolean;
  fiction: boolean;
  combination: string[];
}

export const messageContext = (view: MessageView): MessageContext => {
  const { text } = view;
  return {
    view,
    lang: guessLanguage(text),
    cues: new Set(view.cues.map((c) => c.cls)),
    client: mentionsClient(text) || view.cues.some((c) => c.cls === "client"),
    fiction: FICTION.test(text) || view.cues.some((c) => c.cls === "fiction"),
    combination: Object.entries(COMBINATION_CUES).filter(([, re]) => re.test(text)).map(([k]) => k),
  };
};

const shapeOf = (w: string) => (/\d/.test(w) ? "d" : /^\p{Lu}\p{Ll}/u.test(w) ? "X" : /^\p{Lu}+$/u.test(w) ? "A" : /^\p{Ll}+/u.test(w) ? "x" : "o");
const script = (w: string) => (/[\u0600-\u06ff]/.test(w) ? "arabic" : /[\u0400-\u04ff]/.test(w) ? "cyrillic" : /[\u3040-\u9fff\uac00-\ud7af]/.test(w) ? "cjk" : "latin");
const bucket = (n: number, cuts: number[]) => cuts.findIndex((c) => n <= c) === -1 ? cuts.length : cuts.findIndex((c) => n <= c);

const wordFeatures = (prefix: string, t: Token, clusters: WordClusters, out: string[]) => {
  const w = t.text.replace(/['’]s$/, "");
  const low = w.toLowerCase();
  const flags: [boolean, string][] = [
    [isDictionaryWord(w), "dict"], [isCommonWord(w), "common"], [isGivenName(w), "given"], [isSurname(w), "surname"], [isNameLike(w), "nameLike"],
    [isKnownPlace(w), "place"], [isWorldPlace(w), "world"], [isRegionName(w), "region"], [isNonName(w), "nonName"], [isStopword(w), "stop"],
    [isForeignWord(w), "foreign"],
  ];
  for (const [on, name] of flags) if (on) out.push(`${prefix}lex:${name}`);
  out.push(`${prefix}ev:${nameEvidence(t)}`, `${prefix}shape:${shapeOf(w)}`, `${prefix}script:${script(w)}`);
  if (/[^\x00-\x7f]/.test(w)) out.push(`${prefix}diacritic`);
  if (t.initial) out.push(`${prefix}initial`);
  if (t.inLink) out.push(`${prefix}inLink`);
  out.push(`${prefix}len:${bucket(w.length, [2, 3, 5, 8, 12])}`);
  const cls = clusters.of(low);
  if (cls) out.push(`${prefix}cc:${cls.coarse}`, `${prefix}cf:${cls.fine}`, `${prefix}band:${cls.band}`);
  else out.push(`${prefix}oov`);
  out.push(`${prefix}suf:${low.slice(-3)}`);
};

const REGEX_CONTEXT: [string, RegExp, "before" | "after" | "short-before"][] = [
  ["strongB", STRONG_BEFORE, "before"], ["strongA", STRONG_AFTER, "after"], ["mediumB", MEDIUM_BEFORE, "short-before"], ["mediumA", MEDIUM_AFTER, "after"],
  ["notClientB", NOT_CLIENT_BEFORE, "before"], ["clergyB", CLERGY_BEFORE, "before"], ["profNear", PROFESSIONAL_NEAR, "before"], ["citationA", CITATION_AFTER, "after"],
  ["orgA", ORG_AFTER, "after"], ["productB", PRODUCT_BEFORE, "short-before"], ["productA", PRODUCT_AFTER, "after"], ["placeB", PLACE_BEFORE, "short-before"],
  ["pet", PET, "short-before"], ["ownFamB", OWN_FAMILY_BEFORE, "before"], ["addressed", ADDRESSED, "short-before"], ["ageA", AGE_AFTER, "after"],
  ["personPrep", PERSON_PREPOSITION, "short-before"],
];

const GROUP: Record<string, string> = {
  person_name: "name", location: "place", address: "place", ssn: "number", record_number: "number", license_or_plate: "number", device_or_ip: "number",
  phone: "number", date: "date", age_over_89: "age", email: "contact", url_personal: "contact", combination: "combo",
};

const nearWord = (tokens: Token[], at: number) => tokens[at]?.text.toLowerCase();

/** The features of one candidate in its message. */
export const candidateFeatures = (c: Candidate, ctx: MessageContext, clusters: WordClusters): Features => {
  const { text, tokens, cues } = ctx.view;
  const out: string[] = [];
  for (const s of c.sources) out.push(`src:${s}`);
  for (const r of c.overlapping) out.push(`ov:${r}`);
  out.push(`type:${c.type}`);
  if (c.inLink) out.push("spanInLink");
  if (c.decided) out.push("dec", `dec:${c.decided.rule}`, `dec:${c.decided.type}`);
  const span = text.slice(c.start, c.end);
  out.push(`ntok:${Math.min(c.tokens.length, 4)}`, `shape:${c.tokens.map((t) => shapeOf(t.text)).join("") || span.replace(/\d+/g, "d").replace(/\p{Lu}+/gu, "A").replace(/\p{Ll}+/gu, "a").slice(0, 12)}`);
  const digits = (span.match(/\d/g) ?? []).length;
  if (digits) out.push(`digits:${bucket(digits, [2, 4, 6, 8, 9, 10, 11, 12, 14])}`);
  if (c.tokens[0]) wordFeatures("", c.tokens[0], clusters, out);
  if (c.tokens.length > 1) wordFeatures("L", c.tokens.at(-1)!, clusters, out);
  if (c.tokens.length > 1 && isPublicFigure(span)) out.push("figure");
  // Every word inside the span, by itself and by class ("Ley General de...", "Día de Muertos", "Consulado de México").
  for (const t of c.tokens.slice(0, 6)) {
    const w = t.text.toLowerCase();
    out.push(`tw:${w}`);
    const cls = clusters.of(w);
    if (cls) out.push(`tc:${cls.coarse}`);
  }
  for (const cue of cues) if (cue.start >= c.start && cue.end <= c.end) out.push(`incue:${cue.cls}`);
  for (const id of c.ids) {
    out.push(`id:${id.spec.id}`, `idtype:${id.spec.type}`);
    if (id.valid) out.push("id:valid", `id:valid:${id.spec.distinctive ? "shape" : "digits"}`);
    if (id.keyword) out.push("id:keyword", `id:keyword:${id.valid}`);
    if (id.clientNear) out.push("id:client");
  }
  // Context features are also conjoined with the kind of detail: "my grandpa" before an age is the
  // author's family; before a name it may still be a client's relative.
  const lexical = out.length;
  // Neighbouring words and their classes.
  const first = tokens.findIndex((t) => t.start >= c.start), after = tokens.findIndex((t) => t.start >= c.end);
  const i0 = first < 0 ? tokens.length : first, i1 = after < 0 ? tokens.length : after;
  for (const [rel, at] of [[-2, i0 - 2], [-1, i0 - 1], [1, i1], [2, i1 + 1]] as const) {
    const w = nearWord(tokens, at);
    if (!w) continue;
    // Only the adjacent words themselves (two away, their classes say enough and generalise better).
    if (Math.abs(rel) === 1) out.push(`w${rel}:${w}`);
    const cls = clusters.of(w);
    if (cls) out.push(`c${rel}:${cls.coarse}`, `f${rel}:${cls.fine}`);
  }
  const prev = text.slice(Math.max(0, c.start - 2), c.start).trim(), next = text.slice(c.end, c.end + 2).trim();
  if (prev) out.push(`p-1:${prev.slice(-1)}`);
  if (next) out.push(`p+1:${next.slice(0, 2)}`);
  // Cue words by role, in any language: right before, a little before, right after, in the sentence.
  const sentence = sentenceAround(text, c.start, c.end);
  const sentenceStart = text.indexOf(sentence);
  const near: Set<string> = new Set();
  for (const cue of cues) {
    if (cue.start < c.end && c.start < cue.end) continue;
    const gapBefore = c.start - cue.end, gapAfter = cue.start - c.end;
    if (gapBefore >= 0 && gapBefore <= 3) near.add(`cue-1:${cue.cls}`);
    else if (gapBefore > 3 && gapBefore <= 30) near.add(`cue-3:${cue.cls}`);
    if (gapAfter >= 0 && gapAfter <= 3) near.add(`cue+1:${cue.cls}`);
    else if (gapAfter > 3 && gapAfter <= 30) near.add(`cue+3:${cue.cls}`);
    if (cue.start >= sentenceStart && cue.end <= sentenceStart + sentence.length) near.add(`scue:${cue.cls}`);
  }
  out.push(...near);
  for (const cls of CUE_CLASS_NAMES) if (ctx.cues.has(cls)) out.push(`mcue:${cls}`);
  // What the rules' context patterns say.
  const lead = text.slice(Math.max(0, c.start - 60), c.start), shortLead = text.slice(Math.max(0, c.start - 25), c.start), tail = text.slice(c.end, c.end + 60);
  for (const [name, re, where] of REGEX_CONTEXT) if (re.test(where === "after" ? tail : where === "before" ? lead : shortLead)) out.push(`re:${name}`);
  // "Timéo, 8 ans,", "el pibe (16)", "Kasia, lat 7": an age right after a word makes it a person, in any language.
  if (/^\s*(?:,\s*|\(\s*)\d{1,3}\s*(?:años|anos|ans|lat|jahre|taong gulang|taon|tuổi|yo|y\/o|years? old|yrs?|m|f)?\s*[,)]/iu.test(tail)) out.push("re:ageAfterAny");
  if (EVENT_CUE.test(sentence)) out.push("s:event");
  if (mentionsClient(sentence)) out.push("s:client");
  if (PERSON_PRONOUN.test(sentence)) out.push("s:pronoun");
  if (PERSONAL_EVENT_ML.test(sentence)) out.push("s:lifeEvent");
  if (ctx.client) out.push("m:client");
  if (ctx.fiction) out.push("m:fiction");
  for (const k of ctx.combination) out.push(`m:combo:${k}`);
  const group = GROUP[c.type] ?? "other";
  const context = out.slice(lexical).filter((f) => !/^[wcf][-+]?\d:/.test(f));
  for (const f of context) out.push(`${group}|${f}`);
  // A few conjunctions a linear model cannot form itself.
  const kind = c.sources.has("tok:cap") ? "cap" : c.sources.has("tok:lower") ? "lower" : c.sources.has("num") ? "num" : "rule";
  for (const f of [...near].filter((x) => x.startsWith("cue-1") || x.startsWith("scue"))) out.push(`${kind}&${f}`);
  out.push(`${kind}&client:${ctx.client}`, `${kind}&fiction:${ctx.fiction}`, `${kind}&dec:${Boolean(c.decided)}`);
  if (c.tokens[0]) out.push(`${kind}&initial:${c.tokens[0].initial}&ev:${nameEvidence(c.tokens[0])}`);
  // Capitals mean less in German (every noun) and nothing in Arabic: the language only qualifies the shape.
  if (c.tokens[0]) out.push(`${kind}&lang:${ctx.lang}&shape:${shapeOf(c.tokens[0].text)}&initial:${c.tokens[0].initial}`);
  return out;
};
