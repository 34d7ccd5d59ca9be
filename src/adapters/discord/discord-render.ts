import { escapeMarkdown } from "discord.js";
import type { Message } from "../../core/shared/message";

// Discord's limits: 256 for titles and field names, 4,096 for an embed description, 1,024 for a
// field value, 25 fields, 6,000 characters per embed, 5 buttons per row, 100 for a custom id.
const clip = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const COLORS = { info: 0x2b4c7e, success: 0x2e8b57, warning: 0xd4a017, error: 0xc0392b } as const;

/** Member text for Discord markdown: no masked links, no formatting tricks. Pings are off via allowed_mentions. */
export const escapeMember = (text: string): string => escapeMarkdown(text).replace(/\]\(/g, "]\u200b(");

export interface DiscordPayload {
  content?: string;
  embeds: Record<string, unknown>[];
  components: Record<string, unknown>[];
  allowed_mentions: { parse: never[]; users?: string[]; replied_user?: boolean };
}

/** Button ids carry "action:value"; values too long for Discord's 100 characters go through `stash`. */
export type Stash = (value: string) => string;

/** A neutral message as one embed with buttons. Every payload allows no @everyone/@here/role/user pings. */
export const renderDiscord = (m: Message, opts: { guildId?: string; stash?: Stash } = {}): DiscordPayload => {
  const lines: string[] = [];
  if (m.text) lines.push(escapeMember(m.text));
  if (m.quote) lines.push(m.quote.split("\n").map((l) => `> ${escapeMember(l)}`).join("\n"));
  for (const l of m.links ?? []) lines.push(`[${escapeMember(l.label)}](${l.url})`);
  for (const item of m.items ?? []) {
    const title = item.url ? `**[${escapeMember(item.title)}](${item.url})**` : `**${escapeMember(item.title)}**`;
    const where = item.place
      ? item.place.messageRef && opts.guildId
        ? ` · [open](https://discord.com/channels/${opts.guildId}/${item.place.channelId}/${item.place.messageRef})`
        : ` · in <#${item.place.channelId}>`
      : "";
    lines.push(`${title}${where}${item.detail ? `\n${escapeMember(item.detail)}` : ""}`);
  }
  let description = clip(lines.join("\n\n"), 4096);
  const fields = (m.fields ?? []).slice(0, 25).map((f) => ({ name: clip(f.label, 256), value: clip(escapeMember(f.value) || "—", 1024), inline: f.value.length < 40 }));
  const title = m.title ? clip(m.title, 256) : undefined;
  const total = (title?.length ?? 0) + description.length + fields.reduce((n, f) => n + f.name.length + f.value.length, 0);
  if (total > 6000) description = clip(description, Math.max(200, 4096 - (total - 6000)));
  // A welcome's controls may be pressed in a direct message, where Discord names no server: they carry it.
  const scoped = (action: string) => (action === "welcome" && opts.guildId ? `${action}:${opts.guildId}` : action);
  const buttons = (m.buttons ?? []).slice(0, 5).map((b) => {
    const id = `${scoped(b.action)}:${b.value}`;
    return {
      type: 2, style: b.style === "danger" ? 4 : b.style === "primary" ? 1 : 2, label: clip(b.label, 80),
      custom_id: id.length <= 100 ? id : `${scoped(b.action)}:~${opts.stash ? opts.stash(b.value) : ""}`,
    };
  });
  // A list to choose several from: a string select (25 options at most), sent when the member closes it.
  const select = m.select?.options.length ? [{ type: 1, components: [{
    type: 3, custom_id: `${m.select.action}-pick${m.select.action === "welcome" && opts.guildId ? `:${opts.guildId}` : ""}:${m.select.ref}`.slice(0, 100), placeholder: clip(m.select.placeholder, 150),
    min_values: 1, max_values: Math.min(25, m.select.options.length),
    options: m.select.options.slice(0, 25).map((o) => ({ label: clip(o.label, 100), value: o.value.slice(0, 100), ...(o.detail ? { description: clip(o.detail, 100) } : {}) })),
  }] }] : [];
  return {
    embeds: [{ title, description: description || undefined, fields, color: COLORS[m.tone ?? "info"] }],
    components: [...select, ...(buttons.length ? [{ type: 1, components: buttons }] : [])],
    allowed_mentions: { parse: [] },
  };
};
