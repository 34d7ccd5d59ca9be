/**
 * A rough guess at a post's main language from its most frequent function words: enough for the
 * learned layer to weigh a capitalised word differently in German (every noun) than in Spanish.
 */
const FUNCTION_WORDS: Record<string, string[]> = {
  en: ["the", "and", "is", "to", "of", "my", "she", "he", "her", "his", "with", "for", "this", "that", "was", "have", "in", "it", "on", "i"],
  es: ["el", "la", "los", "las", "que", "y", "en", "un", "una", "es", "por", "con", "para", "no", "se", "lo", "del", "al", "mi", "su", "pero", "muy"],
  fr: ["le", "la", "les", "des", "et", "est", "un", "une", "qui", "pas", "pour", "avec", "dans", "ce", "je", "il", "elle", "nous", "ma", "mon", "du", "au"],
  pt: ["o", "a", "os", "as", "que", "e", "do", "da", "em", "um", "uma", "não", "para", "com", "meu", "minha", "é", "no", "na", "ele", "ela", "mas"],
  pl: ["i", "w", "z", "na", "się", "nie", "jest", "to", "że", "do", "jak", "ale", "mój", "moja", "od", "po", "czy", "już", "jej", "jego"],
  de: ["der", "die", "das", "und", "ist", "nicht", "ich", "mit", "ein", "eine", "zu", "den", "von", "mein", "meine", "sie", "er", "auf", "für", "wir"],
  tl: ["ang", "ng", "mga", "sa", "na", "si", "ay", "ko", "ako", "hindi", "siya", "po", "kay", "niya", "nang", "lang", "pa", "din", "rin"],
  vi: ["và", "của", "là", "có", "không", "người", "tôi", "được", "một", "các", "cho", "với", "em", "bà", "ông", "đã", "này", "rất"],
  ar: ["في", "من", "على", "إلى", "أن", "هذا", "التي", "الذي", "مع", "ما", "هو", "هي", "لا", "كان", "عن", "قد"],
};
const INDEX = new Map<string, string[]>();
for (const [lang, words] of Object.entries(FUNCTION_WORDS)) for (const w of words) INDEX.set(w, [...(INDEX.get(w) ?? []), lang]);

export const guessLanguage = (text: string): string => {
  const counts = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}]+/gu)) for (const lang of INDEX.get(m[0]) ?? []) counts.set(lang, (counts.get(lang) ?? 0) + 1);
  let best = "en", top = 0;
  for (const [lang, n] of counts) if (n > top || (n === top && lang === "en")) [best, top] = [lang, n];
  return top === 0 ? "unknown" : best;
};
