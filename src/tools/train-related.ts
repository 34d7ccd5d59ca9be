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
const { values } = parseArgs({ options: { seed: { type: "string" }, hold: { type: "string" }, out: { type: "string" }, only: { type: "string" } }, strict: true });
const seed = Number(values.seed ?? 5);
const out = values.out ?? path.join(ROOT, "src/core/related/data/related-model.json");
const BITS = 12;

type Line = RelatedLine & { gold?: string | null };
interface Ask { set: string; id: string; gold: string | null; candidates: { name: string; features: Features; encoded: Encoded }[] }

const clusters = bundledClusters();
const dir = path.join(sharedDir(), "reuse");
const sets = (values.only ? values.only.split(",") : ["dev", "dev-b"]).filter((n) => existsSync(path.join(dir, `${n}.jsonl`)));
if (!sets.length) throw new Error(`no labelled asks in ${dir}: put ../shared beside the repository or set PEERLOOP_SHARED`);

/** Loads a set through the real service and reads every ask's candidates. */
const readSet = async (name: string): Promise<Ask[]> => {
  const db = await openDatabase({ dataDir: "memory://", migrate: true });
  const store = prismaStore(db.prisma);
  // The model is not needed to read candidates; `find` is not called here.
  const related = new RelatedService({ repo: store.related!, model: () => { throw new Error("unused"); }, clusters: () => clusters, vectors: bundledVectors, clock: { now: () => new Date() }, logger: silentLogger });
  const fixture = new RelatedFixture(store, related, await scratchCommunity(store, name));
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

/** What a member would be shown at a threshold: up to three candidates above it, best first. */
const shown = (m: LinearModel, a: Ask, threshold: number) =>
  a.candidates.map((c) => ({ name: c.name, p: 1 / (1 + Math.exp(-logitEncoded(m, c.encoded))) })).filter((x) => x.p >= threshold)
    .sort((x, y) => y.p - x.p).slice(0, MAX_RELATED).map((x) => x.name);

const score = (asks: Ask[], shownFor: (a: Ask) => string[]) => {
  let withGold = 0, at1 = 0, at3 = 0, noGold = 0, quiet = 0, retrieved = 0;
  for (const a of asks) {
    const got = shownFor(a);
    if (a.gold) {
      withGold++;
      if (a.candidates.some((c) => c.name === a.gold)) retrieved++;
      if (got[0] === a.gold) at1++;
      if (got.includes(a.gold)) at3++;
    } else {
      noGold++;
      if (!got.length) quiet++;
    }
  }
  return { recall1: at1 / Math.max(1, withGold), recall3: at3 / Math.max(1, withGold), quiet: quiet / Math.max(1, noGold), retrieved: retrieved / Math.max(1, withGold) };
};

/**
 * The threshold from out-of-fold scores: the one that does best on the worse of recall@3 and quiet
 * (both matter: a suggestion that is noise teaches members to skip them all).
 */
const chooseThreshold = (asks: Ask[], s: number): number => {
  const order = new SeededRandom(s).shuffle([...asks.keys()]);
  const fold = new Map(order.map((i, k) => [i, k % 5]));
  const scored: { a: Ask; m: LinearModel }[] = [];
  for (let k = 0; k < 5; k++) {
    const m = train(asks.filter((_, i) => fold.get(i) !== k), s + k + 1);
    asks.forEach((a, i) => fold.get(i) === k && scored.push({ a, m }));
  }
  let best = { t: 0.5, v: -1 };
  for (let t = 0.05; t <= 0.95; t += 0.01) {
    const r = score(scored.map((x) => x.a), (a) => shown(scored.find((x) => x.a === a)!.m, a, t));
    const v = Math.min(r.recall3, r.quiet) + 0.01 * (r.recall3 + r.quiet);
    if (v > best.v) best = { t: Number(t.toFixed(2)), v };
  }
  return best.t;
};

const bySet = new Map<string, Ask[]>();
for (const name of sets) bySet.set(name, await readSet(name));
const fmt = (r: ReturnType<typeof score>) => `recall@1 ${r.recall1.toFixed(3)}  recall@3 ${r.recall3.toFixed(3)}  quiet ${r.quiet.toFixed(3)}  (gold among the candidates read: ${r.retrieved.toFixed(3)})`;

if (values.hold) {
  const held = bySet.get(values.hold);
  if (!held) throw new Error(`no set named ${values.hold} (sets: ${sets.join(", ")})`);
  const rest = [...bySet.entries()].filter(([n]) => n !== values.hold).flatMap(([, a]) => a);
  const model = train(rest, seed);
  const threshold = chooseThreshold(rest, seed);
  console.log(`trained on ${[...bySet.keys()].filter((n) => n !== values.hold).join(", ")}; threshold ${threshold}`);
  console.log(`${values.hold} (held out): ${fmt(score(held, (a) => shown(model, a, threshold)))}`);
} else if (values.only) {
  // Development on a subset: out-of-fold scores within it (nothing written).
  const all = [...bySet.values()].flat();
  const order = new SeededRandom(seed).shuffle([...all.keys()]);
  const fold = new Map(order.map((i, k) => [i, k % 5]));
  const threshold = chooseThreshold(all, seed);
  const models = [0, 1, 2, 3, 4].map((k) => train(all.filter((_, i) => fold.get(i) !== k), seed + k + 1));
  console.log(`${values.only} out of fold (threshold ${threshold}): ${fmt(score(all, (a) => shown(models[fold.get(all.indexOf(a))!]!, a, threshold)))}`);
  if (process.env.VERBOSE) {
    const lines = new Map(readJsonl<Line>(path.join(dir, `${values.only}.jsonl`)).map((l) => [l.id, l]));
    for (const a of all) {
      const m = models[fold.get(all.indexOf(a))!]!;
      const got = shown(m, a, threshold);
      if (a.gold ? got.includes(a.gold) : !got.length) continue;
      const q = lines.get(a.id) as { question?: string };
      console.log(`\n${a.gold ? "MISS" : "NOISE"} ${a.id} ${q.question?.slice(0, 160)}  gold=${a.gold} got=[${got}]`);
      const ranked = a.candidates.map((c) => ({ c, p: 1 / (1 + Math.exp(-logitEncoded(m, c.encoded))) })).sort((x, y) => y.p - x.p).slice(0, 4);
      for (const { c, p } of ranked) { const l = lines.get(c.name) as { question?: string; title?: string }; console.log(`   ${p.toFixed(2)} ${c.name === a.gold ? "*" : " "} ${c.name} ${(l?.question ?? l?.title ?? "").slice(0, 120)}`); }
      if (a.gold && !ranked.some((r) => r.c.name === a.gold)) { const l = lines.get(a.gold) as { question?: string }; console.log(`   gold: ${l?.question?.slice(0, 140)} (rank ${a.candidates.findIndex((c) => c.name === a.gold)})`); }
    }
  }
} else {
  const all = [...bySet.values()].flat();
  const model = train(all, seed);
  const threshold = chooseThreshold(all, seed);
  const file: RelatedModelFile = {
    kind: "peerloop-related-model", version: RELATED_MODEL_VERSION, seed,
    trainedOn: [...bySet.entries()].map(([source, a]) => ({ source, asks: a.length })), model: model.toJSON(), threshold,
  };
  RelatedModel.parse(file, "the new model");
  writeFileSync(out, `${JSON.stringify(file)}\n`);
  for (const [name, asks] of bySet) console.error(`  ${name.padEnd(8)} ${fmt(score(asks, (a) => shown(model, a, threshold)))}   (trained on: a regression figure)`);
  console.error(`wrote ${path.relative(process.cwd(), out)} (threshold ${threshold})`);
}
