import { bundledGuard } from "../../../src/core/guard/data/bundled-guard";
import { describe, expect, it } from "vitest";
import { createGuard } from "../../../src/core/guard/create-guard";
import { findingField, suggestRewrite } from "../../../src/core/guard/suggest-rewrite";
import { WordList } from "../../../src/core/text-model/word-list";
import { GENERALIZATION_IDENTIFYING, GENERALIZATION_NOT_IDENTIFYING } from "./guard-generalization-cases";

const guard = createGuard(bundledGuard);

describe("the guard finds what no list names", () => {
  for (const [type, cases] of Object.entries(GENERALIZATION_IDENTIFYING)) {
    it.each(cases)(`${type}: %s`, (text, expected) => {
      const at = text.indexOf(expected);
      const hit = guard.inspect(text).find((f) => f.start < at + expected.length && at < f.end);
      expect(hit, `finds ${expected}`).toBeDefined();
      expect(text.slice(hit!.start, hit!.end)).toBe(hit!.text);
    });
  }
  it.each(GENERALIZATION_NOT_IDENTIFYING)("leaves alone: %s (%s)", (text) => {
    expect(guard.inspect(text)).toEqual([]);
  });
});

describe("suggested rewrites", () => {
  it("turns a name into initials or a role, keeping a title", () => {
    expect(suggestRewrite({ type: "person_name", text: "Jae-won Park" })).toBe('J.P. or "my client"');
    expect(suggestRewrite({ type: "person_name", text: "Mrs. Okafor" })).toBe('Mrs. O. or "my client"');
  });
  it("names each kind of place and number by what it is", () => {
    expect(suggestRewrite({ type: "location", text: "Adair County" })).toBe("a county in the state");
    expect(suggestRewrite({ type: "location", text: "Noel, MO" })).toBe("a small town in the county");
    expect(suggestRewrite({ type: "record_number", text: "A208551934" })).toBe("their case number");
    expect(suggestRewrite({ type: "license_or_plate", text: "141-88-004512" })).toBe("their ID number");
  });
  it("quotes the exact words in the warning line", () => {
    const [finding] = guard.inspect("My client Dechen missed group.");
    expect(findingField(finding!)).toEqual({ label: "person name", value: '"Dechen" → try D. or "my client"' });
  });
});

describe("the lexicon's word lists", () => {
  it("answer membership by binary search over the shipped string", () => {
    const list = new WordList(["abe", "bo", "böhm", "zed"].sort().join("\n"));
    expect(list.size).toBe(4);
    for (const w of ["abe", "bo", "böhm", "zed"]) expect(list.has(w)).toBe(true);
    for (const w of ["ab", "abed", "b", "zee", ""]) expect(list.has(w)).toBe(false);
    expect(new WordList("").has("a")).toBe(false);
  });
});
