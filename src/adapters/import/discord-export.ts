import type { HistoryMessage } from "../../core/data/import-history";

interface DiscordAuthor { id?: string; name?: string; nickname?: string; isBot?: boolean }
interface DiscordMessage { id?: string; type?: string; timestamp?: string; content?: string; author?: DiscordAuthor }
interface DiscordExport { guild?: { id?: string }; channel?: { id?: string; name?: string }; messages?: DiscordMessage[] }

/** Links in Discord text: bare, or in <> to suppress the embed; trailing punctuation is the sentence's, not the link's. */
const LINK = /<?(https?:\/\/[^\s<>]+[^\s<>.,;:!?'")\]])>?/gi;

/** Whether a parsed JSON file is a Discord channel export (DiscordChatExporter's JSON: guild, channel, messages). */
export const isDiscordExport = (doc: unknown): doc is DiscordExport =>
  typeof doc === "object" && doc !== null && Array.isArray((doc as DiscordExport).messages) && typeof (doc as DiscordExport).channel === "object";

/** The export's guild id, to check it against the community being imported into. */
export const discordGuildOf = (doc: DiscordExport): string | undefined => doc.guild?.id;

/** Every member message with a link in a Discord channel export, attributed by user id. */
export function* discordExportMessages(doc: DiscordExport): Iterable<HistoryMessage> {
  const channelId = doc.channel?.id ?? null;
  for (const m of doc.messages ?? []) {
    if (!m?.id || !m.author?.id || m.author.isBot || typeof m.content !== "string") continue;
    if (m.type && m.type !== "Default" && m.type !== "Reply") continue;
    const urls = [...m.content.matchAll(LINK)].map((x) => x[1]!);
    if (!urls.length) continue;
    const at = new Date(m.timestamp ?? "");
    if (Number.isNaN(at.getTime())) continue;
    yield {
      key: `discord:${m.id}`, urls, text: m.content.replace(LINK, " "),
      author: { externalId: m.author.id, displayName: m.author.nickname || m.author.name || m.author.id }, at, channelId,
    };
  }
}
