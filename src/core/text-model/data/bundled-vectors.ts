import data from "./word-vectors.json" with { type: "json" };
import { WordVectors } from "../word-vectors";

let shared: WordVectors | undefined;
/** The word vectors compiled into the importing bundle (tests, training, tools), one copy per process. */
export const bundledVectors = (): WordVectors => (shared ??= new WordVectors(data));
