import { describe, expect, it } from "vitest";
import { valueAxis } from "../../src/adapters/web/web-charts";
import { replyTimeUnit } from "../../src/adapters/web/web-health-page";

const RANGE: [number, number] = [200, 0];

describe("the health charts' value axes (issue 38: nice ticks from d3-scale)", () => {
  it("counts tick in whole numbers, each label the value of its gridline", () => {
    for (const [max, labels] of [[5, ["0", "1", "2", "3", "4", "5"]], [2, ["0", "1", "2"]], [0, ["0", "1"]], [3, ["0", "1", "2", "3"]], [17, ["0", "5", "10", "15", "20"]]] as const) {
      const y = valueAxis(max, { integer: true, range: RANGE });
      expect(y.ticks.map(y.format), `max ${max}`).toEqual(labels);
      for (const v of y.ticks) expect(Number(y.format(v))).toBe(v);
    }
  });

  it("a bar of 2 stands at the gridline labelled 2, not between labels", () => {
    const y = valueAxis(5, { integer: true, range: RANGE });
    const two = y.ticks.find((v) => y.format(v) === "2")!;
    expect(y.scale(2)).toBe(y.scale(two));
    expect(y.scale(2)).toBeCloseTo(200 - (2 / 5) * 200);
  });

  it("times get nice ticks whose labels round-trip (no 0.3 labelling 0.25)", () => {
    const y = valueAxis(1, { range: RANGE });
    expect(y.ticks.map(y.format)).toEqual(["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]);
    for (const v of valueAxis(37, { range: RANGE }).ticks) expect(v % 10).toBe(0);
    for (const v of valueAxis(2.6, { range: RANGE }).ticks) expect(Number(valueAxis(2.6, { range: RANGE }).format(v))).toBeCloseTo(v, 10);
  });

  it("the time chart reads in minutes while replies come within two hours, else in hours", () => {
    expect(replyTimeUnit([12, null, 45])).toEqual({ unit: "minutes", per: 1 });
    expect(replyTimeUnit([null, null])).toEqual({ unit: "minutes", per: 1 });
    expect(replyTimeUnit([30, 600])).toEqual({ unit: "hours", per: 60 });
  });
});
