import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "../..");

/**
 * An operator's model directory (PEERLOOP_MODEL_DIR) holding the shipped models, with the related
 * model's thresholds set for the test: a door's rendering or a button's behaviour is under test, not
 * the calibration (which the related-answers evaluation measures).
 */
export const relatedModelDir = (before: number, thread: number): string => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "peerloop-models-"));
  for (const f of readdirSync(path.join(ROOT, "dist")).filter((n) => n.endsWith(".json"))) symlinkSync(path.join(ROOT, "dist", f), path.join(dir, f));
  const model = JSON.parse(readFileSync(path.join(ROOT, "src/core/related/data/related-model.json"), "utf8"));
  writeFileSync(path.join(dir, "related-model.json"), JSON.stringify({ ...model, threshold: before, threadThreshold: thread }));
  return dir;
};
