import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bundledGuard } from "../../../src/core/guard/data/bundled-guard";
import { createGuard } from "../../../src/core/guard/create-guard";
import { GuardModel } from "../../../src/core/guard/learned-guard";
import { findingField } from "../../../src/core/guard/suggest-rewrite";
import { runEntry } from "../../support/run-cli";
import { LEARNED_IDENTIFYING, LEARNED_NOT_IDENTIFYING } from "./guard-learned-cases";
import { spawnSync } from "node:child_process";

const guard = createGuard(bundledGuard);
const root = path.resolve(import.meta.dirname, "../../..");
const shared = path.resolve(root, "../shared/privacy/train");

describe("the learned guard reads clients' details in other languages and countries", () => {
  it.each(LEARNED_IDENTIFYING)("%s", (text, expected) => {
    const findings = guard.inspect(text);
    const at = text.indexOf(expected);
    expect(findings.some((f) => f.start < at + expected.length && at < f.end), JSON.stringify(findings)).toBe(true);
  });
});

describe("the learned guard leaves alone what is not a client's", () => {
  it.each(LEARNED_NOT_IDENTIFYING)("%s (%s)", (text) => {
    expect(guard.inspect(text)).toEqual([]);
  });

  it("keeps what members liked in the warning: the exact span, its kind and a rewrite", () => {
    const [finding] = guard.inspect("Mi cliente Xiomara no vino a la cita otra vez.");
    expect(finding?.text).toBe("Xiomara");
    expect(findingField(finding!)).toEqual({ label: "person name", value: '"Xiomara" → try X. or "my client"' });
  });
});

describe("the guard's model file", () => {
  it("is checked when read: a damaged one is refused with the file named", () => {
    expect(() => GuardModel.parse({ kind: "peerloop-guard-model", version: 1 }, "x/guard-model.json")).toThrow(/x\/guard-model\.json is not a guard model/);
    const good = JSON.parse(readFileSync(path.join(root, "src/core/guard/data/guard-model.json"), "utf8"));
    expect(() => GuardModel.parse({ ...good, candidate: { ...good.candidate, weights: "1:AAAA" } }, "y.json")).toThrow(/weights are damaged/);
  });

  it("stops the guard CLI (and any process loading the guard) with the file and the command to rebuild it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "peerloop-model-"));
    try {
      for (const f of ["guard-lexicon.json", "word-clusters.json"]) {
        const src = f === "word-clusters.json" ? "src/core/text-model/data" : "src/core/guard/data";
        await import("node:fs").then((fs) => fs.copyFileSync(path.join(root, src, f), path.join(dir, f)));
      }
      const missing = await runEntry("src/cli/guard-cli.ts", ["my client Maria"], { PEERLOOP_MODEL_DIR: dir });
      expect(missing.code).not.toBe(0);
      expect(missing.err).toMatch(/guard-model\.json is missing.*npm run guard:train/);
      await import("node:fs").then((fs) => fs.writeFileSync(path.join(dir, "guard-model.json"), "{ not json"));
      const damaged = await runEntry("src/cli/guard-cli.ts", ["my client Maria"], { PEERLOOP_MODEL_DIR: dir });
      expect(damaged.code).not.toBe(0);
      expect(damaged.err).toMatch(/guard-model\.json is damaged.*npm run guard:train/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!existsSync(shared))("is rebuilt byte for byte by `npm run guard:train` from the committed sources", async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), "peerloop-train-")), "guard-model.json");
    const run = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", path.join(root, "src/tools/train-guard.ts"), "--out", out], { cwd: root, encoding: "utf8", timeout: 400_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, "utf8") === readFileSync(path.join(root, "src/core/guard/data/guard-model.json"), "utf8"), "the committed model is stale: run npm run guard:train").toBe(true);
    rmSync(path.dirname(out), { recursive: true, force: true });
  }, 420_000);
});
