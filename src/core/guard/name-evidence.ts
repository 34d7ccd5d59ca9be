import { isCommonWord, isDictionaryWord, isGivenName, isNameLike, isNonName, isSurname } from "./lexicon";
import type { Token } from "./tokens";

/**
 * How much a word's shape and vocabulary say "this is a name", before any context:
 * 0 nothing (a dictionary word, a programme, a medicine), 1 weak (opens a sentence, or a name that is
 * also an everyday word: "Hope", "Summer"), 2 good (a capital mid-sentence on a word no dictionary
 * has, or a listed name that is a rare word: "Maria"), 3 strong (both: unknown to the dictionary and
 * in the name lists). Name lists only raise or lower the evidence; the shape is what finds a name the
 * lists have never seen.
 */
export const nameEvidence = (t: Token): number => {
  const w = t.text;
  if (w.length < 2 || isNonName(w) || /^I['’]|['’](?:t|re|ve|ll|d|m)$/i.test(w)) return 0;
  // Acronyms and brand casing ("LGBTQ", "PHQ-A", "iPhone") are never names.
  if (!t.lower && !t.capitalised) return 0;
  const dict = isDictionaryWord(w);
  const listed = isGivenName(w) || isSurname(w);
  const common = isCommonWord(w);
  if (t.lower || t.initial) {
    // Capitals say nothing here: only the vocabulary speaks, and a context must confirm it. A capitalised
    // word no dictionary has is still a proper noun, even opening a sentence.
    if (!dict) return listed || isNameLike(w) ? 2 : t.capitalised ? 1.5 : 1;
    return listed && !common ? 1 : 0;
  }
  if (!dict) return listed || isNameLike(w) ? 3 : 2;
  if (listed) return common ? 1 : 2;
  return 0;
};
