import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL_ID, GUILD_ID, LOCKED_ID, startFakeDiscord, user, type RestCall } from "../support/fake-discord";
import { eventually } from "../support/fake-slack";
import { startDiscordWithBot } from "../support/discord-bot";
import type { startBot } from "../support/start-bot";

let discord: Awaited<ReturnType<typeof startFakeDiscord>>;
let bot: Awaited<ReturnType<typeof startBot>>;
const ANA = user("700000000000000011", "ana");
const BEN = user("700000000000000012", "ben");
const BOT = user("700000000000000019", "otherbot", true);

beforeAll(async () => {
  ({ discord, bot } = await startDiscordWithBot());
}, 90_000);
afterAll(async () => {
  await bot?.stop();
  await discord?.close();
});

const member = (u: ReturnType<typeof user>) => ({ user: u, roles: [], permissions: "0", joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 });
const base = (u: ReturnType<typeof user>, channelId = CHANNEL_ID) => {
  const id = discord.snowflake();
  return {
    id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: GUILD_ID, channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: "general" }, member: member(u), app_permissions: "8",
    locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0,
  };
};
const interact = async (payload: Record<string, unknown>) => {
  discord.dispatch("INTERACTION_CREATE", payload);
  const callback = await eventually(() => discord.calls.find((c) => c.path === `/interactions/${payload.id}/${payload.token}/callback`), 15_000, "interaction answer");
  return { token: String(payload.token), callback };
};
const privateAnswer = (token: string) => eventually(() => discord.calls.find((c) => c.method === "PATCH" && /\/messages\/(@|%40)original$/.test(c.path) && c.path.includes(`/${token}/`)), 15_000, "private answer");
const text = (c: RestCall) => JSON.stringify(c.body).replace(/\\\\/g, "");
const channelPosts = (channelId = CHANNEL_ID) => discord.of("POST", new RegExp(`^/channels/${channelId}/messages$`));
/** A message in a channel, and the context-menu command on it. */
const onMessage = (by: ReturnType<typeof user>, name: string, author: ReturnType<typeof user>, content: string, channelId = CHANNEL_ID) => {
  const messageId = discord.snowflake();
  const message = { id: messageId, channel_id: channelId, author, content, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0 };
  return { messageId, run: () => interact({ ...base(by, channelId), type: 2, data: { id: discord.snowflake(), name, type: 3, target_id: messageId, resolved: { messages: { [messageId]: message } } } }) };
};

describe("acting on messages already posted, through discord.js (issue 27)", () => {
  it("Save to library opens a form of label components; its answer shares the link, credited to the author and the saver", async () => {
    await interact({ ...base(ANA), type: 2, data: { id: discord.snowflake(), name: "share", type: 1, guild_id: GUILD_ID, options: [{ name: "url", type: 3, value: "https://example.org/seed" }, { name: "tags", type: 3, value: "ethics safety" }] } });
    await eventually(() => channelPosts().find((c) => text(c).includes("example.org/seed")), 15_000, "seed card");
    const { callback } = await onMessage(BEN, "Save to library", ANA, "Good read for new workers https://example.org/new-worker-guide").run();
    expect(callback.body).toMatchObject({ type: 9 });
    const modal = callback.body.data as { custom_id: string; components: { type: number; label: string; component: { type: number; custom_id: string; options?: { value: string }[]; value?: string } }[] };
    expect(modal.components.map((c) => [c.type, c.component.type, c.component.custom_id])).toEqual([[18, 3, "tags"], [18, 4, "more"], [18, 4, "note"]]);
    expect(modal.components[0]!.component.options!.map((o) => o.value)).toEqual(expect.arrayContaining(["ethics", "safety"]));
    expect(modal.components[2]!.component.value).toBe("Good read for new workers");
    const before = channelPosts().length;
    const submit = await interact({ ...base(BEN), type: 5, data: { custom_id: modal.custom_id, components: [
      { type: 18, id: 1, component: { type: 3, id: 2, custom_id: "tags", values: ["ethics"] } },
      { type: 18, id: 3, component: { type: 4, id: 4, custom_id: "more", value: "#onboarding" } },
      { type: 18, id: 5, component: { type: 4, id: 6, custom_id: "note", value: "Good read for new workers" } },
    ] } });
    expect(submit.callback.body).toMatchObject({ type: 5 });
    const card = await eventually(() => channelPosts().slice(before).find((c) => text(c).includes("new-worker-guide")), 15_000, "card");
    expect(text(card)).toContain("ana shared a resource, saved by ben");
    expect(text(card)).toContain("#ethics #onboarding");
  });

  it("Save to library on a message without a link, or a bot's, answers privately at once", async () => {
    const none = await onMessage(BEN, "Save to library", ANA, "Thanks all!").run();
    expect(none.callback.body).toMatchObject({ type: 4, data: { flags: 64 } });
    expect(text(none.callback)).toContain("no link to save");
    const fromBot = await onMessage(BEN, "Save to library", BOT, "https://example.org/bot-post").run();
    expect(text(fromBot.callback)).toContain("from a bot");
  });

  it("Track as question starts a thread on the message, posts the notice there, and records replies", async () => {
    const { messageId, run } = onMessage(BEN, "Track as question", ANA, "Anyone have a checklist for a first home visit? #homevisits");
    const { token } = await run();
    await eventually(() => discord.calls.find((c) => c.path === `/channels/${CHANNEL_ID}/messages/${messageId}/threads`), 15_000, "thread start");
    const notice = await eventually(() => discord.of("POST", new RegExp(`^/channels/${messageId}/messages$`)).find((c) => text(c).includes("Tracked as a question")), 15_000, "notice");
    expect(text(notice)).toContain("ben asked Peerloop to track ana's message");
    expect(text(notice)).toMatch(/"custom_id":"resolve:[0-9a-f-]{36}"/);
    expect(text(await privateAnswer(token))).toContain("Done");
    // A reply in the thread is recorded as feedback on the question.
    discord.dispatch("MESSAGE_CREATE", {
      id: discord.snowflake(), channel_id: messageId, guild_id: GUILD_ID, author: BEN, member: member(BEN), content: "Ours is on the intranet: I'll share it.", timestamp: new Date().toISOString(),
      edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], attachments: [], embeds: [], pinned: false, type: 0,
    });
    const me = async () => text(await privateAnswer((await interact({ ...base(ANA), type: 2, data: { id: discord.snowflake(), name: "peerloop", type: 1, guild_id: GUILD_ID, options: [{ name: "me", type: 1, options: [] }] } })).token));
    expect(await me()).toContain("checklist for a first home visit");
    // The same message again: it is already a question.
    const again = await run();
    expect(text(await privateAnswer(again.token))).toContain("already a Peerloop question");
  });

  it("Track as question on a message that could identify a client tells only its author, by DM", async () => {
    const { messageId, run } = onMessage(BEN, "Track as question", ANA, "My client Maria Lopez (14) from Springfield, OH keeps missing school; ideas?");
    const { token } = await run();
    expect(text(await privateAnswer(token))).toContain("its author has been told why, privately");
    const dm = await eventually(() => discord.calls.find((c) => c.method === "POST" && /^\/channels\/\d+\/messages$/.test(c.path) && text(c).includes("may identify a client")), 15_000, "the author's DM");
    expect(text(dm)).toContain("Maria Lopez");
    expect(discord.calls.find((c) => c.path === `/channels/${CHANNEL_ID}/messages/${messageId}/threads`)).toBeUndefined();
  });

  it("Track as question where the bot can't start a thread: told privately, nothing kept", async () => {
    const { run } = onMessage(BEN, "Track as question", ANA, "Which shelters take teenage boys?", LOCKED_ID);
    const { token } = await run();
    expect(text(await privateAnswer(token))).toMatch(/Not posted: .*nothing was saved/);
  });
});
