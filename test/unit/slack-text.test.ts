import { describe, expect, it } from "vitest";
import { COMMANDS } from "../../commands/index";
import { slackManifest } from "../../src/adapters/slack/slack-manifest";
import { renderSlack } from "../../src/adapters/slack/slack-render";
import { escapeSlack, plainSlack, unescapeSlack } from "../../src/adapters/slack/slack-text";

describe("Slack text", () => {
  it("unescapes what Slack sends before parsing, marking the mentions Slack itself wrote", () => {
    expect(plainSlack(unescapeSlack("<https://example.org/a?b=1&amp;c=2> &lt;3 &amp; <https://x.org|label> <#C123|general> <@U42> <!here> <mailto:a@b.org|a@b.org>")))
      .toBe("https://example.org/a?b=1&c=2 <3 & https://x.org #general @U42 @here a@b.org");
  });

  it("escapes member text so it cannot ping groups or forge links, keeping the author's real user mentions", () => {
    const typed = unescapeSlack("&lt;!channel&gt; <!here> &lt;https://evil|click&gt; &amp; <@U42> &lt;!subteam^S1&gt;");
    expect(escapeSlack(typed)).toBe("&lt;!channel&gt; @here &lt;https://evil|click&gt; &amp; <@U42> &lt;!subteam^S1&gt;");
  });

  it("never turns a mention typed as text into a ping (issue 11, item 1)", () => {
    // Slack sends a typed "<@U0OWNER004>" escaped; a real mention arrives as markup.
    const out = escapeSlack(unescapeSlack("ping &lt;@U0OWNER004&gt; and <@U0REAL01>"));
    expect(out).toBe("ping &lt;@U0OWNER004&gt; and <@U0REAL01>");
    // Private-use characters a member pastes cannot forge the door's marker either.
    expect(escapeSlack(unescapeSlack("\uE000@U0OWNER004\uE001"))).toBe("@U0OWNER004");
  });

  it("keeps within Block Kit limits", () => {
    const { blocks } = renderSlack({ title: "t".repeat(400), text: "x".repeat(5000), items: Array.from({ length: 80 }, (_, i) => ({ title: `item ${i}` })) });
    expect(blocks.length).toBe(50);
    expect(JSON.stringify(blocks[0])).toContain("…");
    expect(((blocks[1] as { text: { text: string } }).text.text).length).toBeLessThanOrEqual(3000);
    expect(JSON.stringify(blocks.at(-1))).toContain("more not shown");
  });
});

describe("the Slack manifest", () => {
  it("is generated from commands/", () => {
    const m = slackManifest(COMMANDS, "https://bot.example.org/slack/events");
    expect(m.features.slash_commands.map((c) => c.command)).toEqual(COMMANDS.map((c) => `/${c.name}`));
    expect(m.features.slash_commands.every((c) => c.url === "https://bot.example.org/slack/events")).toBe(true);
    expect(m.settings.event_subscriptions.bot_events).toContain("reaction_added");
    expect(m.features.shortcuts[0]!.callback_id).toBe("mark_as_answer");
    expect(slackManifest(COMMANDS, "", { socketMode: true }).settings.socket_mode_enabled).toBe(true);
  });
});
