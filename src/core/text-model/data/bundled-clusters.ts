import data from "./word-clusters.json" with { type: "json" };
import { WordClusters, type WordClusterData } from "../word-clusters";

/** The word classes compiled into the importing bundle: for tests, training, benchmarks and tools. */
export const bundledClusterData = (): WordClusterData => data;

let shared: WordClusters | undefined;
/** One indexed copy per process, shared by the guard and the tone check. */
export const bundledClusters = (): WordClusters => (shared ??= new WordClusters(data));
