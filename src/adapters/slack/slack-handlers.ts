import type { webApi } from "@slack/bolt";
import type { InstallationRepository, ProcessedEvents } from "../../app/door-ports";
import type { WorkLimiter } from "../../app/work-limiter";
import type { PeerloopApp } from "../../app/peerloop-app";
import type { Actor } from "../../core/shared/context";
import type { Logger } from "../../core/shared/logger";
import { deliverOutcome, type Respond, type SlackPlace } from "./slack-deliver";
import type { SlackDirectory } from "./slack-directory";
import { actionOf, renderSlack } from "./slack-render";
import { readResolveSubmission, resolveModal } from "./slack-resolve-modal";
import { installationKey } from "./slack-clients";
import { unescapeSlack } from "./slack-text";

type WebClient = webApi.WebClient;
type Ack = (response?: unknown) => Promise<void>;

export interface SlackDeps {
  app: PeerloopApp;
  /** Runs acknowledged work a bounded number at a time. */
  limit: WorkLimiter;
  installations?: InstallationRepository;
  directory: SlackDirectory;
  events: ProcessedEvents;
  logger: Logger;
}

interface Who {
  teamId: string;
  userId: string;
  userName?: string;
  teamName?: string;
}

/** Platform identity → Peerloop actor; every workspace is its own community. */
export const identify = async (deps: SlackDeps, client: WebClient, who: Who): Promise<Actor> => {
  const [person, teamName] = await Promise.all([
    deps.directory.person(client, who.userId, who.userName),
    deps.directory.teamName(client, who.teamId, who.teamName),
  ]);
  return deps.app.resolveActor({
    platform: "slack", communityExternalId: who.teamId, communityName: teamName,
    memberExternalId: who.userId, displayName: person.name, isAdmin: person.isAdmin,
  });
};

/** Runs a handler's work after its ack; anything unexpected is logged and, where possible, apologised for. */
export const afterAck = async (deps: SlackDeps, what: string, respond: Respond | undefined, work: () => Promise<void>) => {
  try {
    await deps.limit(work);
  } catch (error) {
    deps.logger.error("slack handler failed", { what, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
    await respond?.({ response_type: "ephemeral", replace_original: false, ...renderSlack({ text: "Sorry, Peerloop couldn't finish that. Please try again in a minute.", tone: "error" }) }).catch(() => undefined);
  }
};

interface CommandArgs {
  command: { command: string; text: string; team_id: string; team_domain?: string; user_id: string; user_name?: string; channel_id: string };
  ack: Ack;
  respond: Respond;
  client: WebClient;
}

const BUSY = "Peerloop is very busy right now and didn't run that. Please try again in a minute.";

/** Every slash command: ack at once, then parse, run and answer (privately through response_url). */
export const handleCommand = (deps: SlackDeps) => async ({ command, ack, respond, client }: CommandArgs) => {
  // Under a burst, shed instead of queueing past what can finish in time: the member hears why at once.
  if (deps.limit.busy()) return ack({ response_type: "ephemeral", text: BUSY });
  await ack();
  await afterAck(deps, command.command, respond, async () => {
    const actor = await identify(deps, client, { teamId: command.team_id, userId: command.user_id, userName: command.user_name, teamName: command.team_domain });
    const outcome = await deps.app.command(actor, { channelId: command.channel_id }, {
      command: command.command.replace(/^\//, ""), input: { text: unescapeSlack(command.text ?? "") },
    });
    await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: command.channel_id, userId: command.user_id, respond }, deps.logger);
  });
};

interface ActionArgs {
  ack: Ack;
  respond: Respond;
  client: WebClient;
  body: { user: { id: string; username?: string }; team?: { id: string; domain?: string } | null; channel?: { id: string }; trigger_id?: string; actions: { action_id: string; value?: string }[]; message?: { ts?: string; thread_ts?: string }; container?: { message_ts?: string } };
}

/** Buttons: Resolve opens the form (for the asker only); every other one goes to `press` (BUTTON_ACTIONS), once per message and member. */
export const handleAction = (deps: SlackDeps) => async ({ ack, respond, client, body }: ActionArgs) => {
  await ack();
  const raw = body.actions[0];
  const action = raw ? { ...raw, action_id: actionOf(raw.action_id) } : undefined;
  const channelId = body.channel?.id;
  if (!action || !body.team?.id || !channelId) return;
  await afterAck(deps, action.action_id, respond, async () => {
    const actor = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.username, teamName: body.team!.domain });
    const place: SlackPlace = { communityId: actor.communityId, channelId, userId: body.user.id, respond };
    const value = action.value ?? "";
    // Every button that acts is claimed once per message and member (an ephemeral card has only its container's ts).
    const ts = body.container?.message_ts ?? body.message?.ts;
    if (action.action_id !== "resolve") {
      return deliverOutcome(client, deps.app, await deps.app.press(actor, { channelId }, { action: action.action_id, value, card: ts ? `${channelId}:${ts}` : undefined }), place, deps.logger);
    }
    const check = await deps.app.prepareResolve(actor, value);
    if (!check.ok) return deliverOutcome(client, deps.app, check.outcome, place, deps.logger);
    await client.views.open({ trigger_id: body.trigger_id!, view: resolveModal(check.threadId, channelId, check.text) });
  });
};

interface ViewArgs {
  ack: Ack;
  client: WebClient;
  body: { user: { id: string; name?: string }; team?: { id: string; domain?: string } | null; view: Parameters<typeof readResolveSubmission>[0] };
}

/** The Resolve form's submission: the outcome goes to the thread, the thanks privately. */
export const handleResolveSubmission = (deps: SlackDeps) => async ({ ack, client, body }: ViewArgs) => {
  const form = readResolveSubmission(body.view);
  if (!form || !body.team?.id) {
    await ack({ response_action: "errors", errors: { outcome: "Choose how it went." } });
    return;
  }
  await ack();
  await afterAck(deps, "resolve-submit", undefined, async () => {
    const actor = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.name, teamName: body.team!.domain });
    const outcome = await deps.app.resolve(actor, form.threadId, { outcome: form.outcome, helpers: form.helpers, note: form.note });
    await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: form.channelId, userId: body.user.id }, deps.logger);
  });
};

interface ShortcutArgs {
  ack: Ack;
  respond: Respond;
  client: WebClient;
  body: { user: { id: string; name?: string }; team?: { id: string; domain?: string } | null; channel?: { id: string }; message?: { ts: string } };
}

/** "Mark as answer" on a reply: credits its author and resolves the question (asker only). */
export const handleMarkAsAnswer = (deps: SlackDeps) => async ({ ack, respond, client, body }: ShortcutArgs) => {
  await ack();
  if (!body.team?.id || !body.channel?.id || !body.message?.ts) return;
  await afterAck(deps, "mark-as-answer", respond, async () => {
    const actor = await identify(deps, client, { teamId: body.team!.id, userId: body.user.id, userName: body.user.name, teamName: body.team!.domain });
    const outcome = await deps.app.markAnswer(actor, body.message!.ts);
    await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: body.channel!.id, userId: body.user.id, respond }, deps.logger);
  });
};

interface SlackMessageEvent {
  subtype?: string;
  channel: string;
  user?: string;
  bot_id?: string;
  text?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
  message?: { user?: string; text?: string; ts: string; thread_ts?: string; bot_id?: string };
  previous_message?: { user?: string; ts: string; thread_ts?: string };
  deleted_ts?: string;
}

interface EventArgs<E> {
  event: E;
  client: WebClient;
  body: { team_id?: string; event_id?: string };
  context: { botUserId?: string; teamId?: string };
}

/** Thread replies become feedback; edits and deletions follow them; the bot's own messages are ignored. */
export const handleMessage = (deps: SlackDeps) => async ({ event, client, body, context }: EventArgs<SlackMessageEvent>) => {
  const teamId = body.team_id ?? context.teamId ?? event.team;
  if (!teamId) return;
  await afterAck(deps, "message", undefined, async () => {
    if (event.subtype === "message_deleted") {
      await deps.app.replyDeletedIn("slack", teamId, event.deleted_ts ?? event.previous_message?.ts ?? "");
      return;
    }
    const edited = event.subtype === "message_changed" ? event.message : undefined;
    const threadTs = edited ? edited.thread_ts : event.thread_ts;
    if (!threadTs || !(await deps.app.isQuestionThread("slack", teamId, threadTs, Date.now() - Number(threadTs) * 1000))) return;
    if (edited) {
      if (!edited.user || edited.bot_id) return;
      const actor = await identify(deps, client, { teamId, userId: edited.user });
      const outcome = await deps.app.replyEdited(actor, edited.ts, unescapeSlack(edited.text ?? ""));
      await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: event.channel, userId: edited.user, threadTs }, deps.logger);
      return;
    }
    const plain = !event.subtype || event.subtype === "thread_broadcast" || event.subtype === "file_share";
    if (!plain || !event.user || event.bot_id || event.user === context.botUserId || threadTs === event.ts) return;
    const actor = await identify(deps, client, { teamId, userId: event.user });
    const outcome = await deps.app.threadReply(actor, {
      threadRef: threadTs, platformMessageId: event.ts, channelId: event.channel, text: unescapeSlack(event.text ?? ""),
    });
    await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: event.channel, userId: event.user, threadTs }, deps.logger);
  });
};

interface ReactionEvent {
  user: string;
  reaction: string;
  item: { type: string; channel?: string; ts?: string };
}

/** The asker's ✅ on the question card resolves it. */
export const handleReaction = (deps: SlackDeps) => async ({ event, client, body, context }: EventArgs<ReactionEvent>) => {
  const teamId = body.team_id ?? context.teamId;
  if (!teamId || event.item.type !== "message" || !event.item.ts || !event.item.channel || event.user === context.botUserId) return;
  await afterAck(deps, "reaction", undefined, async () => {
    const actor = await identify(deps, client, { teamId, userId: event.user });
    const outcome = await deps.app.react(actor, event.item.ts!, event.reaction.replace(/::skin-tone-\d$/, ""));
    await deliverOutcome(client, deps.app, outcome, { communityId: actor.communityId, channelId: event.item.channel!, userId: event.user }, deps.logger);
  });
};

/** App Home: the member's follows, notification setting and open questions. */
export const handleHomeOpened = (deps: SlackDeps) => async ({ event, client, body, context }: EventArgs<{ user: string; tab?: string }>) => {
  const teamId = body.team_id ?? context.teamId;
  if (!teamId || (event.tab && event.tab !== "home")) return;
  await afterAck(deps, "app-home", undefined, async () => {
    const actor = await identify(deps, client, { teamId, userId: event.user });
    const { blocks } = renderSlack(await deps.app.home(actor));
    await client.views.publish({ user_id: event.user, view: { type: "home", blocks: blocks as never } });
  });
};

/**
 * Slack redelivers an event when it thinks our ack was lost (X-Slack-Retry-Num). The first delivery
 * of an event_id claims it in PostgreSQL; any later one, on any replica, is acked and dropped.
 */
export const dropRedeliveries = (deps: SlackDeps) => async ({ body, context, next }: { body: { event_id?: string }; context: { retryNum?: number }; next: () => Promise<void> }) => {
  if (body.event_id && !(await deps.events.claim(body.event_id, new Date()))) {
    deps.logger.info("slack event already handled", { eventId: body.event_id, retryNum: context.retryNum ?? 0 });
    return;
  }
  await next();
};


/**
 * A button, form, shortcut or menu the bot never rendered (or no longer has): acknowledged at once so
 * Slack shows no error, and explained privately where Slack gives a way to.
 */
export const handleUnknownInteraction = (deps: SlackDeps) => async ({ ack, respond, body }: { ack: Ack; respond?: Respond; body: { type?: string } }) => {
  if (body.type === "block_suggestion") return ack({ options: [] });
  await ack();
  deps.logger.info("slack interaction the bot does not know", { type: body.type });
  await respond?.({ response_type: "ephemeral", replace_original: false, text: "That button is out of date. Run the command again for a fresh one." }).catch(() => undefined);
};

/** The app was uninstalled or its tokens revoked: forget the installation, so nothing uses a dead token. */
export const handleUninstall = (deps: SlackDeps) => async ({ body, context }: { body: { team_id?: string; enterprise_id?: string }; context: { teamId?: string; isEnterpriseInstall?: boolean; enterpriseId?: string } }) => {
  const teamId = body.team_id ?? context.teamId;
  const key = installationKey({ teamId, enterpriseId: context.enterpriseId, isEnterpriseInstall: context.isEnterpriseInstall });
  if (!teamId || !deps.installations) return;
  await deps.installations.remove(key).catch((error) => deps.logger.error("could not forget a Slack installation", { key, error: String(error) }));
  deps.logger.info("slack workspace uninstalled; installation removed", { teamId });
};
