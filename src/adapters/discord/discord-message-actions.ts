import { MessageFlags, type Message as DiscordMessage, type MessageContextMenuCommandInteraction, type ModalSubmitInteraction } from "discord.js";
import { linksIn } from "../../core/resources/links-in";
import type { Actor } from "../../core/shared/context";
import type { Outcome } from "../../core/shared/message";
import { textOf, valuesOf } from "./discord-modal-fields";
import type { DiscordPlace } from "./discord-deliver";
import { deliver, fromInteraction, identify, type DiscordDeps } from "./discord-handlers";

const LABEL = 18, STRING_SELECT = 3, TEXT_INPUT = 4;
/** A modal must be Discord's first answer, within 3 s: the tag list gets this long, then the form opens without it. */
const TAGS_WAIT_MS = 1_200;

const authorName = (m: DiscordMessage) => m.member?.displayName ?? m.author.globalName ?? m.author.username;

/** The "Save to library" form: the community's tags to pick, others to type, and a note. */
export const saveModal = (key: string, popular: string[], note: string) => ({
  custom_id: `save-form:${key}`,
  title: "Save to library",
  components: [
    ...(popular.length ? [{ type: LABEL, label: "Tags", description: "The community's most used tags", component: {
      type: STRING_SELECT, custom_id: "tags", required: false, min_values: 0, max_values: Math.min(8, popular.length),
      options: popular.slice(0, 25).map((t) => ({ label: `#${t}`.slice(0, 100), value: t.slice(0, 100) })),
    } }] : []),
    { type: LABEL, label: popular.length ? "Other tags" : "Tags", component: { type: TEXT_INPUT, custom_id: "more", style: 1, required: false, max_length: 200, placeholder: "#ethics #supervision" } },
    { type: LABEL, label: "Why it helps (no client details)", component: { type: TEXT_INPUT, custom_id: "note", style: 2, required: false, max_length: 1000, ...(note ? { value: note.slice(0, 1000) } : {}) } },
  ],
});

/** "Save to library" on a message: its link(s) and text are kept for the form's answer; no link is said at once. */
export const openSaveForm = async (deps: DiscordDeps, i: MessageContextMenuCommandInteraction & { guildId: string }) => {
  const m = i.targetMessage;
  const text = m.content ?? "";
  const links = linksIn(text);
  if (!links.length) return i.reply({ content: "That message has no link to save. Save to library takes the links in a message; to share something else, use /share.", flags: MessageFlags.Ephemeral });
  if (m.author.bot) return i.reply({ content: "That message is from a bot or app; Peerloop saves members' messages only.", flags: MessageFlags.Ephemeral });
  const actor = await identify(deps, fromInteraction(i));
  const popular = await Promise.race([deps.app.popularTags(actor), new Promise<string[]>((r) => setTimeout(() => r([]), TAGS_WAIT_MS).unref())]);
  const key = deps.stash.put(JSON.stringify({ channelId: i.channelId, messageId: m.id, author: m.author.id, name: authorName(m), text: text.slice(0, 4_000) }));
  await deps.stash.flush();
  const note = links.reduce((t, l) => t.replace(l, ""), text).replace(/\s+/g, " ").trim();
  await i.showModal(saveModal(key, popular, note) as never);
};


/** The form's answer: the same share path as /share, credited to the message's author. */
export const submitSaveForm = async (deps: DiscordDeps, saver: Actor, place: DiscordPlace, i: ModalSubmitInteraction): Promise<Outcome> => {
  const raw = await deps.stash.take(i.customId.slice("save-form:".length));
  if (!raw) return { messages: [{ to: { kind: "actor" }, message: { text: "That form has expired. Use Save to library on the message again.", tone: "warning" } }] };
  const saved = JSON.parse(raw) as { channelId: string; author: string; name: string; text: string };
  const typed = textOf(i, "more").split(/[\s,]+/).map((t) => t.replace(/^#/, "")).filter(Boolean);
  const bad = typed.find((t) => !/^[\p{L}\p{N}][\p{L}\p{N}_-]{0,49}$/u.test(t));
  if (bad) return { messages: [{ to: { kind: "actor" }, message: { text: `"${bad.slice(0, 30)}" isn't a tag: tags are words like #ethics or #foster-care. Nothing was saved; try again.`, tone: "error", fields: [{ label: "Code", value: "INVALID_TAG" }] } }] };
  return deps.app.saveToLibrary(saver, { channelId: saved.channelId || place.channelId }, { externalId: saved.author, displayName: saved.name },
    { text: saved.text, tags: [...new Set([...valuesOf(i, "tags"), ...typed])], note: textOf(i, "note") || undefined });
};

/**
 * "Track as question": the message becomes a question in place; a thread is started on it (its id is
 * the message's, as Discord makes it) where the notice goes and answers are recorded.
 */
export const trackMessage = async (deps: DiscordDeps, tracker: Actor, place: DiscordPlace, i: MessageContextMenuCommandInteraction) => {
  const m = i.targetMessage;
  const refuse = (content: string) => i.editReply({ content });
  if (m.author.bot) return refuse("That message is from a bot or app; Peerloop tracks members' messages only.");
  if (m.channel?.isThread()) return refuse("That message is inside a thread. Track the message that starts a discussion in a channel, or ask it anew with /ask.");
  const outcome = await deps.app.trackAsQuestion(tracker, { externalId: m.author.id, displayName: authorName(m) },
    { text: m.content ?? "", channelId: m.channelId, messageRef: m.id, threadRef: m.id });
  // Tracked: the notice goes in the message's thread, started now unless it has one.
  if (outcome.messages.some((o) => o.to.kind === "thread") && !m.hasThread) {
    await m.startThread({ name: (m.content || "Question").replace(/\s+/g, " ").trim().slice(0, 90) || "Question" }).catch((error: unknown) => {
      deps.logger.warn("could not start a thread on a tracked message", { messageId: m.id, error: error instanceof Error ? error.message : String(error) });
    });
  }
  return deliver(deps, outcome, place);
};
