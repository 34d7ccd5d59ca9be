import nlp from "compromise";

/**
 * Word lists from compromise's built-in lexicon (about 3,000 given names, 900 surnames, countries
 * and regions), read once. Shipped inside the npm package: nothing is downloaded at run time.
 */
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const tagged = (tags: string[]) =>
  new Set(Object.entries(lexicon).filter(([, t]) => (Array.isArray(t) ? t : [t]).some((x) => tags.includes(x))).map(([w]) => w));

const FIRST_NAMES = tagged(["FemaleName", "MaleName", "FirstName"]);
const LAST_NAMES = tagged(["LastName"]);
const REGIONS = tagged(["Country", "Region", "Demonym"]);

// Given names that are everyday words too; alone, they say nothing about a person.
const AMBIGUOUS = new Set([
  "will", "mark", "grace", "hope", "faith", "joy", "may", "june", "april", "august", "bill", "rose", "ivy", "summer", "autumn",
  "dawn", "sky", "river", "major", "judge", "king", "price", "rich", "young", "long", "page", "bishop", "dean", "chase",
  "miles", "jack", "guy", "pat", "sue", "ray", "gene", "art", "don", "frank", "honey", "ruby", "pearl", "amber", "crystal",
  "destiny", "harmony", "melody", "sunny", "angel", "mercy", "patience", "charity", "trinity", "lane", "sterling", "brook",
  "cliff", "glen", "heath", "holly", "iris", "lily", "penny", "violet", "misty", "storm", "star", "rocky", "buck", "drew",
  "carol", "jan", "ben", "al", "ed", "tom", "christian", "noel", "laurel", "nguyen", "park", "lee", "kim", "young", "ash",
  "reed", "wade", "hunter", "carter", "mason", "cooper", "parker", "taylor", "jordan", "austin", "dallas", "houston", "paris",
  "victoria", "florence", "georgia", "virginia", "carolina", "india", "china", "kenya", "asia", "sydney", "london", "chelsea",
  "jesus", "christ", "god", "allah", "buddha", "moses", "foster", "case", "care", "grant", "hall", "house", "marshall", "field", "love", "rich", "sonny", "sage", "neil", "lou",
]);

export const isGivenName = (word: string): boolean => {
  const w = word.toLowerCase();
  return FIRST_NAMES.has(w) && !AMBIGUOUS.has(w);
};

const NAME_TAGS = new Set(["FemaleName", "MaleName", "FirstName", "LastName", "Person"]);
/** A word the lexicon knows as something other than a name ("landlord", "school"). */
export const isCommonWord = (word: string): boolean => {
  const tags = lexicon[word.toLowerCase()];
  return tags !== undefined && !(Array.isArray(tags) ? tags : [tags]).some((t) => NAME_TAGS.has(t));
};

/** Any given name, ambiguous ones included: enough when the context already says "a person". */
export const couldBeGivenName = (word: string): boolean => FIRST_NAMES.has(word.toLowerCase());
export const isSurname = (word: string): boolean => LAST_NAMES.has(word.toLowerCase());

const US_STATES = new Set([
  "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia", "hawaii",
  "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
  "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey", "new mexico", "new york",
  "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island", "south carolina", "south dakota",
  "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia", "wisconsin", "wyoming", "puerto rico",
  "guam", "district of columbia", "the us", "us", "usa", "america", "canada", "mexico", "midwest", "the midwest", "south", "north",
  "east", "west", "new england", "appalachia", "bay area", "the bay area", "pacific northwest", "southwest", "northeast", "southeast",
]);
// Capitalised words that follow "in"/"to"/"at" without being places.
const NOT_PLACES = new Set([
  "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "spanish", "english", "french", "arabic",
  "medicaid", "medicare", "zoom", "teams", "slack", "discord", "google", "excel", "word", "english class", "court", "group",
  "supervision", "the", "i", "he", "she", "they", "we", "my", "our", "her", "his", "dbt", "cbt", "emdr", "tf-cbt", "aa", "na",
  "al-anon", "job corps", "section", "chapter", "part", "room", "suite", "session", "school", "care", "foster care", "er", "icu",
  "apt", "apartment", "unit", "building", "floor", "lot",
]);

/** States, countries and regions: too large to single anyone out. */
export const isRegionName = (place: string): boolean => {
  const p = place.toLowerCase().trim();
  return US_STATES.has(p) || REGIONS.has(p) || NOT_PLACES.has(p) || NOT_PLACES.has(p.split(/\s+/)[0]!);
};
