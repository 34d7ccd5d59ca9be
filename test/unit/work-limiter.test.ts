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

  it("says when it is too busy to accept more, and drains what it accepted", async () => {
    const limit = workLimiter(1, 2);
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const done: number[] = [];
    const jobs = [0, 1, 2].map((i) => limit(async () => {
      await gate;
      done.push(i);
    }));
    await new Promise((r) => setImmediate(r));
    expect(limit.pending()).toBe(3);
    expect(limit.busy()).toBe(true);
    expect(await limit.drain(20)).toBe(false);
    release();
    expect(await limit.drain(1_000)).toBe(true);
    await Promise.all(jobs);
    expect(done).toEqual([0, 1, 2]);
    expect(limit.pending()).toBe(0);
    expect(limit.busy()).toBe(false);
  });
});
