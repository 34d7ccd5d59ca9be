import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signedHeaders, type SlackCall } from "../support/fake-slack";
import { runEntry } from "../support/run-cli";
import { SLACK_SECRET as SECRET, startSlackWithBot } from "../support/slack-bot";

let slack: Awaited<ReturnType<typeof startSlackWithBot>>["slack"];
let bot: Awaited<ReturnType<typeof startSlackWithBot>>["bot"];
let seq = 0;

beforeAll(async () => {
  ({ slack, bot } = await startSlackWithBot({ UANA: { name: "Ana" }, UBEN: { name: "Ben" }, UCY: { name: "Cy" } }));
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

const post = (body: string, contentType: string) => fetch(`${bot.base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType }) });
const command = async (user: string, name: string, text: string) => {
  const id = `r${++seq}`;
  const body = new URLSearchParams({ token: "x", team_id: "T1", team_domain: "peers", channel_id: "CGEN", channel_name: "general", user_id: user,
    user_name: user.toLowerCase(), command: `/${name}`, text, response_url: `${slack.url}/respond/${id}`, trigger_id: `trig${seq}`, api_app_id: "A1" }).toString();
  expect((await post(body, "application/x-www-form-urlencoded")).status).toBe(200);
  return id;
};
const privateReply = (id: string) => eventually(() => slack.responses.find((r) => r.id === id)?.body, 15_000, `private reply ${id}`);
const event = (e: Record<string, unknown>) =>
  post(JSON.stringify({ token: "x", team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: `Ev${++seq}`, event_time: Math.floor(Date.now() / 1000), event: e }), "application/json");
/** A button pressed in the member's DM with the bot (channel D…), answered through its response_url. */
const press = async (user: string, actionId: string, value: string) => {
  const id = `p${++seq}`;
  const payload = { type: "block_actions", team: { id: "T1", domain: "peers" }, api_app_id: "A1", token: "x", user: { id: user, username: user.toLowerCase() },
    channel: { id: `D${user}` }, trigger_id: `t${seq}`, response_url: `${slack.url}/respond/${id}`, actions: [{ action_id: actionId, value, type: "button" }] };
  expect((await post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), "application/x-www-form-urlencoded")).status).toBe(200);
  return JSON.stringify(await privateReply(id));
};
const text = (c: SlackCall) => JSON.stringify(c.args);
const posts = () => slack.of("chat.postMessage");
const card = (saying: string) => eventually(() => posts().find((c) => text(c).includes(saying)), 15_000, saying);
const invitationsTo = (user: string) => posts().filter((c) => c.args.channel === user && text(c).includes("Could you help with this question?"));

describe("ask the people who know, on Slack (the real Bolt app, a fake Slack)", () => {
  it("DMs the member who helped with the tag, whose buttons open the thread and say Not for me once", async () => {
    await command("UANA", "ask", "How do you set goals for an IEP? #iep");
    const first = (await card("How do you set goals for an IEP?")).ts!;
    await event({ type: "message", channel: "CGEN", user: "UBEN", text: "Start from the baseline.", ts: "1800000001.000001", thread_ts: first });
    // Events are handled after their ack: the reply is in the week's counts before the ✅.
    for (let i = 0; !/Replies\*\\n1 /.test(JSON.stringify(await privateReply(await command("UCY", "roundup", "")))); i++) {
      if (i > 100) throw new Error("the reply was never recorded");
      await new Promise((r) => setTimeout(r, 100));
    }
    // The asker's ✅ resolves it and credits Ben, who replied.
    const beforeResolve = posts().length;
    await event({ type: "reaction_added", user: "UANA", reaction: "white_check_mark", item: { type: "message", channel: "CGEN", ts: first }, event_ts: "1800000002.000001" });
    await eventually(() => posts().slice(beforeResolve).find((c) => text(c).includes("Thanks to Ben")), 15_000, "resolution");

    await command("UCY", "ask", "How do I prepare a parent for an IEP review? #iep");
    await card("How do I prepare a parent for an IEP review?");
    const later = new Date(Date.now() + 3 * 3_600_000).toISOString();
    const run = await runEntry("src/cli/jobs-cli.ts", ["run", "route", "--now", later], bot.env);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toContain("invited Ben (you helped with 1 question on #iep): How do I prepare a parent for an IEP review?");
    const [dm, ...more] = invitationsTo("UBEN");
    expect(more).toHaveLength(0);
    expect(invitationsTo("UCY")).toHaveLength(0); // the asker
    expect(invitationsTo("UANA")).toHaveLength(0); // asked before, never helped
    expect(text(dm!)).toContain("you helped with 1 question on #iep");
    expect(text(dm!)).toContain("How do I prepare a parent for an IEP review?");
    const threadId = /"action_id":"route-decline","value":"([0-9a-f-]{36})"/.exec(text(dm!))![1]!;
    expect(text(dm!)).toContain(`"action_id":"route-open","value":"${threadId}"`);
    expect(text(dm!)).toContain("Open the thread");
    expect(text(dm!)).toContain("Not for me");

    const opened = await press("UBEN", "route-open", threadId);
    expect(opened).toContain("The question you were asked about");
    expect(opened).toContain("Open the thread");
    expect(opened).toContain(`/questions/${threadId}|Open the thread>`); // its page, and the channel it is in
    expect(opened).toContain("in <#CGEN>");
    expect(await press("UBEN", "route-decline", threadId)).toContain("Thanks for saying so. You won't be asked about this question again.");
    expect(await press("UBEN", "route-decline", threadId)).toContain("You already said this question isn't for you; nothing changed.");
    expect(await press("UANA", "route-decline", threadId)).toContain("That invitation was for someone else, so nothing changed.");

    const again = await runEntry("src/cli/jobs-cli.ts", ["run", "route", "--now", later], bot.env);
    expect(again.code, again.err).toBe(0);
    expect(invitationsTo("UBEN")).toHaveLength(1);

    // npm run health -- --json carries the invitations' figures (their values are checked on the database, with an injected clock:
    // this run's invitation was sent "as of" three hours from now, after the figures' time).
    const health = await runEntry("src/cli/health-cli.ts", ["--community", "slack:T1", "--days", "7", "--json"], bot.env);
    expect(health.code, health.err).toBe(0);
    expect(Object.keys(JSON.parse(health.out) as object)).toEqual(expect.arrayContaining(["invitations_sent", "answered_by_invited_24h", "median_first_reply_minutes_routed", "median_first_reply_minutes_not_routed"]));

    // /notify invites, privately, with a clear message for a wrong value.
    expect(JSON.stringify(await privateReply(await command("UBEN", "notify", "invites 1")))).toContain("at most 1 invitation a week");
    expect(JSON.stringify(await privateReply(await command("UBEN", "notify", "invites many")))).toContain("(1 to 14), or off");
  }, 180_000);
});
