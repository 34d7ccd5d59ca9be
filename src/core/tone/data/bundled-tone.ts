import model from "./tone-model.json" with { type: "json" };
import { bundledClusters } from "../../text-model/data/bundled-clusters";
import type { ToneResources } from "../create-tone-check";
import { ToneModel } from "../learned-tone";

/** The tone check's files compiled into the importing bundle: for tests, benchmarks and tools. */
export const bundledTone: ToneResources = {
  clusters: bundledClusters,
  model: () => ToneModel.parse(model, "src/core/tone/data/tone-model.json"),
};
