import { after, before, mentionsClient, PERSON_PRONOUN, sentenceAround } from "./context";
import type { Push } from "./guard-types";
import { couldBeGivenName, isCommonWord, isGivenName, isRegionName, isSurname } from "./lexicon";


const CAP = String.raw`[A-Z][a-z]*(?:['’-][A-Za-z][a-z]+)*`;
const NAME = String.raw`${CAP}(?:\s+(?:[A-Z]\.|(?:van|von|de|del|della|da|di|der|den|la|le|bin|ibn|al)\b|${CAP})){0,3}`;
const ANY_CASE_WORD = String.raw`[A-Za-z][a-z]+(?:['’-][A-Za-z][a-z]+)*`;

/** Professionals, authors and public figures: names that are not clients'. */
const NOT_CLIENT_BEFORE = /\b(dr|prof|professor|supervisor|supervisors|my supervisor|manager|director|coordinator|coworker|co-worker|colleague|intern|therapist|counselor|caseworker|case manager|worker|teacher|judge|attorney|lawyer|officer|nurse|psychiatrist|gal|ceo|author|by|from|with|thanks|thank you|shout ?out to|kudos to|hosted by|presented by|led by|according to|cc|covering for|cover for|for(?= \w+ \(@)|per|email|ping|via|&|st)\.?\s*$/i;
/** A professional named with a title: "her caseworker at DCFS, Ms. Patterson", "Judge Mrs. Okafor". */
const PROFESSIONAL_NEAR = /\b(caseworker|case ?manager|worker|teacher|principal|counsel(?:or|lor)|therapist|psychiatrist|doctor|nurse|judge|attorney|lawyer|officer|supervisor|director|manager|coordinator|colleague|coworker|co-worker|professor|landlord'?s? attorney|gal|advocate|pastor|priest|rabbi|imam)\b[^.!?]{0,25}$/i;
const CITATION_AFTER = /^(?:'s)?\s*(?:\(\d{4}\)|,\s*\d{4}\)|,\s*[A-Z]\.|\s+et al|\s*&\s*[A-Z]|\s+and\s+[A-Z][a-z]+['’]s|['’]s\s+(?:\*|"|'|[A-Z][a-z]+\s+[A-Z]|book|article|work|talk|model|theory|framework|stages|study|research|podcast|ted|method|approach|\d)|\s*\(@)/;
const ORG_AFTER = /^\s+(?:project|foundation|center|centre|family services|services|programs?|house|institute|university|college|hospital|clinic|agency|society|association|lifeline|trust|fund|network|county|city|school|academy|middle|elementary|high|church|ministries|corps|institute)\b/i;
const ORG_WORD = /\b(?:Project|Foundation|Center|Centre|Services|Programs?|House|Institute|University|College|Hospital|Clinic|Agency|Society|Association|Lifeline|Trust|Fund|Network|County|School|Academy|Church|Ministries|Corps|Court|Department|Coalition|Alliance|Council|Partners|Group|Inc|LLC)\b/;
const FICTION = /\b(vignette|exam|practice q(?:uestion)?|aswb|hypothetical|fictional|made[- ]up|case study|textbook|role[- ]?play|for example|e\.g\.|pseudonym|i'll call (?:him|her|them))\b/i;
const PLACEHOLDER = /^(?:client|person|patient|youth|parent|child|kid|family)\s+[A-Z]$|^[A-Z]$/i;
const PET = /\b(dog|cat|puppy|kitten|pet|bird|horse|service (?:dog|animal)|support (?:dog|animal)|esa)\s*,?\s*(?:named\s+|called\s+)?$/i;
const RELATIONS = String.raw`(?:mom|mum|mother|dad|father|parents?|grand(?:ma|mother|pa|father|parents)|aunt|uncle|sister|brother|siblings?|son|daughter|baby|kids?|children|husband|wife|partner|boyfriend|girlfriend|foster (?:mom|dad|parents?)|caregiver|guardian|interpreter|caseworker|case ?worker|therapist|teacher|po|probation officer|landlord|file|chart|case|record|roi|iep|504|appointment|intake|placement|hearing|school|medication|meds)`;

/** "update on" → "[Uu]pdate on": the phrase may open a sentence, the name after it stays case-sensitive. */
const capitalisable = (phrases: string[]) => phrases.map((p) => `[${p[0]!.toUpperCase()}${p[0]}]${p.slice(1)}`).join("|");

/** Phrases that introduce the client by name: "my client Maria", "Kid is Tyrone", "referring Aurelio". */
const INTRODUCED = new RegExp(String.raw`\b(?:(?:my|our|a|the|new)\s+)?(?:client|pt|patient|consumer|resident|youth|kid|teen|student|mentee|foster (?:son|daughter|child|kid|youth)|participant|referral)s?\b(?:\s*\(|[,:]?\s*)(?:named\s+|called\s+|is\s+|was\s+)?(${NAME})|\b(?:kid|youth|teen|child|student|client) is\s+(${NAME})|\b(?:${capitalisable(["referring", "discharging", "admitting", "admitted", "discharged", "seeing", "saw", "visited", "placed", "update on", "updates on", "news on", "this is for", "transporting", "picking up", "ask for", "asking for", "worried about", "working with my client"])})\s+(${NAME})`, "g");
const TITLED = /\b(?:[Mm](?:rs?|s|iss|x)|MRS?|MS)\.?\s+([A-Za-z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)/g;
const FAMILY = new RegExp(String.raw`\bthe\s+(${CAP})\s+(?:family|families|twins|kids|children|boys|girls|siblings|household|brothers|sisters|parents)\b|\bthe\s+([A-Z][a-z]+(?:['’-][A-Z][a-z]+)*s)\b(?=\s*(?:—|–|-|,|got|are|were|have|had|just|finally|moved|called|came)\b|\s*[—–])`, "g");
const WITH_AGE = new RegExp(String.raw`(${NAME})(?:\s*,\s*|\s+\(|\s{2,})(\d{1,2})(?:\s*(?:yo|y\/o|years? old))?\s*(?:[,)]|\s{2,}|\s+(?:and|with|who|is|was|has|yo|y\/o|years)|$)`, "g");
const POSSESSIVE = new RegExp(String.raw`(${NAME}|\b${ANY_CASE_WORD})['’]s\s+(?:\w+\s+)?${RELATIONS}\b`, "g");
const ROSTER = /\b(?:roster|attendees|attendance|participants|group|kids|clients|youth|teens|members|students|families|caseload|referrals)\b[^:\n]{0,25}:\s*((?:[A-Z][\w'’-]+(?:\s+[A-Z]\.)?)(?:\s*(?:,\s*(?:and\s+|&\s+)?|\s+and\s+|\s*&\s*)[A-Z][\w'’-]+(?:\s+[A-Z]\.)?)+)/g;
/** Words that stand before an age without being names: "Client, 96,", "Son (12)". */
const PERSON_NOUN = /^(son|daughter|boy|girl|man|woman|baby|infant|toddler|husband|wife|partner|mother|father|grandma|grandpa|grandmother|grandfather|resident|veteran|adult|child|sibling|brother|sister|male|female|age|aged|ages)$/i;
/** "jaylen skipped group again": a sentence opening with a name and something a client did. */
const SUBJECT = new RegExp(String.raw`(?:^|[.!?:—–]\s+|\n)(${ANY_CASE_WORD})\s+(?:(?:has|had|just|finally|also|still|never|again)\s+)?(?:skipped|missed|refused|relapsed|ran away|disclosed|showed up|no-showed|got (?:arrested|evicted|kicked out|suspended|expelled)|was (?:admitted|discharged|arrested|removed|placed|hospitalized)|has been|keeps|won't|didn't|doesn't|can't|told me|said (?:she|he|they)|came to (?:group|session)|turned \d+|got (?:the|a|an|his|her|their|into|accepted|approved|housed|placed|hired|sober)|moved (?:in|out|into)|graduated|passed (?:her|his|their|the))`, "g");
const NOT_A_NAME = /^(he|she|they|we|i|it|you|my|our|the|a|an|this|that|client|clients|mom|dad|everyone|someone|somebody|nobody|kid|kids|teen|teens|youth|patient|family|grandma|grandpa|nobody|who|which|what|there|today|yesterday|again|also|still|and|but|so|then|now|just|honestly|ugh|lol|update|anyone|everybody|one|none|parent|parents|student|students|resident|sis|bro|he's|she's)$/i;
const QUOTED_NICK = /['"“‘]([A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2})['"”’]\s+(?:showed|came|was|is|has|had|said|told|got|keeps|kept|walked|ran|left|started|stopped|missed|refused|asked|called|texted)/g;
const QUOTED_FULL = /['"“‘]((?:[A-Z][a-z'’-]+)(?:\s+[A-Z][a-z'’-]+){1,3})['"”’]/g;
const WORD = new RegExp(String.raw`(?<![\w@#/.-])(${ANY_CASE_WORD})(?:\s+(${CAP}))?(?![\w@/-])`, "g");

export const detectNames = (text: string, push: Push): void => {
  const fiction = FICTION.test(text);
  const clientMessage = mentionsClient(text);
  const add = (name: string, start: number) => {
    const trimmed = name.replace(/['’]s$/, "").replace(/[\s,.]+$/, "");
    if (!trimmed || PLACEHOLDER.test(trimmed) || isRegionName(trimmed) || ORG_WORD.test(trimmed)) return;
    if (NOT_CLIENT_BEFORE.test(before(text, start, 30)) || PET.test(before(text, start, 20))) return;
    if (CITATION_AFTER.test(text.slice(start + trimmed.length, start + trimmed.length + 30)) || ORG_AFTER.test(after(text, start + trimmed.length, 30))) return;
    push({ type: "person_name", start, end: start + trimmed.length });
  };

  for (const m of text.matchAll(TITLED)) {
    if (fiction || /^dr/i.test(m[0]) || PROFESSIONAL_NEAR.test(before(text, m.index!, 45))) continue;
    push({ type: "person_name", start: m.index!, end: m.index! + m[0].replace(/['’]s$/, "").length });
  }
  for (const m of text.matchAll(INTRODUCED)) {
    const name = m[1] ?? m[2] ?? m[3];
    if (!name || fiction) continue;
    const start = m.index! + m[0].lastIndexOf(name);
    if (/^(is|was|has|had|and|the|a|who|with|in|on|at|for|to|of|from|that|this|but|or)$/i.test(name.split(/\s+/)[0]!)) continue;
    if (!couldBeGivenName(name.split(/\s+/)[0]!) && !/^[A-Z]/.test(name)) continue;
    if (/^(?:[A-Z][a-z]+)$/.test(name) && !couldBeGivenName(name) && !isSurname(name) && !/^[A-Z]/.test(text[start] ?? "")) continue;
    add(name, start);
  }
  for (const m of text.matchAll(FAMILY)) {
    const name = m[1] ?? m[2]!;
    if (fiction || /^(The|This|That|These|Those|Our|My)$/.test(name)) continue;
    add(name, m.index! + m[0].indexOf(name));
  }
  for (const m of text.matchAll(WITH_AGE)) {
    const name = m[1]!, age = Number(m[2]);
    if (fiction || age < 1 || age > 99 || NOT_A_NAME.test(name) || PERSON_NOUN.test(name)) continue;
    const first = name.split(/\s+/)[0]!;
    if (!(couldBeGivenName(first) || isSurname(first) || name.includes(" ") || clientMessage)) continue;
    add(name, m.index!);
  }
  for (const m of text.matchAll(POSSESSIVE)) {
    const name = m[1]!;
    if (fiction) continue;
    const first = name.split(/\s+/)[0]!;
    if (!/^[A-Z]/.test(name) && !isGivenName(first)) continue;
    if (/^(client|my|her|his|their|the|a|our|your|patient|kid|youth|teen|child|mom|dad|today|yesterday|everyone|someone|nobody)$/i.test(first)) continue;
    if (!couldBeGivenName(first) && !isSurname(first) && name.split(/\s+/).length < 2 && !clientMessage) continue;
    add(name, m.index!);
  }
  for (const m of text.matchAll(ROSTER)) {
    if (fiction || /\b(reading|book|journal|study|discussion)\b/i.test(m[0])) continue;
    const listStart = m.index! + m[0].indexOf(m[1]!);
    for (const n of m[1]!.matchAll(/[A-Z][\w'’-]+(?:\s+[A-Z]\.)?/g)) add(n[0], listStart + n.index!);
  }
  for (const m of text.matchAll(SUBJECT)) {
    const word = m[1]!;
    if (fiction || NOT_A_NAME.test(word) || !clientMessage || isCommonWord(word)) continue;
    add(word, m.index! + m[0].indexOf(word));
  }
  for (const m of text.matchAll(QUOTED_NICK)) {
    if (fiction || PLACEHOLDER.test(m[1]!)) continue;
    const start = m.index! + 1;
    if (clientMessage || /\bgroup\b/i.test(text)) push({ type: "person_name", start, end: start + m[1]!.length });
  }
  for (const m of text.matchAll(QUOTED_FULL)) {
    if (fiction || !clientMessage || !couldBeGivenName(m[1]!.split(/\s+/)[0]!)) continue;
    add(m[1]!, m.index! + 1);
  }
  // Any given name the lexicon knows, in a sentence about a client, unless the context says colleague or author.
  for (const m of text.matchAll(WORD)) {
    const word = m[1]!;
    if (!isGivenName(word)) continue;
    const lower = word === word.toLowerCase();
    const sentenceStart = /(^|[.!?]\s+|\n)$/.test(text.slice(0, m.index!));
    const s = sentenceAround(text, m.index!, m.index! + m[0].length);
    if (!(mentionsClient(s) || (PERSON_PRONOUN.test(s) && clientMessage))) continue;
    if (fiction || (lower && /\b(?:the|a|an|my|our|your|this|that)\s+$/i.test(before(text, m.index!, 8)))) continue;
    if (!lower && sentenceStart && !/^\s*(?:[,—–-]|has|had|is|was|got|just|finally|said|told|keeps|missed|came|showed|asked|'s|’s)/.test(after(text, m.index! + m[0].length, 10)) && !m[2]) continue;
    add(m[2] ? `${word} ${m[2]}` : word, m.index!);
  }
};
