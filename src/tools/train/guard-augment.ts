import { allLocales, base, en, Faker, type LocaleDefinition } from "@faker-js/faker";
import { SeededRandom } from "../../core/text-model/seeded-random";
import { HELD_OUT_NAME_LOCALES } from "../guard-name-locales";
import type { GuardRow } from "./guard-fit";

/**
 * Variety without more writers: copies of labelled posts with their clients' names, towns, streets and
 * phone numbers swapped for other locales' values (faker's, many in their own scripts), and a second
 * copy whose names are written the way casual chat writes them (lower case, or the surname cut to an
 * initial). The labels follow the swap. Copies keep their hand, so a copy never trains a model that
 * scores its hand (see folds in guard-fit.ts). Training only: faker is a dev dependency.
 */
// Never the locales held out for `npm run guard:eval` (src/tools/guard-name-locales.ts): its names stay unseen.
const LOCALES = ([
  "ru", "uk", "el", "he", "ko", "ja", "zh_CN", "fa", "ar", "ur", "ne", "th", "hy", "ka_GE", "it", "nl", "pl", "vi", "yo_NG",
  "de", "fr", "es_MX", "pt_BR", "en_IN", "en_NG", "sv", "da", "mk", "bn_BD", "ta_IN", "en_US", "mn_MN_cyrl", "zh_TW", "dv",
] as const).filter((l) => !(HELD_OUT_NAME_LOCALES as readonly string[]).includes(l));
const FAMILY_FIRST = new Set(["ko", "ja", "zh_CN", "zh_TW"]);
const TITLE = /^(?:mr|mrs|ms|mx|miss|dr|sr|sra|srta|don|doña|dona|mme|mlle|m|herr|frau|pan|pani|bà|ông|gng|bi|bw|sig|signora|signor|dhr|mevr)\.?$/i;
const fakers = new Map<string, Faker>();
const fakerFor = (locale: string): Faker => {
  let f = fakers.get(locale);
  if (!f) {
    const def = (allLocales as Record<string, LocaleDefinition>)[locale] ?? en;
    f = new Faker({ locale: [def, en, base] });
    fakers.set(locale, f);
  }
  return f;
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const hashOf = (s: string) => {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
};

type Variant = "swap" | "lower" | "initial";

/** One copy of a row, or undefined when nothing in it can be swapped cleanly. */
const copyOf = (row: GuardRow, locale: string, variant: Variant, seed: number): GuardRow | undefined => {
  const fk = fakerFor(locale);
  fk.seed(seed);
  const map = new Map<string, string>();
  const cased = (s: string) => (variant === "lower" ? s.toLowerCase() : s);
  const person = () => {
    const first = fk.person.firstName(), last = fk.person.lastName();
    return { first, last };
  };
  for (const g of row.findings) {
    if (map.has(g.text)) continue;
    if (g.type === "person_name") {
      const words = g.text.split(/\s+/);
      const named = words.filter((w) => !TITLE.test(w) && /^\p{L}[\p{L}\p{M}'’-]*$/u.test(w.replace(/['’]s$/, "")));
      if (!named.length || named.some((w) => w.length < 2)) continue;
      const { first, last } = person();
      if (FAMILY_FIRST.has(locale)) {
        const whole = `${last}${first}`;
        for (const w of named) if (!map.has(w)) map.set(w, whole);
        continue;
      }
      named.forEach((w, i) => {
        if (map.has(w)) return;
        const isLast = i > 0 || words.some((x) => TITLE.test(x));
        const value = isLast ? (variant === "initial" ? `${last[0]!.toUpperCase()}.` : cased(last)) : cased(first);
        map.set(w, value);
      });
    } else if (g.type === "location" && /^\p{Lu}[\p{L}'’-]+(?: \p{Lu}[\p{L}'’-]+)?$/u.test(g.text)) {
      map.set(g.text, fk.location.city());
    } else if (g.type === "address" && /\d/.test(g.text) && g.text.length < 60) {
      map.set(g.text, fk.location.streetAddress());
    } else if (g.type === "phone") {
      map.set(g.text, fk.phone.number());
    }
  }
  if (!map.size) return undefined;
  const keys = [...map.keys()].sort((a, b) => b.length - a.length);
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${keys.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  const swap = (s: string) => s.replace(pattern, (m) => map.get(m) ?? m);
  const text = swap(row.text);
  const findings = row.findings.map((g) => ({ type: g.type, text: swap(g.text) }));
  if (findings.some((g) => !text.includes(g.text))) return undefined;
  return { ...row, id: `${row.id}~${locale}~${variant}`, text, findings };
};

/** Two copies of each identifying row of a hand: one in another locale, one also in casual case. */
export const augmentRows = (rows: GuardRow[], seed: number): GuardRow[] => {
  const out: GuardRow[] = [];
  for (const row of rows) {
    if (!row.identifying) continue;
    const rng = new SeededRandom(seed ^ hashOf(row.id));
    const pick = () => LOCALES[Math.floor(rng.next() * LOCALES.length)]!;
    const a = copyOf(row, pick(), "swap", hashOf(`${row.id}:a`) ^ seed);
    const b = copyOf(row, pick(), rng.next() < 0.5 ? "lower" : "initial", hashOf(`${row.id}:b`) ^ seed);
    for (const c of [a, b]) if (c) out.push(c);
  }
  return out;
};
