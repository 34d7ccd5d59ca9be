import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { GuardResources } from "../core/guard/create-guard";
import { GuardModel } from "../core/guard/learned-guard";
import type { LexiconData } from "../core/guard/lexicon";
import { WordClusters, type WordClusterData } from "../core/text-model/word-clusters";
import { WordVectors, type WordVectorData } from "../core/text-model/word-vectors";
import type { ToneResources } from "../core/tone/create-tone-check";
import { ToneModel } from "../core/tone/learned-tone";
import { RelatedModel } from "../core/related/related-model";

/** Where each shipped data file is committed, and the command that rebuilds it. */
const SOURCES: Record<string, { dir: string; rebuild: string }> = {
  "guard-lexicon.json": { dir: "src/core/guard/data", rebuild: "npm run guard:lexicon" },
  "guard-model.json": { dir: "src/core/guard/data", rebuild: "npm run guard:train" },
  "word-clusters.json": { dir: "src/core/text-model/data", rebuild: "npm run text:clusters" },
  "word-vectors.json": { dir: "src/core/text-model/data", rebuild: "npm run text:clusters" },
  "tone-model.json": { dir: "src/core/tone/data", rebuild: "npm run tone:train" },
  "related-model.json": { dir: "src/core/related/data", rebuild: "npm run related:train" },
};

/**
 * The path of a data file: in PEERLOOP_MODEL_DIR when it is set (an operator's own build of the
 * models), else dist/<name> in a build (the build copies it there), else its committed source.
 */
export const dataFilePath = (name: string): string => {
  const source = SOURCES[name];
  if (!source) throw new Error(`${name} is not a data file Peerloop ships`);
  const own = process.env.PEERLOOP_MODEL_DIR;
  if (own) {
    const file = path.resolve(own, name);
    if (!existsSync(file)) throw new Error(`${file} is missing (PEERLOOP_MODEL_DIR is set): rebuild it with \`${source.rebuild}\` and copy it there, or unset PEERLOOP_MODEL_DIR`);
    return file;
  }
  for (let dir = import.meta.dirname; ; dir = path.dirname(dir)) {
    for (const candidate of [path.join(dir, name), path.join(dir, "dist", name), path.join(dir, source.dir, name)]) if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`${name} is missing (it belongs in ${source.dir}/ and dist/): rebuild it with \`${source.rebuild}\`, then \`npm run build\``);
  }
};

/**
 * Reads and parses a data file, or throws an error that names the file and the command that rebuilds
 * it: a missing or damaged model stops the bot at start instead of letting it run half-blind.
 */
export const readDataFile = <T>(name: string, parse: (data: unknown, file: string) => T = (d) => d as T): T => {
  const file = dataFilePath(name);
  const rebuild = SOURCES[name]!.rebuild;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new Error(`${file} is damaged (${(error as Error).message.slice(0, 80)}): rebuild it with \`${rebuild}\`, then \`npm run build\``);
  }
  try {
    return parse(data, file);
  } catch (error) {
    throw new Error(`${(error as Error).message}: rebuild it with \`${rebuild}\`, then \`npm run build\``);
  }
};

let clusters: WordClusters | undefined;
/** The word classes, read once per process and shared by the guard and the tone check. */
const clustersFromFile = (): WordClusters => (clusters ??= readDataFile("word-clusters.json", (d) => new WordClusters(d as WordClusterData)));

/** The guard's files, read from disk when the guard loads. */
export const guardFromFiles: GuardResources = {
  lexicon: () => readDataFile<LexiconData>("guard-lexicon.json"),
  clusters: clustersFromFile,
  model: () => readDataFile("guard-model.json", (d, file) => GuardModel.parse(d, file)),
};

/** The tone check's files, read from disk when it loads. */
export const toneFromFiles: ToneResources = {
  clusters: clustersFromFile,
  model: () => readDataFile("tone-model.json", (d, file) => ToneModel.parse(d, file)),
};

let relatedModel: RelatedModel | undefined;
/** The related-answers model and the word classes, read once per process. */
let vectors: WordVectors | undefined;
export const relatedFromFiles = {
  clusters: clustersFromFile,
  vectors: (): WordVectors => (vectors ??= readDataFile("word-vectors.json", (d) => new WordVectors(d as WordVectorData))),
  model: (): RelatedModel => (relatedModel ??= readDataFile("related-model.json", (d, file) => RelatedModel.parse(d, file))),
};
