import { describe, expect, it } from "vitest";
import { discordExportMessages, isDiscordExport } from "../../src/adapters/import/discord-export";
import { isSlackExport, slackExportMessages } from "../../src/adapters/import/slack-export";
import { escapeHtml, html, safeHref } from "../../src/adapters/web/html";
import { csvField } from "../../src/core/data/export-community";
import { splitNote } from "../../src/core/data/import-history";

describe("CSV fields", () => {
  it("quotes what needs quoting and defuses spreadsheet formulas", () => {
    expect(csvField("plain")).toBe("plain");
    expect(csvField('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvField("two\nlines")).toBe('"two\nlines"');
    expect(csvField("=HYPERLINK(\"http://evil\")")).toBe('"\'=HYPERLINK(""http://evil"")"');
    expect(csvField("+1 555")).toBe("'+1 555");
    expect(csvField("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(csvField(null)).toBe("");
    expect(csvField(3)).toBe("3");
  });
});

describe("HTML templates", () => {
  it("escape every interpolation unless it is markup they made", () => {
    expect(String(html`<p>${"<script>alert('x')</script> & \"q\""}</p>`)).toBe("<p>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;</p>");
    expect(String(html`<ul>${["<a>", html`<li>ok</li>`]}</ul>`)).toBe("<ul>&lt;a&gt;<li>ok</li></ul>");
    expect(escapeHtml("a\"b")).toBe("a&quot;b");
  });

  it("only link http(s)", () => {
    expect(safeHref("javascript:alert(1)")).toBeNull();
    expect(safeHref("data:text/html,x")).toBeNull();
    expect(safeHref("https://example.org/a b")).toBe("https://example.org/a%20b");
  });
});

describe("a shared message's note and tags", () => {
  it("takes hashtags as tags and the rest as the note", () => {
    expect(splitNote("  Great intake template #Intake #ethics  ")).toEqual({ note: "Great intake template", tags: ["intake", "ethics"] });
    expect(splitNote("#youth")).toEqual({ note: null, tags: ["youth"] });
    expect(splitNote("Issue #12 of the journal")).toEqual({ note: "Issue of the journal", tags: ["12"] });
    expect(splitNote("x".repeat(1200)).note).toHaveLength(1000);
  });
});

describe("platform exports", () => {
  it("reads member messages with links from a Slack workspace export, attributed by user id", () => {
    const files = new Map([
      ["users.json", JSON.stringify([{ id: "U1", name: "ana", profile: { display_name: "Ana P", real_name: "Ana Pérez" } }, { id: "U2", name: "bo", real_name: "Bo" }])],
      ["channels.json", JSON.stringify([{ id: "C1", name: "general" }])],
      ["general/2026-01-05.json", JSON.stringify([
        { type: "message", user: "U1", ts: "1767610000.000100", text: "Read this <https://example.org/a?utm_source=x|example.org/a> #ethics &amp; more" },
        { type: "message", subtype: "channel_join", user: "U2", ts: "1767610001.000100", text: "<@U2> has joined <https://example.org/j>" },
        { type: "message", user: "U2", ts: "1767610002.000100", text: "no link here" },
        { type: "message", bot_id: "B1", user: "U3", ts: "1767610003.000100", text: "<https://bot.example/x>" },
        { type: "message", user: "U2", ts: "1767610004.000100", text: "two: <https://a.example/1> and <https://b.example/2>" },
      ])],
    ]);
    expect(isSlackExport(files)).toBe(true);
    const messages = [...slackExportMessages(files)];
    expect(messages).toHaveLength(2);
    expect(messages[0]).toMatchObject({ key: "slack:C1:1767610000.000100", urls: ["https://example.org/a?utm_source=x"], author: { externalId: "U1", displayName: "Ana P" }, channelId: "C1" });
    expect(messages[0]!.text).toContain("#ethics & more");
    expect(messages[0]!.at.toISOString()).toBe("2026-01-05T10:46:40.000Z");
    expect(messages[1]!.urls).toEqual(["https://a.example/1", "https://b.example/2"]);
  });

  it("reads a Discord channel export (DiscordChatExporter JSON)", () => {
    const doc = {
      guild: { id: "81", name: "PLN" }, channel: { id: "91", name: "resources" },
      messages: [
        { id: "1001", type: "Default", timestamp: "2026-02-01T10:00:00+00:00", content: "Try <https://example.org/x>, it's good. #groupwork", author: { id: "501", name: "cam", nickname: "Cam R" } },
        { id: "1002", type: "Default", timestamp: "2026-02-01T10:01:00+00:00", content: "https://example.org/y.", author: { id: "502", name: "bot", isBot: true } },
        { id: "1003", type: "ThreadCreated", timestamp: "2026-02-01T10:02:00+00:00", content: "https://example.org/z", author: { id: "501", name: "cam" } },
        { id: "1004", type: "Reply", timestamp: "2026-02-02T10:00:00+00:00", content: "see (https://example.org/w).", author: { id: "503", name: "dee" } },
      ],
    };
    expect(isDiscordExport(doc)).toBe(true);
    const messages = [...discordExportMessages(doc)];
    expect(messages.map((m) => [m.key, m.urls, m.author.displayName])).toEqual([
      ["discord:1001", ["https://example.org/x"], "Cam R"],
      ["discord:1004", ["https://example.org/w"], "dee"],
    ]);
  });
});
