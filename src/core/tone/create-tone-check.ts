import type { WordClusters } from "../text-model/word-clusters";
import { learnedTone, type ToneModel } from "./learned-tone";
import type { ToneCheck } from "./tone-types";

/** What the tone check reads: the word classes and the trained model (see create-guard.ts for where they come from). */
export interface ToneResources {
  /** Shared with the guard: one copy of the word classes per process. */
  clusters: () => WordClusters;
  model: () => ToneModel;
}

/**
 * The professional-tone check: the learned model decides, the rules' findings are its features and
 * its quotes. `warm()` loads and checks the model; the bot calls it before it takes commands, so the
 * nudge never runs half-loaded.
 */
export const createToneCheck = (resources: ToneResources): ToneCheck => {
  let loaded: { model: ToneModel; clusters: WordClusters } | undefined;
  const load = () => (loaded ??= { model: resources.model(), clusters: resources.clusters() });
  return {
    warm: () => void load(),
    inspect(text: string) {
      const { model, clusters } = load();
      return learnedTone(text, model, clusters);
    },
  };
};
