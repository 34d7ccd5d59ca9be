import { before, mentionsClient, sentenceAround } from "./context";
import type { FindingType, Push } from "./guard-types";
import { IDENTIFIER_KEYWORDS } from "./identifier-table";

// Filler between a keyword and its value: "is", "was", ":", "#", "number", "ends in", "(last 4)".
const FILLER = String.raw`\s*(?:(?:#|:|=|-|is|was|of|for|number|no\.?|num|ending in|ends in|ending|last (?:four|4)(?: digits)?(?: are| is)?|on (?:file|it)|reads|says|still|\((?:last )?(?:four|4)\)|(?:my |the |a |this |her |his |their )?(?:client|pt|patient|kid|youth|mom|dad)(?:'s)?)\s*)*`;
const VALUE = String.raw`([A-Z]{0,6}[-#]?\d[A-Z0-9-]*(?:[ -]\d{2,}){0,3}|[A-Z]{1,4}[ -]?\d{2,}[A-Z0-9-]*|\d{2,}[A-Z][A-Z0-9-]{2,})`;

const GRAMMAR: { type: FindingType; re: RegExp }[] = IDENTIFIER_KEYWORDS.map(([type, keys]) => ({
  type,
  re: new RegExp(String.raw`(?<![\w-])(?:${keys.join("|")})(?![\w])${FILLER}${VALUE}(?![\w])`, "gi"),
}));

// Numbers that are not about a client: forms, tickets, meetings, codes, laws, grants, the author's own licence.
const NOT_RECORD = /\b(?:form|ticket|inc|incident|meeting|zoom|webinar|room|suite|vol|volume|issue|cpt|icd|dsm|hb|sb|bill|statute|code|section|rule|regulation|cfr|usc|order no|invoice|po|purchase|version|v\.|grant|award|npi|ein|tax id|job|req|requisition|posting|course|class|session|episode|page|pp|chapter)\b[^.]{0,12}$/i;
const OWN_LICENCE = /\b(?:my|our|i|i'm|me)\b[^.!?]{0,30}\b(?:licen[cs]e|lcsw|lmsw|lpc|lmft|lisw|npi|permit|certificate)\b|\b(?:licen[cs]e|lcsw|lmsw|lpc)\b[^.!?]{0,20}\b(?:mine|my|renewal|renew)\b/i;

const digits = (s: string) => (s.match(/\d/g) ?? []).length;

/** Identifiers introduced by a keyword: record, case and benefit numbers, licences, permits, serials. */
export const detectKeyedIdentifiers = (text: string, push: Push): void => {
  for (const { type, re } of GRAMMAR) {
    for (const m of text.matchAll(re)) {
      const token = m[1]!.replace(/[\s-]+$/, "");
      const start = m.index! + m[0].lastIndexOf(m[1]!), end = start + token.length;
      const lastFour = /last (?:four|4)|ends? in|ending/i.test(m[0]);
      const least = lastFour ? 3 : type === "license_or_plate" ? (/[a-z]/i.test(token) ? 3 : 5) : 4;
      if (digits(token) < least) continue;
      if (/^(?:19|20)\d{2}$/.test(token) || /^\d{1,2}[/.]\d{1,2}[/.]\d{2,4}$/.test(token)) continue; // a year or a date
      if (NOT_RECORD.test(before(text, start, 30))) continue;
      if (type === "license_or_plate" && OWN_LICENCE.test(sentenceAround(text, start, end)) && !mentionsClient(before(text, start, 60))) continue;
      if (type !== "ssn" && /^\d{3}-\d{2}-\d{4}$/.test(token)) continue; // an SSN, reported by its own detector
      push({ type, start, end });
    }
  }
};

const VIN = /(?<![A-Z0-9])(?=[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9]))(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}/g;
const STATE_PLATE = /\b(?:[A-Z]{2}) (?:plate|tag)s?\s+([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b/g;

/** Vehicle ids without a keyword: a VIN's shape, "TX plate KLM 4421". */
export const detectVehicles = (text: string, push: Push): void => {
  for (const m of text.matchAll(VIN)) push({ type: "license_or_plate", start: m.index!, end: m.index! + 17 });
  for (const m of text.matchAll(STATE_PLATE)) {
    const token = m[1]!;
    if (!/\d/.test(token)) continue;
    const start = m.index! + m[0].lastIndexOf(token);
    push({ type: "license_or_plate", start, end: start + token.length });
  }
};
