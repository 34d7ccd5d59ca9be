import { describe, expect, it } from "vitest";
import { maskPhone, parsePhone } from "../../../src/core/sms/phone-numbers";
import { alertText, confirmText, isGsm7, segments, summaryText } from "../../../src/core/sms/sms-text";
import { twilioSignature, validTwilioSignature } from "../../../src/adapters/sms/twilio-signature";
import { twiml } from "../../../src/adapters/sms/twilio-webhook";

const LINK = "https://peerloop.example.org/c/0b6c1c9e-6f1e-4d51-9f0e-1f6a2f0d6c11/resources/5b0f3f2e-9a55-4a0b-8f7a-3f8e2b1c0d9e";

describe("what a text says", () => {
  it("says the tag, the resource's title and one link, as the issue shows", () => {
    expect(alertText("resource", "Boundaries in rural practice", ["ethics"], LINK)).toBe(`Peerloop #ethics: new resource 'Boundaries in rural practice' ${LINK}`);
  });

  it("never carries a question's words, only that there is one and its link", () => {
    const text = alertText("thread", "", ["ethics"], LINK);
    expect(text).toBe(`Peerloop #ethics: a new question. Open it: ${LINK}`);
    expect(alertText("unanswered", "", [], LINK)).toContain("still needs an answer");
  });

  it("fits two segments: a long title is shortened, the link kept whole", () => {
    const text = alertText("resource", "A very long title ".repeat(30), ["ethics"], LINK);
    expect(segments(text)).toBeLessThanOrEqual(2);
    expect(text.endsWith(LINK)).toBe(true);
    expect(text).toContain("...");
  });

  it("keeps GSM-7 when curly quotes and dashes can become plain ones; counts UCS-2 when it cannot", () => {
    const curly = alertText("resource", "“Trauma-informed” practice — a guide’s notes", ["ethics"], LINK);
    expect(isGsm7(curly)).toBe(true);
    expect(curly).toContain(`"Trauma-informed" practice - a guide's notes`);
    const greek = alertText("resource", "Κοινωνική εργασία στην πράξη ".repeat(6), ["ethics"], "https://x.example/r/1");
    expect(isGsm7(greek)).toBe(false);
    expect(segments(greek)).toBe(2);
    expect(greek).toMatch(/^Peerloop #ethics: new resource 'Κοινωνική[^']+\.\.\.' https:\/\/x\.example\/r\/1$/);
    expect(segments("a".repeat(160))).toBe(1);
    expect(segments("a".repeat(161))).toBe(2);
    expect(segments("€".repeat(80))).toBe(1); // an extension character counts twice
    expect(segments("€".repeat(81))).toBe(2);
    expect(segments("ж".repeat(70))).toBe(1);
    expect(segments("ж".repeat(71))).toBe(2);
  });

  it("summarises a day in one text with one link, or says to look in chat when the web is off", () => {
    expect(summaryText({ resources: 2, questions: 1, other: 0 }, ["ethics", "supervision"], "https://x.example/c/1")).toBe("Peerloop: 2 new resources, 1 new question on #ethics #supervision. See them: https://x.example/c/1");
    expect(summaryText({ resources: 1, questions: 0, other: 0 }, [], undefined)).toBe("Peerloop: 1 new resource. See them in chat.");
    expect(alertText("resource", "T", ["a"], undefined)).toBe("Peerloop #a: new resource 'T' (see it in chat)");
  });

  it("texts the code with what to type and how to opt out, in one segment", () => {
    const text = confirmText("123456", "Rural Social Work Network");
    expect(text).toContain("/notify sms confirm 123456");
    expect(text).toContain("STOP");
    expect(segments(text)).toBe(1);
  });
});

describe("phone numbers", () => {
  it("reads E.164 and national forms with the region, and refuses what cannot take texts", () => {
    expect(parsePhone("+1 (201) 555-0123", "US")).toEqual({ ok: true, e164: "+12015550123" });
    expect(parsePhone("201.555.0123", "US")).toEqual({ ok: true, e164: "+12015550123" });
    expect(parsePhone("07400 123456", "GB")).toEqual({ ok: true, e164: "+447400123456" });
    expect(parsePhone("+15555550123", "US")).toEqual({ ok: true, e164: "+15555550123" }); // the fictional 555 range the docs use
    expect(parsePhone("020 7946 0000", "GB")).toMatchObject({ ok: false, reason: expect.stringContaining("landline") });
    expect(parsePhone("+1 800 555 0199", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("service number") });
    expect(parsePhone("12345", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("country code") });
    expect(parsePhone("call me", "US")).toMatchObject({ ok: false, reason: expect.stringContaining("only digits") });
    expect(parsePhone("", "US")).toMatchObject({ ok: false });
  });

  it("masks a number to its country code and last four digits", () => {
    expect(maskPhone("+15555550123")).toBe("+1 ••• ••• 0123");
    expect(maskPhone("+447400123456")).toBe("+44 ••• ••• 3456");
  });
});

describe("Twilio's request signature", () => {
  // The example in Twilio's security documentation.
  const url = "https://mycompany.com/myapp.php?foo=1&bar=2";
  const fields = new URLSearchParams({ CallSid: "CA1234567890ABCDE", Caller: "+14158675309", Digits: "1234", From: "+14158675309", To: "+18005551212" });

  it("matches Twilio's published example", () => {
    expect(twilioSignature("12345", url, fields)).toBe("RSOYDt4T1cUTdK1PDd93/VVr8B8=");
    expect(validTwilioSignature("12345", url, fields, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(true);
  });

  it("fails for another token, another URL, a changed field, or no header", () => {
    expect(validTwilioSignature("54321", url, fields, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(validTwilioSignature("12345", "https://mycompany.com/other", fields, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    const changed = new URLSearchParams(fields);
    changed.set("Digits", "9999");
    expect(validTwilioSignature("12345", url, changed, "RSOYDt4T1cUTdK1PDd93/VVr8B8=")).toBe(false);
    expect(validTwilioSignature("12345", url, fields, undefined)).toBe(false);
    expect(validTwilioSignature("12345", url, fields, "short")).toBe(false);
  });

  it("answers with TwiML, escaping what it says", () => {
    expect(twiml(null)).toBe('<?xml version="1.0" encoding="UTF-8"?><Response></Response>');
    expect(twiml("a < b & c")).toContain("<Message>a &lt; b &amp; c</Message>");
  });
});
