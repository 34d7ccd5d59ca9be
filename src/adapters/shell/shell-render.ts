import { maskPhone } from "../../core/sms/phone-numbers";
import type { Audience, Message } from "../../core/shared/message";

/** Plain-text rendering of a neutral message for the terminal. */
export const renderMessage = (m: Message, buttonLabel: (index: number) => string): string[] => {
  const lines: string[] = [];
  if (m.title) lines.push(`${icon(m.tone)}${m.title}`);
  // Every line of a several-line text is indented alike (/peerloop health's five figures).
  const text = m.text.split("\n");
  lines.push(m.title ? `  ${text[0]}` : `${icon(m.tone)}${text[0]}`, ...text.slice(1).map((l) => `  ${l}`));
  if (m.quote) lines.push(...m.quote.split("\n").map((l) => `  > ${l}`));
  // A link says what it is before its (long, signed) address.
  for (const l of m.links ?? []) lines.push(l.label && l.label !== m.title && l.label !== l.url ? `  ${l.label}: ${l.url}` : `  ${l.url}`);
  for (const f of m.fields ?? []) lines.push(`  ${f.label}: ${f.value}`);
  for (const item of m.items ?? []) {
    const where = item.place ? ` (in #${item.place.channelId})` : "";
    lines.push(item.url ? `  • ${item.title}: ${item.url}${where}` : `  • ${item.title}${where}`);
    // Every line of a detail under its item (an earlier answer's replies are one line each).
    if (item.detail) lines.push(...item.detail.split("\n").filter((l) => l.trim()).map((l) => `      ${l.trim()}`));
  }
  (m.buttons ?? []).forEach((b, i) => lines.push(`  [${b.label}] → ${buttonLabel(i)}`));
  return lines;
};

const icon = (tone: Message["tone"]) => (tone === "error" ? "✖ " : tone === "warning" ? "⚠ " : tone === "success" ? "✔ " : "");

export const audienceLabel = (to: Audience, channel: string, threadRef?: string): string => {
  switch (to.kind) {
    case "actor": return "(only you)";
    case "channel": return threadRef ? `#${channel} › ${threadRef}` : `#${channel}`;
    case "thread": return `#${to.channelId ?? channel} › thread ${to.threadRef}`;
    case "member": return `✉ DM to ${to.externalId}`;
    case "post": return `#${to.channelId}`;
    case "email": return `✉ email to ${to.address}`;
    case "sms": return `✆ text to ${maskPhone(to.to)}`;
    case "edit": return `#${to.channelId} › ${to.messageRef} (updated)`;
  }
};
