import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signedHeaders, startFakeSlack, type SlackCall } from "../support/fake-slack";
import { freePort, startBot } from "../support/start-bot";

/** The welcome on Slack (issue 36): team_join and member_joined_channel through the real Bolt app, its select and buttons. */
const SECRET = "welcome-signing-secret";
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let bot: Awaited<ReturnType<typeof startBot>>;
let n = 0;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.users.UORG = { name: "Olu", admin: true };
  slack.users.UNEW = { name: "Nia" };
  slack.users.UAPP = { name: "Some App", bot: true };
  const port = await freePort();
  bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/` }, { port });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

const send = async (body: string, contentType: string) => {
  const res = await fetch(`${bot.base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType }) });
  expect(res.status).toBe(200);
};
const slackEvent = (event: Record<string, unknown>) =>
  send(JSON.stringify({ token: "x", team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: `EvW${++n}`, event_time: Math.floor(Date.now() / 1000), event }), "application/json");
const blockAction = (user: string, action: Record<string, unknown>) => {
  const responseId = `w${++n}`;
  const payload = { type: "block_actions", team: { id: "T1", domain: "peers" }, api_app_id: "A1", token: "x", user: { id: user, username: user.toLowerCase() },
    channel: { id: `D${user}` }, trigger_id: `tw${n}`, response_url: `${slack.url}/respond/${responseId}`, actions: [action] };
  return send(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded").then(() => responseId);
};
const slashCommand = async (user: string, text: string) => {
  const responseId = `c${++n}`;
  await send(new URLSearchParams({ token: "x", team_id: "T1", team_domain: "peers", channel_id: "CGEN", user_id: user, user_name: user.toLowerCase(),
    command: "/peerloop", text, response_url: `${slack.url}/respond/${responseId}`, trigger_id: `tc${n}`, api_app_id: "A1" }).toString(), "application/x-www-form-urlencoded");
  return responseId;
};
const answered = (id: string) => eventually(() => slack.responses.find((r) => r.id === id)?.body, 15_000, `reply ${id}`);
const dmsTo = (user: string) => slack.of("chat.postMessage").filter((c) => c.args.channel === user);
/** A posted message's blocks, or a response_url reply's. */
const blocks = (c: SlackCall | Record<string, unknown>) => ((c as SlackCall).method ? (c as SlackCall).args.blocks : (c as Record<string, unknown>).blocks) as Record<string, unknown>[];
const buttonsIn = (bs: Record<string, unknown>[]) => bs.filter((b) => b.type === "actions").flatMap((b) => b.elements as Record<string, unknown>[]).filter((e) => e.type === "button");
const button = (bs: Record<string, unknown>[], label: string) => buttonsIn(bs).find((e) => (e.text as { text: string }).text === label)!;

describe("the welcome on Slack", () => {
  it("welcomes a member who joins the workspace once, by direct message, and walks the steps through Slack's own select and buttons", async () => {
    // A topic to offer, shared by the organiser.
    await send(new URLSearchParams({ token: "x", team_id: "T1", team_domain: "peers", channel_id: "CGEN", user_id: "UORG", user_name: "olu",
      command: "/share", text: "https://example.org/guide #ethics Plain summary", response_url: `${slack.url}/respond/share`, trigger_id: "ts", api_app_id: "A1" }).toString(), "application/x-www-form-urlencoded");
    await eventually(() => slack.of("chat.postMessage").find((c) => JSON.stringify(c.args).includes("example.org/guide")), 15_000, "the shared card");

    await slackEvent({ type: "team_join", user: { id: "UNEW", name: "nia", real_name: "Nia", is_bot: false, profile: { display_name: "Nia" } } });
    // The same person joining the community's channel a moment later: no second welcome.
    await slackEvent({ type: "member_joined_channel", user: "UNEW", channel: "CGEN", channel_type: "C", team: "T1" });
    const [hello, step] = await eventually(() => (dmsTo("UNEW").length >= 2 ? dmsTo("UNEW") : null), 15_000, "the welcome DM");
    expect(JSON.stringify(blocks(hello!))).toMatch(/Welcome to [\w ]+, Nia/);
    const actions = blocks(step!).find((b) => (b.elements as { type: string }[] | undefined)?.some((e) => e.type === "multi_static_select"))!;
    const select = (actions.elements as Record<string, unknown>[])[0]!;
    expect(select.action_id).toBe("welcome-pick");
    expect((select.options as { value: string }[]).map((o) => o.value)).toContain("ethics");

    // Choosing from the select follows the topic; the next step comes back privately.
    const picked = await blockAction("UNEW", { type: "multi_static_select", action_id: "welcome-pick", block_id: actions.block_id, selected_options: [{ value: "ethics", text: { type: "plain_text", text: "#ethics" } }] });
    const next = await answered(picked);
    expect(JSON.stringify(next)).toContain("How news reaches you");
    const me = await answered(await slashCommand("UNEW", "me"));
    expect(JSON.stringify(me)).toContain("#ethics");
    // The same select again: nothing changes, and Nia is told.
    const again = await answered(await blockAction("UNEW", { type: "multi_static_select", action_id: "welcome-pick", block_id: actions.block_id, selected_options: [{ value: "ethics", text: { type: "plain_text", text: "#ethics" } }] }));
    expect(JSON.stringify(again)).toContain("nothing changed");

    // Buttons: Slack numbers repeated action ids (welcome, welcome~2, ...); every one is the welcome's.
    const daily = button(blocks(next), "Daily digest");
    expect(daily.action_id).toMatch(/^welcome(~\d+)?$/);
    const norms = await answered(await blockAction("UNEW", { type: "button", action_id: daily.action_id, value: daily.value }));
    const firstStep = await answered(await blockAction("UNEW", { type: "button", action_id: button(blocks(norms), "Got it").action_id, value: button(blocks(norms), "Got it").value }));
    const skip = button(blocks(firstStep), "Skip");
    const done = await answered(await blockAction("UNEW", { type: "button", action_id: skip.action_id, value: skip.value }));
    const summary = JSON.stringify(done);
    expect(summary).toContain("You're set up");
    expect(summary).toContain("a daily digest");
    expect(dmsTo("UNEW")).toHaveLength(2);
  }, 60_000);

  it("gives a bot or an app that joins nothing, and lets organisers turn the welcome off", async () => {
    await slackEvent({ type: "team_join", user: { id: "UBOTX", name: "helper", is_bot: true } });
    await slackEvent({ type: "member_joined_channel", user: "UAPP", channel: "CGEN", channel_type: "C", team: "T1" });
    const off = await answered(await slashCommand("UORG", "welcome off"));
    expect(JSON.stringify(off)).toContain("off: nobody is welcomed");
    await slackEvent({ type: "team_join", user: { id: "ULATE", name: "late", real_name: "Late", is_bot: false } });
    // users.info for UAPP shows the member event was read; give the handlers a moment, then check nothing was sent.
    await eventually(() => slack.of("users.info").some((c) => c.args.user === "UAPP"), 15_000, "the bot lookup");
    await new Promise((r) => setTimeout(r, 1_500));
    expect(dmsTo("UBOTX")).toHaveLength(0);
    expect(dmsTo("UAPP")).toHaveLength(0);
    expect(dmsTo("ULATE")).toHaveLength(0);
  }, 60_000);
});
