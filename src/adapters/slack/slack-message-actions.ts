import type { webApi } from "@slack/bolt";
import { linksIn } from "../../core/resources/links-in";
import { deliverOutcome, type Respond } from "./slack-deliver";
import { afterAck, identify, type SlackDeps } from "./slack-handlers";
import { renderSlack } from "./slack-render";
import { clip, unescapeSlack } from "./slack-text";

type WebClient = webApi.WebClient;
type Ack = (response?: unknown) => Promise<void>;

export const SAVE_VIEW = "peerloop_save";

interface ShortcutBody {
  user: { id: string; name?: string; username?: string };
  team?: { id: string; domain?: string } | null;
  channel?: { id: string };
  trigger_id?: string;
  message?: { ts: string; thread_ts?: string; text?: string; user?: string; bot_id?: string; subtype?: string };
}
interface ShortcutArgs { ack: Ack; respond: Respond; client: WebClient; body: ShortcutBody }

const privately = (respond: Respond | undefined, text: string, tone: "error" | "info" = "error") =>
  respond?.({ response_type: "ephemeral", replace_original: false, ...renderSlack({ text, tone }) }).catch(() => undefined);

/** The "Save to library" form: the message's links, tags from the community's most used, and a note. */
export const saveModal = (meta: { channelId: string; ts: string; author: string; text: string }, links: string[], popular: string[], note: string) => ({
  type: "modal" as const,
  callback_id: SAVE_VIEW,
  // Slack keeps private_metadata (3,000 characters) for the submission; the text is cut to fit.
  private_metadata: JSON.stringify({ ...meta, text: meta.text.slice(0, 2_400) }).slice(0, 3_000),
  title: { type: "plain_text" as const, text: "Save to library" },
  submit: { type: "plain_text" as const, text: "Save" },
  close: { type: "plain_text" as const, text: "Cancel" },
  blocks: [
    { type: "section", text: { type: "mrkdwn", text: clip(`Saving ${links.map((l) => `<${l}>`).join(", ")} to the library, credited to <@${meta.author}>.`, 3000) } },
    ...(popular.length ? [{
      type: "input", block_id: "tags", optional: true, label: { type: "plain_text", text: "Tags" },
      element: { type: "multi_static_select", action_id: "value", max_selected_items: 8, placeholder: { type: "plain_text", text: "The community's tags" },
        options: popular.slice(0, 100).map((t) => ({ text: { type: "plain_text", text: `#${t}`.slice(0, 75) }, value: t.slice(0, 150) })) },
    }] : []),
    {
      type: "input", block_id: "more", optional: true, label: { type: "plain_text", text: popular.length ? "Other tags" : "Tags" },
      element: { type: "plain_text_input", action_id: "value", max_length: 200, placeholder: { type: "plain_text", text: "#ethics #supervision" } },
    },
    {
      type: "input", block_id: "note", optional: true, label: { type: "plain_text", text: "Why it helps (no client details)" },
      element: { type: "plain_text_input", action_id: "value", multiline: true, max_length: 1000, ...(note ? { initial_value: note.slice(0, 1000) } : {}) },
    },
  ],
});

/** "Save to library" on a message: a form for its tags; a message without a link is told so at once. */
export const handleSaveShortcut = (deps: SlackDeps) => async ({ ack, respond, client, body }: ShortcutArgs) => {
  await ack();
  const m = body.message;
  if (!body.team?.id || !body.channel?.id || !m?.ts) return;
  const text = unescapeSlack(m.text ?? "");
  const links = linksIn(text);
  if (!links.length) return void (await privately(respond, "That message has no link to save. Save to library takes the links in a message; to share something else, use /share <link> #tags."));
  if (!m.user || m.bot_id) return void (await privately(respond, "That message is from a bot or app; Peerloop saves members' messages only."));
  await afterAck(deps, "save-shortcut", respond, async () => {
    const actor = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.username ?? body.user.name, teamName: body.team!.domain });
    const popular = await deps.app.popularTags(actor);
    const note = links.reduce((t, l) => t.replace(l, ""), text).replace(/\s+/g, " ").trim();
    await client.views.open({ trigger_id: body.trigger_id!, view: saveModal({ channelId: body.channel!.id, ts: m.ts, author: m.user!, text }, links, popular, note) as never });
  });
};

interface SaveViewArgs {
  ack: Ack;
  client: WebClient;
  body: { user: { id: string; name?: string }; team?: { id: string; domain?: string } | null; view: { private_metadata?: string; state?: { values?: Record<string, Record<string, { value?: string | null; selected_options?: { value: string }[] }>> } } };
}

/** The form's answer: the same share path as /share, credited to the message's author. */
export const handleSaveSubmission = (deps: SlackDeps) => async ({ ack, client, body }: SaveViewArgs) => {
  let meta: { channelId: string; ts: string; author: string; text: string };
  try {
    meta = JSON.parse(body.view.private_metadata ?? "") as typeof meta;
  } catch {
    return ack({ response_action: "errors", errors: { note: "This form is out of date. Close it and use Save to library again." } });
  }
  const values = body.view.state?.values ?? {};
  const more = values.more?.value?.value ?? "";
  const picked = values.tags?.value?.selected_options?.map((o) => o.value) ?? [];
  const typed = more.split(/[\s,]+/).map((t) => t.replace(/^#/, "")).filter(Boolean);
  if (typed.some((t) => !/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,49}$/u.test(t))) {
    return ack({ response_action: "errors", errors: { more: "Tags are words like #ethics or #foster-care, separated by spaces." } });
  }
  await ack();
  if (!body.team?.id) return;
  await afterAck(deps, "save-submit", undefined, async () => {
    const saver = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.name, teamName: body.team!.domain });
    const author = await deps.directory.person(client, meta.author);
    const outcome = await deps.app.saveToLibrary(saver, { channelId: meta.channelId }, { externalId: meta.author, displayName: author.name },
      { text: meta.text, tags: [...new Set([...picked, ...typed])], note: values.note?.value?.value ?? undefined });
    await deliverOutcome(client, deps.app, outcome, { communityId: saver.communityId, channelId: meta.channelId, userId: body.user.id }, deps.logger);
  });
};

/** "Track as question" on a message: it becomes a question in place; its thread is where answers go. */
export const handleTrackShortcut = (deps: SlackDeps) => async ({ ack, respond, client, body }: ShortcutArgs) => {
  await ack();
  const m = body.message;
  if (!body.team?.id || !body.channel?.id || !m?.ts) return;
  if (m.thread_ts && m.thread_ts !== m.ts) return void (await privately(respond, "That's a reply inside a thread. Track the message that starts the thread, or ask it anew with /ask."));
  if (!m.user || m.bot_id) return void (await privately(respond, "That message is from a bot or app; Peerloop tracks members' messages only."));
  await afterAck(deps, "track-shortcut", respond, async () => {
    const tracker = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.username ?? body.user.name, teamName: body.team!.domain });
    const author = await deps.directory.person(client, m.user!);
    const outcome = await deps.app.trackAsQuestion(tracker, { externalId: m.user!, displayName: author.name },
      { text: unescapeSlack(m.text ?? ""), channelId: body.channel!.id, messageRef: m.ts, threadRef: m.ts });
    await deliverOutcome(client, deps.app, outcome, { communityId: tracker.communityId, channelId: body.channel!.id, userId: body.user.id, respond }, deps.logger);
  });
};

interface LinkSharedArgs {
  event: { channel?: string; message_ts?: string; user: string; links: { url: string; domain: string }[]; unfurl_id?: string; source?: string };
  client: WebClient;
  body: { team_id?: string };
  context: { teamId?: string };
}

/** A library link pasted in a channel (link_shared): its title, tags, endorsements or state, for this workspace's own links only. */
export const handleLinkShared = (deps: SlackDeps) => async ({ event, client, body, context }: LinkSharedArgs) => {
  const teamId = body.team_id ?? context.teamId;
  if (!teamId || !event.links?.length) return;
  await afterAck(deps, "link-shared", undefined, async () => {
    const actor = await identify(deps, client, { teamId, userId: event.user });
    const unfurls: Record<string, { blocks: unknown[] }> = {};
    for (const link of event.links.slice(0, 5)) {
      const described = await deps.app.describeLink(actor, link.url);
      if (described) unfurls[link.url] = { blocks: renderSlack(described).blocks as unknown[] };
    }
    if (!Object.keys(unfurls).length) return;
    const where = event.unfurl_id && event.source ? { unfurl_id: event.unfurl_id, source: event.source } : { channel: event.channel!, ts: event.message_ts! };
    await client.chat.unfurl({ ...where, unfurls } as never);
  });
};

interface FunctionArgs {
  inputs: Record<string, unknown>;
  complete: (r: { outputs: Record<string, unknown> }) => Promise<unknown>;
  fail: (r: { error: string }) => Promise<unknown>;
  client: WebClient;
  body: { team_id?: string };
  context: { teamId?: string };
}

/** The Workflow Builder step "Share to Peerloop library": completes with the library page, or fails with the reason. */
export const handleShareStep = (deps: SlackDeps) => async ({ inputs, complete, fail, client, body, context }: FunctionArgs) => {
  const teamId = body.team_id ?? context.teamId;
  const url = typeof inputs.url === "string" ? inputs.url.trim() : "";
  const user = typeof inputs.shared_by === "string" ? inputs.shared_by : "";
  if (!teamId || !url || !user) return void (await fail({ error: "The step needs a link (url) and who shares it (shared_by)." }).catch(() => undefined));
  await afterAck(deps, "workflow-share", undefined, async () => {
    try {
      const actor = await identify(deps, client, { teamId, userId: user });
      const channelId = typeof inputs.channel === "string" && inputs.channel ? inputs.channel : null;
      const tags = String(inputs.tags ?? "").split(/[\s,]+/).map((t) => t.replace(/^#/, "")).filter(Boolean);
      const note = typeof inputs.note === "string" && inputs.note.trim() ? inputs.note : undefined;
      const result = await deps.app.shareFromWorkflow(actor, channelId ? { channelId } : null, { url, tags, note });
      if (!result.ok) return void (await fail({ error: result.error }));
      if (channelId) await deliverOutcome(client, deps.app, result.outcome, { communityId: actor.communityId, channelId, userId: user }, deps.logger);
      await complete({ outputs: { resource_url: result.url ?? "" } });
    } catch (error) {
      await fail({ error: "Peerloop couldn't share that link just now; try the workflow again in a minute." }).catch(() => undefined);
      throw error;
    }
  });
};
