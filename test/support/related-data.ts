import { RelatedModel } from "../../src/core/related/related-model";
import { bundledClusters } from "../../src/core/text-model/data/bundled-clusters";
import { bundledVectors } from "../../src/core/text-model/data/bundled-vectors";
import model from "../../src/core/related/data/related-model.json" with { type: "json" };

/** The related-answers model and word data as shipped, for harnesses that find related answers. */
export const bundledRelated = { model: () => RelatedModel.parse(model, "related-model.json"), clusters: bundledClusters, vectors: bundledVectors };
