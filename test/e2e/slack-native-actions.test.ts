import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventually, signedHeaders, startFakeSlack, type SlackCall } from "../support/fake-slack";
import { freePort, startBot } from "../support/start-bot";

const SECRET = "test-signing-secret";
let slack: Awaited<ReturnType<typeof startFakeSlack>>;
let bot: Awaited<ReturnType<typeof startBot>>;
let seq = 0;

beforeAll(async () => {
  slack = await startFakeSlack();
  slack.users.UANA = { name: "Ana" };
  slack.users.UBEN = { name: "Ben" };
  slack.users.UCY = { name: "Cy" };
  const port = await freePort();
  bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${slack.url}/api/`, PEERLOOP_PUBLIC_URL: `http://127.0.0.1:${port}` }, { port });
}, 60_000);
afterAll(async () => {
  await bot?.stop();
  await slack?.close();
});

const post = async (body: string, contentType: string) => {
  const res = await fetch(`${bot.base}/slack/events`, { method: "POST", body, headers: signedHeaders(SECRET, body, { contentType }) });
  return { status: res.status, text: await res.text() };
};
const form = (payload: Record<string, unknown>) =>
  post(new URLSearchParams({ payload: JSON.stringify({ team: { id: "T1", domain: "peers" }, api_app_id: "A1", token: "x", ...payload }) }).toString(), "application/x-www-form-urlencoded");
const event = (event: Record<string, unknown>) =>
  post(JSON.stringify({ token: "x", team_id: "T1", api_app_id: "A1", type: "event_callback", event_id: `Ev${++seq}`, event_time: Math.floor(Date.now() / 1000), event }), "application/json");
const command = async (user: string, name: string, text: string) => {
  const id = `r${++seq}`;
  await post(new URLSearchParams({ token: "x", team_id: "T1", team_domain: "peers", channel_id: "CGEN", channel_name: "general", user_id: user, user_name: user.toLowerCase(),
    command: `/${name}`, text, response_url: `${slack.url}/respond/${id}`, trigger_id: `trig${seq}`, api_app_id: "A1" }).toString(), "application/x-www-form-urlencoded");
  return id;
};
/** A message shortcut on a message, as Slack sends it; resolves with its response_url id. */
const shortcut = async (callbackId: string, by: string, message: { ts: string; user?: string; text: string; thread_ts?: string; bot_id?: string }, channel = "CGEN") => {
  const id = `s${++seq}`;
  const res = await form({ type: "message_action", callback_id: callbackId, trigger_id: `trig-${id}`, response_url: `${slack.url}/respond/${id}`, action_ts: "1",
    user: { id: by, username: by.toLowerCase(), name: by.toLowerCase() }, channel: { id: channel, name: "general" }, message_ts: message.ts, message: { type: "message", ...message } });
  expect(res.status).toBe(200);
  return id;
};
const privateReply = (id: string) => eventually(() => slack.responses.find((r) => r.id === id)?.body, 15_000, `private reply ${id}`);
const text = (c: SlackCall | { body: Record<string, unknown> }) => JSON.stringify("args" in c ? c.args : c.body);
const posts = () => slack.of("chat.postMessage");
/** Polls an async check until it holds (or fails after `ms`). */
const until = async <T>(check: () => Promise<T | undefined | null | false>, what: string, ms = 15_000): Promise<T> => {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};
const ts = () => `${Math.floor(Date.now() / 1000)}.${String(++seq).padStart(6, "0")}`;

describe("acting on messages already posted, through the real Bolt app (issue 27)", () => {
  it("Save to library: a form with the community's tags, then the card credits the author and the saver", async () => {
    await until(async () => (await fetch(`${bot.base}/readyz`)).status === 200, "ready");
    // A tag in use, so the form has something to offer.
    await command("UCY", "share", "https://example.org/seed-tags #ethics #supervision");
    await eventually(() => posts().find((c) => text(c).includes("seed-tags")), 15_000, "seed card");
    const opens = slack.of("views.open").length;
    await shortcut("save_to_library", "UBEN", { ts: ts(), user: "UANA", text: "This helped me with boundaries <https://example.org/boundaries-guide|a guide> for home visits" });
    const open = await eventually(() => slack.of("views.open")[opens], 15_000, "the form");
    const view = open.args.view as { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { options?: { value: string }[]; initial_value?: string } }[] };
    expect(view.callback_id).toBe("peerloop_save");
    expect(view.blocks.find((b) => b.block_id === "tags")!.element!.options!.map((o) => o.value)).toEqual(expect.arrayContaining(["ethics", "supervision"]));
    expect(view.blocks.find((b) => b.block_id === "note")!.element!.initial_value).toBe("This helped me with boundaries for home visits");
    const before = posts().length;
    await form({ type: "view_submission", user: { id: "UBEN", name: "ben" }, view: { id: "V1", callback_id: "peerloop_save", private_metadata: view.private_metadata, state: { values: {
      tags: { value: { type: "multi_static_select", selected_options: [{ value: "ethics" }] } },
      more: { value: { type: "plain_text_input", value: "#home-visits" } },
      note: { value: { type: "plain_text_input", value: "Plain guidance for home visits" } },
    } } } });
    const card = await eventually(() => posts().slice(before).find((c) => text(c).includes("boundaries-guide")), 15_000, "the card");
    expect(card.args.channel).toBe("CGEN");
    expect(text(card)).toContain("Ana shared a resource, saved by Ben");
    expect(text(card)).toContain("#ethics #home-visits");
    // The author is the sharer: saving the same link again names Ana as the first.
    await shortcut("save_to_library", "UCY", { ts: ts(), user: "UCY", text: "https://example.org/boundaries-guide" });
    const again = await eventually(() => slack.of("views.open")[opens + 1], 15_000, "second form");
    const meta = (again.args.view as { private_metadata: string }).private_metadata;
    await form({ type: "view_submission", user: { id: "UCY", name: "cy" }, view: { id: "V2", callback_id: "peerloop_save", private_metadata: meta, state: { values: {} } } });
    const told = await eventually(() => slack.of("chat.postEphemeral").find((c) => c.args.user === "UCY" && text(c).includes("shared this link first")), 15_000, "already shared");
    expect(text(told)).toContain("Ana shared this link first");
  });

  it("Save to library on a message without a link, or a bot's, answers privately at once; a bad tag is refused in the form", async () => {
    const opens = slack.of("views.open").length;
    const id = await shortcut("save_to_library", "UBEN", { ts: ts(), user: "UANA", text: "Thanks everyone for today!" });
    expect(text({ body: await privateReply(id) })).toContain("no link to save");
    const bot = await shortcut("save_to_library", "UBEN", { ts: ts(), bot_id: "B1", text: "https://example.org/from-a-bot" });
    expect(text({ body: await privateReply(bot) })).toContain("from a bot");
    expect(slack.of("views.open")).toHaveLength(opens);
    const bad = await form({ type: "view_submission", user: { id: "UBEN", name: "ben" }, view: { id: "V3", callback_id: "peerloop_save",
      private_metadata: JSON.stringify({ channelId: "CGEN", ts: "1.1", author: "UANA", text: "https://example.org/x" }), state: { values: { more: { value: { value: "#ok no/way" } } } } } });
    expect(JSON.parse(bad.text)).toMatchObject({ response_action: "errors", errors: { more: expect.stringContaining("Tags are words") } });
  });

  it("Track as question: the message's thread gets the notice with Resolve; replies there are recorded", async () => {
    const message = ts();
    const before = posts().length;
    await shortcut("track_as_question", "UBEN", { ts: message, user: "UANA", text: "How do you document a home visit when the family asks you not to? #documentation" });
    const notice = await eventually(() => posts().slice(before).find((c) => text(c).includes("Tracked as a question")), 15_000, "the notice");
    expect(notice.args.thread_ts).toBe(message);
    expect(text(notice)).toContain("Ben asked Peerloop to track Ana's message");
    expect(text(notice)).toContain('"action_id":"resolve"');
    // A reply in the thread is now feedback on a question.
    await event({ type: "message", channel: "CGEN", user: "UCY", text: "I note the request and my reason for recording anyway.", ts: ts(), thread_ts: message });
    expect(text({ body: await privateReply(await command("UANA", "peerloop", "me")) })).toContain("How do you document a home visit");
    // Cy's reply counts as an answer in the roundup's preview.
    await until(async () => /Replies\*\\n1 /.test(text({ body: await privateReply(await command("UCY", "roundup", "")) })), "the reply recorded");
    const again = await shortcut("track_as_question", "UCY", { ts: message, user: "UANA", text: "How do you document a home visit when the family asks you not to? #documentation" });
    expect(text({ body: await privateReply(again) })).toContain("already a Peerloop question");
    const reply = await shortcut("track_as_question", "UCY", { ts: ts(), thread_ts: message, user: "UCY", text: "a reply" });
    expect(text({ body: await privateReply(reply) })).toContain("reply inside a thread");
  });

  it("Track as question on a message that could identify a client: only its author hears why, privately", async () => {
    const before = posts().length;
    const id = await shortcut("track_as_question", "UBEN", { ts: ts(), user: "UANA", text: "My client Maria Lopez (14) from Springfield, OH keeps missing school; what would you try?" });
    expect(text({ body: await privateReply(id) })).toContain("its author has been told why, privately");
    const dm = await eventually(() => posts().slice(before).find((c) => c.args.channel === "UANA"), 15_000, "the author's DM");
    expect(text(dm)).toContain("may identify a client");
    expect(text(dm)).toContain("Maria Lopez");
    expect(posts().slice(before).filter((c) => c.args.channel !== "UANA")).toEqual([]);
  });

  it("Track as question in a channel the bot is not in: told privately, nothing is kept", async () => {
    slack.notIn.add("CPRIV");
    const message = ts();
    const id = await shortcut("track_as_question", "UBEN", { ts: message, user: "UANA", text: "Which shelters take teenage boys in the county?" }, "CPRIV");
    expect(text({ body: await privateReply(id) })).toMatch(/Not posted: .*nothing was saved/);
    slack.notIn.delete("CPRIV");
    // Nothing was kept: once the bot is in the channel, tracking works.
    const ok = posts().length;
    await shortcut("track_as_question", "UBEN", { ts: message, user: "UANA", text: "Which shelters take teenage boys in the county?" }, "CPRIV");
    await eventually(() => posts().slice(ok).find((c) => c.args.channel === "CPRIV" && text(c).includes("Tracked as a question")), 15_000, "tracked after all");
  });

  it("link_shared unfurls the library's own links, and not a foreign one", async () => {
    const before = posts().length;
    await command("UANA", "share", "https://example.org/unfurl-me #ethics Plain-language consent guide");
    await eventually(() => posts().slice(before).find((c) => text(c).includes("unfurl-me")), 15_000, "card");
    // The resource's address, as a member finds it in the web library.
    const login = /(http:\/\/[^"\s|>]+\/login\?t=[\w.-]+)/.exec(text({ body: await privateReply(await command("UANA", "peerloop", "web")) }))![1]!;
    const signIn = await fetch(login, { redirect: "manual" });
    const cookie = signIn.headers.get("set-cookie")!.split(";")[0]!;
    const libraryPage = await (await fetch(new URL(signIn.headers.get("location")!, bot.base), { headers: { cookie } })).text();
    const path = /href="(\/c\/[0-9a-f-]{36}\/resources\/[0-9a-f-]{36})"[^>]*>[^<]*unfurl me/i.exec(libraryPage)?.[1];
    expect(path, libraryPage.slice(0, 2000)).toBeTruthy();
    const own = `${bot.base}${path}`;
    const library = `${bot.base}/c/`;
    const foreign = `${library}00000000-0000-4000-8000-000000000000/resources/00000000-0000-4000-8000-000000000001`;
    const unfurls = slack.of("chat.unfurl").length;
    await event({ type: "link_shared", channel: "CGEN", user: "UBEN", message_ts: ts(), unfurl_id: "U1", source: "conversations_history",
      links: [{ url: own, domain: "127.0.0.1" }, { url: foreign, domain: "127.0.0.1" }] });
    const call = await eventually(() => slack.of("chat.unfurl")[unfurls], 15_000, "chat.unfurl");
    expect(Object.keys(call.args.unfurls as object)).toEqual([own]);
    expect(call.args).toMatchObject({ unfurl_id: "U1", source: "conversations_history" });
    expect(text(call)).toContain("Endorsements");
    expect(text(call)).toContain("#ethics");
    // Only a foreign link: nothing is unfurled.
    const count = slack.of("chat.unfurl").length;
    await event({ type: "link_shared", channel: "CGEN", user: "UBEN", message_ts: ts(), links: [{ url: foreign, domain: "127.0.0.1" }, { url: "https://example.org/elsewhere", domain: "example.org" }] });
    await new Promise((r) => setTimeout(r, 700));
    expect(slack.of("chat.unfurl")).toHaveLength(count);
  });

  it("the Workflow Builder step shares a link and completes with its library page; a bad link fails the step", async () => {
    const run = (id: string, inputs: Record<string, unknown>) => event({
      type: "function_executed", function: { id: "Fn1", callback_id: "share_to_library", title: "Share to Peerloop library", type: "app", app_id: "A1" },
      inputs, function_execution_id: id, workflow_execution_id: `Wf${id}`, event_ts: "1", bot_access_token: "xwfp-test",
    });
    const before = posts().length;
    await run("Fx1", { url: "https://example.org/from-a-form", tags: "#intake, forms", note: "From the new-member form", shared_by: "UCY", channel: "CGEN" });
    const done = await eventually(() => slack.of("functions.completeSuccess").find((c) => c.args.function_execution_id === "Fx1"), 15_000, "completeSuccess");
    expect(String((done.args.outputs as { resource_url: string }).resource_url)).toMatch(/\/c\/[0-9a-f-]{36}\/resources\/[0-9a-f-]{36}$/);
    const card = await eventually(() => posts().slice(before).find((c) => text(c).includes("from-a-form")), 15_000, "card");
    expect(text(card)).toContain("#intake #forms");
    await run("Fx2", { url: "ftp://nope", shared_by: "UCY" });
    const failed = await eventually(() => slack.of("functions.completeError").find((c) => c.args.function_execution_id === "Fx2"), 15_000, "completeError");
    expect(String(failed.args.error)).toMatch(/link|http/i);
  });
});
