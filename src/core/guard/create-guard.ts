import type { WordClusters } from "../text-model/word-clusters";
import type { Guard } from "./guard-types";
import { learnedFindings, type GuardModel } from "./learned-guard";
import { useLexicon, warmLexicon, type LexiconData } from "./lexicon";

/**
 * What the guard reads: its word lists, the word classes from pretrained vectors, and the trained
 * model. Where they come from is the composition root's choice (files on disk for the bot and the
 * CLIs, bundled JSON for tests and tools); a loader throws an error that names the file and the
 * command that rebuilds it.
 */
export interface GuardResources {
  lexicon: () => LexiconData;
  /** Shared with the tone check: one copy of the word classes per process. */
  clusters: () => WordClusters;
  model: () => GuardModel;
}

/**
 * The confidentiality guard: rules over candidates found by shape, vocabulary and patterns, and a
 * learned layer (trained by `npm run guard:train`) that decides which candidates are a client's.
 * Pure, synchronous, offline. `warm()` loads and checks everything it reads; the bot calls it before
 * it takes commands, so it never runs without its model.
 */
export const createGuard = (resources: GuardResources): Guard => {
  let loaded: { model: GuardModel; clusters: WordClusters } | undefined;
  const load = () => {
    if (loaded) return loaded;
    useLexicon(resources.lexicon);
    warmLexicon();
    loaded = { model: resources.model(), clusters: resources.clusters() };
    return loaded;
  };
  return {
    warm: () => void load(),
    inspect(text: string) {
      const { model, clusters } = load();
      return learnedFindings(text, model, clusters);
    },
  };
};
