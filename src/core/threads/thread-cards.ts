import type { Message } from "../shared/message";
import { hashtags } from "../shared/tags";
import type { Thread, ThreadOutcome } from "./thread-types";

const KIND = { question: "Question", feedback: "Feedback request" } as const;
const OUTCOME_TEXT: Record<ThreadOutcome, string> = {
  resolved: "resolved", partly: "partly resolved", still_open: "still open, but closed for now",
};

export const threadLabel = (t: Pick<Thread, "kind" | "text">): string =>
  `${KIND[t.kind]}: ${t.text.length > 80 ? `${t.text.slice(0, 79)}…` : t.text}`;

/** The card posted in the channel; replies in its platform thread are the peer feedback. */
export const questionCard = (t: Thread, askerName: string): Message => ({
  title: `${KIND[t.kind]} from ${askerName}`,
  text: t.kind === "question" ? "Reply in the thread to help. The asker resolves it when answered." : "Reply in the thread with your feedback.",
  quote: t.text,
  fields: t.tags.length ? [{ label: "Tags", value: hashtags(t.tags) }] : [],
  buttons: [{ action: "resolve", value: t.id, label: "Resolve" }],
  tone: "info",
});

/** Posted in a tracked message's thread: it is a question now, and how the loop closes. */
export const trackedNotice = (t: Thread, askerName: string, trackerName: string | null): Message => ({
  title: "Tracked as a question",
  text: `${trackerName ? `${trackerName} asked Peerloop to track ${askerName}'s message. ` : ""}Replies in this thread are recorded; ${askerName} resolves it when it's answered (✅ or Resolve).`,
  fields: t.tags.length ? [{ label: "Tags", value: hashtags(t.tags) }] : [],
  buttons: [{ action: "resolve", value: t.id, label: "Resolve" }],
  tone: "info",
});

export const followerThreadMessage = (t: Thread, askerName: string): Message => ({
  title: `New ${KIND[t.kind].toLowerCase()} on ${hashtags(t.tags)}`,
  text: `${askerName} is asking the community; you follow ${hashtags(t.tags)}.`,
  quote: t.text,
});

export const resolvedMessage = (t: Thread, outcome: ThreadOutcome, helperNames: string[], note: string | null): Message => ({
  title: `${KIND[t.kind]} ${OUTCOME_TEXT[outcome]}`,
  text: helperNames.length ? `Thanks to ${helperNames.join(", ")} for helping.` : "Thanks to everyone who helped.",
  quote: note ?? undefined,
  tone: "success",
});

export const recordedReplyNote = (isFollowUp: boolean): Message => ({
  text: isFollowUp ? "Your follow-up was added to your question." : "Thanks: your feedback was recorded.",
  tone: "success",
});
