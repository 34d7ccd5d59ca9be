import { existsSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { RelatedFixture, RELATED_LINE, scratchCommunity, type RelatedLine } from "../app/related-eval";
import { RelatedModel, RELATED_MODEL_VERSION, type RelatedModelFile } from "../core/related/related-model";
import { MAX_RELATED, RelatedService } from "../core/related/related-service";
import { bundledClusters } from "../core/text-model/data/bundled-clusters";
import { bundledVectors } from "../core/text-model/data/bundled-vectors";
import type { Features } from "../core/text-model/feature-hash";
import { LinearModel } from "../core/text-model/linear-model";
import { SeededRandom } from "../core/text-model/seeded-random";
import { silentLogger } from "../core/shared/logger";
import { openDatabase } from "../db/open-database";
import { prismaStore } from "../db/prisma-store";
import { readJsonl, ROOT, sharedDir } from "./train/corpus";
import { encode, logitEncoded, trainLogistic, type Encoded } from "./train/logistic";

/**
 * `npm run related:train`: trains the related-answers relevance model on labelled asks (the sets in
 * ../shared/reuse: an archive, and asks with the item that answers them or none) and writes
 * src/core/related/data/related-model.json. Each set is loaded into an embedded database in memory
 * through the real service, so the model learns on exactly the candidates and features `find` reads.
 *
 * `npm run related:train -- --hold dev-b`: trains without that set and scores it (a first look when
 * the set's errors were not read before). Writes nothing.
 */
const { values } = parseArgs({ options: { seed: { type: "string" }, hold: { type: "string" }, cross: { type: "boolean" }, out: { type: "string" }, only: { type: "string" }, sets: { type: "string" } }, strict: true });
const seed = Number(values.seed ?? 5);
const out = values.out ?? path.join(ROOT, "src/core/related/data/related-model.json");
const BITS = 12;
/** The labelled sets the committed model is trained on. */
const TRAIN_SETS = ["dev", "dev-b", "dev-c"];

type Line = RelatedLine & { gold?: string | null };
interface Ask { set: string; id: string; gold: string | null; candidates: { name: string; features: Features; encoded: Encoded }[] }

const clusters = bundledClusters();
const dir = path.join(sharedDir(), "reuse");
const sets = (values.only ?? values.sets ?? TRAIN_SETS.join(",")).split(",").filter((n) => existsSync(path.join(dir, `${n}.jsonl`)));
if (!sets.length) throw new Error(`no labelled asks in ${dir}: put ../shared beside the repository or set PEERLOOP_SHARED`);

/** Loads a set through the real service and reads every ask's candidates. */
const readSet = async (name: string): Promise<Ask[]> => {
  const db = await openDatabase({ dataDir: "memory://", migrate: true });
  const store = prismaStore(db.prisma);
  // The model is not needed to read candidates; `find` is not called here.
  const related = new RelatedService({ repo: store.related!, model: () => { throw new Error("unused"); }, clusters: () => clusters, vectors: bundledVectors, clock: { now: () => new Date() }, logger: silentLogger });
  const fixture = new RelatedFixture(store, related, await scratchCommunity(store, name), name);
  const asks: Ask[] = [];
  const start = Date.UTC(2026, 0, 1);
  let n = 0;
  for (const raw of readJsonl<Line>(path.join(dir, `${name}.jsonl`))) {
    n++;
    const line = RELATED_LINE.parse(raw);
    if (line.op !== "ask") {
      await fixture.apply(line, new Date(start + n * 1_000));
      continue;
    }
    const { community } = await (async () => ({ community: await store.communities.findByExternalId("shell", name) }))();
    const read = await related.read(community!.id, line.question);
    asks.push({
      set: name, id: line.id, gold: raw.gold ?? null,
      candidates: read.map((r) => {
        const cname = fixture.nameOf(r.doc.id) ?? r.doc.id;
        return { name: cname, features: r.features, encoded: encode(r.features, BITS, cname === raw.gold ? 1 : 0) };
      }),
    });
  }
  await db.close();
  return asks;
};

const train = (asks: Ask[], s: number): LinearModel => {
  const examples = asks.flatMap((a) => a.candidates.map((c) => c.encoded));
  const pos = examples.filter((e) => e.label).length;
  const w = Math.sqrt((examples.length - pos) / Math.max(1, pos));
  const m = trainLogistic(examples.map((e) => ({ ...e, weight: e.label ? w : 1 })), { bits: BITS, epochs: 10, rate: 0.1, l2: 1e-4, seed: s });
  return LinearModel.fromJSON(m.toJSON(), "model");
};

/** Each candidate's probability under a model. */
const probabilities = (m: LinearModel, a: Ask) => a.candidates.map((c) => ({ name: c.name, p: 1 / (1 + Math.exp(-logitEncoded(m, c.encoded))) })).sort((x, y) => y.p - x.p || (x.name < y.name ? -1 : 1));

interface Scored { a: Ask; ranked: { name: string; p: number }[] }

/** What a member would be shown before posting (at or above `t`), and what its thread would link (from `tt` up), best first. */
const tiers = (s: Scored, t: number, tt: number) => {
  const before = s.ranked.filter((x) => x.p >= t).slice(0, MAX_RELATED).map((x) => x.name);
  const thread = s.ranked.filter((x) => x.p >= Math.min(t, tt) && !before.includes(x.name)).slice(0, MAX_RELATED).map((x) => x.name);
  return { before, thread };
};

const score = (scored: Scored[], t: number, tt: number) => {
  let withGold = 0, at1 = 0, at3 = 0, any3 = 0, noGold = 0, quiet = 0, threadQuiet = 0, retrieved = 0;
  for (const s of scored) {
    const { before, thread } = tiers(s, t, tt);
    if (s.a.gold) {
      withGold++;
      if (s.a.candidates.some((c) => c.name === s.a.gold)) retrieved++;
      if (before[0] === s.a.gold) at1++;
      if (before.includes(s.a.gold)) at3++;
      if (before.includes(s.a.gold) || thread.includes(s.a.gold)) any3++;
    } else {
      noGold++;
      if (!before.length) quiet++;
      if (!before.length && !thread.length) threadQuiet++;
    }
  }
  const d = (n: number, m: number) => n / Math.max(1, m);
  return { recall1: d(at1, withGold), recall3: d(at3, withGold), quiet: d(quiet, noGold), any3: d(any3, withGold), threadQuiet: d(threadQuiet, noGold), retrieved: d(retrieved, withGold) };
};

/**
 * Before posting, a suggestion must be right or absent: the threshold is the lowest that keeps this
 * share of out-of-fold asks without an answer quiet (the target is 0.90 on sets never read; the margin
 * is for a new writer's asks).
 */
const QUIET_BEFORE = 0.95;
/**
 * In the thread, nothing rather than noise too, but a wrong link there costs a glance, not a step in
 * front of the question: the threshold is the lowest that leaves this share of asks without an answer
 * with no link at all.
 */
const QUIET_THREAD = 0.3;

/** Out-of-fold probabilities: five folds, each scored by a model trained on the other four. */
const outOfFold = (asks: Ask[], s: number): Scored[] => {
  const order = new SeededRandom(s).shuffle([...asks.keys()]);
  const fold = new Map(order.map((i, k) => [i, k % 5]));
  const scored: Scored[] = [];
  for (let k = 0; k < 5; k++) {
    const m = train(asks.filter((_, i) => fold.get(i) !== k), s + k + 1);
    asks.forEach((a, i) => fold.get(i) === k && scored.push({ a, ranked: probabilities(m, a) }));
  }
  return scored;
};

/** The two thresholds from out-of-fold scores (each the lowest meeting its quiet share). */
const chooseThresholds = (asks: Ask[], s: number): { threshold: number; threadThreshold: number } => {
  const scored = outOfFold(asks, s);
  const grid = Array.from({ length: 99 }, (_, i) => Number((0.01 * (i + 1)).toFixed(2)));
  // Each writer's asks separately, and the strictest: a threshold that keeps one writer's asks quiet
  // may not keep another's (the sets differ most in how close their no-match asks come to the archive).
  const bySource = [...new Set(scored.map((x) => x.a.set))].map((name) => scored.filter((x) => x.a.set === name));
  const lowest = (ok: (group: Scored[], t: number) => boolean, upTo = 0.99) => Math.max(...bySource.map((g) => grid.find((t) => t <= upTo && ok(g, t)) ?? upTo));
  const threshold = lowest((g, t) => score(g, t, t).quiet >= QUIET_BEFORE);
  const threadThreshold = lowest((g, tt) => score(g, threshold, tt).threadQuiet >= QUIET_THREAD, threshold);
  return { threshold, threadThreshold };
};

const bySet = new Map<string, Ask[]>();
for (const name of sets) bySet.set(name, await readSet(name));
const fmt = (r: ReturnType<typeof score>) =>
  `recall@1 ${r.recall1.toFixed(3)}  recall@3 ${r.recall3.toFixed(3)}  quiet ${r.quiet.toFixed(3)}  any3 ${r.any3.toFixed(3)}  (no link at all: ${r.threadQuiet.toFixed(3)}; gold among the candidates read: ${r.retrieved.toFixed(3)})`;
const scoredBy = (m: LinearModel, asks: Ask[]): Scored[] => asks.map((a) => ({ a, ranked: probabilities(m, a) }));

/** Trains on every set but `held`, chooses the thresholds on them, and scores `held`. */
const holdOut = (held: string) => {
  const rest = [...bySet.entries()].filter(([n]) => n !== held).flatMap(([, a]) => a);
  const model = train(rest, seed);
  const t = chooseThresholds(rest, seed);
  console.log(`${held} held out (trained on ${[...bySet.keys()].filter((n) => n !== held).join(", ")}; thresholds ${t.threshold} / ${t.threadThreshold}): ${fmt(score(scoredBy(model, bySet.get(held)!), t.threshold, t.threadThreshold))}`);
};

if (values.hold) {
  if (!bySet.has(values.hold)) throw new Error(`no set named ${values.hold} (sets: ${sets.join(", ")})`);
  holdOut(values.hold);
} else if (values.cross) {
  // Each set in turn scored by a model and thresholds fitted on the others: the honest figures.
  for (const name of bySet.keys()) holdOut(name);
} else if (values.only) {
  // Development on a subset: out-of-fold scores within it (nothing written).
  const all = [...bySet.values()].flat();
  const t = chooseThresholds(all, seed);
  const scored = outOfFold(all, seed);
  console.log(`${values.only} out of fold (thresholds ${t.threshold} / ${t.threadThreshold}): ${fmt(score(scored, t.threshold, t.threadThreshold))}`);
  if (process.env.VERBOSE) {
    const lines = new Map(values.only.split(",").flatMap((n) => readJsonl<Line>(path.join(dir, `${n}.jsonl`))).map((l) => [l.id, l]));
    for (const x of scored) {
      const { before, thread } = tiers(x, t.threshold, t.threadThreshold);
      const a = x.a;
      if (a.gold ? before.includes(a.gold) : !before.length) continue;
      const q = lines.get(a.id) as { question?: string };
      console.log(`\n${a.gold ? "MISS" : "NOISE"} ${a.set}/${a.id} ${q.question?.slice(0, 160)}  gold=${a.gold} got=[${before}] thread=[${thread}]`);
      for (const { name, p } of x.ranked.slice(0, 4)) { const l = lines.get(name) as { question?: string; title?: string }; console.log(`   ${p.toFixed(2)} ${name === a.gold ? "*" : " "} ${name} ${(l?.question ?? l?.title ?? "").slice(0, 120)}`); }
      if (a.gold && !x.ranked.slice(0, 4).some((r) => r.name === a.gold)) { const l = lines.get(a.gold) as { question?: string }; console.log(`   gold: ${l?.question?.slice(0, 140)} (rank ${x.ranked.findIndex((c) => c.name === a.gold)})`); }
    }
  }
} else {
  const all = [...bySet.values()].flat();
  const model = train(all, seed);
  const t = chooseThresholds(all, seed);
  const file: RelatedModelFile = {
    kind: "peerloop-related-model", version: RELATED_MODEL_VERSION, seed,
    trainedOn: [...bySet.entries()].map(([source, a]) => ({ source, asks: a.length })), model: model.toJSON(), threshold: t.threshold, threadThreshold: t.threadThreshold,
  };
  RelatedModel.parse(file, "the new model");
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  for (const [name, asks] of bySet) console.error(`  ${name.padEnd(8)} ${fmt(score(scoredBy(model, asks), t.threshold, t.threadThreshold))}   (trained on: a regression figure)`);
  console.error(`wrote ${path.relative(process.cwd(), out)} (thresholds ${t.threshold} / ${t.threadThreshold})`);
}
