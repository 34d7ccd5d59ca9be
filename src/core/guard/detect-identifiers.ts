import { before, sentenceAround } from "./context";
import type { Push } from "./guard-types";


// Words that introduce a client's record, case or account number.
const RECORD_KEY = String.raw`(?:mrn|medical record(?: number| no\.?| #)?|chart(?: number| no\.?| #)?|case(?: number| no\.?| #| file)?|docket|cause(?: number| no\.?)?|petition|medicaid(?: id| number| no\.?| #)?|medicare(?: id| number| no\.?| #)?|mbi|member(?: id| number| no\.?| #)?|beneficiary(?: id| number)?|client(?: id| number| no\.?| #)|patient(?: id| number)|pt id|account(?: number| no\.?| #)?|acct(?: no\.?| #)?|claim(?: number| no\.?| #)?|policy(?: number| no\.?| #)?|subscriber id|hmis(?: id)?|snap(?: case)?|ebt(?: card)?|id(?: number| no\.?| #)?|file(?: number| no\.?| #)|inmate(?: number| no\.?| #)?|booking(?: number| no\.?| #)?|a-?number|alien(?: number)?|uscis(?: number)?|receipt(?: number)?|student id|dcfs case|cps case|referral(?: number| no\.?| #)?)`;
const RECORD = new RegExp(String.raw`\b${RECORD_KEY}\s*(?:#|:|is|was|=|of|for (?:my |the |a |this )?(?:client|pt|patient|kid|youth)|number|ends in|ending in|last (?:four|4)(?: digits)?(?: are| is)?)?\s*(?:is\s+|was\s+|:\s*|#\s*)*([A-Z]{0,6}[-#]?\d[A-Z0-9-]{3,}|\d{2,}[A-Z][A-Z0-9-]{2,})\b`, "gi");
// Record-like tokens that are not about a client.
const NOT_RECORD = /\b(form|ticket|inc|incident|meeting|zoom|room|suite|vol|volume|issue|cpt|icd|dsm|hb|sb|bill|statute|code|section|rule|regulation|cfr|usc|order no|invoice|po|purchase|version|v\.|grant|award|license renewal|npi|ein|tax id)\b[^.]{0,12}$/i;

export const detectRecordNumbers = (text: string, push: Push): void => {
  for (const m of text.matchAll(RECORD)) {
    const token = m[1]!;
    const start = m.index! + m[0].lastIndexOf(token), end = start + token.length;
    if ((token.match(/\d/g) ?? []).length < 4) continue;
    if (/^(19|20)\d{2}$/.test(token)) continue; // a year
    if (NOT_RECORD.test(before(text, start, 30))) continue;
    if (/^\d{3}-\d{2}-\d{4}$/.test(token)) continue; // an SSN, reported as one
    push({ type: "record_number", start, end });
  }
};

const VIN = /(?<![A-Z0-9])(?=[A-HJ-NPR-Z0-9]{17}(?![A-Z0-9]))(?=[A-Z0-9]*\d)(?=[A-Z0-9]*[A-Z])[A-HJ-NPR-Z0-9]{17}/g;
const PLATE = /\b(?:licen[cs]e plate|plates?|tags?|registration)\b(?:\s+(?:number|no\.?|#))?\s*(?:is\s+|was\s+|:\s*|#\s*)?(?:\(?[A-Z]{2}\)?\s+)?([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b/g;
const STATE_PLATE = /\b(?:[A-Z]{2}) plate\s+([A-Z0-9]{1,4}[- ]?[A-Z0-9]{2,5})\b/g;
const LICENCE = /\b(?:dl|driver'?s? licen[cs]e|driving licen[cs]e|licen[cs]e|permit|certificate|birth certificate|state id|passport|green card|ead|vin)\s*(?:number|no\.?|#)?\s*(?:is\s+|was\s+|:\s*|#\s*)?([A-Z]{0,3}\d[A-Z0-9-]{4,})\b/gi;

export const detectLicences = (text: string, push: Push): void => {
  for (const m of text.matchAll(VIN)) push({ type: "license_or_plate", start: m.index!, end: m.index! + 17 });
  for (const re of [PLATE, STATE_PLATE]) {
    for (const m of text.matchAll(re)) {
      const token = m[1]!;
      if (!/\d/.test(token) || !/[A-Z]/.test(token) && token.replace(/\D/g, "").length < 5) continue;
      if (/^(19|20)\d{2}$/.test(token)) continue;
      const start = m.index! + m[0].lastIndexOf(token);
      push({ type: "license_or_plate", start, end: start + token.length });
    }
  }
  for (const m of text.matchAll(LICENCE)) {
    const token = m[1]!;
    if ((token.match(/\d/g) ?? []).length < 5) continue;
    const start = m.index! + m[0].lastIndexOf(token);
    if (/\b(lcsw|lmsw|lpc|my|our)\b/i.test(sentenceAround(text, start, start + token.length)) && !/client|her|his/i.test(before(text, start, 60))) continue;
    push({ type: "license_or_plate", start, end: start + token.length });
  }
};
