import { stripMarkup } from "../guard/strip-markup";
import type { ToneCategory, ToneResult, ToneSpan } from "./tone-types";
import { CLIENT_LABELS, CLIENT_WORDS, COLLEAGUE_WORDS, CONTEMPT_EMOJI, INSULTS, LIKENINGS, PROFESSION_CONTEMPT, PROFESSION_WORDS, SNEERS, SYSTEM_WORDS } from "./tone-words";

const words = (source: string, flags = "iu") => new RegExp(`(?<![\\p{L}\\p{N}_])(?:${source})(?![\\p{L}\\p{N}_])`, flags);
export const CLIENT = words(CLIENT_WORDS);
export const COLLEAGUE = words(COLLEAGUE_WORDS);
export const PROFESSION = words(PROFESSION_WORDS);
export const SYSTEM = words(SYSTEM_WORDS);
const LABEL = words(CLIENT_LABELS);
const INSULT = words(INSULTS);
const PROF_CONTEMPT = words(PROFESSION_CONTEMPT);
const SNEER = words(SNEERS);
const LIKENING = words(LIKENINGS);
const EMOJI = new RegExp(CONTEMPT_EMOJI, "u");
const LAUGH = /😂|🤣|:joy:|:rofl:/u;
/** Adjectives that sneer only when they land on people: "entitled parents", "manipulative junkies". */
const ADJ_ON_PEOPLE = words(String.raw`(?:entitled|manipulative|lazy|needy|whiny|dramatic|ungrateful|hopeless)(?: \w+)? (?:clients?|parents?|moms?|dads?|families|teens?|kids?|people|folks|freeloaders|junkies|addicts)`);
/** A named agency or a named colleague: "at Quillfield Family Services", "Karen in billing". */
const NAMED_COLLEAGUE = /\b(?:at|from) (?:the )?(?:[A-Z][\w'-]+ ){1,4}(?:Services|Agency|Center|Centre|Clinic|Hospital|Office|Department|Partners|Alliance)\b|\b(?:everyone|everybody|people|staff) (?:at|in) [A-Z][\w'-]+|\b[A-Z][a-z]+ (?:in|from) (?:billing|hr|intake|admin|accounting|finance|legal|records)\b|\b(?:my |our )?(?:coworker|co-worker|colleague|supervisor|boss|manager|intern) [A-Z][a-z]+\b|@m{3,}/;

/** A slur or label quoted in order to question it: "a coworker called our clients 'frequent flyers'". */
export const CHALLENGE = /\b(?:called|calls|calling|referred to|refers to|labell?ed|gets? marked|marked as|keeps? (?:calling|saying))\b[^.!?\n]{0,60}['"‘“]|\b(?:push back|how do i (?:address|respond|handle|challenge|call (?:it|this) out)|how would you(?: have)? respond(?:ed)?|nobody said anything|is it ok(?:ay)? to say|stop (?:saying|calling))\b/i;
/** Talk about one's own state: never nudged for the words that describe it. */
const SELF = /\b(?:i'?m|i am|i feel|i felt|i was|i've been|makes me feel|made me feel|me|myself)\s+(?:so |such |like |a |an |totally |completely |really )*(?:an? )?$/i;
/** Burnout, grief and distress: weak signals (an emoji, a sneer) are never enough in such posts. */
export const DISTRESS = /\b(?:burn(?:ed|t)? ?out|burnt|compassion fatigue|vicarious trauma|moral injury|grief|grieving)\b|\b(?:i|i'm|im|i am|i've|me|my|we)\b[^.!?]{0,30}\b(?:exhausted|cried|crying|so done|dark place|heavy|can'?t shake|overwhelmed|numb|feel nothing|falling apart|breaking down|scared|shaking)\b/i;

interface Sentence { start: number; text: string }

const sentences = (text: string): Sentence[] => {
  const out: Sentence[] = [];
  const re = /[^.!?\n]+(?:[.!?]+|\n|$)/g;
  for (let m; (m = re.exec(text)) && m[0].length; ) out.push({ start: m.index, text: m[0] });
  return out.length ? out : [{ start: 0, text }];
};

/** Lowercases without changing any offset (a few letters change length when lowercased). */
const lower = (s: string) => {
  const l = s.toLowerCase();
  return l.length === s.length ? l : s.replace(/[A-Z]/g, (c) => c.toLowerCase());
};

/** The text a rule reads: markup blanked, mentions kept as a same-length "@mmm" so offsets point into the original. */
export const normalizeForTone = (original: string) => {
  const marked = original
    .replace(/<@[!&]?[^<>\s]*>/g, (m) => `@${"m".repeat(m.length - 1)}`)
    .replace(/\uE000@[^\uE001\s]*\uE001/g, (m) => `@${"m".repeat(m.length - 1)}`);
  return stripMarkup(marked).text;
};

const all = (re: RegExp, text: string, from = 0) => [...text.matchAll(new RegExp(re.source, re.flags.includes("g") ? re.flags : `${re.flags}g`))].map((m) => ({ start: from + m.index!, end: from + m.index! + m[0].length, text: m[0] }));

/**
 * Finds wording that holds clients, colleagues or the profession in contempt. The wording decides,
 * not the topic: labels and insults aimed at a person, contempt for the profession as a whole,
 * scare quotes and eye-rolls at what a client said. Anger at systems, burnout and grief, debate,
 * advocacy and a slur quoted to challenge it are left alone; when in doubt, nothing is flagged.
 */
export const detectTone = (original: string): ToneResult => {
  const norm = normalizeForTone(original);
  const low = lower(norm);
  const spans: (ToneSpan & { category: ToneCategory; strong: boolean })[] = [];
  const push = (s: { start: number; end: number }, category: ToneCategory, rule: string, strong: boolean) => {
    if (spans.some((x) => x.start < s.end && s.start < x.end)) return;
    spans.push({ start: s.start, end: s.end, text: original.slice(s.start, s.end), category, rule, strong });
  };
  const challenged = CHALLENGE.test(norm);
  const distress = DISTRESS.test(norm);
  const inQuotes = (start: number, end: number) => /['"‘“]\s*$/.test(low.slice(Math.max(0, start - 2), start)) && /^\s*['"’”]/.test(low.slice(end, end + 2));
  const selfDirected = (start: number) => SELF.test(low.slice(Math.max(0, start - 40), start));
  const postHasClient = CLIENT.test(low);
  const postHasProfession = PROFESSION.test(low);

  for (const s of sentences(low)) {
    const t = s.text;
    const has = { client: CLIENT.test(t), colleague: COLLEAGUE.test(t) || NAMED_COLLEAGUE.test(norm.slice(s.start, s.start + t.length)), profession: PROFESSION.test(t), system: SYSTEM.test(t) };

    // Contempt for the profession as a whole.
    if (has.profession || (postHasProfession && /\b(?:they|them|those|these|we)\b/.test(t))) {
      for (const m of all(PROF_CONTEMPT, t, s.start)) push(m, "profession_disparagement", "profession-contempt", true);
    }

    // Labels that dehumanize clients; quoted to challenge them, they are not the author's.
    for (const m of all(ADJ_ON_PEOPLE, t, s.start)) if (!selfDirected(m.start)) push(m, "client_disparagement", "client-label", true);
    for (const m of all(LABEL, t, s.start)) {
      if ((challenged && inQuotes(m.start, m.end)) || selfDirected(m.start)) continue;
      const generic = /^(?:idiots?|morons?|stupid|too dumb|so dumb|dumb as|lazy|manipulative|entitled)$/.test(m.text);
      if (generic && !has.client) continue;
      if (generic && has.colleague && !has.client) continue;
      push(m, "client_disparagement", "client-label", true);
    }

    // Put-downs of a colleague, a supervisor or a named agency.
    if (has.colleague) {
      for (const m of all(INSULT, t, s.start)) {
        if (selfDirected(m.start) || (challenged && inQuotes(m.start, m.end))) continue;
        if (/^(?:joke|tool|hack|clowns?|nightmare|lazy)$/.test(m.text) && !/\b(?:is|are|'s|a|an|such)\s+(?:a |an |such a |total |complete |real |absolute )*$/.test(t.slice(0, m.start - s.start))) continue;
        push(m, "colleague_disparagement", "colleague-insult", true);
      }
    } else if (has.client && !has.system) {
      for (const m of all(words(String.raw`idiots?|morons?|imbeciles?|dumb as (?:a (?:box of )?rocks?|hell|a brick|dirt)|brainless|waste of (?:space|oxygen|air)`), t, s.start)) {
        if (!selfDirected(m.start) && !(challenged && inQuotes(m.start, m.end))) push(m, "client_disparagement", "client-insult", true);
      }
    }

    // Likening people to objects, animals or toddlers.
    for (const m of all(LIKENING, t, s.start)) {
      if (selfDirected(m.start) || has.system && !has.client && !has.colleague) continue;
      push(m, has.colleague && !has.client ? "colleague_disparagement" : has.profession && !has.client ? "profession_disparagement" : "client_disparagement", "likening", true);
    }

    // Sarcasm at the person just mentioned.
    for (const m of all(SNEER, t, s.start)) {
      if (!postHasClient && !has.colleague) continue;
      push(m, has.colleague && !has.client ? "colleague_disparagement" : "client_disparagement", "sneer", false);
    }

    // Scare quotes around what a client said or claims: "he 'forgot'", "her 'migraines' 🙄".
    for (const q of t.matchAll(/(?<![\p{L}\p{N}])(['‘"“])([^'’"”\n]{2,40}?)(['’"”])(?![\p{L}\p{N}])/gu)) {
      const start = s.start + q.index!;
      const end = start + q[0].length;
      const before = t.slice(0, q.index!);
      if (/\b(?:called|calls|calling|call|labell?ed|marked|referred|so-called|the|a|an|this|that|our|their)\s*$/.test(before) && !/\b(?:his|her|their|my)\s*$/.test(before)) continue;
      if (SYSTEM.test(before.slice(-30)) || challenged) continue;
      const aimed = /\b(?:he|she|they|his|her|their|client|mom|dad|parent|teen|guy|kid)\b[^.!?]{0,25}$/.test(before) || /^\s*(?:again|lol|lmao|🙄|😂|:roll_eyes:|:clown_face:|but somehow|sure|ok|yeah)/.test(t.slice(q.index! + q[0].length));
      const sneering = EMOJI.test(t) || SNEER.test(t) || /\b(?:lol|lmao|sure|somehow|again|yeah ok|ok)\b/.test(t) || /\b(?:for the \d+(?:st|nd|rd|th)|again)\b/.test(low);
      if (aimed && sneering && postHasClient) {
        const lead = /\b(?:he|she|they|his|her|their)\s*$/.exec(before);
        push({ start: lead ? s.start + lead.index : start, end }, "client_disparagement", "scare-quotes", false);
      }
    }

    // Eye-rolls and clowns aimed at a client's choices (not at a system, and never in a post about distress).
    for (const m of all(EMOJI, t, s.start)) {
      const laugh = LAUGH.test(m.text);
      const aimedAtClient = (has.client || (postHasClient && s.text.length < 40)) && !has.system;
      if (!aimedAtClient || (laugh && !spans.length && !SNEER.test(low))) continue;
      if (distress && !spans.some((x) => x.strong)) continue;
      push(m, "client_disparagement", "eye-roll", false);
    }
  }

  // Weak signals alone (a sneer, an emoji, quotes) count only together, or beside a strong one, and
  // never in a post about burnout or grief.
  const strong = spans.filter((x) => x.strong);
  const weak = spans.filter((x) => !x.strong);
  const flagged = strong.length > 0 || (!distress && (weak.length >= 2 || weak.some((x) => x.rule === "sneer" || x.rule === "scare-quotes" || (x.rule === "eye-roll" && !LAUGH.test(x.text)))));
  if (!flagged) return { flagged: false, category: null, spans: [] };
  const kept = spans.sort((a, b) => a.start - b.start);
  const votes = new Map<ToneCategory, number>();
  for (const x of kept) votes.set(x.category, (votes.get(x.category) ?? 0) + (x.strong ? 2 : 1));
  const category = [...votes.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { flagged: true, category, spans: kept.map(({ start, end, text, rule }) => ({ start, end, text, rule })) };
};
