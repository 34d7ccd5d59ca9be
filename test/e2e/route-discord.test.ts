import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL_ID, GUILD_ID, user, type RestCall } from "../support/fake-discord";
import { eventually } from "../support/fake-slack";
import { runEntry } from "../support/run-cli";
import { startDiscordWithBot } from "../support/discord-bot";

let discord: Awaited<ReturnType<typeof startDiscordWithBot>>["discord"];
let bot: Awaited<ReturnType<typeof startDiscordWithBot>>["bot"];
const ANA = user("710000000000000001", "ana");
const BEN = user("710000000000000002", "ben");
const CY = user("710000000000000003", "cy");

beforeAll(async () => {
  ({ discord, bot } = await startDiscordWithBot());
}, 90_000);
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const member = (u: ReturnType<typeof user>) => ({ user: u, roles: [], permissions: "0", joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 });
/** Dispatches an interaction; resolves with its token once Discord got its first answer. */
const interact = async (payload: Record<string, unknown>) => {
  discord.dispatch("INTERACTION_CREATE", payload);
  await eventually(() => discord.calls.find((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`), 15_000, "interaction answer");
  return String(payload.token);
};
const inGuild = (u: ReturnType<typeof user>) => {
  const id = discord.snowflake();
  return { id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID, channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" },
    member: member(u), app_permissions: "8", locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0 };
};
const slash = (u: ReturnType<typeof user>, name: string, options: Record<string, string>) =>
  interact({ ...inGuild(u), type: 2, data: { id: discord.snowflake(), name, type: 1, guild_id: GUILD_ID, options: Object.entries(options).map(([n, value]) => ({ name: n, type: 3, value })) } });
/** A button pressed in the member's DM with the bot: no server, the user instead of a member. */
const pressInDm = (u: ReturnType<typeof user>, dmChannel: string, customId: string) => {
  const id = discord.snowflake();
  return interact({
    id, application_id: APP_ID, token: `tok-${id}`, version: 1, type: 3, channel_id: dmChannel, channel: { id: dmChannel, type: 1, recipients: [u] },
    user: u, app_permissions: "0", locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 1,
    data: { custom_id: customId, component_type: 2 }, message: { id: discord.snowflake(), channel_id: dmChannel, content: "", type: 0, author: user("900000000000000002", "Peerloop", true) },
  });
};
const privateAnswer = (token: string) => eventually(() => discord.calls.find((c) => c.method === "PATCH" && /\/messages\/(@|%40)original$/.test(c.path) && c.path.includes(`/${token}/`)), 15_000, "private answer");
const text = (c: RestCall) => JSON.stringify(c.body).replace(/\\\\/g, "");
const channelPosts = () => discord.of("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`));
const dmChannelOf = (u: ReturnType<typeof user>) => `5${u.id.slice(1)}`;
const invitationsTo = (u: ReturnType<typeof user>) =>
  discord.of("POST", new RegExp(`^/channels/${dmChannelOf(u)}/messages$`)).filter((c) => text(c).includes("Could you help with this question?"));

describe("ask the people who know, on Discord (the real discord.js client, a fake Discord)", () => {
  it("DMs the member who helped with the tag; its buttons work from the DM, Not for me once", async () => {
    const before = channelPosts().length;
    await slash(ANA, "ask", { question: "How do you set goals for an IEP?", tags: "iep" });
    const cardId = (await eventually(() => channelPosts()[before]?.created, 15_000, "card")).id;
    await eventually(() => discord.calls.find((c) => c.path === `/channels/${CHANNEL_ID}/messages/${cardId}/threads`), 15_000, "thread start");
    // The reply may reach the bot before it has recorded the card's thread: sent again (same message id, so
    // recorded once) until the week's counts show it.
    const replyId = discord.snowflake();
    // 90 s: on a busy two-core machine the card's thread can take long to be recorded (seen once at 40 s).
    for (const until = Date.now() + 90_000; ;) {
      discord.dispatch("MESSAGE_CREATE", {
        id: replyId, channel_id: cardId, guild_id: GUILD_ID, author: BEN, member: member(BEN), content: "Start from the baseline.",
        timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0,
      });
      await new Promise((r) => setTimeout(r, 300));
      const week = text(await privateAnswer(await slash(CY, "roundup", {})));
      if (/Replies","value":"1 /.test(week)) break;
      if (Date.now() > until) throw new Error(`the reply was never recorded: ${/Replies","value":"[^"]*"/.exec(week)?.[0] ?? week.slice(0, 1200)}`);
    }
    const beforeResolve = discord.of("POST", new RegExp(`^/channels/${cardId}/messages$`)).length;
    discord.dispatch("MESSAGE_REACTION_ADD", { user_id: ANA.id, channel_id: CHANNEL_ID, message_id: cardId, guild_id: GUILD_ID, emoji: { id: null, name: "✅" }, member: member(ANA), type: 0, burst: false });
    expect(text(await eventually(() => discord.of("POST", new RegExp(`^/channels/${cardId}/messages$`))[beforeResolve], 15_000, "resolution"))).toContain("Thanks to ben");

    await slash(CY, "ask", { question: "How do I prepare a parent for an IEP review?", tags: "iep" });
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const run = await runEntry("src/cli/jobs-cli.ts", ["run", "route", "--now", later], bot.env);
    expect(run.code, run.err).toBe(0);
    const [dm, ...more] = invitationsTo(BEN);
    expect(more).toHaveLength(0);
    expect(invitationsTo(CY)).toHaveLength(0);
    expect(invitationsTo(ANA)).toHaveLength(0);
    expect(text(dm!)).toContain("you helped with 1 question on #iep");
    expect(text(dm!)).toContain("How do I prepare a parent for an IEP review?");
    expect(dm!.body.allowed_mentions).toEqual({ parse: [] });
    const ids = JSON.stringify(dm!.body.components).match(/route-(open|decline):[0-9a-f-]{36}/g)!;
    expect(JSON.stringify(dm!.body.components)).toContain("Open the thread");
    expect(JSON.stringify(dm!.body.components)).toContain("Not for me");
    const [open, decline] = [ids.find((i) => i.startsWith("route-open"))!, ids.find((i) => i.startsWith("route-decline"))!];

    expect(text(await privateAnswer(await pressInDm(BEN, dmChannelOf(BEN), open)))).toContain("The question you were asked about");
    expect(text(await privateAnswer(await pressInDm(BEN, dmChannelOf(BEN), decline)))).toContain("Thanks for saying so. You won't be asked about this question again.");
    expect(text(await privateAnswer(await pressInDm(BEN, dmChannelOf(BEN), decline)))).toContain("You already said this question isn't for you; nothing changed.");
    // Someone who is not a member of the question's server: nobody is made from a DM, nothing changes.
    const STRANGER = user("710000000000000099", "stranger");
    expect(text(await privateAnswer(await pressInDm(STRANGER, dmChannelOf(STRANGER), decline)))).toContain("That invitation isn't yours");

    await runEntry("src/cli/jobs-cli.ts", ["run", "route", "--now", later], bot.env);
    expect(invitationsTo(BEN)).toHaveLength(1);
    expect(text(await privateAnswer(await slash(BEN, "notify", { frequency: "invites", details: "off" })))).toContain("no more invitations");
  }, 180_000);
});
