import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL2_ID, CHANNEL_ID, GUILD2_ID, GUILD_ID, shardOf, startFakeDiscord, user } from "../support/fake-discord";
import { eventually } from "../support/fake-slack";
import { startBot } from "../support/start-bot";
import { testDatabase } from "../support/test-database";

/**
 * Issue 12, item 5: two replicas split the bot's shards (SHARD_IDS of SHARD_COUNT) against a fake
 * gateway that routes each server's events to its shard, sharing one PostgreSQL database. Each
 * server's interactions are answered once, by the replica that holds its shard, and a "post anyway"
 * button rendered by one process works after that process is replaced.
 */
const pgUrl = process.env.DATABASE_URL;
let discord: Awaited<ReturnType<typeof startFakeDiscord>>;
let db: Awaited<ReturnType<typeof testDatabase>>;
const bots: Awaited<ReturnType<typeof startBot>>[] = [];
const ANA = user("700000000000000001", "ana");

const replica = async (shard: number) => {
  const bot = await startBot({ DISCORD_TOKEN: "discord-test-token", DISCORD_API_URL: discord.restUrl, DISCORD_MESSAGE_CONTENT: "false", DATABASE_URL: db.url!, SHARD_IDS: String(shard), SHARD_COUNT: "2" });
  bots.push(bot);
  await eventually(() => bot.logs.join("").includes("discord door ready"), 30_000, `replica for shard ${shard} ready`);
  return bot;
};

beforeAll(async () => {
  if (!pgUrl) return;
  discord = await startFakeDiscord();
  db = await testDatabase();
}, 60_000);
afterAll(async () => {
  for (const bot of bots) await bot.stop();
  await discord?.close();
  await db?.close();
});

const slash = (guildId: string, channelId: string, name: string, options: Record<string, string>) => {
  const id = discord.snowflake();
  const payload = {
    id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: guildId, channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: guildId, name: "general" },
    member: { user: ANA, roles: [], permissions: "0", joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 },
    app_permissions: "8", locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: guildId }, context: 0,
    type: 2, data: { id: discord.snowflake(), name, type: 1, guild_id: guildId, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) },
  };
  discord.dispatch("INTERACTION_CREATE", payload);
  return payload;
};
const callbacks = (p: { id: string; token: string }) => discord.calls.filter((c) => c.path === `/interactions/${p.id}/${p.token}/callback`);

describe.skipIf(!pgUrl)("Discord across replicas (issue 12)", () => {
  it("two replicas identify as shards 0 and 1 of 2, and each server is answered once by its shard's replica", async () => {
    const [a, b] = [await replica(0), await replica(1)];
    const shards = discord.identified.map((d) => JSON.stringify(d.shard)).sort();
    expect(shards).toEqual(["[0,2]", "[1,2]"]);
    expect(shardOf(GUILD_ID, 2)).not.toBe(shardOf(GUILD2_ID, 2));
    for (const [guild, channel] of [[GUILD_ID, CHANNEL_ID], [GUILD2_ID, CHANNEL2_ID]] as const) {
      const p = slash(guild, channel, "resources", { query: "ethics" });
      await eventually(() => callbacks(p).length > 0, 10_000, `answer in ${guild}`);
      await new Promise((r) => setTimeout(r, 300));
      expect(callbacks(p)).toHaveLength(1);
    }
    // Only the replica holding shard 0 registered the commands.
    expect(a.logs.join("") + b.logs.join("")).toContain("discord commands");
    expect(b.logs.join("")).not.toContain("discord commands");
  }, 120_000);

  it("a stashed 'post anyway' value lives in the database: the button works after its replica is replaced", async () => {
    const shard = shardOf(GUILD_ID, 2);
    const flagged = slash(GUILD_ID, CHANNEL_ID, "ask", { question: `Looking for advice: my client Maria Delgado (DOB 3/4/87) keeps missing appointments and I want ideas for ${"engagement ".repeat(6)}` });
    const warning = await eventually(() => discord.calls.find((c) => c.method === "PATCH" && c.path.includes(`/${flagged.token}/`) && JSON.stringify(c.body).includes("post-anyway")), 10_000, "the warning with its button");
    const customId = /"custom_id":"(post-anyway:[^"]+)"/.exec(JSON.stringify(warning.body))![1]!;
    expect(customId).toMatch(/^post-anyway:~/);
    // Replace the replica that rendered it.
    const old = bots.find((b) => b.env.SHARD_IDS === String(shard))!;
    await old.stop();
    bots.splice(bots.indexOf(old), 1);
    await replica(shard);
    const id = discord.snowflake();
    const press = {
      id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID, type: 3,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
      member: { user: ANA, roles: [], permissions: "0", joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 },
      app_permissions: "8", locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0,
      message: { id: discord.snowflake(), channel_id: CHANNEL_ID, content: "", author: user("900000000000000002", "Peerloop", true), embeds: [], components: [], attachments: [], timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, type: 0, flags: 0 },
      data: { custom_id: customId, component_type: 2 },
    };
    const before = discord.of("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).length;
    discord.dispatch("INTERACTION_CREATE", press);
    const card = await eventually(() => discord.of("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`))[before], 15_000, "the question posted after confirming");
    expect(JSON.stringify(card.body)).toContain("keeps missing appointments");
  }, 120_000);
});
