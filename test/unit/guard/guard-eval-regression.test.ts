import { bundledGuard } from "../../../src/core/guard/data/bundled-guard";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createGuard } from "../../../src/core/guard/create-guard";
import { score, type Gold } from "../../guard-eval/score";

/**
 * Every frozen evaluation batch is a regression set once its first-look score is recorded: the guard
 * must keep the targets on all of them (recall >= 0.95 at FPR <= 0.05).
 */
const dir = path.resolve(import.meta.dirname, "../../guard-eval");
const ledger = JSON.parse(readFileSync(path.join(dir, "first-look.json"), "utf8")) as Record<string, unknown>;
const guard = createGuard(bundledGuard);

describe("frozen guard-evaluation batches", () => {
  it.each(Object.keys(ledger))("batch %s keeps recall >= 0.95 at FPR <= 0.05", (name) => {
    const batch = readFileSync(path.join(dir, "batches", `${name}.jsonl`), "utf8").split("\n").filter(Boolean).map((l) => JSON.parse(l) as Gold);
    const s = score(guard, batch);
    expect(s.messages).toBeGreaterThanOrEqual(300);
    expect(s.recall).toBeGreaterThanOrEqual(0.95);
    expect(s.fpr).toBeLessThanOrEqual(0.05);
  });
});

describe("the evaluation's generator", () => {
  it("regenerates a frozen batch byte for byte from its seed (names and towns the guard has never seen)", async () => {
    const { generate } = await import("../../guard-eval/generator");
    const { NEGATIVES_A, POSITIVES_A } = await import("../../guard-eval/templates-a");
    const batch = generate("a1", 1101, POSITIVES_A, NEGATIVES_A, 300);
    expect(batch.map((m) => JSON.stringify(m)).join("\n") + "\n").toBe(readFileSync(path.join(dir, "batches", "a1.jsonl"), "utf8"));
  }, 60_000);
});
