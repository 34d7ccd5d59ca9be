import data from "./guard-lexicon.json" with { type: "json" };
import type { LexiconData } from "../lexicon";

/** The word lists compiled into the importing bundle: for tests, benchmarks and the guard CLI. */
export const bundledLexicon = (): LexiconData => data;
