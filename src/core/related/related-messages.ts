import type { Item, Message } from "../shared/message";
import type { RelatedDoc } from "./related-types";

const OUTCOME: Record<string, string> = { resolved: "resolved", partly: "partly answered" };
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** The private note before a question goes out, when earlier answers (and a resource from the library) may already cover it. */
export const relatedIntro = (what: string, n: number, resource = false): string =>
  `Before your ${what} goes out: ${n === 1 ? "this earlier answer" : `these ${n} earlier answers`} from the community${resource ? ", and a resource from the library," : ""} may already cover it. ` +
  "If one does, press \"This answers it\" (its helpers get the credit, nothing is posted); otherwise \"Post my question\" sends it as usual.";

/** One earlier item as the member sees it: the question and its outcome with the credited answer, or the resource. */
export const relatedItem = (doc: RelatedDoc): Item => {
  if (doc.kind === "resource") {
    return { title: clip(doc.title, 150), url: doc.url, detail: clip([doc.answer, doc.tags.length ? doc.tags.map((t) => `#${t}`).join(" ") : ""].filter(Boolean).join(" · ") || "From the library", 300) };
  }
  const credit = doc.helpers.length ? `answered by ${doc.helpers.slice(0, 3).join(", ")}` : "";
  const outcome = [OUTCOME[doc.outcome ?? ""] ?? "", credit].filter(Boolean).join(", ");
  return {
    title: clip(doc.title, 150),
    detail: clip(`${outcome ? `${outcome[0]!.toUpperCase()}${outcome.slice(1)}: ` : ""}${doc.answer || "no written answer"}`, 300),
    place: doc.channelId ? { channelId: doc.channelId, messageRef: doc.messageRef ?? undefined } : undefined,
  };
};

/** After "This answers it" (before posting), or "This answered it" on a link in the question's thread (`posted`). */
export const reuseThanks = (doc: RelatedDoc, counted: boolean, endorsed = false, posted = false): Message => ({
  text: doc.kind === "thread"
    ? `Glad the archive had it. ${posted ? "Noted" : "Nothing was posted"}${counted ? `, and ${doc.helpers.length ? doc.helpers.join(", ") : "the people who answered"} get the credit for helping again` : ""}.${posted ? " Resolve your question when you're done." : ""}`
    : `Glad the library had it. ${posted ? "Noted" : "Nothing was posted"}${endorsed ? ", and the resource got your endorsement" : ""}.${posted ? " Resolve your question when you're done." : ""}`,
  tone: "success",
});

/** Value of a button that chooses an item of a shown suggestion: "t:<thread>:<suggestion>" or "r:<resource>:<suggestion>". */
export const choiceValue = (doc: Pick<RelatedDoc, "kind" | "id">, suggestion?: string): string => `${doc.kind === "thread" ? "t" : "r"}:${doc.id}${suggestion ? `:${suggestion}` : ""}`;

/**
 * The question's card with what may be related (issue 35's second tier): a "Maybe related" item for
 * each, and for the asker a "This answered it" button per link (the card's own Resolve stays first).
 */
export const maybeRelatedOnCard = (card: Message, docs: readonly RelatedDoc[], suggestion: string): Message => ({
  ...card,
  items: [...(card.items ?? []), ...docs.map((d, i) => {
    const it = relatedItem(d);
    return { ...it, title: `Maybe related${docs.length > 1 ? ` (${i + 1})` : ""}: ${it.title}` };
  })],
  buttons: [...(card.buttons ?? []), ...docs.map((d, i) => ({ action: "answers-it" as const, value: choiceValue(d, suggestion), label: docs.length > 1 ? `This answered it (${i + 1})` : "This answered it" }))],
});
