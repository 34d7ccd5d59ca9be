import type { Message } from "../../core/shared/message";
import { clip, escapeSlack, plainSlack, slackLink } from "./slack-text";

// Slack's limits: 3,000 characters in a section's text, 2,000 in a field, 10 fields, 150 in a
// header, 50 blocks in a message, 25 elements in an actions block, 2,000 in a button value.
const SECTION = 3000;
const FIELD = 2000;
const MAX_BLOCKS = 50;

export type Block = Record<string, unknown>;

const section = (text: string): Block => ({ type: "section", text: { type: "mrkdwn", text: clip(text, SECTION) } });

/** A neutral message as Block Kit, with a plain-text fallback for notifications and screen readers. */
export const renderSlack = (m: Message): { text: string; blocks: Block[] } => {
  const blocks: Block[] = [];
  if (m.title) blocks.push({ type: "header", text: { type: "plain_text", text: clip(plainSlack(m.title), 150), emoji: true } });
  const icon = m.tone === "error" ? ":x: " : m.tone === "warning" ? ":warning: " : m.tone === "success" ? ":white_check_mark: " : "";
  if (m.text) blocks.push(section(`${icon}${escapeSlack(m.text)}`));
  if (m.quote) blocks.push(section(m.quote.split("\n").map((l) => `>${escapeSlack(l)}`).join("\n")));
  if (m.links?.length) blocks.push(section(m.links.map((l) => slackLink(l.url, l.label)).join("\n")));
  if (m.fields?.length) {
    for (let i = 0; i < m.fields.length; i += 10) {
      blocks.push({
        type: "section",
        fields: m.fields.slice(i, i + 10).map((f) => ({ type: "mrkdwn", text: clip(`*${escapeSlack(f.label)}*\n${escapeSlack(f.value)}`, FIELD) })),
      });
    }
  }
  for (const item of m.items ?? []) {
    const title = item.url ? `*${slackLink(item.url, item.title)}*` : `*${escapeSlack(item.title)}*`;
    const where = item.place ? ` · in <#${item.place.channelId.replace(/[^A-Z0-9]/gi, "")}>` : "";
    blocks.push(section(`${title}${item.detail ? `\n${escapeSlack(item.detail)}` : ""}${where}`));
  }
  if (m.select?.options.length) {
    // A list to choose several from: Slack sends the choice when the menu closes; the block carries which step it answers.
    blocks.push({
      type: "actions", block_id: `${m.select.action}:${m.select.ref}`.slice(0, 255),
      elements: [{
        type: "multi_static_select", action_id: `${m.select.action}-pick`, placeholder: { type: "plain_text", text: clip(m.select.placeholder, 150) },
        options: m.select.options.slice(0, 100).map((o) => ({ text: { type: "plain_text", text: clip(o.label, 75), emoji: true }, value: o.value.slice(0, 150), ...(o.detail ? { description: { type: "plain_text", text: clip(o.detail, 75) } } : {}) })),
      }],
    });
  }
  if (m.buttons?.length) {
    // Action ids must be unique within a block: a repeated action ("This answers it" for each item) gets "~2", "~3".
    const seen = new Map<string, number>();
    blocks.push({
      type: "actions",
      elements: m.buttons.slice(0, 25).map((b) => ({
        type: "button", action_id: actionId(b.action, seen), value: b.value.slice(0, 2000),
        text: { type: "plain_text", text: clip(b.label, 75), emoji: true },
        ...(b.style ? { style: b.style } : {}),
      })),
    });
  }
  if (blocks.length > MAX_BLOCKS) {
    const kept = blocks.slice(0, MAX_BLOCKS - 1);
    kept.push(section(`…and ${blocks.length - kept.length} more not shown.`));
    return { text: fallback(m), blocks: kept };
  }
  return { text: fallback(m), blocks };
};

const actionId = (action: string, seen: Map<string, number>) => {
  const n = (seen.get(action) ?? 0) + 1;
  seen.set(action, n);
  return n === 1 ? action : `${action}~${n}`;
};

/** The action a rendered button's id stands for ("answers-it~2" → "answers-it"). */
export const actionOf = (actionId: string): string => actionId.replace(/~\d+$/, "");

const fallback = (m: Message) => clip(escapeSlack([m.title, m.text].filter(Boolean).join(": ")), 3000);
