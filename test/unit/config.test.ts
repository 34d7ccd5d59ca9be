import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config";

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
    return [];
  } catch (e) {
    return (e as ConfigError).problems;
  }
};

describe("configuration", () => {
  it("needs nothing to start the shell on the embedded database", () => {
    const c = loadConfig({});
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.PEERLOOP_DATA_DIR).toBe(".data/pglite");
  });

  it("names each malformed variable and what to set, one line each", () => {
    const lines = problems({ DATABASE_URL: "mysql://x", PORT: "eighty", SLACK_BOT_TOKEN: "abc" });
    expect(lines).toHaveLength(3);
    expect(lines.find((l) => l.startsWith("DATABASE_URL"))).toMatch(/postgresql:\/\//);
    expect(lines.find((l) => l.startsWith("SLACK_BOT_TOKEN"))).toMatch(/xoxb-/);
    expect(lines.find((l) => l.startsWith("PORT"))).toBeDefined();
  });

  it("asks for the variables that go together", () => {
    expect(problems({ SLACK_BOT_TOKEN: "xoxb-1" })).toEqual(["SLACK_SIGNING_SECRET must be set when SLACK_BOT_TOKEN is set"]);
    expect(problems({ SLACK_SIGNING_SECRET: "s" })).toEqual(["SLACK_BOT_TOKEN must be set when SLACK_SIGNING_SECRET is set (or SLACK_CLIENT_ID for the multi-workspace install)"]);
    expect(problems({ SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "1" })).toEqual([
      "SLACK_CLIENT_SECRET must be set when SLACK_CLIENT_ID is set", "SLACK_STATE_SECRET must be set when SLACK_CLIENT_ID is set",
    ]);
    expect(problems({ SLACK_SIGNING_SECRET: "s", SLACK_CLIENT_ID: "1", SLACK_CLIENT_SECRET: "c", SLACK_STATE_SECRET: "x" })).toEqual([]);
  });

  it("checks Twilio's settings: both credentials, a sender, the public address, well-formed ids", () => {
    const sid = `AC${"a".repeat(32)}`, token = "0123456789abcdef0123456789abcdef";
    expect(problems({ TWILIO_ACCOUNT_SID: sid })).toEqual(expect.arrayContaining([
      "TWILIO_AUTH_TOKEN must be set when TWILIO_ACCOUNT_SID is set",
      expect.stringMatching(/^TWILIO_FROM \(a number\) or TWILIO_MESSAGING_SERVICE_SID must be set/),
      expect.stringMatching(/^PEERLOOP_PUBLIC_URL must be set when TWILIO_ACCOUNT_SID is set/),
    ]));
    expect(problems({ TWILIO_ACCOUNT_SID: "SK123", TWILIO_AUTH_TOKEN: token, TWILIO_FROM: "555-0100", PEERLOOP_PUBLIC_URL: "https://p.example.org" }).join("\n"))
      .toMatch(/TWILIO_ACCOUNT_SID[^\n]*AC followed by 32 hex digits[\s\S]*TWILIO_FROM[^\n]*E\.164/);
    expect(problems({ PEERLOOP_SMS_REGION: "usa", PEERLOOP_SMS_DAILY_MAX: "0" })).toHaveLength(2);
    const c = loadConfig({ TWILIO_ACCOUNT_SID: sid, TWILIO_AUTH_TOKEN: token, TWILIO_MESSAGING_SERVICE_SID: `MG${"b".repeat(32)}`, PEERLOOP_PUBLIC_URL: "https://p.example.org" });
    expect(c.TWILIO_API_URL).toBe("https://api.twilio.com");
    expect(c.PEERLOOP_SMS_DAILY_MAX).toBe(5);
    expect(c.PEERLOOP_SMS_REGION).toBe("US");
  });

  it("treats empty values as unset", () => {
    expect(loadConfig({ DATABASE_URL: "  ", DISCORD_TOKEN: "" }).DATABASE_URL).toBeUndefined();
  });
});
