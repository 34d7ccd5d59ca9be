import { randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import { discordExportMessages, discordGuildOf, isDiscordExport } from "../adapters/import/discord-export";
import { ArchiveError, readJsonFiles } from "../adapters/import/read-archive";
import { isSlackExport, slackExportMessages } from "../adapters/import/slack-export";
import { exportDocument } from "../core/data/export-document";
import { importHistory, type HistoryMessage, type ImportReport } from "../core/data/import-history";
import type { Community } from "../core/members/member-types";
import { CommunityArgError, findCommunity, withContainer } from "./community-arg";
import { runCli } from "./run-cli";
import { countOf } from "../core/shared/plural";

const USAGE = `Usage: npm run import -- --community <id or platform:id> [--dry-run] [--name "Community name"] <file>
  <file>: a Slack workspace export (the .zip, or its unpacked folder), a Discord channel export (JSON),
          or a Peerloop export (npm run export -- --format json) to restore.`;

/** Settings of a community that does not exist yet (a dry run's stand-in). */
const EMPTY_COMMUNITY: Omit<Community, "id" | "platform" | "externalId" | "name"> = {
  timeZone: "UTC", roundupChannel: null, roundupDay: 1, roundupHour: 9, unansweredHours: 24, allowPostAnyway: true,
  notifyModerators: false, moderatorChannel: null, webAccess: "members", webNames: "full", toneCheck: "on", sourcesBy: "admins", linkPreviews: true,
};

const day = (d: Date) => d.toISOString().slice(0, 10);

const printReport = (r: ImportReport, dryRun: boolean) => {
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const verb = dryRun ? "Would add" : "Added";
  out(`${verb} ${r.added.length} link${r.added.length === 1 ? "" : "s"} to the library; ${dryRun ? "would count" : "counted"} ${r.merged.length} as re-shares of links already there; ${r.seen} already imported before.`);
  for (const s of r.added.slice(0, dryRun ? 1000 : 50)) out(`  + ${s.url}  (${s.sharer.displayName}, ${day(s.sharedAt)}${s.tags.length ? `, ${s.tags.map((t) => `#${t}`).join(" ")}` : ""})`);
  if (!dryRun && r.added.length > 50) out(`  … and ${r.added.length - 50} more`);
  if (r.flagged.length) {
    out(`Held back by the confidentiality guard, never stored (${r.flagged.length}): share them again in chat without the client's details.`);
    for (const f of r.flagged) out(`  ! ${f.key}  ${f.author}, ${day(f.at)}: ${f.kinds.join(", ")}`);
  }
  if (r.invalid.length) {
    out(`Skipped, not a link the library can hold (${r.invalid.length}):`);
    for (const i of r.invalid.slice(0, 50)) out(`  - ${i.url}: ${i.reason}`);
  }
};

/** Which kind of file this is, read once. */
const identify = (files: Map<string, string>): { kind: "slack" } | { kind: "discord"; doc: unknown } | { kind: "peerloop"; doc: unknown } | { kind: "unknown"; why: string } => {
  if (isSlackExport(files)) return { kind: "slack" };
  if (files.size !== 1) return { kind: "unknown", why: "it holds several JSON files but no Slack channels.json/users.json beside channel folders" };
  let doc: unknown;
  try {
    doc = JSON.parse([...files.values()][0]!);
  } catch (e) {
    return { kind: "unknown", why: `it is not valid JSON (${(e as Error).message})` };
  }
  if (typeof doc === "object" && doc !== null && (doc as { format?: unknown }).format === "peerloop-export") return { kind: "peerloop", doc };
  if (isDiscordExport(doc)) return { kind: "discord", doc };
  return { kind: "unknown", why: "it is JSON, but neither a Discord channel export (guild, channel, messages) nor a Peerloop export" };
};

/** The platform a file's member ids belong to must be the community's: ids are how shares are attributed. */
const samePlatform = (community: Community, platform: "slack" | "discord") => {
  if (community.platform !== platform && community.platform !== "shell") {
    throw new CommunityArgError(`This is a ${platform} export, but ${community.name} is a ${community.platform} community: its members' ids would not match.`);
  }
};

runCli(async () => {
  let parsed: { values: { community?: string; "dry-run"?: boolean; name?: string; help?: boolean }; positionals: string[] };
  try {
    parsed = parseArgs({ options: { community: { type: "string" }, "dry-run": { type: "boolean" }, name: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  if (!values.community || positionals.length !== 1) {
    process.stderr.write(`${!values.community ? "--community is required." : positionals.length ? `Give one file, not ${positionals.length}.` : "Give the file to import."}\n${USAGE}\n`);
    return 2;
  }
  const dryRun = Boolean(values["dry-run"]);
  let files: Map<string, string>;
  try {
    files = await readJsonFiles(positionals[0]!);
  } catch (error) {
    if (error instanceof ArchiveError) return void process.stderr.write(`${error.message}\n`), 2;
    throw error;
  }
  const kind = identify(files);
  if (kind.kind === "unknown") {
    process.stderr.write(`${positionals[0]} can't be imported: ${kind.why}.\n${USAGE}\n`);
    return 2;
  }
  return withContainer(async (container) => {
    const community = await findCommunity(container.store, values.community!, { create: dryRun ? undefined : { name: values.name } }).catch((error: unknown) => {
      // A dry run into a community that an import would create: report against an empty one, create nothing.
      const [platform, ...rest] = values.community!.split(":");
      if (!dryRun || !(error instanceof CommunityArgError) || !["slack", "discord", "shell"].includes(platform!) || !rest.length) throw error;
      process.stdout.write(`${values.community} does not exist yet: the import would create it.\n`);
      return { ...EMPTY_COMMUNITY, id: randomUUID(), platform: platform as Community["platform"], externalId: rest.join(":"), name: values.name ?? rest.join(":") };
    });
    if (kind.kind === "peerloop") {
      const doc = exportDocument.safeParse(kind.doc);
      if (!doc.success) {
        process.stderr.write(`${positionals[0]} is a Peerloop export that can't be read: ${doc.error.issues.slice(0, 5).map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}\n`);
        return 2;
      }
      const d = doc.data;
      if (dryRun) {
        process.stdout.write(`Would restore into ${community.name}: ${d.members.length} members, ${d.resources.length} resources, ${d.threads.length} questions, ${d.roundups.length} roundups, ${d.follows.length} follows, and the settings (records already there are kept).\n`);
        return 0;
      }
      const counts = await container.data.restore(community.id, d);
      process.stdout.write(`Restored into ${community.name}: ${countOf(counts.members, "member")}, ${countOf(counts.resources, "resource")}, ${countOf(counts.threads, "question")}, ${countOf(counts.roundups, "roundup")}, ${countOf(counts.follows, "follow")}, ${countOf(counts.sources, "source")}, and the settings. Records already there were kept.\n`);
      return 0;
    }
    let messages: Iterable<HistoryMessage>;
    if (kind.kind === "slack") {
      samePlatform(community, "slack");
      messages = slackExportMessages(files);
    } else {
      samePlatform(community, "discord");
      const doc = kind.doc as Parameters<typeof discordExportMessages>[0];
      const guild = discordGuildOf(doc);
      if (community.platform === "discord" && guild && guild !== community.externalId) {
        throw new CommunityArgError(`This export is of Discord server ${guild}, not of ${community.name} (${community.externalId}).`);
      }
      messages = discordExportMessages(doc);
    }
    await container.loadDetectors();
    const report = await importHistory({ sink: container.data, guard: container.guard }, community.id, messages, dryRun);
    process.stdout.write(`${dryRun ? "Dry run: nothing is written. " : ""}Import into ${community.name} (${community.platform}) from ${kind.kind === "slack" ? "a Slack workspace export" : "a Discord channel export"}.\n`);
    printReport(report, dryRun);
    return 0;
  });
});
