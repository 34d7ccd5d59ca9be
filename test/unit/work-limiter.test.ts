import { describe, expect, it } from "vitest";
import { workLimiter } from "../../src/app/work-limiter";

describe("workLimiter", () => {
  it("runs at most N at once, in arrival order, and survives failures", async () => {
    const limit = workLimiter(2);
    let running = 0, peak = 0;
    const order: number[] = [];
    const job = (i: number) => limit(async () => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      order.push(i);
      if (i === 2) throw new Error("boom");
      return i;
    });
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map(job));
    expect(peak).toBe(2);
    expect(order).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.filter((r) => r.status === "rejected")).toHaveLength(1);
  });
});
