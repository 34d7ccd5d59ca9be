import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { FIGURE_DEFINITIONS } from "../../src/core/health/health-types";

describe("community-health definitions", () => {
  it("the README says what every figure means in the code's own words", () => {
    const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
    for (const [key, definition] of Object.entries(FIGURE_DEFINITIONS)) expect(readme, key).toContain(`- \`${key}\`: ${definition}`);
  });
});
