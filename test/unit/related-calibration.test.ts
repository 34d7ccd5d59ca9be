import { describe, expect, it } from "vitest";
import { applyCalibration, fitCalibration } from "../../src/core/related/related-calibration";

describe("a community's own calibration of related answers", () => {
  it("starts from the global model: with no evidence against it, probabilities stay as they are", () => {
    const c = fitCalibration([]);
    expect(c).toEqual({ a: 1, b: 0 });
    expect(applyCalibration(c)(0.8)).toBeCloseTo(0.8, 6);
  });

  it("lowers confidence where members passed over what was offered, and raises it where they took it", () => {
    const passed = fitCalibration(Array.from({ length: 60 }, (_, i) => ({ p: 0.9 + (i % 5) * 0.01, yes: i % 10 === 0 })));
    expect(applyCalibration(passed)(0.92)).toBeLessThan(0.6);
    const taken = fitCalibration(Array.from({ length: 60 }, (_, i) => ({ p: 0.5 + (i % 5) * 0.02, yes: i % 10 !== 0 })));
    expect(applyCalibration(taken)(0.54)).toBeGreaterThan(0.65);
  });

  it("keeps the order of the model's probabilities when the evidence agrees with it", () => {
    const examples = [...Array.from({ length: 30 }, () => ({ p: 0.95, yes: true })), ...Array.from({ length: 30 }, () => ({ p: 0.2, yes: false }))];
    const f = applyCalibration(fitCalibration(examples));
    expect(f(0.95)).toBeGreaterThan(f(0.5));
    expect(f(0.5)).toBeGreaterThan(f(0.2));
  });
});
