/**
 * What a text says, and how long it is. Texts carry only titles and links (never a question's or a
 * reply's body), at most two segments: GSM-7 when every character fits (153 characters a segment
 * when concatenated), else UCS-2 (67).
 */
const GSM7 = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ ÆæßÉ!\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const GSM7_EXT = "^{}\\[~]|€";

export const isGsm7 = (text: string): boolean => [...text].every((c) => GSM7.includes(c) || GSM7_EXT.includes(c));

/** Characters as a segment counts them (an extension character takes two in GSM-7). */
const units = (text: string, gsm: boolean) => (gsm ? [...text].reduce((n, c) => n + (GSM7_EXT.includes(c) ? 2 : 1), 0) : [...text].length);

export const segments = (text: string): number => {
  const gsm = isGsm7(text);
  const n = units(text, gsm);
  const single = gsm ? 160 : 70, multi = gsm ? 153 : 67;
  return n <= single ? 1 : Math.ceil(n / multi);
};

/** Curly quotes and dashes become their GSM-7 forms, so a title does not turn a text into UCS-2. */
export const toGsm = (text: string): string => text.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, "-").replace(/…/g, "...").replace(/\s+/g, " ").trim();

/** The text with `title` shortened (by a binary search on its length) until the whole fits in two segments. */
export const fitTwoSegments = (build: (title: string) => string, title: string): string => {
  const full = toGsm(title);
  if (segments(build(full)) <= 2) return build(full);
  const chars = [...full];
  let lo = 0, hi = chars.length - 1; // the longest prefix that fits, with "..."
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (segments(build(`${chars.slice(0, mid).join("").trimEnd()}...`)) <= 2) lo = mid;
    else hi = mid - 1;
  }
  return build(`${chars.slice(0, lo).join("").trimEnd()}...`);
};

const tagLabel = (tags: readonly string[]) => (tags.length ? `#${tags[0]}` : "your community");

/**
 * One alert: "Peerloop #ethics: new resource 'Boundaries in rural practice' https://…". A question's
 * words never travel by text: only that there is one, and the link.
 */
export const alertText = (kind: string, title: string, tags: readonly string[], link: string | undefined): string =>
  kind === "resource"
    ? fitTwoSegments((t) => `Peerloop ${tagLabel(tags)}: new resource '${t}' ${link ?? "(see it in chat)"}`, title)
    : toGsm(`Peerloop ${tagLabel(tags)}: ${kind === "thread" ? "a new question" : kind === "unanswered" ? "a question still needs an answer" : kind === "answer" ? "a new answer from someone you follow" : "something new"}. ${link ? `Open it: ${link}` : "See it in chat."}`);

/** The daily summary: how many new items, one link. */
export const summaryText = (counts: { resources: number; questions: number; other: number }, tags: readonly string[], link: string | undefined): string => {
  const parts = [
    counts.resources ? `${counts.resources} new resource${counts.resources === 1 ? "" : "s"}` : "",
    counts.questions ? `${counts.questions} new question${counts.questions === 1 ? "" : "s"}` : "",
    counts.other ? `${counts.other} other update${counts.other === 1 ? "" : "s"}` : "",
  ].filter(Boolean);
  const on = tags.length ? ` on ${tags.slice(0, 3).map((t) => `#${t}`).join(" ")}` : "";
  return toGsm(`Peerloop: ${parts.join(", ") || "new items"}${on}. ${link ? `See them: ${link}` : "See them in chat."}`);
};

export const confirmText = (code: string, community: string): string => toGsm(`Peerloop: your code is ${code}. Type /notify sms confirm ${code} in ${community}. It expires in 15 minutes. Reply STOP to opt out.`).slice(0, 300);

export const HELP_TEXT = "Peerloop alerts from your learning community. Manage them with /notify sms in chat. Reply STOP to stop all texts, START to resume.";
