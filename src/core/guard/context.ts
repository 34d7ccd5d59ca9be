/** Context cues the detectors share: who a message is about, and what kind of thing a number is. */

/** The message talks about a person the author serves. */
export const CLIENT_CUE = /\b(\d+(?:st|nd|rd|th) grader|grader|(?:her|his|their) (?:family|kids|children|son|daughter|mom|dad|parents|grandma|grandmother|caseworker|case manager|worker|pcp|psychiatrist|probation officer|po)|clients?|client's|pts?|patients?|patient's|consumers?|residents?|my (?:youth|teen|student)s?|youth|teen|kid|foster (?:child|youth|kid)|caseload|case|ward|the family|this family|custody|home visit|intake|discharg\w*|admitted|admission|hospitali[sz]ed|court date|court hearing|in court|to court|placement|safety plan|IEP|dob|born|guardian|grandma|grandmother|mom|mother|dad|father|parents?|husband|wife|partner|son|daughter|sister|brother|aunt|uncle|sponsor)\b/i;

/** Pronouns that point at one particular person. */
export const PERSON_PRONOUN = /\b(he|she|him|her|his|hers|they've|he's|she's|he'd|she'd)\b/i;

/** The message is about a public event, training or deadline, not a person. */
export const EVENT_CUE = /\b(webinar|training|conference|workshop|seminar|session is|ceus?|ce\b|register|registration|deadline|due|apply|application|fair|meet(?:ing|up)?|we'll meet|book club|reading group|coffee chat|chat|presenting|presented|hosted|poster|summit|class|course|lecture|orientation|open house|closures?|holiday|fiscal|grant|reports? (?:are|is) due|starts?|kick-?off|office hours|panel|symposium|livestream|podcast|event|dinner|gala|luncheon|banquet|retreat|carpool|appreciation|awards?|ceremony|expo|rally|vigil|fundraiser)\b/i;

/** Organisations, public services and the author's own contact details. */
export const ORG_CUE = /\b(hotline|helpline|lifeline|crisis line|main line|front desk|line is|our (?:agency|office|program|clinic|team|org\w*)|agency|office|department|dept|program|programs|services|service|center|centre|clinic|hospital|foundation|association|fax|toll[- ]free|tty|text \w+ to|call \d{3}|24\/7|crisis team|mobile crisis|team is|staffed|my (?:work|office|cell|direct)|reach me|contact me|email me|call me|text me|my email|my number|my ext|ext\. \d+ if)\b/i;

/** "my son", "our daughter": the author's own family, which the policy leaves alone. */
const OWN_FAMILY = /\b(?:my|our)\s+(?:own\s+)?(?:son|daughter|kid|kids|child|children|husband|wife|partner|mom|mother|dad|father|parents?|sister|brother|grand(?:ma|mother|pa|father|kids?|son|daughter)|aunt|uncle|family|baby|toddler|boyfriend|girlfriend|fiance|fiancée?)\b/gi;

/** Whether text names a client or their circle, not counting the author's own family. */
export const mentionsClient = (text: string): boolean => CLIENT_CUE.test(text.replace(OWN_FAMILY, " "));

/** Who a sentence is about: a client cue in it, or a pronoun in a message that is about a client. */
export const aboutClient = (sentence: string, message: string): boolean =>
  mentionsClient(sentence) || (PERSON_PRONOUN.test(sentence) && mentionsClient(message));

const ABBREVIATION = /\b(?:mr|mrs|ms|mx|dr|st|jr|sr|prof|vs|etc|e\.g|i\.e|approx|apt|ave|rd|no|vol|dept|inc|ft|mt|[a-z])$/i;

/** Where sentences end: ! ? ; | and newlines, and a full stop that is not an abbreviation's. */
let memo: { text: string; cuts: number[] } = { text: "", cuts: [] };
const boundaries = (text: string): number[] => {
  // Detectors ask about many spans of the same message in a row: scan it once.
  if (memo.text === text) return memo.cuts;
  const cuts: number[] = [];
  for (const m of text.matchAll(/[!?;\n|]+|\.(?=\s|$)/g)) {
    if (m[0] === "." && ABBREVIATION.test(text.slice(Math.max(0, m.index! - 6), m.index!))) continue;
    cuts.push(m.index! + m[0].length);
  }
  memo = { text, cuts };
  return cuts;
};

/** The sentence around a span: enough to read its context without the whole message. */
export const sentenceAround = (text: string, start: number, end: number): string => {
  let from = 0, to = text.length;
  for (const cut of boundaries(text)) {
    if (cut <= start) from = cut;
    else if (cut > end) {
      to = cut;
      break;
    }
  }
  return text.slice(from, to);
};

export const before = (text: string, start: number, n = 40): string => text.slice(Math.max(0, start - n), start);
export const after = (text: string, end: number, n = 40): string => text.slice(end, end + n);
