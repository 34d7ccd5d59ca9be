import { DEIDENTIFY_TIPS } from "../core/guard/confidentiality-gate";
import type { Finding } from "../core/guard/guard-types";
import { findingField } from "../core/guard/suggest-rewrite";
import { moderatorNotice } from "../core/tone/tone-gate";
import { isPeerloopError, type PeerloopError } from "../core/shared/errors";
import type { Logger } from "../core/shared/logger";
import { choiceValue } from "../core/related/related-messages";
import { privately, reply, type Button, type Item, type Message, type Outcome } from "../core/shared/message";

/** The one place any failure becomes what the member sees: their own mistakes explained, ours apologised for. */
export const translateFailure = (error: unknown, logger: Logger, context: Record<string, unknown>, retry?: string, author?: string): Outcome => {
  if (isPeerloopError(error) && error.code === "TONE") return toneOutcome(error, retry, author);
  if (isPeerloopError(error) && error.code === "RELATED") return relatedOutcome(error, retry);
  if (isPeerloopError(error)) return reply(privately(userErrorMessage(error, retry)));
  logger.error("unexpected failure", { ...context, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  return reply(privately({
    title: "Something went wrong on our side",
    text: "Sorry, Peerloop couldn't finish that. Nothing was saved; please try again in a minute. The team has the details in the log.",
    tone: "error",
  }));
};

/** The tone nudge: the note, "Post as is" and "Edit"; with `tone-check moderators`, a word to the moderators without the text. */
const toneOutcome = (e: PeerloopError, retry?: string, author?: string): Outcome => {
  const buttons: Button[] = [
    ...(retry ? [{ action: "post-as-is" as const, value: retry, label: "Post as is" }] : []),
    { action: "edit", value: "edit", label: "Edit", style: "primary" },
  ];
  const channel = e.detail?.moderatorChannel as string | undefined;
  return reply(
    privately({ title: "Before this goes out: a note on tone", text: e.message, buttons, tone: "warning" }),
    ...(channel ? [moderatorNotice(channel, author ?? "A member", String(e.detail?.what ?? "post"))] : []),
  );
};

/** Earlier answers that may cover a question: the items, "This answers it" for each, and "Post my question". */
const relatedOutcome = (e: PeerloopError, retry?: string): Outcome => {
  const items = (e.detail?.items as Item[] | undefined) ?? [];
  const refs = (e.detail?.refs as { kind: "thread" | "resource"; id: string }[] | undefined) ?? [];
  const suggestion = e.detail?.suggestion as string | undefined;
  const buttons: Button[] = [
    ...refs.map((r, i) => ({ action: "answers-it" as const, value: choiceValue(r, suggestion), label: refs.length > 1 ? `This answers it (${i + 1})` : "This answers it" })),
    ...(retry ? [{ action: "post-question" as const, value: retry, label: "Post my question", style: "primary" as const }] : []),
  ];
  return reply(privately({ title: "Answered before?", text: e.message, items: items.map((it, i) => ({ ...it, title: items.length > 1 ? `${i + 1}. ${it.title}` : it.title })), buttons, tone: "info" }));
};

const userErrorMessage = (e: PeerloopError, retry?: string): Message => {
  if (e.code !== "CONFIDENTIAL") return { text: e.message, tone: "error", fields: [{ label: "Code", value: e.code }] };
  const findings = (e.detail?.findings as Pick<Finding, "type" | "text">[] | undefined) ?? [];
  const buttons: Button[] = e.detail?.canOverride && retry
    ? [{ action: "post-anyway", value: retry, label: "Post anyway: I confirm this is de-identified", style: "danger" }]
    : [];
  return {
    title: "Not posted: this may identify a client",
    text: `${e.message} Nothing was posted or saved. ${DEIDENTIFY_TIPS} Then edit and try again.`,
    fields: findings.map(findingField),
    buttons,
    tone: "warning",
  };
};
