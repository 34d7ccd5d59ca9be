import type { HistoryMessage } from "../../core/data/import-history";
import { plainSlack, unescapeSlack } from "../slack/slack-text";

interface SlackUser { id?: string; name?: string; real_name?: string; deleted?: boolean; profile?: { display_name?: string; real_name?: string } }
interface SlackChannel { id?: string; name?: string }
interface SlackMessage { type?: string; subtype?: string; user?: string; text?: string; ts?: string; bot_id?: string; user_profile?: { display_name?: string; real_name?: string } }

/** Message subtypes that are a member speaking; joins, topic changes and bot posts are not shares. */
const MEMBER_SUBTYPES = new Set([undefined, "thread_broadcast", "me_message", "file_share"]);
const LINK = /<((?:https?):\/\/[^|>\s]+)(?:\|[^>]*)?>/gi;

const parse = <T>(text: string | undefined, fallback: T): T => {
  if (text === undefined) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

/** Whether a set of files looks like a Slack workspace export (channels.json or users.json beside day files). */
export const isSlackExport = (files: Map<string, string>): boolean =>
  [...files.keys()].some((f) => /(^|\/)(channels|users)\.json$/.test(f)) && [...files.keys()].some((f) => /\/\d{4}-\d{2}-\d{2}\.json$/.test(f));

/**
 * Reads a Slack workspace export (channels.json, users.json and channel/YYYY-MM-DD.json files, as
 * Slack admins download it): every member message with a link, attributed by user id.
 */
export function* slackExportMessages(files: Map<string, string>): Iterable<HistoryMessage> {
  const find = (name: string) => [...files.entries()].find(([f]) => f === name || f.endsWith(`/${name}`))?.[1];
  const users = new Map<string, string>();
  for (const u of parse<SlackUser[]>(find("users.json"), [])) {
    if (u.id) users.set(u.id, u.profile?.display_name || u.profile?.real_name || u.real_name || u.name || u.id);
  }
  const channels = new Map<string, string>();
  for (const list of ["channels.json", "groups.json"]) for (const c of parse<SlackChannel[]>(find(list), [])) if (c.name && c.id) channels.set(c.name, c.id);
  const days = [...files.keys()].filter((f) => /(^|\/)[^/]+\/\d{4}-\d{2}-\d{2}\.json$/.test(f)).sort();
  for (const file of days) {
    const channelName = file.split("/").at(-2)!;
    const channelId = channels.get(channelName) ?? channelName;
    const messages = parse<SlackMessage[]>(files.get(file), []);
    if (!Array.isArray(messages)) continue;
    for (const m of messages) {
      if (m?.type !== "message" || !MEMBER_SUBTYPES.has(m.subtype) || m.bot_id || !m.user || !m.ts || typeof m.text !== "string") continue;
      const urls = [...m.text.matchAll(LINK)].map((x) => x[1]!);
      if (!urls.length) continue;
      const at = new Date(Number(m.ts) * 1000);
      if (Number.isNaN(at.getTime())) continue;
      const text = plainSlack(unescapeSlack(m.text.replace(LINK, " ")));
      const name = users.get(m.user) ?? (m.user_profile?.display_name || m.user_profile?.real_name || m.user);
      yield { key: `slack:${channelId}:${m.ts}`, urls, text, author: { externalId: m.user, displayName: name }, at, channelId };
    }
  }
}
