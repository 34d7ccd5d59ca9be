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
/** Every date-shaped expression, whoever it belongs to (the learned layer reads them all as candidates). */
export const DATE = new RegExp(DATE_PATTERNS.join("|"), "gi");

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
    const own = /\b(?:my|our)\s+(?:own\s+)?(?:birthday|bday|b-day|anniversary|wedding|due date|last day|first day|start date|appointment)\b|\b(?:i was|i'm|i am) (?:born|turning)\b/i.test(sentence);
    if (own && !/\b(?:client|patient|pt|youth|kid|teen|resident|her|his|their)\b/i.test(sentence)) continue;
    if (personal && (aboutClient || /\b(dob|born|birthday|date of birth)\b/i.test(sentence))) push({ type: "date", start, end });
    else if (aboutClient && !event && /\b(client|pt|patient|my (?:kid|youth))\b/i.test(sentence)) push({ type: "date", start, end });
  }
};

const TENS = String.raw`(?:ninety|one hundred|a hundred|hundred)`;
const UNIT_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine)`;
const ORDINAL_UNIT = String.raw`(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)`;
/** Ages over 89 in words: "ninety-three", "a hundred and one", "ninety-fifth birthday", "hundredth". */
const AGE_WORDS = new RegExp(String.raw`\b(?:ninetieth|hundredth|ninety[- ]${ORDINAL_UNIT}|(?:one |a )?hundred(?: and)? ${ORDINAL_UNIT}|${TENS}(?:(?:[- ]|\s+and\s+)${UNIT_WORD})?(?:[- ]years?[- ]old|[- ]year[- ]old)?)\b(?![- ]?s\b|[- ]year[- ]olds)`, "gi");
const PERSON_AGE_CUE = /\b(?:turned|turns|turning|turn|aged?|is|was|now|at|will be|be|just|only|she's|he's|they're|who's)\s+$|\b(?:a|an|my|our|the)\s+$/i;
const AFTER_AGE_CUE = /^\s*(?:[- ]?years?[- ]old|yo\b|y\/o|next|this|last|on|in|and|years? young|birthday|bday|b-day|yesterday|today|tomorrow|,|\)|$)/i;

/** "turned ninety-four", "a ninety-year-old", "her hundredth birthday": ages over 89 written in words. */
export const detectAgeWords = (text: string, push: Push): void => {
  for (const m of text.matchAll(AGE_WORDS)) {
    const lead = before(text, m.index!, 14), tail = text.slice(m.index! + m[0].length, m.index! + m[0].length + 20);
    if (/\b(?:over|above|than|under|below|between|aged? over|from|to)\s*$/i.test(lead)) continue;
    if (!(/old$/i.test(m[0]) || PERSON_AGE_CUE.test(lead) || AFTER_AGE_CUE.test(tail) || /th$|first$|second$|third$/i.test(m[0]))) continue;
    if (/^\s*(?:percent|%|dollars|people|clients|residents|days|minutes|hours|miles|pages|times)\b/i.test(tail)) continue;
    push({ type: "age_over_89", start: m.index!, end: m.index! + m[0].length });
  }
  for (const m of text.matchAll(/\b(?:centenarian|nonagenarian|supercentenarian)\b/gi)) {
    if (mentionsClient(sentenceAround(text, m.index!, m.index! + m[0].length)) || /\b(?:my|our|a|this)\s+$/i.test(before(text, m.index!, 8))) {
      push({ type: "age_over_89", start: m.index!, end: m.index! + m[0].length });
    }
  }
};

/** Ages over 89 of one person: "a 93-year-old client", "Ms. R (94)", "turned 96", "her 95th birthday", "in her late 90s". */
export const detectAges = (text: string, push: Push): void => {
  const AGE = /\b(?:age[ds]?\s*:?\s*|aged\s+)?(\d{2,3})\s*(?:-|\s)?\s*(?:years?[- ]old|yrs?[- ]old|y\/o|y\.o\.|yo|yr old|year-old|years young)\b|\b(?:age[ds]?|aged)\s*:?\s*(\d{2,3})\b|,\s*(\d{2,3})\s*[,.;)]|\((\d{2,3})\s*(?:[mf]|yo|y\/o)?\)|\b(?:turned|turns|turning|will be|just turned|is now|she's|he's|they're|is|was)\s+(\d{2,3})\b|\b(\d{2,3})(?:st|nd|rd|th)\s+(?:birthday|bday|b-day)|\b(\d{2,3})\s+(?:next|this|last)\s+(?:month|week|year|spring|summer|fall|winter|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/gi;
  for (const m of text.matchAll(AGE)) {
    const num = m.slice(1).find((g) => g !== undefined)!;
    const value = Number(num);
    if (!(value > 89 && value < 125)) continue;
    const lead = before(text, m.index!, 16);
    const tail = text.slice(m.index! + m[0].length, m.index! + m[0].length + 14);
    // Populations, not a person: "over 90", "90+", "clients 90 and older", "in their 90s", "95-year-olds".
    if (/\b(?:over|above|than|under|below|between|aged? over|from|to|ages)\s*$/i.test(lead) || /^\s*(?:\+|and (?:older|over|up)|or (?:older|more)|s\b|-year-olds|\s*year-olds|%|percent|days|minutes|mins|hours|miles|mg|pages|dollars)/i.test(tail)) continue;
    const sentence = sentenceAround(text, m.index!, m.index! + m[0].length);
    // ", 94," and "(94)" only right after a name or a person word; "is 94" only about a person.
    if ((m[3] ?? m[4]) !== undefined && !/(?:[A-Z][\p{L}'’-]*\.?|client|patient|resident|mom|dad|grandma|grandpa|woman|man|veteran)\s*$/iu.test(lead)) continue;
    if (m[5] !== undefined && /^(?:is|was)/i.test(m[0]) && !(mentionsClient(sentence) || PERSON_PRONOUN.test(sentence))) continue;
    if (m[5] !== undefined && /^\s*(?:minutes|mins|hours|days|pages|people|clients|percent|%|dollars|\$)/i.test(tail)) continue;
    const start = m.index! + m[0].indexOf(num);
    const end = m[1] !== undefined ? m.index! + m[0].length : start + num.length;
    push({ type: "age_over_89", start, end });
  }
  for (const m of text.matchAll(/\b(?:in (?:her|his))\s+((?:early|mid|late)[- ])?(?:90s|90's|nineties)\b/gi)) {
    push({ type: "age_over_89", start: m.index!, end: m.index! + m[0].length });
  }
};
