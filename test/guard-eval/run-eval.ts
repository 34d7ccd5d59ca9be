import { bundledGuard } from "../../src/core/guard/data/bundled-guard";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { createGuard } from "../../src/core/guard/create-guard";
import { generate, type Labeled, type Template } from "./generator";
import { formatScore, score, type Gold, type Score } from "./score";
import { NEGATIVES_A, POSITIVES_A } from "./templates-a";
import { NEGATIVES_B, POSITIVES_B } from "./templates-b";
import { NEGATIVES_C, POSITIVES_C } from "./templates-c";
import { NEGATIVES_D, POSITIVES_D } from "./templates-d";
import { NEGATIVES_E, POSITIVES_E } from "./templates-e";
import { NEGATIVES_F, POSITIVES_F } from "./templates-f";

/**
 * `npm run guard:eval`: scores the guard on every frozen batch (first-look score beside today's),
 * and on the dev corpus in ../shared/privacy when it is there.
 * `npm run guard:eval -- --own NAME --templates e --seed N [--count 300]`: writes training posts for the
 * learned layer to test/guard-eval/own/ (see `npm run guard:train`); they are not scored.
 * `npm run guard:eval -- --freeze NAME --templates a|b|c|d --seed N [--count 300]`: generates a new batch
 * from a template set, writes it, scores it ONCE and records that first-look score. A batch that
 * exists is never regenerated: after its first look it is a regression set.
 */
const here = import.meta.dirname;
const ledgerPath = path.join(here, "first-look.json");
const TEMPLATES: Record<string, [Record<string, Template[]>, Record<string, Template[]>]> = {
  a: [POSITIVES_A, NEGATIVES_A],
  b: [POSITIVES_B, NEGATIVES_B],
  c: [POSITIVES_C, NEGATIVES_C],
  d: [POSITIVES_D, NEGATIVES_D],
  e: [POSITIVES_E, NEGATIVES_E],
  f: [POSITIVES_F, NEGATIVES_F],
};

interface Entry { frozen: string; templates: string; seed: number; count: number; firstLook: Score }
const ledger: Record<string, Entry> = existsSync(ledgerPath) ? JSON.parse(readFileSync(ledgerPath, "utf8")) : {};
const batchPath = (name: string) => path.join(here, "batches", `${name}.jsonl`);
const read = (file: string): Gold[] => readFileSync(file, "utf8").split("\n").filter((l) => l.trim()).map((l) => JSON.parse(l) as Gold);

const { values } = parseArgs({ options: { cases: { type: "boolean" }, freeze: { type: "string" }, own: { type: "string" }, templates: { type: "string" }, seed: { type: "string" }, count: { type: "string" } }, strict: true });
const guard = createGuard(bundledGuard);

if (values.cases) {
  // The hand-written regression cases (test/unit/guard/*-cases.ts) as training posts, so the learned
  // layer keeps every one of them: they are regression sets, never a measure of generalisation.
  const { IDENTIFYING, NOT_IDENTIFYING } = await import("../unit/guard/guard-cases");
  const { GENERALIZATION_IDENTIFYING, GENERALIZATION_NOT_IDENTIFYING } = await import("../unit/guard/guard-generalization-cases");
  const { LEARNED_IDENTIFYING, LEARNED_NOT_IDENTIFYING } = await import("../unit/guard/guard-learned-cases");
  const rows: Labeled[] = [];
  for (const set of [IDENTIFYING, GENERALIZATION_IDENTIFYING]) {
    for (const [type, cases] of Object.entries(set)) for (const [text, span] of cases) rows.push({ id: `case-${rows.length + 1}`, text, identifying: true, findings: [{ type, text: span }], family: type });
  }
  for (const [text, span] of LEARNED_IDENTIFYING) rows.push({ id: `case-${rows.length + 1}`, text, identifying: true, findings: [{ type: "learned", text: span }], family: "learned" });
  for (const [text, family] of [...NOT_IDENTIFYING, ...GENERALIZATION_NOT_IDENTIFYING, ...LEARNED_NOT_IDENTIFYING]) rows.push({ id: `case-${rows.length + 1}`, text, identifying: false, findings: [], family });
  writeFileSync(path.join(here, "own", "cases.jsonl"), rows.map((m) => JSON.stringify(m)).join("\n") + "\n");
  console.log(`wrote ${rows.length} regression cases to test/guard-eval/own/cases.jsonl`);
} else if (values.own) {
  // Training data for the learned layer (test/guard-eval/own/), not an evaluation batch: never scored here.
  const set = TEMPLATES[values.templates ?? ""];
  if (!set || !values.seed) throw new Error("--own needs --templates a|b|c|d|e and --seed N");
  const batch = generate(values.own, Number(values.seed), set[0], set[1], Number(values.count ?? 300));
  const file = path.join(here, "own", `${values.own}.jsonl`);
  writeFileSync(file, batch.map((m) => JSON.stringify(m)).join("\n") + "\n");
  console.log(`wrote ${batch.length} training posts to ${path.relative(process.cwd(), file)}`);
} else if (values.freeze) {
  const name = values.freeze, set = TEMPLATES[values.templates ?? ""];
  if (!set || !values.seed) throw new Error("--freeze needs --templates a|b|c|d and --seed N");
  if (ledger[name] || existsSync(batchPath(name))) throw new Error(`batch ${name} is frozen already; pick a new name`);
  const batch: Labeled[] = generate(name, Number(values.seed), set[0], set[1], Number(values.count ?? 300));
  writeFileSync(batchPath(name), batch.map((m) => JSON.stringify(m)).join("\n") + "\n");
  const firstLook = score(guard, batch);
  ledger[name] = { frozen: new Date().toISOString().slice(0, 10), templates: values.templates!, seed: Number(values.seed), count: batch.length, firstLook };
  writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2) + "\n");
  console.log(`froze ${name}: ${batch.length} messages; first look:`);
  for (const line of formatScore(firstLook)) console.log(`  ${line}`);
} else {
  for (const [name, entry] of Object.entries(ledger)) {
    console.log(`\nbatch ${name} (templates ${entry.templates}, seed ${entry.seed}, frozen ${entry.frozen})`);
    console.log(`  first look: recall ${entry.firstLook.recall.toFixed(3)}  FPR ${entry.firstLook.fpr.toFixed(3)}`);
    for (const line of formatScore(score(guard, read(batchPath(name))))) console.log(`  now:  ${line}`);
  }
  const dev = path.resolve(here, "../../../shared/privacy/dev.jsonl");
  if (existsSync(dev)) {
    console.log("\ndev corpus (../shared/privacy/dev.jsonl; tuned on, a regression set only)");
    for (const line of formatScore(score(guard, read(dev)))) console.log(`  ${line}`);
  }
}
