import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL_ID, GUILD_ID, startFakeDiscord, user } from "../support/fake-discord";
import { eventually } from "../support/fake-slack";
import { hostileText, Rng } from "../support/hostile-input";
import { startDiscordWithBot } from "../support/discord-bot";
import type { startBot } from "../support/start-bot";

/**
 * Issue 11's fuzz run for the Discord door: the real discord.js client on a fake gateway receives
 * a seeded stream of hostile slash commands, buttons, forms and thread messages. Every interaction is
 * answered inside Discord's 3 s, no bad input is answered with an apology for an internal failure, and
 * every message the bot sends forbids all pings.
 */
let discord: Awaited<ReturnType<typeof startFakeDiscord>>;
let bot: Awaited<ReturnType<typeof startBot>>;
const ANA = user("700000000000000001", "ana");
const REAL = "700000000000000099";

beforeAll(async () => {
  ({ discord, bot } = await startDiscordWithBot());
}, 90_000);
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const base = () => {
  const id = discord.snowflake();
  return {
    id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
    member: { user: ANA, roles: [], permissions: "0", joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 },
    app_permissions: "8", locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0,
  };
};

describe("a seeded fuzz run of the Discord door (issue 11)", () => {
  it("answers every hostile interaction within 3 s, never with an internal apology, and never pings", async () => {
    const rng = new Rng(Number(process.env.FUZZ_SEED ?? 2221));
    const text = () => hostileText(rng, REAL).replace(/<@UREAL01[^>]*>/g, `<@${REAL}>`).slice(0, 3_000);
    const SLASH: [string, string[], string?][] = [
      ["share", ["url", "tags", "note"]], ["ask", ["question", "tags"]], ["feedback", ["request", "tags"]], ["resources", ["query"]],
      ["follow", ["tags"]], ["notify", ["frequency"]], ["peerloop", ["zone"], "timezone"], ["peerloop", ["hours"], "quiet"], ["nosuch", ["x"]],
    ];
    const make = (): Record<string, unknown> => {
      const r = rng.next();
      if (r < 0.6) {
        const [name, opts, sub] = rng.pick(SLASH);
        const options = opts.filter(() => rng.next() < 0.8).map((n) => ({ name: n, type: 3, value: n === "url" ? `${rng.pick(["https://example.org/d", "javascript:", "http://", ""])}${rng.int(0, 999)}${text().slice(0, 50)}` : text() }));
        return { ...base(), type: 2, data: { id: discord.snowflake(), name, type: 1, guild_id: GUILD_ID, options: sub ? [{ name: sub, type: 1, options }] : options } };
      }
      if (r < 0.85) {
        const customId = rng.pick(["endorse:", "post-anyway:", "post-anyway:~", "resolve:", "zzz:", ""]) + text().slice(0, 80);
        return { ...base(), type: 3, message: { id: discord.snowflake(), channel_id: CHANNEL_ID, content: "", author: user(discord.snowflake(), "Peerloop", true), embeds: [], components: [], attachments: [], timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, type: 0, flags: 0 }, data: { custom_id: customId.slice(0, 100) || "x", component_type: 2 } };
      }
      return {
        ...base(), type: 5, data: {
          custom_id: `resolve-form:${text().slice(0, 60)}`.slice(0, 100),
          components: ["outcome", "helpers", "note"].map((f) => ({ type: 1, components: [{ type: 4, custom_id: f, value: f === "outcome" ? rng.pick(["resolved", "partly", "", text().slice(0, 20)]) : text().slice(0, 900) }] })),
        },
      };
    };
    const until = Date.now() + 60_000;
    const times: number[] = [];
    const tokens: string[] = [];
    const worker = async () => {
      while (Date.now() < until && times.length < 1_200) {
        const payload = make();
        const started = Date.now();
        discord.dispatch("INTERACTION_CREATE", payload);
        const cb = await eventually(() => discord.calls.find((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`), 5_000, "interaction answer");
        times.push(cb.at - started);
        tokens.push(String(payload.token));
      }
    };
    await Promise.all(Array.from({ length: 4 }, worker));
    await new Promise((r) => setTimeout(r, 3_000));

    expect(times.length).toBeGreaterThanOrEqual(1_000);
    expect(Math.max(...times), "slowest first answer (ms)").toBeLessThan(3_000);
    const apologies = discord.calls.filter((c) => /couldn't finish that/.test(JSON.stringify(c.body)));
    expect(apologies.slice(0, 3).map((c) => JSON.stringify(c.body).slice(0, 300)), "internal errors for bad input").toEqual([]);
    const posts = discord.calls.filter((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path));
    const pingFree = (body: unknown) => {
      const a = (body as { allowed_mentions?: { parse?: unknown[]; users?: unknown[]; roles?: unknown[] } }).allowed_mentions;
      return Boolean(a && Array.isArray(a.parse) && a.parse.length === 0 && !a.users?.length && !a.roles?.length);
    };
    const loose = posts.filter((c) => !pingFree(c.body));
    if (loose.length) console.log("posts without allowed_mentions {parse:[]}:", loose.slice(0, 2).map((c) => JSON.stringify(c.body).slice(0, 400)));
    expect(loose.length, "channel posts that allow a ping").toBe(0);
    expect(bot.logs.join("").match(/"unexpected failure"|"discord interaction failed"|uncaught/g) ?? []).toEqual([]);
    console.log(`discord fuzz: ${times.length} interactions, ${posts.length} channel posts, slowest first answer ${Math.max(...times)} ms`);
  }, 120_000);
});
