import { describe, expect, it } from "vitest";
import { normalizeUrl, titleFromUrl } from "../../src/core/resources/normalize-url";
import { PeerloopError } from "../../src/core/shared/errors";

const code = (raw: string) => {
  try {
    normalizeUrl(raw);
    return "ok";
  } catch (e) {
    return (e as PeerloopError).code;
  }
};

describe("normalizeUrl", () => {
  it.each([
    ["https://Example.ORG/a?utm_source=x", "https://example.org/a"],
    ["HTTPS://example.org:443/a/", "https://example.org/a"],
    ["http://example.org:80/", "http://example.org"],
    ["http://example.org:8080/x", "http://example.org:8080/x"],
    ["https://example.org/a#section-2", "https://example.org/a"],
    ["https://example.org/a?b=2&a=1&fbclid=z&gclid=q&mc_cid=1&mc_eid=2&ref=tw&UTM_MEDIUM=m", "https://example.org/a?a=1&b=2"],
    ["https://example.org/Path/Case", "https://example.org/Path/Case"],
    ["  https://example.org/a  ", "https://example.org/a"],
    ["https://example.org/a?x=1&x=0", "https://example.org/a?x=0&x=1"],
  ])("%s → %s", (raw, expected) => {
    expect(normalizeUrl(raw)).toBe(expected);
  });

  it("makes the acceptance pair one resource", () => {
    expect(normalizeUrl("https://example.org/a?utm_source=x")).toBe(normalizeUrl("https://example.org/a/"));
  });

  it.each(["", "http://", "https://", "ftp://x", "javascript:alert(1)", "example.org", "http://x", "https://user:pw@example.org/", "mailto:a@b.org", "http:/example.org"])(
    "rejects %j with INVALID_URL", (raw) => {
      expect(code(raw)).toBe("INVALID_URL");
    });

  it("rejects an overlong link with a message naming the limit", () => {
    expect(() => normalizeUrl(`https://example.org/${"a".repeat(3000)}`)).toThrow(/2000 characters/);
  });

  it("derives a readable title", () => {
    expect(titleFromUrl("https://www.example.org/guides/safety-plan_template.pdf")).toBe("safety plan template (example.org)");
    expect(titleFromUrl("https://example.org")).toBe("example.org");
  });
});

describe("linkForGuard", () => {
  it("hides an IP-address host (a server) but keeps the path the guard must read", async () => {
    const { linkForGuard } = await import("../../src/core/resources/normalize-url");
    expect(linkForGuard("http://127.0.0.1:8080/a/b")).toBe("http://server:8080/a/b");
    expect(linkForGuard("https://[::1]/x")).toBe("https://server/x");
    expect(linkForGuard("https://example.org/10.0.0.1")).toBe("https://example.org/10.0.0.1");
    expect(linkForGuard("https://linktr.ee/jane.doe")).toBe("https://linktr.ee/jane.doe");
  });
});
