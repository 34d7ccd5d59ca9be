import { BloomFilter } from "../text-model/bloom-filter";
import { WordList } from "../text-model/word-list";

/**
 * The guard's word lists, distilled from npm packages by src/tools/build-guard-lexicon.ts into one
 * committed file: English dictionary words, common spoken words, given names and surnames (several
 * locales), a large list of name-like words, US and Canadian places, public figures and proper nouns
 * that are not people. Read and indexed on first use, so creating the guard costs nothing until it runs.
 */
const LIST_NAMES = ["words", "common", "given", "surnames", "nameLike", "places", "figures", "nonNames", "stop", "worldPlaces"] as const;
type Lists = Record<(typeof LIST_NAMES)[number], WordList> & { foreign: BloomFilter };
/** The shipped file's shape: each list sorted and newline-joined; the foreign dictionary as a Bloom filter. */
export type LexiconData = Record<(typeof LIST_NAMES)[number], string> & { about?: string; foreign: string; foreignHashes: number };

// Where the lists come from is the composition root's choice: the bundled JSON (tests, the guard CLI),
// or the file read on first use (the bot and the jobs, which may never need it).
let source: (() => LexiconData) | undefined;
let lists: Lists | undefined;

/** Sets where the word lists come from; they are read on first use. */
export const useLexicon = (from: () => LexiconData): void => {
  if (source !== from) lists = undefined;
  source = from;
};

const load = (): Lists => {
  if (lists) return lists;
  if (!source) throw new Error("the confidentiality guard has no word lists: create it with createGuard(lexicon)");
  const data = source();
  if (LIST_NAMES.some((k) => typeof data[k] !== "string") || typeof data.foreign !== "string" || !(data.foreignHashes > 0)) {
    throw new Error("the guard's word lists are malformed: rebuild them with `npm run guard:lexicon`");
  }
  const set = (s: string) => new WordList(s);
  lists = {
    words: set(data.words), common: set(data.common), given: set(data.given), surnames: set(data.surnames),
    nameLike: set(data.nameLike), places: set(data.places), figures: set(data.figures), nonNames: set(data.nonNames),
    stop: set(data.stop), worldPlaces: set(data.worldPlaces), foreign: BloomFilter.fromBase64(data.foreign, data.foreignHashes),
  };
  return lists;
};

/** Lowercase, with the possessive and curly apostrophes folded: "O’Brien's" → "o'brien". */
export const fold = (word: string): string => word.toLowerCase().replace(/’/g, "'").replace(/'s$/, "");

/** An English dictionary word (lowercase in the dictionary, so proper nouns are not counted). */
export const isDictionaryWord = (word: string): boolean => {
  const w = fold(word);
  const l = load();
  if (l.words.has(w)) return true;
  // Hyphenated compounds of dictionary words ("follow-up", "co-worker").
  return w.includes("-") && w.split("-").every((p) => p.length > 0 && l.words.has(p));
};
/** A word people say often ("hope", "will", "summer"): as a name it needs a person slot. */
export const isCommonWord = (word: string): boolean => load().common.has(fold(word));
export const isGivenName = (word: string): boolean => load().given.has(fold(word));
export const isSurname = (word: string): boolean => load().surnames.has(fold(word));
/** In a 200k list of first and last names from many countries: weak evidence only. */
export const isNameLike = (word: string): boolean => {
  const w = fold(word);
  const l = load();
  return l.given.has(w) || l.surnames.has(w) || l.nameLike.has(w);
};
export const isKnownPlace = (place: string): boolean => load().places.has(fold(place));
/** A town of one of the countries members write from, outside the US and Canada. */
export const isWorldPlace = (place: string): boolean => load().worldPlaces.has(fold(place));
export const isPublicFigure = (fullName: string): boolean => load().figures.has(fold(fullName).replace(/\s+/g, " "));
/** Programs, medicines, apps, holidays, languages, peoples, organisations: capitalised, never a client. */
export const isNonName = (word: string): boolean => load().nonNames.has(fold(word));
/** A function word of one of the languages members write in ("de", "und", "ang", "của"). */
export const isStopword = (word: string): boolean => load().stop.has(fold(word));
/** A word of Spanish, French, Portuguese or German (a Bloom filter: about 1% of other strings pass too). */
export const isForeignWord = (word: string): boolean => load().foreign.has(fold(word));

const US_STATES = new Set([
  "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii",
  "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
  "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
  "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
  "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "puerto rico",
  "guam", "district of columbia", "the us", "us", "usa", "america", "canada", "mexico", "midwest", "the midwest", "south", "north",
  "east", "west", "new england", "appalachia", "bay area", "the bay area", "pacific northwest", "southwest", "northeast", "southeast",
  "ontario", "quebec", "british columbia", "alberta", "manitoba", "saskatchewan", "nova scotia", "new brunswick", "uk", "england",
  "scotland", "wales", "ireland", "europe", "africa", "asia", "latin america", "central america", "south america", "the south",
]);
export const STATE_CODES = new Set([
  "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA", "KS", "KY", "LA", "ME", "MD", "MA",
  "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
  "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY", "DC", "PR", "ON", "BC", "AB", "QC", "MB", "SK", "NS",
]);

/** States, provinces, countries and regions: too large to single anyone out. */
export const isRegionName = (place: string): boolean => {
  const p = fold(place).trim();
  return US_STATES.has(p) || STATE_CODES.has(place.trim());
};

/** Reads and indexes the lists now (a door warms the guard after start, so no member waits for it). */
export const warmLexicon = (): void => void load();
