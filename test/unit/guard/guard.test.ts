import { bundledGuard } from "../../../src/core/guard/data/bundled-guard";
import { describe, expect, it } from "vitest";
import { createGuard } from "../../../src/core/guard/create-guard";
import { stripMarkup } from "../../../src/core/guard/strip-markup";
import { IDENTIFYING, NOT_IDENTIFYING } from "./guard-cases";

const guard = createGuard(bundledGuard);

describe("the confidentiality guard flags client identifiers", () => {
  for (const [type, cases] of Object.entries(IDENTIFYING)) {
    describe(type, () => {
      it.each(cases)("%s", (text, expected) => {
        const findings = guard.inspect(text);
        expect(findings.length, "flagged").toBeGreaterThan(0);
        const hit = findings.find((f) => f.start < text.indexOf(expected) + expected.length && text.indexOf(expected) < f.end);
        expect(hit, `finds ${expected} in ${JSON.stringify(findings)}`).toBeDefined();
        expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
      });
    });
  }
});

describe("the confidentiality guard leaves hard negatives alone", () => {
  it.each(NOT_IDENTIFYING)("%s (%s)", (text) => {
    expect(guard.inspect(text)).toEqual([]);
  });
});

describe("markup", () => {
  it("is blanked without moving offsets", () => {
    const raw = "**Case**: <@U01> call <tel:5035550134|503-555-0134> or <mailto:a.b@gmail.com|a.b@gmail.com>";
    const { text } = stripMarkup(raw);
    expect(text).toHaveLength(raw.length);
    expect(text.indexOf("503-555-0134")).toBe(raw.indexOf("503-555-0134"));
    expect(text).not.toContain("<@U01>");
  });

  it("quotes findings exactly as the author wrote them", () => {
    const raw = "||client: **Hyun-woo Cha**|| 15, needs an interpreter; his mom's email is <mailto:cha.family@gmail.com|cha.family@gmail.com>";
    const findings = guard.inspect(raw);
    expect(findings.map((f) => f.text)).toEqual(expect.arrayContaining(["Hyun-woo Cha", "cha.family@gmail.com"]));
  });
});
