import {
  MessageFlags, PermissionFlagsBits, type ButtonInteraction, type Client, type ChatInputCommandInteraction, type Interaction,
  type Message as DiscordMessage, type MessageReaction, type ModalSubmitInteraction, type PartialMessage, type PartialMessageReaction,
  type PartialUser, type RepliableInteraction, type User,
} from "discord.js";
import type { PeerloopApp } from "../../app/peerloop-app";
import type { WorkLimiter } from "../../app/work-limiter";
import type { Actor } from "../../core/shared/context";
import type { Logger } from "../../core/shared/logger";
import type { Outcome } from "../../core/shared/message";
import { OUTCOMES, type ThreadOutcome } from "../../core/threads/thread-types";
import { MARK_AS_ANSWER, SAVE_TO_LIBRARY, TRACK_AS_QUESTION } from "./discord-commands";
import { openSaveForm, submitSaveForm, trackMessage } from "./discord-message-actions";
import { deliverDiscord, type DiscordPlace } from "./discord-deliver";
import { renderDiscord } from "./discord-render";
import { textOf, valuesOf } from "./discord-modal-fields";
import type { ButtonStash } from "./discord-stash";
import { answerWelcome, firstCommandWelcome, isWelcomeControl } from "./discord-welcome";

export interface DiscordDeps {
  app: PeerloopApp;
  client: Client;
  logger: Logger;
  stash: ButtonStash;
  /** Whether the bot may read message text (the privileged message-content intent). */
  readsContent: boolean;
  /** Whether the bot has the privileged Server Members intent (joins arrive; else new members are welcomed at their first command). */
  serverMembers?: boolean;
  /** Runs acknowledged work a bounded number at a time. */
  limit: WorkLimiter;
  /** Set on shutdown: new interactions are told to retry, work already taken is finished. */
  stopping?: boolean;
}

interface Who {
  guildId: string;
  guildName?: string;
  userId: string;
  name: string;
  isAdmin: boolean;
}

export const identify = (deps: DiscordDeps, who: Who): Promise<Actor> =>
  deps.app.resolveActor({
    platform: "discord", communityExternalId: who.guildId, communityName: who.guildName ?? who.guildId,
    memberExternalId: who.userId, displayName: who.name, isAdmin: who.isAdmin,
  });

export const fromInteraction = (i: Interaction & { guildId: string }): Who => ({
  guildId: i.guildId,
  guildName: i.guild?.name,
  userId: i.user.id,
  name: (i.member && "displayName" in i.member ? i.member.displayName : undefined) ?? i.user.globalName ?? i.user.username,
  isAdmin: Boolean(i.memberPermissions?.has(PermissionFlagsBits.ManageGuild)),
});

export const deliver = (deps: DiscordDeps, outcome: Outcome, place: DiscordPlace) => deliverDiscord(deps.client, deps.app, outcome, place, deps.logger, deps.stash);

/** Whatever goes wrong after an interaction arrived, the member gets an answer and the process lives on. */
const apologise = async (deps: DiscordDeps, i: RepliableInteraction, error: unknown) => {
  deps.logger.error("discord interaction failed", { id: i.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  const payload = renderDiscord({ text: "Sorry, Peerloop couldn't finish that. Please try again in a minute.", tone: "error" });
  await (i.deferred || i.replied ? i.editReply(payload as never) : i.reply({ ...payload, flags: MessageFlags.Ephemeral } as never)).catch(() => undefined);
};

const optionsOf = (i: ChatInputCommandInteraction) => {
  const top = i.options.data;
  const sub = top[0]?.type === 1 ? top[0] : undefined;
  const list = sub ? (sub.options ?? []) : top;
  return { subcommand: sub?.name, options: Object.fromEntries(list.map((o) => [o.name, o.value])) };
};

const LABEL = 18, STRING_SELECT = 3, USER_SELECT = 5, TEXT_INPUT = 4;
const OUTCOME_LABELS: Record<ThreadOutcome, string> = { resolved: "Resolved", partly: "Partly resolved", still_open: "Still open, closing for now" };

/** The Resolve form with Discord's own components: an outcome select, a member picker for helpers, a note. */
export const resolveModal = (threadId: string) => ({
  custom_id: `resolve-form:${threadId}`,
  title: "Close the loop",
  components: [
    { type: LABEL, label: "How did it go?", component: { type: STRING_SELECT, custom_id: "outcome", required: true, min_values: 1, max_values: 1,
      options: OUTCOMES.map((o) => ({ label: OUTCOME_LABELS[o], value: o, default: o === "resolved" })) } },
    { type: LABEL, label: "Who helped?", description: "They'll be credited in the roundup", component: { type: USER_SELECT, custom_id: "helpers", required: false, min_values: 0, max_values: 10 } },
    { type: LABEL, label: "What helped? (optional)", component: { type: TEXT_INPUT, custom_id: "note", style: 2, required: false, max_length: 1000, placeholder: "No client details, please" } },
  ],
});

/** Slash commands, the "Mark as answer" menu, buttons and the Resolve form. Answered within 3 s: deferred first. */
export const handleInteraction = (deps: DiscordDeps) => async (i: Interaction) => {
  if (!i.isRepliable()) return;
  if ((i.isButton() || i.isStringSelectMenu()) && isWelcomeControl(i)) {
    await deps.limit(() => answerWelcome(deps, i)).catch((error: unknown) => apologise(deps, i, error));
    return;
  }
  if (!i.inGuild()) {
    // An invitation to answer arrives by DM (issue 37): its buttons are pressed where no server is named.
    if (i.isButton() && /^route-(open|decline):/.test(i.customId) && !deps.stopping) return await pressInDm(deps, i);
    await i.reply({ content: "Peerloop works in server channels; try the command there.", flags: MessageFlags.Ephemeral }).catch(() => undefined);
    return;
  }
  try {
    // Shed rather than queue past what can finish in time, and take nothing new while shutting down.
    if (deps.stopping || deps.limit.busy()) {
      const why = deps.stopping ? "Peerloop is restarting" : "Peerloop is very busy right now";
      await i.reply({ content: `${why} and didn't run that. Please try again in a minute.`, flags: MessageFlags.Ephemeral });
      return;
    }
    if (i.isButton() && i.customId.startsWith("resolve:")) return await openResolveForm(deps, i);
    // Save to library answers with its form (a modal must be the first answer, so no deferral).
    if (i.isMessageContextMenuCommand() && i.commandName === SAVE_TO_LIBRARY) return await openSaveForm(deps, i);
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await deps.limit(() => answer(deps, i));
  } catch (error) {
    await apologise(deps, i, error);
  }
};

/** How long ago Discord made an id (a snowflake carries its time): a thread started seconds ago may be a new card's. */
const snowflakeAge = (id: string): number | undefined => {
  try {
    return Date.now() - Number((BigInt(id) >> 22n) + 1_420_070_400_000n);
  } catch {
    return undefined;
  }
};

/** The work after the deferral: run the command, button or form, and deliver what it says. */
const answer = async (deps: DiscordDeps, i: RepliableInteraction & { guildId: string }) => {
  const actor = await identify(deps, fromInteraction(i));
  const place: DiscordPlace = { communityId: actor.communityId, guildId: i.guildId, channelId: i.channelId ?? "", userId: i.user.id, interaction: i };
  if (i.isChatInputCommand()) {
    await deliver(deps, await deps.app.command(actor, { channelId: place.channelId }, { command: i.commandName, input: optionsOf(i) }), place);
    return await firstCommandWelcome(deps, actor, i, place);
  }
  if (i.isMessageContextMenuCommand() && i.commandName === MARK_AS_ANSWER) {
    return await deliver(deps, await deps.app.markAnswer(actor, i.targetId), place);
  }
  if (i.isMessageContextMenuCommand() && i.commandName === TRACK_AS_QUESTION) return await trackMessage(deps, actor, place, i);
  if (i.isModalSubmit() && i.customId.startsWith("save-form:")) return await deliver(deps, await submitSaveForm(deps, actor, place, i), place);
  if (i.isButton()) return await deliver(deps, await pressButton(deps, actor, place, i), place);
  if (i.isModalSubmit() && i.customId.startsWith("resolve-form:")) return await deliver(deps, await submitResolveForm(deps, actor, i), place);
  await i.editReply({ content: "That control isn't in use any more." });
};

const pressButton = async (deps: DiscordDeps, actor: Actor, place: DiscordPlace, i: ButtonInteraction): Promise<Outcome> => {
  const [action, ...rest] = i.customId.split(":");
  let value = rest.join(":");
  if (value.startsWith("~")) value = (await deps.stash.read(value.slice(1))) ?? "";
  if (!value) return { messages: [{ to: { kind: "actor" }, message: { text: "That button has expired; please run the command again.", tone: "warning" } }] };
  // Every button that acts is claimed once per message and member (BUTTON_ACTIONS).
  return deps.app.press(actor, { channelId: place.channelId }, { action: action ?? "", value, card: i.message?.id });
};

/** "Open the thread" or "Not for me" in a DM: the question names the community, the user must be its member already. */
const pressInDm = async (deps: DiscordDeps, i: ButtonInteraction) => {
  try {
    await i.deferReply({ flags: MessageFlags.Ephemeral });
    await deps.limit(async () => {
      const [action, ...rest] = i.customId.split(":");
      const threadId = rest.join(":");
      const actor = await deps.app.invitationActorFromDm("discord", threadId, i.user.id);
      const outcome: Outcome = !actor
        ? { messages: [{ to: { kind: "actor" }, message: { text: "That invitation isn't yours, or its question is no longer there; nothing changed.", tone: "warning" } }] }
        : await deps.app.press(actor, { channelId: i.channelId ?? "" }, { action: action ?? "", value: threadId, card: i.message?.id });
      await deliver(deps, outcome, { communityId: actor?.communityId ?? "", guildId: "", channelId: i.channelId ?? "", userId: i.user.id, interaction: i });
    });
  } catch (error) {
    await apologise(deps, i, error);
  }
};

/** Resolve opens a form for the asker; anyone else is told why not, privately. */
const openResolveForm = async (deps: DiscordDeps, i: ButtonInteraction & { guildId: string }) => {
  const actor = await identify(deps, fromInteraction(i));
  const check = await deps.app.prepareResolve(actor, i.customId.slice("resolve:".length));
  if (check.ok) return i.showModal(resolveModal(check.threadId) as never);
  await i.reply({ ...renderDiscord(check.outcome.messages[0]!.message), flags: MessageFlags.Ephemeral } as never);
};


const submitResolveForm = async (deps: DiscordDeps, actor: Actor, i: ModalSubmitInteraction): Promise<Outcome> => {
  const outcome = valuesOf(i, "outcome")[0] as ThreadOutcome | undefined;
  if (!outcome || !(OUTCOMES as readonly string[]).includes(outcome)) return { messages: [{ to: { kind: "actor" }, message: { text: "Choose how it went: resolved, partly, or still open.", tone: "error" } }] };
  const helpers = valuesOf(i, "helpers").filter((id) => /^\d{17,20}$/.test(id)).slice(0, 10);
  return deps.app.resolve(actor, i.customId.slice("resolve-form:".length), { outcome, helpers, note: textOf(i, "note") || undefined });
};

const fromMessage = (m: DiscordMessage<true>): Who => ({
  guildId: m.guildId, guildName: m.guild?.name, userId: m.author.id,
  name: m.member?.displayName ?? m.author.globalName ?? m.author.username,
  isAdmin: Boolean(m.member?.permissions.has(PermissionFlagsBits.ManageGuild)),
});

/** A message in a question's thread is feedback (or the asker's follow-up); the bot's own are ignored. */
export const handleMessageCreate = (deps: DiscordDeps) => async (m: DiscordMessage) => {
  if (m.author.bot || m.system || !m.inGuild() || !m.channel.isThread()) return;
  try {
    if (!(await deps.app.isQuestionThread("discord", m.guildId, m.channelId, snowflakeAge(m.channelId)))) return;
    await deps.limit(() => recordThreadMessage(deps, m));
  } catch (error) {
    deps.logger.error("discord message failed", { messageId: m.id, error: error instanceof Error ? error.message : String(error) });
  }
};

const recordThreadMessage = async (deps: DiscordDeps, m: DiscordMessage<true>) => {
  if (!m.channel.isThread()) return;
  const actor = await identify(deps, fromMessage(m));
  const outcome = await deps.app.threadReply(actor, {
    threadRef: m.channelId, platformMessageId: m.id, channelId: m.channel.parentId ?? undefined, text: deps.readsContent ? m.content : null,
  });
  await deliver(deps, outcome, { communityId: actor.communityId, guildId: m.guildId, channelId: m.channelId, userId: m.author.id });
};

export const handleMessageUpdate = (deps: DiscordDeps) => async (_old: unknown, m: DiscordMessage | PartialMessage) => {
  if (!deps.readsContent || !m.inGuild() || !m.author || m.author.bot || !m.channel.isThread()) return;
  try {
    if (!(await deps.app.isQuestionThread("discord", m.guildId, m.channelId, snowflakeAge(m.channelId)))) return;
    await deps.limit(async () => {
      const actor = await identify(deps, fromMessage(m as DiscordMessage<true>));
      await deliver(deps, await deps.app.replyEdited(actor, m.id, m.content ?? null), { communityId: actor.communityId, guildId: m.guildId, channelId: m.channelId, userId: m.author!.id });
    });
  } catch (error) {
    deps.logger.error("discord edit failed", { messageId: m.id, error: error instanceof Error ? error.message : String(error) });
  }
};

export const handleMessageDelete = (deps: DiscordDeps) => async (m: DiscordMessage | PartialMessage) => {
  // The author does not matter, and a message older than the cache arrives without one.
  if (!m.guildId || m.author?.bot) return;
  try {
    await deps.limit(() => deps.app.replyDeletedIn("discord", m.guildId!, m.id));
  } catch (error) {
    deps.logger.error("discord delete failed", { messageId: m.id, error: error instanceof Error ? error.message : String(error) });
  }
};

/** The asker's ✅ on the question card resolves it. */
export const handleReactionAdd = (deps: DiscordDeps) => async (r: MessageReaction | PartialMessageReaction, user: User | PartialUser) => {
  if (user.bot || !r.message.guildId || !r.emoji.name) return;
  try {
    const guildId = r.message.guildId, emoji = r.emoji.name;
    await deps.limit(async () => {
      const guild = deps.client.guilds.cache.get(guildId);
      const member = guild?.members.cache.get(user.id);
      const actor = await identify(deps, {
        guildId, guildName: guild?.name, userId: user.id,
        name: member?.displayName ?? user.globalName ?? user.username ?? user.id, isAdmin: Boolean(member?.permissions.has(PermissionFlagsBits.ManageGuild)),
      });
      const outcome = await deps.app.react(actor, r.message.id, emoji);
      await deliver(deps, outcome, { communityId: actor.communityId, guildId, channelId: r.message.channelId, userId: user.id });
    });
  } catch (error) {
    deps.logger.error("discord reaction failed", { messageId: r.message.id, error: error instanceof Error ? error.message : String(error) });
  }
};
