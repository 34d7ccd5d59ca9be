import { z } from "zod";
import { hashFeature } from "../text-model/feature-hash";
import { LinearModel } from "../text-model/linear-model";
import type { WordClusters } from "../text-model/word-clusters";
import { toneFeatures, toneVector, toneWindows, type ToneFeatures } from "./tone-features";
import type { Features } from "../text-model/feature-hash";
import { TONE_CATEGORIES, type ToneCategory, type ToneResult } from "./tone-types";
import { postWords, reachesThreshold, type ShortPrior } from "./short-prior";

/**
 * The learned professional-tone check, trained by `npm run tone:train`: one logistic model decides
 * whether a post holds someone in contempt, and one per category says whom (clients, colleagues, the
 * profession). Short posts need more evidence (`short-prior.ts`). The nudge quotes what the rules
 * found, or else the sentence that weighed most.
 */
export const TONE_MODEL_VERSION = 2;

const MODEL_FILE = z.object({
  kind: z.literal("peerloop-tone-model"),
  version: z.literal(TONE_MODEL_VERSION),
  seed: z.number().int(),
  trainedOn: z.array(z.object({ source: z.string(), posts: z.number().int() })),
  flag: z.unknown(),
  categories: z.record(z.enum(TONE_CATEGORIES), z.unknown()),
  threshold: z.number().min(0).max(1),
  /** Log-odds taken off a short post before the threshold (see short-prior.ts). */
  shortPrior: z.object({ weight: z.number().min(0), words: z.number().positive() }),
});
export type ToneModelFile = z.infer<typeof MODEL_FILE>;

export class ToneModel {
  constructor(readonly flag: LinearModel, readonly categories: Record<ToneCategory, LinearModel>, readonly threshold: number, readonly shortPrior: ShortPrior) {}

  static parse(data: unknown, what: string): ToneModel {
    const parsed = MODEL_FILE.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${what} is not a tone model of version ${TONE_MODEL_VERSION} (${issue.path.join(".") || "file"}: ${issue.message})`);
    }
    const heads = Object.fromEntries(TONE_CATEGORIES.map((c) => {
      if (parsed.data.categories[c] === undefined) throw new Error(`${what} has no model for ${c}`);
      return [c, LinearModel.fromJSON(parsed.data.categories[c], `${what} (${c})`)];
    })) as Record<ToneCategory, LinearModel>;
    return new ToneModel(LinearModel.fromJSON(parsed.data.flag, `${what} (flag model)`), heads, parsed.data.threshold, parsed.data.shortPrior);
  }
}

/** The category a flagged post is read as: the head that scores it highest. */
export const categoryOf = (model: ToneModel, features: Features): ToneCategory =>
  TONE_CATEGORIES.map((c) => [c, model.categories[c].logit(features)] as const).sort((a, b) => b[1] - a[1])[0]![0];

/** The part of a post that reads most like contempt (the whole post or one sentence), and how much. */
export const strongestPart = (model: ToneModel, f: ToneFeatures): { vector: Features; probability: number } =>
  toneWindows(f).map(toneVector).map((vector) => ({ vector, probability: model.flag.probability(vector) })).sort((a, b) => b.probability - a.probability)[0]!;

export const learnedTone = (original: string, model: ToneModel, clusters: WordClusters): ToneResult => {
  const f = toneFeatures(original, clusters);
  const { vector, probability } = strongestPart(model, f);
  if (!reachesThreshold(probability, postWords(original), model.threshold, model.shortPrior)) return { flagged: false, category: null, spans: [] };
  const category = categoryOf(model, vector);
  if (f.rules.spans.length) return { flagged: true, category, spans: f.rules.spans };
  // No rule quotes anything: quote the sentence whose words weigh most toward contempt.
  const weight = (features: string[]) => features.reduce((a, x) => a + model.flag.weights[hashFeature(x, model.flag.bits)]!, 0);
  const best = [...f.sentences].sort((a, b) => weight(b.features) - weight(a.features))[0];
  if (!best) return { flagged: true, category, spans: [] };
  const raw = original.slice(best.start, best.end);
  const start = best.start + (raw.length - raw.trimStart().length);
  const text = original.slice(start, best.end).trimEnd();
  return { flagged: true, category, spans: text ? [{ start, end: start + text.length, text, rule: "learned" }] : [] };
};
