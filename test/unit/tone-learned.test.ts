import { spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createToneCheck } from "../../src/core/tone/create-tone-check";
import { bundledTone } from "../../src/core/tone/data/bundled-tone";
import { ToneModel } from "../../src/core/tone/learned-tone";
import { runEntry } from "../support/run-cli";

const check = createToneCheck(bundledTone);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * Contempt by wording nobody listed, in the issue's own examples (no training post is copied here).
 * Two of them are missed: "Hospital social work = discharge monkeys" (see the README), and since the
 * threshold was calibrated on everyday traffic (issue 34), "the section 8 crowd in building C think
 * maintenance is their personal butler service" (0.54 against a threshold of 0.55).
 */
describe("the learned tone check reads contempt in words no list names", () => {
  it.each([
    ["case managers are glorified receptionists with a caseload", "profession_disparagement"],
    ["my lot at day program are basically overgrown toddlers", "client_disparagement"],
  ])("%s", (text, category) => {
    const r = check.inspect(text);
    expect(r.flagged).toBe(true);
    expect(r.category).toBe(category);
    expect(r.spans.length).toBeGreaterThan(0);
    for (const s of r.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it.each([
    ["a sincere thank-you", "My client made me a card, bless his heart, I'm keeping it forever"],
    ["a slur quoted to ask about it", "A coworker called our clients 'frequent flyers' in team meeting. How do I push back?"],
    ["anger at a system", "the state's benefits portal crashed AGAIN 🤡 three hours on hold and nobody can help"],
    ["burnout", "I'm so tired. six crises this week and I cried in the car park. how do you all keep going?"],
    ["a two-word share note", "Great read"],
    ["a one-word reply", "lol"],
    ["anger at a portal", "ugh the portal is down again 🙄"],
    ["a congratulation", "congratulations on the new job!! 🎉"],
    ["a warm reply", "so proud of you 🥹"],
    ["a reply of a few words", "same tbh 😂"],
    ["a bookmark", "Saving this one"],
  ])("leaves alone %s", (_kind, text) => {
    expect(check.inspect(text).flagged).toBe(false);
  });
});

describe("the tone model file", () => {
  it("is checked when read: a damaged one is refused with the file named", () => {
    expect(() => ToneModel.parse({ kind: "peerloop-tone-model", version: 1 }, "z/tone-model.json")).toThrow(/z\/tone-model\.json is not a tone model/);
  });

  it("stops the tone CLI with the file and the command to rebuild it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "peerloop-tone-model-"));
    try {
      copyFileSync(path.join(root, "src/core/text-model/data/word-clusters.json"), path.join(dir, "word-clusters.json"));
      writeFileSync(path.join(dir, "tone-model.json"), JSON.stringify({ kind: "peerloop-tone-model" }));
      const damaged = await runEntry("src/cli/tone-cli.ts", ["you lazy freeloaders"], { PEERLOOP_MODEL_DIR: dir });
      expect(damaged.code).not.toBe(0);
      expect(damaged.err).toMatch(/tone-model\.json is not a tone model.*npm run tone:train/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it.skipIf(!existsSync(path.resolve(root, "../shared/tone/train")))("is rebuilt byte for byte by `npm run tone:train` from the committed sources", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "peerloop-tone-train-"));
    const out = path.join(dir, "tone-model.json");
    const run = spawnSync(process.execPath, ["--max-old-space-size=4096", "--import", "tsx", path.join(root, "src/tools/train-tone.ts"), "--out", out], { cwd: root, encoding: "utf8", timeout: 170_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(out, "utf8") === readFileSync(path.join(root, "src/core/tone/data/tone-model.json"), "utf8"), "the committed model is stale: run npm run tone:train").toBe(true);
    rmSync(dir, { recursive: true, force: true });
  }, 180_000);
});
