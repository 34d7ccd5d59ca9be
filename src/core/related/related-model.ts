import { z } from "zod";
import { LinearModel } from "../text-model/linear-model";

/**
 * Whether an earlier item answers a new question: a logistic model over the pair's features, trained
 * by `npm run related:train` on labelled asks, and the probability above which an item is shown.
 * Showing nothing is better than showing noise: below the threshold, the question posts at once.
 */
export const RELATED_MODEL_VERSION = 1;

const MODEL_FILE = z.object({
  kind: z.literal("peerloop-related-model"),
  version: z.literal(RELATED_MODEL_VERSION),
  seed: z.number().int(),
  trainedOn: z.array(z.object({ source: z.string(), asks: z.number().int() })),
  model: z.unknown(),
  threshold: z.number().min(0).max(1),
  /** Below `threshold` and at least this: linked in the question's thread after it is posted ("Maybe related"). */
  threadThreshold: z.number().min(0).max(1).optional(),
});
export type RelatedModelFile = z.infer<typeof MODEL_FILE>;

/**
 * Two tiers (issue 35): at or above `threshold` an item is shown before the question goes out (set so
 * that at least 90% of asks the archive does not answer get nothing); from `threadThreshold` up to it,
 * the question posts at once and the item is linked in its thread.
 */
export class RelatedModel {
  constructor(readonly pair: LinearModel, readonly threshold: number, readonly threadThreshold = threshold) {}

  static parse(data: unknown, what: string): RelatedModel {
    const parsed = MODEL_FILE.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${what} is not a related-answers model of version ${RELATED_MODEL_VERSION} (${issue.path.join(".") || "file"}: ${issue.message})`);
    }
    return new RelatedModel(LinearModel.fromJSON(parsed.data.model, `${what} (pair model)`), parsed.data.threshold, Math.min(parsed.data.threshold, parsed.data.threadThreshold ?? parsed.data.threshold));
  }
}
