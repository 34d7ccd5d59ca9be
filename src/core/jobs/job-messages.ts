import type { Message } from "../shared/message";
import { maskPhone } from "../sms/phone-numbers";
import { hashtags } from "../shared/tags";
import { threadLabel } from "../threads/thread-cards";
import type { Thread } from "../threads/thread-types";
import type { DigestItem } from "../notifications/notification-types";

const ago = (from: Date, to: Date) => {
  const hours = Math.round((to.getTime() - from.getTime()) / 3_600_000);
  return hours < 48 ? `${hours} hours ago` : `${Math.round(hours / 24)} days ago`;
};

/** An earlier answered question that may answer a waiting one. */
export interface MaybeAnswered {
  title: string;
  channelId?: string | null;
  messageRef?: string | null;
  url?: string;
}

export const stillWaitingMessage = (t: Thread, now: Date, last: boolean, maybe?: MaybeAnswered): Message => ({
  title: last ? "Last call: this question still has no answer" : "This question is still waiting for an answer",
  text: `Asked ${ago(t.createdAt, now)}${t.tags.length ? ` on ${hashtags(t.tags)}` : ""}. If you have experience with this, a short reply in the thread helps.` +
    (maybe ? " Maybe answered before:" : ""),
  quote: t.text,
  items: maybe ? [{ title: `Maybe answered before: ${maybe.title.length > 120 ? `${maybe.title.slice(0, 119)}…` : maybe.title}`, url: maybe.url, place: maybe.channelId ? { channelId: maybe.channelId, messageRef: maybe.messageRef ?? undefined } : undefined }] : undefined,
  tone: "info",
});

export const channelNudgeMessage = (t: Thread, now: Date): Message => ({
  title: "Can anyone help?",
  text: `${threadLabel(t)} — asked ${ago(t.createdAt, now)} and still unanswered.`,
  items: t.channelId ? [{ title: "Open the question", place: { channelId: t.channelId, messageRef: t.messageRef ?? undefined } }] : [],
});

export const followerUnansweredMessage = (t: Thread, now: Date): Message => ({
  title: `Unanswered on ${hashtags(t.tags)}`,
  text: `A question you might help with has had no reply for ${ago(t.createdAt, now).replace(" ago", "")}.`,
  quote: t.text,
  items: t.channelId ? [{ title: "Open the question", place: { channelId: t.channelId, messageRef: t.messageRef ?? undefined } }] : [],
});

export const askerNudgeMessage = (t: Thread): Message => ({
  title: "Did your question get answered?",
  text: `You got ${t.replyCount} repl${t.replyCount === 1 ? "y" : "ies"} on "${threadLabel(t)}". Close the loop: react with ✅, or use Resolve to say how it went and credit the people who helped.`,
  items: t.channelId ? [{ title: "Open your question", place: { channelId: t.channelId, messageRef: t.messageRef ?? undefined } }] : [],
  buttons: [{ action: "resolve", value: t.id, label: "Resolve" }],
});

export const digestMessage = (items: DigestItem[], frequency: string): Message => ({
  title: `Your ${frequency} Peerloop digest`,
  text: `${items.length} new item${items.length === 1 ? "" : "s"} on the tags you follow.`,
  items: items.map((i) => ({ title: i.summary })),
});

/** Told in chat once, when an email address refuses mail for good. */
export const emailFailedMessage = (address: string): Message => ({
  title: "Your Peerloop emails stopped",
  text: `Email to ${address} could not be delivered (the mail server refused it for good), so Peerloop stopped emailing it. Set an address again with /notify email you@example.org.`,
  tone: "warning",
});

/** Told in chat once, when texts to a member's number stop for good. */
export const smsFailedMessage = (e164: string, why: "stopped" | "invalid"): Message => ({
  title: "Your Peerloop texts stopped",
  text: why === "stopped"
    ? `Texts to ${maskPhone(e164)} stopped: the number has opted out (it replied STOP). To get texts again, reply START to Peerloop's last text from that phone, or set another number with /notify sms.`
    : `Texts to ${maskPhone(e164)} stopped: the provider says it is not a valid mobile number. Set a mobile number with /notify sms +15555550123.`,
  tone: "warning",
});
