import type { Guard } from "../guard/guard-types";
import { normalizeUrl } from "../resources/normalize-url";
import { PeerloopError } from "../shared/errors";
import { normalizeTag } from "../shared/tags";
import { LIMITS } from "../shared/text-limits";
import type { CommunityDataSink, HistoricalShare } from "./data-types";

/** One message of a platform export that holds links, as the format readers hand it over. */
export interface HistoryMessage {
  /** Unique per message on its platform. */
  key: string;
  /** The links as the platform marked them up (Slack's <url|label>) or found in the text. */
  urls: string[];
  /** The message text with the links taken out, as a member reads it. */
  text: string;
  author: { externalId: string; displayName: string };
  at: Date;
  channelId: string | null;
}

export interface ImportReport {
  added: HistoricalShare[];
  merged: HistoricalShare[];
  /** Brought in by an earlier run. */
  seen: number;
  /** Held back by the confidentiality guard: never stored. What was found, not the text. */
  flagged: { key: string; author: string; at: Date; kinds: string[] }[];
  /** Links that are not web addresses a library can hold. */
  invalid: { key: string; url: string; reason: string }[];
}

const HASHTAG = /(^|\s)#([\p{L}\p{N}][\p{L}\p{N}_-]*)/gu;

/** A message's hashtags as tags (those a tag can be), and its text without them as the note. */
export const splitNote = (text: string): { note: string | null; tags: string[] } => {
  const tags: string[] = [];
  const rest = text.replace(HASHTAG, (whole, lead: string, tag: string) => {
    try {
      const t = normalizeTag(tag);
      if (!tags.includes(t) && tags.length < LIMITS.tags) tags.push(t);
      return lead;
    } catch (e) {
      if (e instanceof PeerloopError) return whole;
      throw e;
    }
  });
  const note = rest.replace(/\s+/g, " ").replace(/^[\s:–—-]+|[\s:–—-]+$/g, "").trim();
  return { note: note ? (note.length > LIMITS.note ? `${note.slice(0, LIMITS.note - 1)}…` : note) : null, tags };
};

/**
 * Brings the links members shared in a platform's history into the library, as /share would:
 * normalized and merged by link, attributed to the original sharer and dated when shared, tagged from
 * hashtags. Every note and link goes through the guard first; flagged ones are listed, never stored.
 * Each message is marked when imported, so a re-run adds nothing twice. `dryRun` writes nothing.
 */
export const importHistory = async (deps: { sink: CommunityDataSink; guard: Guard }, communityId: string, messages: Iterable<HistoryMessage>, dryRun: boolean): Promise<ImportReport> => {
  const report: ImportReport = { added: [], merged: [], seen: 0, flagged: [], invalid: [] };
  const pending: HistoricalShare[] = [];
  for (const m of messages) {
    const { note, tags } = splitNote(m.text);
    m.urls.forEach((raw, i) => {
      const key = m.urls.length > 1 ? `${m.key}#${i}` : m.key;
      let url: string;
      try {
        url = normalizeUrl(raw);
      } catch (e) {
        if (!(e instanceof PeerloopError)) throw e;
        report.invalid.push({ key, url: raw.slice(0, 200), reason: e.message });
        return;
      }
      const findings = [note, raw].flatMap((t) => (t ? deps.guard.inspect(t) : []));
      if (findings.length) {
        report.flagged.push({ key, author: m.author.displayName, at: m.at, kinds: [...new Set(findings.map((f) => f.type))] });
        return;
      }
      pending.push({ sourceKey: key, url, originalUrl: raw.trim().slice(0, LIMITS.url), note, tags, sharer: m.author, sharedAt: m.at, channelId: m.channelId });
    });
  }
  // Oldest first: the first share of a link is its original, later ones count as re-shares.
  pending.sort((a, b) => a.sharedAt.getTime() - b.sharedAt.getTime() || a.sourceKey.localeCompare(b.sourceKey));
  for (let i = 0; i < pending.length; i += 500) {
    const batch = pending.slice(i, i + 500);
    const done = await deps.sink.imported(communityId, batch.map((s) => s.sourceKey));
    if (dryRun) {
      const urls = new Set<string>();
      for (const s of batch) {
        if (done.has(s.sourceKey)) report.seen++;
        else if (urls.has(s.url)) report.merged.push(s);
        else {
          urls.add(s.url);
          report.added.push(s);
        }
      }
      continue;
    }
    for (const s of batch) {
      if (done.has(s.sourceKey)) {
        report.seen++;
        continue;
      }
      const result = await deps.sink.importShare(communityId, s);
      if (result === "seen") report.seen++;
      else report[result].push(s);
    }
  }
  return report;
};
