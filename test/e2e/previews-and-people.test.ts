import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, CHANNEL_ID, GUILD_ID, user, type startFakeDiscord } from "../support/fake-discord";
import { eventually, signedHeaders, startFakeSlack } from "../support/fake-slack";
import { FakeWeb } from "../support/fake-web";
import { startDiscordWithBot } from "../support/discord-bot";
import { startBot } from "../support/start-bot";

/**
 * Link previews (the card is posted at once and updated when the page's OpenGraph arrives) and
 * following a person, on both doors, through the real Bolt and discord.js against fake platforms,
 * with pages served by a local site the fetcher may reach only because PEERLOOP_FETCH_ALLOW lists it.
 */
const SECRET = "test-signing-secret";
const FETCH_ENV = { PEERLOOP_FETCH_ALLOW: "127.0.0.1", PEERLOOP_FETCH_HOST_GAP_MS: "0" };
const web = new FakeWeb();
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let slackBot: Awaited<ReturnType<typeof startBot>>;
let discord: Awaited<ReturnType<typeof startFakeDiscord>>;
let discordBot: Awaited<ReturnType<typeof startBot>>;
let seq = 0;

beforeAll(async () => {
  await web.start();
  // The page answers only once the card is on Slack: were the card waiting for the preview, neither
  // would ever come (and the test would fail), so this proves a slow site never delays the answer.
  web.route("/slow-guide", (_q, res) => {
    const answer = () => {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(`<html><head><title>ignored</title><meta property="og:title" content="Safety Planning, Step by Step"><meta property="og:description" content="A guide for practitioners."><meta property="og:site_name" content="Practice Hub"></head></html>`);
    };
    const until = Date.now() + 20_000;
    const wait = () => (slack.of("chat.postMessage").some((c) => JSON.stringify(c.args).includes("slow-guide")) || Date.now() > until ? answer() : setTimeout(wait, 50));
    wait();
  });
  web.page("/discord-guide", `<html><head><title>Supervision Notes for New Staff</title><meta name="description" content="What to bring to supervision."></head></html>`);
  slack = await startFakeSlack();
  slack.users.UANA = { name: "Ana" };
  slack.users.UBEN = { name: "Ben" };
  [slackBot, { discord, bot: discordBot }] = await Promise.all([
    startBot({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, ...FETCH_ENV }),
    startDiscordWithBot(FETCH_ENV),
  ]);
}, 120_000);
afterAll(async () => {
  await Promise.all([slackBot?.stop(), discordBot?.stop()]);
  await Promise.all([slack?.close(), discord?.close(), web.stop()]);
});

const slackCommand = async (userId: string, name: string, text: string) => {
  const responseId = `r${++seq}`;
  const body = new URLSearchParams({
    token: "x", team_id: "T1", team_domain: "peers", channel_id: "CGEN", channel_name: "general", user_id: userId, user_name: userId.toLowerCase(),
    command: `/${name}`, text, response_url: `${slack.url}/respond/${responseId}`, trigger_id: `trig${seq}`, api_app_id: "A1",
  }).toString();
  const res = await fetch(`${slackBot.base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType: "application/x-www-form-urlencoded" }) });
  expect(res.status).toBe(200);
  return { responseId };
};
const slackPrivate = (id: string) => eventually(() => slack.responses.find((r) => r.id === id)?.body, 15_000, `private reply ${id}`);
const asText = (v: unknown) => JSON.stringify(v);

describe("link previews and following people on Slack", () => {
  it("posts the card at once and updates it with the page's OpenGraph title, description and site name", async () => {
    await slackCommand("UANA", "share", `${web.url("/slow-guide")} #safety Our team uses this`);
    const card = await eventually(() => slack.of("chat.postMessage").find((c) => asText(c.args).includes("slow-guide")), 15_000, "the card");
    expect(asText(card.args)).not.toContain("Safety Planning, Step by Step");
    const update = await eventually(() => slack.of("chat.update").find((c) => c.args.ts === card.ts), 20_000, "the card's update");
    expect(update.args.channel).toBe("CGEN");
    expect(asText(update.args)).toContain("Safety Planning, Step by Step");
    expect(asText(update.args)).toContain("A guide for practitioners.");
    expect(asText(update.args)).toContain("Practice Hub");
    expect(web.requests("/slow-guide")[0]!.headers["user-agent"]).toMatch(/^Peerloop\//);
    // Search finds it by the preview's words, under the preview's title.
    const search = await slackCommand("UBEN", "resources", "step by step");
    expect(asText(await slackPrivate(search.responseId))).toContain("Safety Planning, Step by Step");
  });

  it("follows a member picked with @ (Slack escapes it as <@U…|name>), who is then heard from by direct message", async () => {
    const follow = await slackCommand("UBEN", "follow", "<@UANA|ana>");
    expect(asText(await slackPrivate(follow.responseId))).toContain("You now follow Ana");
    const before = slack.of("chat.postMessage").length;
    await slackCommand("UANA", "share", "https://example.org/ana-second-link A checklist");
    const dm = await eventually(() => slack.of("chat.postMessage").slice(before).find((c) => c.args.channel === "UBEN"), 15_000, "Ben's DM");
    expect(asText(dm.args)).toContain("Ana shared");
    const me = await slackCommand("UBEN", "peerloop", "me");
    expect(asText(await slackPrivate(me.responseId))).toContain("People you follow");
    const unknown = await slackCommand("UBEN", "follow", "<@UNOBODY|nobody>");
    expect(asText(await slackPrivate(unknown.responseId))).toMatch(/don't know/);
  });
});

const ANA = user("700000000000000101", "ana");
const BEN = user("700000000000000102", "ben");
const member = (u: ReturnType<typeof user>) => ({ user: u, roles: [], permissions: "0", joined_at: new Date().toISOString(), deaf: false, mute: false, nick: null, flags: 0 });
const slash = async (u: ReturnType<typeof user>, name: string, options: { name: string; type: number; value: string }[], resolvedUsers?: ReturnType<typeof user>[]) => {
  const id = discord.snowflake();
  discord.dispatch("INTERACTION_CREATE", {
    id, application_id: APP_ID, token: `tok-${id}`, version: 1, guild_id: GUILD_ID, channel_id: CHANNEL_ID,
    channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "general" }, member: member(u), app_permissions: "8",
    locale: "en-US", guild_locale: "en-US", entitlements: [], authorizing_integration_owners: { 0: GUILD_ID }, context: 0,
    type: 2, data: {
      id: discord.snowflake(), name, type: 1, guild_id: GUILD_ID, options,
      ...(resolvedUsers ? { resolved: { users: Object.fromEntries(resolvedUsers.map((r) => [r.id, r])), members: Object.fromEntries(resolvedUsers.map((r) => [r.id, { roles: [], joined_at: new Date().toISOString(), permissions: "0", flags: 0 }])) } } : {}),
    },
  });
  return eventually(() => discord.calls.find((c) => c.method === "PATCH" && /\/messages\/(@|%40)original$/.test(c.path) && c.path.includes(`/tok-${id}/`)), 15_000, "private answer");
};

describe("link previews and following people on Discord", () => {
  it("registers /follow's member option as a user picker and /source with its subcommands", () => {
    const defs = discord.commands.get(GUILD_ID) as { name: string; options?: { name: string; type: number; options?: { name: string }[] }[] }[];
    expect(defs.find((d) => d.name === "follow")!.options!.map((o) => [o.name, o.type])).toEqual([["member", 6], ["tag", 3]]);
    expect(defs.find((d) => d.name === "source")!.options!.map((o) => o.name)).toEqual(["add", "list", "remove", "follow", "unfollow"]);
  });

  it("edits the posted card when the preview arrives", async () => {
    const before = discord.of("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`)).length;
    await slash(ANA, "share", [{ name: "url", type: 3, value: web.url("/discord-guide") }, { name: "tags", type: 3, value: "supervision" }]);
    const posted = await eventually(() => discord.of("POST", new RegExp(`^/channels/${CHANNEL_ID}/messages$`))[before]?.created, 15_000, "the card");
    const edit = await eventually(() => discord.of("PATCH", new RegExp(`^/channels/${CHANNEL_ID}/messages/${posted.id}$`))[0], 20_000, "the card's edit");
    expect(asText(edit.body)).toContain("Supervision Notes for New Staff");
    expect(asText(edit.body)).toContain("What to bring to supervision.");
    expect(asText(discord.messages.get(posted.id))).toContain("Supervision Notes for New Staff");
  });

  it("follows a member chosen in the user picker and tells the follower of their next share", async () => {
    // Ana is a member Peerloop knows (she used it): only such members can be followed.
    await slash(ANA, "peerloop", [{ name: "me", type: 1, options: [] } as never]);
    const answer = await slash(BEN, "follow", [{ name: "member", type: 6, value: ANA.id }], [ANA]);
    expect(asText(answer.body)).toContain("You now follow ana");
    const dmsBefore = discord.of("POST", /^\/users\/@me\/channels$/).length;
    await slash(ANA, "share", [{ name: "url", type: 3, value: "https://example.org/ana-discord-share" }]);
    const dm = await eventually(() => discord.of("POST", /^\/users\/@me\/channels$/).slice(dmsBefore).find((c) => (c.body as { recipient_id?: string }).recipient_id === BEN.id), 15_000, "Ben's DM channel");
    expect(dm).toBeTruthy();
    const optOut = await slash(ANA, "peerloop", [{ name: "privacy", type: 1, options: [{ name: "setting", type: 3, value: "follow" }, { name: "value", type: 3, value: "off" }] } as never]);
    expect(asText(optOut.body)).toContain("nobody can follow you");
    const refused = await slash(BEN, "follow", [{ name: "member", type: 6, value: ANA.id }], [ANA]);
    expect(asText(refused.body)).toContain("chosen not to be followed");
  });
});
