import { describe, expect, it } from "vitest";
import { lazyGuard } from "../../src/app/lazy-guard";
import { keywordGuard } from "../support/core-harness";

describe("the lazily loaded guard", () => {
  it("refuses to inspect before it is loaded, then inspects as the real guard does, loading once", async () => {
    let loads = 0;
    const { guard, ready } = lazyGuard(async () => (loads++, keywordGuard));
    expect(() => guard.inspect("CLIENTNAME")).toThrow(/before it was loaded/);
    await Promise.all([ready(), ready()]);
    expect(guard.inspect("about CLIENTNAME today")).toEqual([{ type: "person_name", text: "CLIENTNAME", start: 6, end: 16 }]);
    guard.warm?.();
    await ready();
    expect(loads).toBe(1);
  });
});
