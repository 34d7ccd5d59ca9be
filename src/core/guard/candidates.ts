import type { FindingType } from "./guard-types";
import { STRONG_AFTER } from "./name-context";
import { idCandidates, type IdCandidate } from "./national-ids";
import { ruleFindings, type RuleFinding } from "./rule-findings";
import { findCues, type Cue } from "./cue-words";
import { isStopword } from "./lexicon";
import { DATE } from "./detect-dates";
import { AGE_FORMS, DATE_FORMS } from "./detect-multilingual";
import { linkSpans, tokenize, type Token } from "./tokens";

/**
 * A span the learned layer decides on: anything a rule found (kept or not), any number shaped like an
 * identifier of some country, any run of capitalised words, and any lower-case word in a person's slot.
 * Over-generating is the point: the rules find candidates, the model decides which are a client's.
 */
export interface Candidate {
  start: number;
  end: number;
  /** What the span would be reported as. */
  type: FindingType;
  /** Where it came from: rules ("rule:names"), shapes ("tok:cap", "tok:lower", "num"), specifications ("id:uk-nhs"). */
  sources: Set<string>;
  /** The rules (as they decided before the guard learned) report a finding overlapping this span. */
  decided: RuleFinding | undefined;
  /** Rules whose raw findings overlap this span. */
  overlapping: Set<string>;
  ids: IdCandidate[];
  tokens: Token[];
  /** The span lies inside a link, an e-mail address or a handle. */
  inLink: boolean;
}

/** Everything a candidate's features read about the message, computed once. */
export interface MessageView {
  text: string;
  tokens: Token[];
  cues: Cue[];
  raw: RuleFinding[];
  decided: RuleFinding[];
  candidates: Candidate[];
}

/** A birth year at or before this makes someone over 89 today. */
const OVER_89_BORN_BY = new Date().getUTCFullYear() - 90;
const PARTICLE = /^(?:van|von|de|del|della|da|di|der|den|la|le|du|dos|das|bin|ibn|al|el|abu|ben|ter|ten|y|e)$/;
const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/** Runs of capitalised words joined by spaces (and name particles): "Tomasz Wójcik", "María de la Cruz". */
const capitalRuns = (tokens: Token[], text: string): Token[][] => {
  const runs: Token[][] = [];
  for (let i = 0; i < tokens.length; i++) {
    if (!tokens[i]!.capitalised || tokens[i]!.inLink) continue;
    const run = [tokens[i]!];
    for (let j = i + 1; j < tokens.length && run.length < 4; j++) {
      const t = tokens[j]!, gap = text.slice(tokens[j - 1]!.end, t.start);
      if (!/^\s+$|^\s*\p{Lu}\.\s*$/u.test(gap) || gap.includes("\n")) break;
      if (PARTICLE.test(t.text) && tokens[j + 1]?.capitalised) continue;
      if (!t.capitalised) break;
      run.push(t);
    }
    runs.push(run);
    i += run.length - 1;
    // "Bartek W.", "Tyrell J.": a surname's initial after a given name.
    const last = run.at(-1)!, initial = /^\s\p{Lu}\.(?![\p{L}])/u.exec(text.slice(last.end, last.end + 4));
    if (initial) runs.push([...run, { ...last, text: initial[0].trim(), start: last.end + 1, end: last.end + initial[0].length, capitalised: false, lower: false, initial: false, inLink: false }]);
  }
  return runs;
};

/** A lower-case word right after a cue of a person (client, kin, title) or before a verb only people do. */
const personSlot = (tokens: Token[], i: number, text: string, cues: Cue[]): boolean => {
  const t = tokens[i]!;
  if (t.inLink || t.text.length < 3 || isStopword(t.text)) return false;
  const gapStart = i > 0 ? tokens[Math.max(0, i - 2)]!.start : 0;
  if (cues.some((c) => (c.cls === "client" || c.cls === "kin" || c.cls === "honorific") && c.end <= t.start && c.end >= gapStart)) return true;
  return STRONG_AFTER.test(text.slice(t.end, t.end + 60));
};

/** Every candidate in a (markup-stripped) text, each span once with all its sources merged. */
export const viewMessage = (text: string): MessageView => {
  const tokens = tokenize(text);
  const cues = findCues(text);
  const { raw, decided } = ruleFindings(text);
  const ids = idCandidates(text);
  const links = linkSpans(text);
  const bySpan = new Map<string, Candidate>();
  const add = (start: number, end: number, type: FindingType, source: string) => {
    if (end <= start) return;
    const key = `${start}:${end}`;
    let c = bySpan.get(key);
    if (!c) {
      c = {
        start, end, type, sources: new Set(), decided: undefined, overlapping: new Set(), ids: [], tokens: tokens.filter((t) => t.start >= start && t.end <= end),
        inLink: links.some(([a, b]) => start >= a && end <= b),
      };
      bySpan.set(key, c);
    }
    c.sources.add(source);
  };
  for (const f of raw) add(f.start, f.end, f.type, `rule:${f.rule}`);
  for (const c of ids) add(c.start, c.end, c.spec.type, `id:${c.spec.id}`);
  for (const run of capitalRuns(tokens, text)) {
    // "Benali's interpreter": the possessive is context, not name.
    const last = run.at(-1)!;
    add(run[0]!.start, last.end - (/['’]s$/.test(last.text) ? 2 : 0), "person_name", "tok:cap");
  }
  tokens.forEach((t, i) => {
    if ((t.lower || !/\p{Lu}/u.test(t.text)) && personSlot(tokens, i, text, cues)) add(t.start, t.end - (/['’]s$/.test(t.text) ? 2 : 0), "person_name", "tok:lower");
  });
  // Numbers and codes: "2024-0173-KW", "E-2025-0889173", "DP 7718204", "PJN611083H", "#5820364101".
  for (const m of text.matchAll(/(?<![\w-])#?(?:[A-Z]{1,4}[ -]?)?[A-Z]{0,4}\d[\dA-Z]*(?:[ ./-][\dA-Z]*\d[\dA-Z]*|-[A-Z]{1,4}(?![\w-]))*(?![\w])/g)) {
    if ((m[0].match(/\d/g) ?? []).length >= 4) add(m.index!, m.index! + m[0].replace(/[ ./-]+$/, "").length, "record_number", "num");
  }
  // Dates and ages of any kind, whoever they belong to: the rules keep only those tied to a client.
  for (const re of [DATE, DATE_FORMS]) for (const m of text.matchAll(re)) if (/\d|premier/.test(m[0])) add(m.index! + (m[0].length - m[0].trimStart().length), m.index! + m[0].length, "date", "shape:date");
  for (const m of text.matchAll(AGE_FORMS)) add(m.index!, m.index! + m[0].length, "age_over_89", "shape:age");
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(?:9\d|1[01]\d|12[0-4])(?![\p{N}])/gu)) add(m.index!, m.index! + m[0].length, "age_over_89", "shape:ninety");
  // Initials: "J.R.", "M.T. & K.T.", "A.J.'s".
  for (const m of text.matchAll(/(?<![\p{L}.])\p{Lu}\.(?:\s?\p{Lu}\.)+/gu)) add(m.index!, m.index! + m[0].length, "person_name", "initials");
  // Postcodes: UK ("LS9 7QT", "NE26"), Canada ("K1A 0B1"), and ZIP+4.
  for (const m of text.matchAll(/(?<![\w-])(?:[A-Z]{1,2}\d[A-Z\d]?(?: ?\d[A-Z]{2})?|[A-Z]\d[A-Z] ?\d[A-Z]\d|\d{5}-\d{4})(?![\w-])/g)) add(m.index!, m.index! + m[0].length, "location", "postcode");
  // A bed, chair, ward or room that pins one patient down: "8 South bed 22", "chair 7", "lit 12".
  for (const m of text.matchAll(/(?<![\p{L}])(?:\d{1,2}\s*(?:North|South|East|West|Nord|Sud|Est|Ouest|[A-Z])\s*,?\s*)?(?:bed|beds|chair|ward|unit|room|rm|bay|lit|chambre|cama|quarto|leito|łóżko|sala|bett|zimmer|kama)\s*#?\s*\d{1,4}[A-Z]?(?![\p{L}\p{N}])/giu)) {
    add(m.index!, m.index! + m[0].length, "location", "bed");
  }
  // "born in 1929": a birth year that makes someone over 89.
  for (const m of text.matchAll(/(?<![\p{L}])(?:born(?: in)?|b\.|nacid[oa] en|née? en|nascid[oa] em|urodzon[ay] w|geboren)\s+((?:18|19)\d\d)(?![\p{N}])/giu)) {
    if (Number(m[1]) <= OVER_89_BORN_BY) add(m.index!, m.index! + m[0].length, "age_over_89", "born-year");
  }
  const candidates = [...bySpan.values()].sort((a, b) => a.start - b.start || b.end - a.end);
  for (const c of candidates) {
    for (const f of raw) if (overlaps(c, f)) c.overlapping.add(f.rule);
    c.decided = decided.find((d) => overlaps(c, d));
    c.ids = ids.filter((i) => overlaps(c, i));
    // A rule's own kind wins over the shape's guess.
    const typed = raw.find((f) => f.start === c.start && f.end === c.end) ?? (c.sources.has("tok:cap") || c.sources.has("num") ? c.decided : undefined);
    if (typed) c.type = typed.type;
  }
  return { text, tokens, cues, raw, decided, candidates };
};
