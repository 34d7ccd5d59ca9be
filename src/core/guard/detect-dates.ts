import { before, mentionsClient, EVENT_CUE, PERSON_PRONOUN, sentenceAround } from "./context";
import type { Push } from "./guard-types";


const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?`;
const DAY = String.raw`(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?`;
const DATE_PATTERNS = [
  String.raw`\b\d{4}-\d{2}-\d{2}\b`, // 1987-03-04
  String.raw`(?<![\d/.])(?:0?[1-9]|1[0-2]|[12]\d|3[01])[/.](?:0?[1-9]|1[0-2]|[12]\d|3[01])(?:[/.](?:\d{4}|\d{2}))?(?![\d/]|\.\d)`, // 3/4/87, 04.03.1987, 11/03
  String.raw`\b${MONTH}\s+${DAY}(?:,?\s+\d{4})?\b`, // March 4th, 1987 | Jan 6th
  String.raw`\b${DAY}\s+(?:of\s+)?${MONTH}(?:,?\s+\d{4})?\b`, // 4 March 1987
  String.raw`\bthe\s+(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)\b`, // the 12th
];
const DATE = new RegExp(DATE_PATTERNS.join("|"), "gi");

/** Words that tie a date to a person's life, care or case. */
const PERSONAL_EVENT = /\b(dob|d\.o\.b|date of birth|born|birthday|bday|turns?|turning|age[sd]? out|admit(?:ted)?|admission|discharg\w*|died|passed|death|deceased|funeral|overdose|od\b|hospitali[sz]\w*|arrested|released|incarcerated|evict\w*|court date|hearing|trial|sentenc\w*|custody|removal|removed|placed|placement|visit|saw (?:him|her|them)|last seen|went missing|ran away|relapsed|attempt\w*|appointment|intake|assessment|session with|moved in|moved out)\b/i;

/** Finds dates tied to a client; event dates, deadlines and public schedules are left alone. */
export const detectDates = (text: string, push: Push): void => {
  for (const m of text.matchAll(DATE)) {
    const start = m.index!, end = start + m[0].length;
    const raw = m[0];
    // "5.5" or "1.05" are not dates: a dotted form needs a year, or a clearly dated context.
    if (/^\d{1,2}\.\d{1,2}$/.test(raw)) continue;
    if (/^(may|march|june|july|august|sept?)\s/i.test(raw) && /^\w+\s+\d{1,2}$/i.test(raw) && /\b(?:i|we|you|they|it|this|that)\s*$/i.test(before(text, start, 6))) continue;
    const sentence = sentenceAround(text, start, end);
    const personal = PERSONAL_EVENT.test(sentence);
    const aboutClient = mentionsClient(sentence) || (PERSON_PRONOUN.test(sentence) && mentionsClient(text));
    const event = EVENT_CUE.test(sentence);
    if (personal && (aboutClient || /\b(dob|born|birthday|date of birth)\b/i.test(sentence))) push({ type: "date", start, end });
    else if (aboutClient && !event && /\b(client|pt|patient|my (?:kid|youth))\b/i.test(sentence)) push({ type: "date", start, end });
  }
};

const UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"];
const AGE_WORDS = /\b(?:(?:turned|turns|turning|aged?|is|was|now)\s+)(ninety(?:[- ](one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred(?: and (?:one|two|three|four|five))?)\b|\b(ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|(?:one|a) hundred)[- ]years?[- ]old\b(?![- ]?s\b)/gi;

/** "turned ninety-four", "a ninety-year-old": ages over 89 written in words (ninety counts: over 89). */
export const detectAgeWords = (text: string, push: Push): void => {
  for (const m of text.matchAll(AGE_WORDS)) {
    const words = m[1] ?? m[3]!;
    if (m[2] !== undefined && !UNITS.includes(m[2].toLowerCase())) continue;
    const start = m.index! + m[0].toLowerCase().indexOf(words.toLowerCase());
    if (/\b(over|above|than|under)\s*$/i.test(before(text, start, 12))) continue;
    push({ type: "age_over_89", start, end: start + words.length });
  }
};

/** Ages over 89 of one person: "a 93-year-old client", "client is 91 y/o", "Ms. R, 94,". */
export const detectAges = (text: string, push: Push): void => {
  const AGE = /\b(?:age[ds]?\s+|aged\s+)?(\d{2,3})\s*(?:-|\s)?\s*(?:years?[- ]old|yrs?[- ]old|y\/o|y\.o\.|yo|yr old|year-old)\b|\b(?:age[ds]?|aged)\s+(\d{2,3})\b|,\s*(\d{2,3})\s*,/gi;
  for (const m of text.matchAll(AGE)) {
    const value = Number(m[1] ?? m[2] ?? m[3]);
    if (!(value > 89 && value < 125)) continue;
    const lead = before(text, m.index!, 14);
    const tail = text.slice(m.index! + m[0].length, m.index! + m[0].length + 10);
    // Populations, not a person: "over 90", "90+", "clients 90 and older", "in their 90s", "95-year-olds".
    if (/\b(over|above|than|under|below|between|aged? over)\s*$/i.test(lead) || /^\s*(\+|and (older|over|up)|or (older|more)|s\b|-year-olds|\s*year-olds)/i.test(tail)) continue;
    if (m[3] !== undefined && !/[A-Z][a-z]*\.?\s*$/.test(lead)) continue; // ", 94," only right after a name
    const num = m[1] ?? m[2] ?? m[3]!;
    const start = m.index! + m[0].indexOf(num);
    push({ type: "age_over_89", start, end: m[3] !== undefined ? start + num.length : m.index! + m[0].length });
  }
};
