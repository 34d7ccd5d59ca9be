import data from "./word-clusters.json" with { type: "json" };
import type { WordClusterData } from "../word-clusters";

/** The word classes compiled into the importing bundle: for tests, training, benchmarks and the CLIs. */
export const bundledClusters = (): WordClusterData => data;
