import type { Message } from "../shared/message";
import { hashtags } from "../shared/tags";
import type { Thread } from "../threads/thread-types";

/** The question's first line, as the invitation quotes it. */
export const firstLine = (text: string): string => {
  const line = text.split(/\r?\n/).map((l) => l.trim()).find(Boolean) ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
};

const waited = (from: Date, to: Date) => {
  const minutes = Math.max(0, Math.round((to.getTime() - from.getTime()) / 60_000));
  return minutes < 120 ? `${minutes} minutes` : minutes < 48 * 60 ? `${Math.round(minutes / 60)} hours` : `${Math.round(minutes / 1440)} days`;
};

/** The private invitation: the question's first line, why this member, and two buttons. */
export const invitationMessage = (t: Thread, reason: string, now: Date): Message => ({
  title: "Could you help with this question?",
  text: `It has waited ${waited(t.createdAt, now)} with no reply${t.tags.length ? ` (${hashtags(t.tags)})` : ""}. You're asked because ${reason}. ` +
    "Only you got this message; a short reply in the thread helps.",
  quote: firstLine(t.text),
  buttons: [
    { action: "route-open", value: t.id, label: "Open the thread", style: "primary" },
    { action: "route-decline", value: t.id, label: "Not for me" },
  ],
  tone: "info",
});

/** "Open the thread": where the question is, and how it stands now. */
export const openThreadMessage = (t: Thread, url?: string): Message => ({
  title: "The question you were asked about",
  text: t.status === "resolved" ? "It has been resolved since. Thank you for looking."
    : t.replyCount > 0 ? "Someone has replied since; another view from you still helps. Reply in its thread."
    : "Reply in its thread: the asker sees who answered.",
  quote: firstLine(t.text),
  items: [{ title: "Open the thread", url, place: t.channelId ? { channelId: t.channelId, messageRef: t.messageRef ?? undefined } : undefined }],
  tone: "info",
});
