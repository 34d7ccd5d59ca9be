import { describe, expect, it } from "vitest";
import { schemaOf } from "../../commands/define";
import { parseText } from "../../src/app/parse-text";
import { commandExamples } from "../../src/app/warm-up";

/** Every command's example (which the help shows, and the warm-up reads before /readyz) is valid input. */
const examples = commandExamples();

describe("commands' examples", () => {
  it.each(examples.map((e) => [e.example, e] as const))("%s parses and passes its schema", (_example, e) => {
    const parsed = schemaOf(e.options).safeParse(parseText(e.options, e.text, e.usage));
    expect(parsed.success, parsed.success ? "" : JSON.stringify(parsed.error.issues)).toBe(true);
  });
});
