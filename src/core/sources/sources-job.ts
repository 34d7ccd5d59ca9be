import type { Community } from "../members/member-types";
import type { NotificationService } from "../notifications/notification-service";
import { normalizeUrl } from "../resources/normalize-url";
import { followerShareMessage } from "../resources/resource-cards";
import type { Resource } from "../resources/resource-types";
import { isPeerloopError } from "../shared/errors";
import { hashtags } from "../shared/tags";
import type { Message } from "../shared/message";
import type { Repositories, Store } from "../store";
import type { JobReport } from "../jobs/job-report";
import { localDateKey } from "../jobs/periods";
import type { FeedItem, WebReader } from "./fetch-types";
import type { Source } from "./source-types";

/** How often a healthy feed is read. */
export const POLL_MS = 60 * 60_000;
/** A run holds a poll this long at most (another replica leaves the source alone meanwhile). */
const LEASE_MS = 10 * 60_000;
/** Cards a source may post in its channel a day; the rest join the library and digests quietly. */
export const CHANNEL_PER_DAY = 3;
/** Items taken from one read (newest first), and from a new source's first read (its back catalogue). */
const ITEMS_PER_POLL = 20;
const FIRST_POLL_ITEMS = 10;
/** A source failing this long (and at least this many times) is paused and its admins are told. */
export const PAUSE_AFTER_MS = 3 * 86_400_000;
const PAUSE_AFTER_FAILURES = 4;
const SOURCES_PER_RUN = 25;

/** Waits after the n-th failure in a row: an hour, doubling, at most a day. */
const backoff = (failures: number) => Math.min(POLL_MS * 2 ** Math.max(0, failures - 1), 86_400_000);

export const sourceCard = (r: Resource, source: Source): Message => ({
  title: r.title ?? r.url,
  text: `New from ${source.name}`,
  links: [{ label: r.title ?? r.url, url: r.url }],
  fields: [
    ...(r.description ? [{ label: "About", value: r.description }] : []),
    ...(r.tags.length ? [{ label: "Tags", value: hashtags(r.tags) }] : []),
    { label: "Source", value: source.name },
  ],
  buttons: [{ action: "endorse", value: r.id, label: "Endorse: used this in practice", style: "primary" }],
  tone: "info",
});

type ItemOutcome = "new" | "merged" | "moved" | "seen" | "invalid";

/**
 * Reads each due source's feed (conditionally: ETag, Last-Modified), turns new items into library
 * resources attributed to the publisher, merged with members' shares of the same link, and tells
 * followers of the source's tags and of the source. Failures back off (Retry-After first); a source
 * failing for days is paused and its admins told. Each item is taken exactly once across replicas.
 */
export const runSources = async (store: Store, reader: () => Promise<WebReader>, notifications: NotificationService, community: Community, now: Date, force: boolean): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  const repo = store.sources;
  if (!repo) return report;
  const due = await repo.due(community.id, now, force, SOURCES_PER_RUN);
  for (const source of due) {
    if (!(await repo.claimPoll(source.id, now, force, LEASE_MS))) {
      report.skipped.push(`${source.name}: another run is reading it`);
      continue;
    }
    const read = await (await reader()).readFeed(source.feedUrl, { etag: source.etag, lastModified: source.lastModified });
    if (!read.ok) {
      await failed(store, community, source, now, read.message, read.retryAfterMs, report);
      continue;
    }
    if (read.notModified) {
      await repo.update(community.id, source.id, { pollingUntil: null, lastPolledAt: now, nextPollAt: new Date(now.getTime() + POLL_MS), failures: 0, failingSince: null, lastError: null, etag: read.etag, lastModified: read.lastModified });
      report.skipped.push(`${source.name}: not modified since the last read`);
      continue;
    }
    const first = source.lastPolledAt === null;
    const items = [...read.feed.items]
      .sort((a, b) => (b.publishedAt?.getTime() ?? 0) - (a.publishedAt?.getTime() ?? 0))
      .slice(0, first ? FIRST_POLL_ITEMS : ITEMS_PER_POLL);
    const today = localDateKey(now, community.timeZone);
    let postedToday = source.postedDay === today ? source.postedCount : 0;
    const counts: Record<ItemOutcome, number> = { new: 0, merged: 0, moved: 0, seen: 0, invalid: 0 };
    // Oldest first, so the channel's few cards a day are in publishing order.
    for (const item of items.reverse()) {
      const post = !first && postedToday < CHANNEL_PER_DAY && source.channelId !== null;
      const outcome = await takeItem(store, notifications, community, source, item, now, { post, announce: !first });
      counts[outcome]++;
      if (outcome === "new" && post) postedToday++;
    }
    await repo.update(community.id, source.id, {
      pollingUntil: null, lastPolledAt: now, nextPollAt: new Date(now.getTime() + POLL_MS), failures: 0, failingSince: null, lastError: null,
      etag: read.etag, lastModified: read.lastModified, postedDay: today, postedCount: postedToday,
    });
    report.posted.push(`${source.name}: ${counts.new} new${first ? " (first read: added quietly)" : ""}, ${counts.merged} merged with members' shares, ${counts.moved} moved, ${counts.seen} already seen` +
      (counts.invalid ? `, ${counts.invalid} without a usable link` : ""));
  }
  return report;
};

/** One feed item, in one transaction: seen once, a resource once, its card and notifications with it. */
const takeItem = async (store: Store, notifications: NotificationService, community: Community, source: Source, item: FeedItem, now: Date,
  opts: { post: boolean; announce: boolean }): Promise<ItemOutcome> => {
  let url: string;
  try {
    url = normalizeUrl(item.url);
  } catch (error) {
    if (isPeerloopError(error)) return "invalid";
    throw error;
  }
  return store.transaction(async (tx) => {
    const repo = tx.sources!;
    const seen = await repo.seenResource(source.id, item.guid);
    if (seen !== undefined) {
      // The same item at a new address (a moved page): the library follows it rather than keeping a dead link.
      if (seen && (await tx.resources.moveUrl(community.id, seen, url, item.url))) return "moved";
      return "seen";
    }
    const existing = await tx.resources.findByUrl(community.id, url);
    if (existing) {
      await tx.resources.mergeFromSource(community.id, existing.id, source.id, source.tags);
      await tx.tags.touch(community.id, source.tags, now);
      return (await repo.markSeen(source.id, item.guid, existing.id, now)) ? "merged" : "seen";
    }
    const publisher = await repo.publisher(source);
    const resource = await tx.resources.create({
      communityId: community.id, url, originalUrl: item.url, title: item.title, note: null, tags: source.tags, sharerId: publisher.id,
      channelId: source.channelId, createdAt: now, guardOverride: false, description: item.summary, siteName: source.name, previewAt: now, sourceId: source.id,
    });
    // Another replica took the same item a moment ago: roll this one back.
    if (!(await repo.markSeen(source.id, item.guid, resource.id, now))) throw new SeenMeanwhile();
    await tx.tags.touch(community.id, source.tags, now);
    if (opts.announce) await announce(tx, notifications, community, source, resource, publisher.id, now, opts.post);
    return "new";
  }).catch((error) => {
    if (error instanceof SeenMeanwhile) return "seen" as const;
    throw error;
  });
};

class SeenMeanwhile extends Error {}

const announce = async (tx: Repositories, notifications: NotificationService, community: Community, source: Source, resource: Resource, publisherId: string, now: Date, post: boolean) => {
  const dms = await notifications.announce(tx, community, {
    kind: "resource", refId: resource.id, tags: resource.tags, authorId: publisherId, sourceId: source.id,
    summary: `${source.name} published ${resource.title ?? resource.url} ${resource.url}`,
    message: followerShareMessage(resource, source.name), title: resource.title ?? undefined,
  }, now);
  await tx.jobs.enqueue([
    ...dms.map((d) => ({ communityId: community.id, dedupeKey: `source-item:${resource.id}:dm:${d.to.kind === "member" ? d.to.memberId : ""}`, audience: d.to, message: d.message, at: now })),
    ...(post && source.channelId
      ? [{ communityId: community.id, dedupeKey: `source-item:${resource.id}:card`, audience: { kind: "post" as const, channelId: source.channelId }, message: sourceCard(resource, source), at: now }]
      : []),
  ]);
};

const failed = async (store: Store, community: Community, source: Source, now: Date, reason: string, retryAfterMs: number | undefined, report: JobReport) => {
  const failures = source.failures + 1;
  const failingSince = source.failingSince ?? now;
  const wait = Math.max(backoff(failures), retryAfterMs ?? 0);
  const pause = failures >= PAUSE_AFTER_FAILURES && now.getTime() - failingSince.getTime() >= PAUSE_AFTER_MS;
  await store.transaction(async (tx) => {
    await tx.sources!.update(community.id, source.id, {
      pollingUntil: null, lastPolledAt: source.lastPolledAt, failures, failingSince, lastError: reason.slice(0, 300),
      nextPollAt: new Date(now.getTime() + wait), ...(pause ? { pausedAt: now } : {}),
    });
    if (pause) await tellAdmins(tx, community, source, reason, now);
  });
  report.skipped.push(pause
    ? `${source.name}: paused after failing since ${failingSince.toISOString().slice(0, 10)} (${reason}); its admins were told`
    : `${source.name}: failed (${reason}); next try in ${Math.round(wait / 60_000)} min`);
};

/** The member who added a paused source and the community's admins, each once, in a direct message. */
const tellAdmins = async (tx: Repositories, community: Community, source: Source, reason: string, now: Date) => {
  const adder = await tx.members.get(community.id, source.addedBy);
  const admins = await tx.members.admins(community.id);
  const people = [...new Map([...(adder ? [adder] : []), ...admins].map((m) => [m.id, m])).values()];
  const message: Message = {
    title: `Source paused: ${source.name}`,
    text: `Peerloop could not read ${source.name}'s feed for ${Math.round(PAUSE_AFTER_MS / 86_400_000)} days (${reason}), so it stopped trying. ` +
      `If the site moved its feed, add the new address with /source add; to try this one again, /source add ${source.feedUrl}; or /source remove ${source.name}.`,
    links: [{ label: "The feed", url: source.feedUrl }],
    tone: "warning",
  };
  await tx.jobs.enqueue(people.map((m) => ({
    communityId: community.id, dedupeKey: `source-paused:${source.id}:${now.toISOString().slice(0, 10)}:${m.id}`,
    audience: { kind: "member" as const, memberId: m.id, externalId: m.externalId }, message, at: now,
  })));
};
