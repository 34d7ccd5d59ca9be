import { aboutClient, after, before, EVENT_CUE, mentionsClient, PERSON_PRONOUN, sentenceAround } from "./context";
import type { Push } from "./guard-types";
import { isCommonWord, isDictionaryWord, isNonName, isPublicFigure, isRegionName } from "./lexicon";
import {
  ADDRESSED, AGE_AFTER, CITATION_AFTER, CLERGY_BEFORE, FICTION, MEDIUM_AFTER, MEDIUM_BEFORE, NOT_CLIENT_BEFORE, ORG_AFTER, ORG_WORD_IN,
  OWN_FAMILY_BEFORE, PERSON_PREPOSITION, PET, PLACE_BEFORE, PLACEHOLDER, PRODUCT_AFTER, PRODUCT_BEFORE, PROFESSIONAL_NEAR, STRONG_AFTER, STRONG_BEFORE,
} from "./name-context";
import { nameEvidence } from "./name-evidence";
import { tokenize, type Token } from "./tokens";

const PARTICLE = /^(?:van|von|de|del|della|da|di|der|den|la|le|du|dos|das|bin|ibn|al|el|abu|ben|ter|ten|y)$/;
const TITLED = /\b(?:[Mm](?:rs?|s|iss|x)|MRS?|MS|Mister|Miss)\.?\s+((?:[A-Z][\w'’-]+|[a-z][\w'’-]{2,})(?:\s+[A-Z][\w'’-]+)?)/g;
const FAMILY = /\bthe\s+([A-Z][\p{L}'’-]+)\s+(?:family|families|twins|kids|children|boys|girls|siblings|household|brothers|sisters|parents|clan)\b|\bthe\s+([A-Z][\p{Ll}]+(?:['’-][A-Z][\p{Ll}]+)*s)\b(?=\s*(?:—|–|-|,|got|are|were|have|had|just|finally|moved|called|came)\b|\s*[—–])/gu;
const ROSTER = /\b(?:roster|attendees|attendance|participants|group|kids|clients|youth|teens|members|students|families|caseload|referrals|residents|tonight|today)\b[^:\n]{0,25}:\s*((?:[A-Z][\p{L}'’-]+(?:\s+[A-Z]\.)?)(?:\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)[A-Z][\p{L}'’-]+(?:\s+[A-Z]\.)?)+)/gu;

const NOT_A_PERSON = /^(?:someone|somebody|everyone|everybody|anyone|anybody|nobody|noone|no-one|mom|mum|dad|mother|father|grandma|grandpa|grandmother|grandfather|parent|parents|family|staff|management|admin|security|police|court|judge|school|nurse|doctor|teacher|principal|landlord|housing|legal|billing|intake|reception|insurance|he|she|they|it|this|that|who|which|what|one|each|both|all|neither|either|someone's|my|our|your|his|her|their|the|a|an|then|also|just|so|and|but|which|client|patient|pt|youth|kid|teen|worker|supervisor|team|manager|director|everyone's|hospital|clinic|agency|shelter|probation|cps|dcfs|dss|medicaid)$/i;
const SPEAKS_AFTER = /^\s+(?:told (?:me|us)|said (?:she|he|they)['’]?s?|texted me|called me (?:at|from|last|this|crying|again)|asked me (?:if|for|whether|to)|is pregnant|got arrested|ran away|disclosed|relapsed|overdosed|no-?showed)\b/i;

/** A run of capitalised words that could be one person's name: "Tomasz Wójcik", "Amara van der Berg". */
const spanFrom = (tokens: Token[], i: number, text: string): Token[] => {
  const span = [tokens[i]!];
  if (!tokens[i]!.capitalised) return span;
  for (let j = i + 1; j < tokens.length && span.length < 4; j++) {
    const t = tokens[j]!, gap = text.slice(tokens[j - 1]!.end, t.start);
    if (!/^\s+$|^\s*[A-Z]\.\s*$/.test(gap) || gap.includes("\n")) break;
    if (PARTICLE.test(t.text) && tokens[j + 1]?.capitalised) continue;
    if (!t.capitalised) break;
    span.push(t);
  }
  return span;
};

interface Decision { start: number; end: number }

/** Decides whether one span names a client: evidence from the words times what their context says. */
const decide = (text: string, whole: Token[], clientMessage: boolean): Decision | undefined => {
  // "In Georgia", "Reading Kübler-Ross": a sentence's first word is capitalised for the sentence's sake.
  const span = whole.length > 1 && whole[0]!.initial && nameEvidence(whole[0]!) === 0 ? whole.slice(1) : whole;
  const first = span[0]!, last = span.at(-1)!;
  // "Benali's interpreter": the possessive belongs to the context, not to the name.
  const start = first.start, end = last.end - (/['’]s$/.test(last.text) ? 2 : 0);
  const name = text.slice(start, end);
  if (span.some((t) => t.inLink || isRegionName(t.text)) || PLACEHOLDER.test(name) || isRegionName(name)) return;
  const lead = before(text, start, 60), tail = after(text, end, 60);
  const strongBefore = STRONG_BEFORE.test(lead);
  // After "client:", a capital is the name's own even where a colon opened the phrase.
  const evidenceOf = (t: Token) => nameEvidence(strongBefore && t === first ? { ...t, initial: false } : t);
  // "Veterans Crisis Line", "Child Welfare Information Gateway": Title Case words make a name of a thing.
  const titleCase = span.length > 1 && !(strongBefore && evidenceOf(first) >= 2) && span.some((t) => evidenceOf(t) === 0 && isCommonWord(t.text));
  if (titleCase || (span.length > 1 && !strongBefore && ORG_WORD_IN.test(span.slice(1).map((t) => t.text).join(" ")))) return;
  const best = Math.max(...span.map(evidenceOf));
  const evidence = best + (span.length > 1 && best >= 2 && span.every((t) => t.capitalised) ? 1 : 0);
  if (span.some((_, i) => i > 0 && isPublicFigure(text.slice(start, span[i]!.end)))) return;
  if (/\d\s*$/.test(before(text, start, 3)) || NOT_CLIENT_BEFORE.test(lead) || CLERGY_BEFORE.test(lead) || PET.test(before(text, start, 25))) return;
  // "her caseworker at DCFS, Ms. Patterson": a professional, titled.
  if (/\b(?:M(?:rs?|s|x)|Miss|Mister)\.?\s*$/i.test(lead) && PROFESSIONAL_NEAR.test(lead.replace(/\S+\s*$/, ""))) return;
  if (OWN_FAMILY_BEFORE.test(lead) || ADDRESSED.test(before(text, start, 25)) || CITATION_AFTER.test(tail) || ORG_AFTER.test(tail)) return;
  const strong = strongBefore || STRONG_AFTER.test(tail) || AGE_AFTER.test(tail);
  if (!strong && (PRODUCT_BEFORE.test(before(text, start, 25)) || PRODUCT_AFTER.test(tail))) return;
  const medium = MEDIUM_BEFORE.test(before(text, start, 25)) || MEDIUM_AFTER.test(tail);
  // "moved to Tahlequah": the places detector reads this slot.
  if (!strong && PLACE_BEFORE.test(before(text, start, 25))) return;
  const sentence = sentenceAround(text, start, end);
  if (!strong && EVENT_CUE.test(sentence) && !mentionsClient(sentence)) return;
  // A pronoun in this sentence or opening the next ("So proud of Lumír today!! She walked into court").
  const pronoun = PERSON_PRONOUN.test(sentence) || /^[^.!?]*[.!?]+\s*(?:she|he|they)\b/i.test(after(text, end, 60));
  const context = aboutClient(sentence, text) ? 1 : clientMessage || pronoun ? 0.5 : 0;
  // Lower case: only in a strong person slot, and only a word that is not an everyday one.
  if (first.lower) {
    const unknownWord = !isDictionaryWord(first.text) && first.text.length > 3;
    const personSlot = PERSON_PREPOSITION.test(before(text, start, 25));
    const ok = (strongBefore && evidence >= 1) || (strong && (evidence >= 2 || unknownWord)) || (personSlot && unknownWord && (evidence >= 2 ? context > 0 : context === 1 || PERSON_PRONOUN.test(sentence)));
    return ok ? { start, end } : undefined;
  }
  if (evidence === 0) {
    // A name that is also a word ("my client Bear,") counts only where the message introduces it as one.
    // "Winter told me she's pregnant": a word-name opening a sentence, doing what only a person does.
    const speaks = first.capitalised && !NOT_A_PERSON.test(first.text) && SPEAKS_AFTER.test(tail);
    if ((speaks || (first.capitalised && AGE_AFTER.test(tail) && !NOT_A_PERSON.test(first.text))) && span.length === 1) return { start, end };
    const introduced = strongBefore && first.capitalised && !first.initial && (/^\s*(?:[,.;:!?)]|$)|^\s+(?:and|but|who|is|was|has|had|now|at|in|since)\b/.test(tail) || STRONG_AFTER.test(tail));
    return introduced ? { start, end } : undefined;
  }
  const score = evidence + (strong ? 2 : medium ? 1 : 0) + context;
  return score >= 3 && (context > 0 || strong) ? { start, end } : undefined;
};

/** Names of clients and their circle: candidates from shape and vocabulary, decided by context. */
export const detectNames = (text: string, push: Push): void => {
  const tokens = tokenize(text);
  const fiction = FICTION.test(text);
  if (fiction) return;
  // Titled names first, so the finding keeps its title: "Mrs. Okafor".
  for (const m of text.matchAll(TITLED)) {
    if (PROFESSIONAL_NEAR.test(before(text, m.index!, 45)) || isPublicFigure(m[0]) || CITATION_AFTER.test(after(text, m.index! + m[0].length, 60))) continue;
    push({ type: "person_name", start: m.index!, end: m.index! + m[0].replace(/['’]s$/, "").length });
  }
  const clientMessage = mentionsClient(text);
  let colleagueEnd = -1;
  const flagged: Decision[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const span = spanFrom(tokens, i, text);
    i += span.length - 1;
    const start = span[0]!.start;
    // "Thanks to Maria and José": the second name shares the first's exception.
    if (colleagueEnd >= 0 && /^\s*(?:,|and|&|,\s*and|or)\s*$/.test(text.slice(colleagueEnd, start)) && span[0]!.capitalised) {
      colleagueEnd = span.at(-1)!.end;
      continue;
    }
    if (/^(?:and|or)$/.test(span[0]!.text)) continue;
    colleagueEnd = NOT_CLIENT_BEFORE.test(before(text, start, 60)) && span[0]!.capitalised ? span.at(-1)!.end : -1;
    const decision = decide(text, span, clientMessage);
    if (decision) flagged.push(decision);
  }
  // "Noémi and Aleška finally stopped talking over each other": a name joined to a client's name is one too.
  for (const f of [...flagged]) {
    const next = text.slice(f.end).match(/^\s*(?:,|and|&|,\s*and)\s+(\p{Lu}[\p{L}'’-]+)/u);
    const prev = text.slice(0, f.start).match(/(\p{Lu}[\p{L}'’-]+)\s*(?:,|and|&|,\s*and)\s+$/u);
    for (const [word, at] of [[next?.[1], next ? f.end + next[0].length - next[1]!.length : -1], [prev?.[1], prev?.index ?? -1]] as const) {
      const token = word ? tokens.find((t) => t.start === at) : undefined;
      if (token && nameEvidence({ ...token, initial: false }) >= 2 && !NOT_CLIENT_BEFORE.test(before(text, token.start, 30))) flagged.push({ start: token.start, end: token.end - (/['’]s$/.test(token.text) ? 2 : 0) });
    }
  }
  for (const f of flagged) push({ type: "person_name", ...f });
  for (const m of text.matchAll(FAMILY)) {
    const family = m[1] ?? m[2]!;
    if (/^(The|This|That|These|Those|Our|My|Whole|Entire)$/.test(family) || isNonName(family) || isNonName(family.replace(/s$/, ""))) continue;
    const start = m.index! + m[0].indexOf(family);
    push({ type: "person_name", start, end: start + family.length });
  }
  for (const m of text.matchAll(ROSTER)) {
    if (/\b(reading|book|journal|study|discussion|agenda|topics?|authors?|panel|speakers?)\b/i.test(sentenceAround(text, m.index!, m.index! + m[0].length))) continue;
    const listStart = m.index! + m[0].indexOf(m[1]!);
    for (const n of m[1]!.matchAll(/[A-Z][\p{L}'’-]+(?:\s+[A-Z]\.)?/gu)) {
      if (!isNonName(n[0])) push({ type: "person_name", start: listStart + n.index!, end: listStart + n.index! + n[0].length });
    }
  }
};
