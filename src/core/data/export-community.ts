import { fail } from "../shared/errors";
import type { ExportFormat } from "../web/site-types";
import type { CommunityDataSource } from "./data-types";
import { EXPORT_FORMAT_NAME, EXPORT_VERSION, type ExportResource, type ExportSettings } from "./export-document";

/** Writes a chunk and resolves when the reader is ready for more (a response's or a file's backpressure). */
export type Write = (chunk: string) => Promise<void>;

/**
 * Streams a community's data: JSON holds everything needed to restore it, CSV the library for
 * spreadsheets, Markdown the library and answered questions for reading. Records are read in
 * batches and written as they come, so memory stays flat whatever the community's size.
 */
export const exportCommunity = async (source: CommunityDataSource, communityId: string, format: ExportFormat, write: Write, now: Date): Promise<void> => {
  const community = (await source.community(communityId)) ?? fail("UNKNOWN_MEMBER", `There's no community ${communityId}.`);
  if (format === "csv") return exportCsv(source, communityId, write);
  if (format === "md") return exportMarkdown(source, community.id, community.name, write, now);
  const settings: ExportSettings = {
    timeZone: community.timeZone, roundupChannel: community.roundupChannel, roundupDay: community.roundupDay, roundupHour: community.roundupHour,
    unansweredHours: community.unansweredHours, allowPostAnyway: community.allowPostAnyway, notifyModerators: community.notifyModerators,
    moderatorChannel: community.moderatorChannel, webAccess: community.webAccess, webNames: community.webNames, toneCheck: community.toneCheck,
    sourcesBy: community.sourcesBy, linkPreviews: community.linkPreviews,
  };
  await write(`{"format":${JSON.stringify(EXPORT_FORMAT_NAME)},"version":${EXPORT_VERSION},"exportedAt":${JSON.stringify(now.toISOString())},\n`);
  await write(`"community":${JSON.stringify({ platform: community.platform, externalId: community.externalId, name: community.name, settings })}`);
  const section = async (name: string, batches: AsyncIterable<string[]>) => {
    await write(`,\n${JSON.stringify(name)}:[`);
    let first = true;
    for await (const batch of batches) {
      if (!batch.length) continue;
      await write(`${first ? "\n" : ",\n"}${batch.join(",\n")}`);
      first = false;
    }
    await write("]");
  };
  const json = async function* <T>(batches: AsyncIterable<T[]>) {
    for await (const batch of batches) yield batch.map((r) => JSON.stringify(r));
  };
  await section("members", json(source.members(communityId)));
  await section("resources", source.resourceDocs?.(communityId) ?? json(source.resources(communityId)));
  await section("threads", source.threadDocs?.(communityId) ?? json(source.threads(communityId)));
  await section("roundups", json(source.roundups(communityId)));
  await section("follows", json(source.follows(communityId)));
  await section("sources", json(source.sources(communityId)));
  await section("memberFollows", json(source.memberFollows(communityId)));
  await section("sourceFollows", json(source.sourceFollows(communityId)));
  await write("\n}\n");
};

/**
 * One CSV field (RFC 4180). A cell a spreadsheet would run as a formula (=, +, -, @, tab, CR) gets
 * a leading apostrophe, so a shared note can never execute in the admin's spreadsheet.
 */
export const csvField = (value: string | number | null): string => {
  let s = value === null ? "" : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

const CSV_COLUMNS = ["title", "url", "note", "tags", "shared_by", "shared_at", "endorsements", "reshares", "channel"];

const exportCsv = async (source: CommunityDataSource, communityId: string, write: Write) => {
  const names = await memberNames(source, communityId);
  await write(`\uFEFF${CSV_COLUMNS.join(",")}\r\n`);
  for await (const batch of source.resources(communityId)) {
    if (!batch.length) continue;
    await write(batch.map((r) => [r.title ?? "", r.originalUrl, r.note, r.tags.join(" "), names.get(r.sharer) ?? r.sharer, r.createdAt, r.endorsements.length, r.reshareCount, r.channelId]
      .map(csvField).join(",") + "\r\n").join(""));
  }
};

/** Markdown text: member text cannot open a link, a heading or a table of its own. */
const mdText = (s: string) => s.replace(/([\\`*_{}[\]()#+!|<>])/g, "\\$1").replace(/\r?\n/g, " ");

const exportMarkdown = async (source: CommunityDataSource, communityId: string, name: string, write: Write, now: Date) => {
  const names = await memberNames(source, communityId);
  const who = (ref: string) => mdText(names.get(ref) ?? "a member");
  await write(`# ${mdText(name)}: library and answered questions\n\nExported by Peerloop on ${now.toISOString().slice(0, 10)}.\n\n## Library\n\n`);
  for await (const batch of source.resources(communityId)) {
    await write(batch.map((r: ExportResource) =>
      `- [${mdText(r.title ?? r.url)}](<${r.originalUrl.replace(/[<>\s]/g, encodeURIComponent)}>)${r.tags.length ? ` ${r.tags.map((t) => `#${t}`).join(" ")}` : ""} — shared by ${who(r.sharer)}, ${r.createdAt.slice(0, 10)}` +
      `${r.endorsements.length ? `, ${r.endorsements.length} endorsement${r.endorsements.length === 1 ? "" : "s"}` : ""}${r.note ? `\n  > ${mdText(r.note)}` : ""}\n`).join(""));
  }
  await write("\n## Answered questions\n\n");
  for await (const batch of source.threads(communityId)) {
    await write(batch.filter((t) => t.status === "resolved").map((t) =>
      `### ${mdText(t.text.slice(0, 200))}\n\nAsked by ${who(t.asker)} on ${t.createdAt.slice(0, 10)}; ${t.outcome === "resolved" ? "resolved" : t.outcome === "partly" ? "partly resolved" : "closed"}${t.resolvedAt ? ` on ${t.resolvedAt.slice(0, 10)}` : ""}.` +
      `${t.helpers.length ? ` Thanks to ${t.helpers.map(who).join(", ")}.` : ""}\n${t.outcomeNote ? `\n> ${mdText(t.outcomeNote)}\n` : ""}\n`).join(""));
  }
};

const memberNames = async (source: CommunityDataSource, communityId: string) => {
  const names = new Map<string, string>();
  for await (const batch of source.members(communityId)) for (const m of batch) names.set(m.ref, m.displayName);
  return names;
};
