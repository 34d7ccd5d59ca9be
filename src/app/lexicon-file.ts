import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { LexiconData } from "../core/guard/lexicon";

/**
 * The guard's word lists read from disk on first use: dist/guard-lexicon.json in a build (the build
 * copies it there), else the committed source file. Processes that never inspect text (the jobs)
 * never read its 3 MB.
 */
export const lexiconFromFile = (): LexiconData => {
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, "guard-lexicon.json"), path.join(dir, "dist", "guard-lexicon.json"), path.join(dir, "src", "core", "guard", "data", "guard-lexicon.json")]) {
      if (existsSync(candidate)) return JSON.parse(readFileSync(candidate, "utf8")) as LexiconData;
    }
    if (path.dirname(dir) === dir) throw new Error("guard-lexicon.json not found: run `npm run build` (or reinstall)");
  }
};
