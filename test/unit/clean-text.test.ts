import { describe, expect, it } from "vitest";
import { cleanText } from "../../src/core/shared/clean-text";

describe("member text is cleaned before it is stored (issue 11, item 2)", () => {
  it("removes NUL and other control characters but keeps tabs, newlines and everything visible", () => {
    expect(cleanText("a\u0000b\u0007c\td\r\ne\u007f\u0085f")).toBe("abc\td\nef");
    expect(cleanText("Größe 😀 — «ok»")).toBe("Größe 😀 — «ok»");
  });
  it("removes bidirectional overrides, lone surrogates and private-use characters other than the mention markers", () => {
    expect(cleanText("evil\u202Egnp.exe")).toBe("evilgnp.exe");
    expect(cleanText("x\uD800y\uDC00z")).toBe("xyz");
    expect(cleanText("\uE000@U1\uE001 \uE123")).toBe("\uE000@U1\uE001 ");
  });
});
