import { describe, expect, it } from "vitest";
import { share } from "../../commands/share";
import { ask } from "../../commands/ask";
import { follow } from "../../commands/follow";
import { resources } from "../../commands/resources";
import { roundup } from "../../commands/roundup";
import { parseText } from "../../src/app/parse-text";

describe("parseText", () => {
  it("reads url, tags and note for /share", () => {
    expect(parseText(share.options, "https://example.org/a?utm_source=x #ethics Great read", "")).toEqual({
      url: "https://example.org/a?utm_source=x", tags: ["#ethics"], note: "Great read",
    });
  });

  it("keeps mid-sentence hashtags in the text and records them as tags", () => {
    expect(parseText(ask.options, "How do you handle #ethics dilemmas?  #supervision", "")).toEqual({
      question: "How do you handle #ethics dilemmas?", tags: ["#ethics", "#supervision"],
    });
  });

  it("keeps line breaks the author wrote", () => {
    expect(parseText(ask.options, "Line one\nline two #a", "")).toEqual({ question: "Line one\nline two", tags: ["#a"] });
  });

  it("reads a tag with or without #", () => {
    expect(parseText(follow.options, "#ethics", "")).toEqual({ tag: "#ethics" });
    expect(parseText(follow.options, "ethics", "")).toEqual({ tag: "ethics" });
  });

  it("rejects words a command cannot take", () => {
    expect(() => parseText(follow.options, "#a #b", "/follow <#tag>")).toThrow(/didn't understand "#b"/);
    expect(() => parseText(roundup.options, "now please", "/roundup")).toThrow(/now/);
  });

  it("splits query and tag filter for /resources", () => {
    expect(parseText(resources.options, "safety plan #youth", "")).toEqual({ query: "safety plan", tag: ["#youth"] });
    expect(parseText(resources.options, "", "")).toEqual({});
  });
});
