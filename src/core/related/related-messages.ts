import type { Item, Message } from "../shared/message";
import type { RelatedDoc } from "./related-types";

const OUTCOME: Record<string, string> = { resolved: "resolved", partly: "partly answered" };
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1).trimEnd()}…` : s);

/** The private note before a question goes out, when earlier answers may already cover it. */
export const relatedIntro = (what: string, n: number): string =>
  `Before your ${what} goes out: ${n === 1 ? "this earlier answer" : `these ${n} earlier answers`} from the community may already cover it. ` +
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

/** After "This answers it". */
export const reuseThanks = (doc: RelatedDoc, counted: boolean, endorsed = false): Message => ({
  text: doc.kind === "thread"
    ? `Glad the archive had it. Nothing was posted${counted ? `, and ${doc.helpers.length ? doc.helpers.join(", ") : "the people who answered"} get the credit for helping again` : ""}.`
    : `Glad the library had it. Nothing was posted${endorsed ? ", and the resource got your endorsement" : ""}.`,
  tone: "success",
});
