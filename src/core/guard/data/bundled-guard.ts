import model from "./guard-model.json" with { type: "json" };
import { bundledClusters } from "../../text-model/data/bundled-clusters";
import type { GuardResources } from "../create-guard";
import { GuardModel } from "../learned-guard";
import { bundledLexicon } from "./bundled-lexicon";

/** The guard's files compiled into the importing bundle: for tests, training, benchmarks and tools. */
export const bundledGuard: GuardResources = {
  lexicon: bundledLexicon,
  clusters: bundledClusters,
  model: () => GuardModel.parse(model, "src/core/guard/data/guard-model.json"),
};
