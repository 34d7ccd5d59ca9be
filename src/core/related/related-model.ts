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
});
export type RelatedModelFile = z.infer<typeof MODEL_FILE>;

export class RelatedModel {
  constructor(readonly pair: LinearModel, readonly threshold: number) {}

  static parse(data: unknown, what: string): RelatedModel {
    const parsed = MODEL_FILE.safeParse(data);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${what} is not a related-answers model of version ${RELATED_MODEL_VERSION} (${issue.path.join(".") || "file"}: ${issue.message})`);
    }
    return new RelatedModel(LinearModel.fromJSON(parsed.data.model, `${what} (pair model)`), parsed.data.threshold);
  }
}
