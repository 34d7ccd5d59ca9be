import { afterAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL_ID, GUILD_ID, user, type RestCall } from "../support/fake-discord";
import { eventually } from "../support/fake-slack";
import { startDiscordWithBot } from "../support/discord-bot";

/** The welcome on Discord (issue 36), through the real discord.js: with the Server Members intent, and without it. */
type Started = Awaited<ReturnType<typeof startDiscordWithBot>>;
const running: Started[] = [];
afterAll(async () => {
  for (const { bot, discord } of running) {
    await bot.stop();
    await discord.close();
  }
});

const ORG = user("700000000000000031", "olu");
const NIA = user("700000000000000032", "nia");
const KAI = user("700000000000000033", "kai");
const APPBOT = user("700000000000000039", "somebot", true);
const text = (c: RestCall) => JSON.stringify(c.body).replace(/\\\\/g, "");
const guildMember = (u: ReturnType<typeof user>, joined = new Date()) => ({ user: u, roles: [], permissions: "0", joined_at: joined.toISOString(), deaf: false, mute: false, nick: null, flags: 0 });

const harness = ({ discord }: Started) => {
  const interact = async (payload: Record<string, unknown>) => {
    discord.dispatch("INTERACTION_CREATE", payload);
    await eventually(() => discord.calls.find((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`), 15_000, "interaction answer");
    return String(payload.token);
  };
  const inGuild = (u: ReturnType<typeof user>, joined?: Date) => {
    const id = discord.snowflake();
    return { id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID, channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
      member: guildMember(u, joined), app_permissions: "8", locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0 };
  };
  const command = (u: ReturnType<typeof user>, name: string, data: Record<string, unknown> = {}, joined?: Date) =>
    interact({ ...inGuild(u, joined), type: 2, data: { id: discord.snowflake(), name, type: 1, guild_id: GUILD_ID, ...data } });
  /** A control pressed in the bot's direct message with `u`: no server in the payload, only the user. */
  const inDm = (u: ReturnType<typeof user>, data: Record<string, unknown>) => {
    const id = discord.snowflake(), dm = `5${u.id.slice(1)}`;
    return interact({ id, application_id: APP_ID, token: `tok-${id}`, version: 1, type: 3, channel_id: dm, channel: { id: dm, type: 1 }, user: u, data,
      message: { id: discord.snowflake(), channel_id: dm, content: "", type: 0, author: user("900000000000000002", "Peerloop", true), embeds: [], attachments: [], mentions: [], mention_roles: [], timestamp: new Date().toISOString() },
      locale: "en-US", entitlements: [], authorizing_integration_owners: { 1: u.id }, context: 1, app_permissions: "0" });
  };
  const original = (token: string) => eventually(() => discord.calls.find((c) => c.method === "PATCH" && /\/messages\/(@|%40)original$/.test(c.path) && c.path.includes(`/${token}/`)), 15_000, "private answer");
  const followUps = (token: string) => discord.calls.filter((c) => c.method === "POST" && c.path.endsWith(`/${token}`));
  const dms = (u: ReturnType<typeof user>) => discord.of("POST", new RegExp(`^/channels/5${u.id.slice(1)}/messages$`));
  return { interact, command, inDm, original, followUps, dms };
};

describe("with the Server Members intent: welcomed on join, by direct message", () => {
  it("welcomes a member who joins once, answers the steps from the DM's select and buttons, and gives bots nothing", async () => {
    const started = await startDiscordWithBot({ DISCORD_SERVER_MEMBERS: "true" });
    running.push(started);
    const { discord } = started;
    const h = harness(started);
    expect(discord.identified.every((d) => ((d.intents as number) & (1 << 1)) !== 0)).toBe(true); // GUILD_MEMBERS
    await h.command(ORG, "share", { options: [{ name: "url", type: 3, value: "https://example.org/guide" }, { name: "tags", type: 3, value: "ethics" }] });
    await eventually(() => discord.of("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).find((c) => text(c).includes("example.org/guide")), 15_000, "the shared card");

    discord.dispatch("GUILD_MEMBER_ADD", { guild_id: GUILD_ID, ...guildMember(NIA) });
    const [hello, step] = await eventually(() => (h.dms(NIA).length >= 2 ? h.dms(NIA) : null), 15_000, "the welcome DM");
    expect(text(hello!)).toContain("Welcome to Peers Server, nia");
    const select = (step!.body.components as { components: { type: number; custom_id: string; options: { value: string }[] }[] }[])[0]!.components[0]!;
    expect(select.type).toBe(3);
    expect(select.custom_id).toBe(`welcome-pick:${GUILD_ID}:1:interests`);
    expect(select.options.map((o) => o.value)).toContain("ethics");
    // A second join event (a rejoin, a redelivery): nothing more.
    discord.dispatch("GUILD_MEMBER_ADD", { guild_id: GUILD_ID, ...guildMember(NIA) });
    discord.dispatch("GUILD_MEMBER_ADD", { guild_id: GUILD_ID, ...guildMember(APPBOT) });

    const picked = await h.inDm(NIA, { custom_id: select.custom_id, component_type: 3, values: ["ethics"] });
    const next = await h.original(picked);
    expect(text(next)).toContain("How news reaches you");
    const weekly = (next.body.components as { components: { label: string; custom_id: string }[] }[]).flatMap((r) => r.components).find((b) => b.label === "Weekly digest")!;
    expect(weekly.custom_id).toBe(`welcome:${GUILD_ID}:1:notifications:weekly`);
    await h.original(await h.inDm(NIA, { custom_id: weekly.custom_id, component_type: 2 }));
    const again = await h.original(await h.inDm(NIA, { custom_id: weekly.custom_id, component_type: 2 }));
    expect(text(again)).toContain("nothing changed");

    const me = await h.original(await h.command(NIA, "peerloop", { options: [{ name: "me", type: 1, options: [] }] }));
    expect(text(me)).toContain("#ethics");
    expect(text(me)).toContain("in a weekly digest");
    expect(h.dms(NIA)).toHaveLength(2);
    expect(h.dms(APPBOT)).toHaveLength(0);
  }, 120_000);
});

describe("without the intent: welcomed at the first command", () => {
  it("welcomes a member who joined lately after their first command's answer, once; a long-standing member is not", async () => {
    const started = await startDiscordWithBot();
    running.push(started);
    const h = harness(started);
    const first = await h.command(KAI, "peerloop", { options: [{ name: "me", type: 1, options: [] }] }, new Date(Date.now() - 2 * 86_400_000));
    expect(text(await h.original(first))).toContain("Your Peerloop, kai");
    const welcome = await eventually(() => (h.followUps(first).length ? h.followUps(first) : null), 15_000, "the welcome follow-up");
    expect(text(welcome[0]!)).toContain("Welcome to Peers Server, kai");
    expect(welcome[0]!.body.flags).toBe(64);
    const second = await h.command(KAI, "peerloop", { options: [{ name: "me", type: 1, options: [] }] }, new Date(Date.now() - 2 * 86_400_000));
    await h.original(second);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.followUps(second)).toHaveLength(0);
    // Joined the server a year ago: not new, no welcome.
    const old = await h.command(ORG, "peerloop", { options: [{ name: "me", type: 1, options: [] }] }, new Date(Date.now() - 365 * 86_400_000));
    await h.original(old);
    await new Promise((r) => setTimeout(r, 500));
    expect(h.followUps(old)).toHaveLength(0);
  }, 120_000);
});
