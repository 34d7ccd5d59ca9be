import type { Community } from "../../core/members/member-types";
import type { CommunityDataSink, CommunityDataSource, HistoricalShare, RestoreCounts } from "../../core/data/data-types";
import type { ExportDocument, ExportFollow, ExportMember, ExportResource, ExportRoundup, ExportThread } from "../../core/data/export-document";
import type { PrismaDb } from "../open-database";
import type { Db } from "../db-types";
import { issueOf } from "./site-repository";

const BATCH = 500;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** Keyset pages over (created_at, id): every batch is one indexed range read, whatever the offset. */
async function* pages<T extends { createdAt: Date; id: string }>(fetch: (after: { createdAt: Date; id: string } | null) => Promise<T[]>): AsyncIterable<T[]> {
  let after: { createdAt: Date; id: string } | null = null;
  for (;;) {
    const rows: T[] = await fetch(after);
    if (!rows.length) return;
    yield rows;
    if (rows.length < BATCH) return;
    const last: T = rows[rows.length - 1]!;
    after = { createdAt: last.createdAt, id: last.id };
  }
}
const afterWhere = (after: { createdAt: Date; id: string } | null) =>
  after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {};

/** The export's reader and the imports' writer on Prisma. */
export class PrismaCommunityData implements CommunityDataSource, CommunityDataSink {
  constructor(private readonly prisma: PrismaDb) {}

  community(id: string): Promise<Community | null> {
    return this.prisma.community.findUnique({ where: { id } });
  }

  /** The community's longest-standing admin still known, for links made on the command line. */
  firstAdmin(communityId: string) {
    return this.prisma.member.findFirst({ where: { communityId, isAdmin: true, forgottenAt: null }, orderBy: { createdAt: "asc" } });
  }

  async *members(communityId: string): AsyncIterable<ExportMember[]> {
    for await (const rows of pages((after) => this.prisma.member.findMany({ where: { communityId, ...afterWhere(after) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH }))) {
      yield rows.map((m) => ({
        ref: m.externalId, displayName: m.displayName, isAdmin: m.isAdmin, notify: m.notify, timeZone: m.timeZone, quietStart: m.quietStart, quietEnd: m.quietEnd,
        forgotten: m.forgottenAt !== null, createdAt: m.createdAt.toISOString(),
      }));
    }
  }

  async *resources(communityId: string): AsyncIterable<ExportResource[]> {
    for await (const rows of pages((after) => this.prisma.resource.findMany({
      where: { communityId, ...afterWhere(after) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH,
      select: {
        id: true, url: true, originalUrl: true, title: true, note: true, tags: true, channelId: true, messageRef: true, reshareCount: true, createdAt: true,
        sharer: { select: { externalId: true } }, endorsements: { select: { createdAt: true, member: { select: { externalId: true } } }, orderBy: [{ createdAt: "asc" }, { memberId: "asc" }] },
      },
    }))) {
      yield rows.map((r) => ({
        url: r.url, originalUrl: r.originalUrl, title: r.title, note: r.note, tags: r.tags, sharer: r.sharer.externalId, channelId: r.channelId, messageRef: r.messageRef,
        reshareCount: r.reshareCount, createdAt: r.createdAt.toISOString(),
        endorsements: r.endorsements.map((e) => ({ member: e.member.externalId, createdAt: e.createdAt.toISOString() })),
      }));
    }
  }

  async *threads(communityId: string): AsyncIterable<ExportThread[]> {
    for await (const rows of pages((after) => this.prisma.thread.findMany({
      where: { communityId, ...afterWhere(after) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH,
      include: {
        asker: { select: { externalId: true } }, helpers: { select: { member: { select: { externalId: true } } } },
        replies: { include: { author: { select: { externalId: true } } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
      },
    }))) {
      yield rows.map((t) => ({
        ref: t.id, kind: t.kind, text: t.text, tags: t.tags, asker: t.asker.externalId, status: t.status, outcome: t.outcome, outcomeNote: t.outcomeNote,
        resolvedAt: iso(t.resolvedAt), channelId: t.channelId, messageRef: t.messageRef, threadRef: t.threadRef, createdAt: t.createdAt.toISOString(),
        helpers: t.helpers.map((h) => h.member.externalId).sort(),
        replies: t.replies.map((r) => ({
          author: r.author.externalId, platformMessageId: r.platformMessageId, channelId: r.channelId, text: r.text, isFollowUp: r.isFollowUp,
          createdAt: r.createdAt.toISOString(), editedAt: iso(r.editedAt), deletedAt: iso(r.deletedAt),
        })),
      }));
    }
  }

  async *roundups(communityId: string): AsyncIterable<ExportRoundup[]> {
    const rows = await this.prisma.roundupIssue.findMany({ where: { communityId }, orderBy: { toAt: "asc" } });
    for (let i = 0; i < rows.length; i += BATCH) {
      const issues = rows.slice(i, i + BATCH).map(issueOf);
      const resourceIds = [...new Set(issues.flatMap((x) => x.resourceIds))];
      const memberIds = [...new Set(issues.flatMap((x) => x.helpers.map((h) => h.memberId)))];
      const [urls, members] = await Promise.all([
        this.prisma.resource.findMany({ where: { communityId, id: { in: resourceIds } }, select: { id: true, url: true } }),
        this.prisma.member.findMany({ where: { communityId, id: { in: memberIds } }, select: { id: true, externalId: true } }),
      ]);
      const url = new Map(urls.map((r) => [r.id, r.url]));
      const ref = new Map(members.map((m) => [m.id, m.externalId]));
      yield issues.map((x) => ({
        period: x.period, from: x.from.toISOString(), to: x.to.toISOString(), channelId: x.channelId, counts: x.counts, previous: x.previous,
        resources: x.resourceIds.flatMap((id) => url.get(id) ?? []), resolved: x.resolvedIds, open: x.openIds,
        helpers: x.helpers.flatMap((h) => (ref.has(h.memberId) ? [{ member: ref.get(h.memberId)!, replies: h.replies }] : [])), tags: x.tags,
      }));
    }
  }

  async *follows(communityId: string): AsyncIterable<ExportFollow[]> {
    const rows = await this.prisma.subscription.findMany({ where: { communityId }, include: { member: { select: { externalId: true } } }, orderBy: [{ createdAt: "asc" }, { tag: "asc" }] });
    for (let i = 0; i < rows.length; i += BATCH) {
      yield rows.slice(i, i + BATCH).map((s) => ({ member: s.member.externalId, tag: s.tag, createdAt: s.createdAt.toISOString() }));
    }
  }

  async imported(communityId: string, keys: string[]): Promise<Set<string>> {
    const rows = await this.prisma.importMark.findMany({ where: { communityId, sourceKey: { in: keys } }, select: { sourceKey: true } });
    return new Set(rows.map((r) => r.sourceKey));
  }

  async importShare(communityId: string, s: HistoricalShare): Promise<"added" | "merged" | "seen"> {
    return this.prisma.$transaction(async (tx) => {
      const marked = await tx.$executeRaw`INSERT INTO import_marks (community_id, source_key) VALUES (${communityId}::uuid, ${s.sourceKey}) ON CONFLICT DO NOTHING`;
      if (marked === 0) return "seen";
      const sharer = await tx.member.upsert({
        where: { communityId_externalId: { communityId, externalId: s.sharer.externalId } },
        create: { communityId, externalId: s.sharer.externalId, displayName: s.sharer.displayName, createdAt: s.sharedAt },
        update: {},
      });
      await touchTags(tx, communityId, s.tags, s.sharedAt);
      const existing = await tx.resource.findUnique({ where: { communityId_url: { communityId, url: s.url } } });
      if (!existing) {
        await tx.resource.create({ data: { communityId, url: s.url, originalUrl: s.originalUrl, note: s.note, tags: s.tags, sharerId: sharer.id, channelId: s.channelId, createdAt: s.sharedAt } });
        return "added";
      }
      // The earliest share is the original: an older one from history takes over the credit and the date.
      const older = s.sharedAt < existing.createdAt;
      await tx.resource.update({
        where: { id: existing.id },
        data: {
          reshareCount: { increment: 1 },
          tags: [...new Set([...existing.tags, ...s.tags])].sort().slice(0, 10),
          ...(older ? { sharerId: sharer.id, createdAt: s.sharedAt, originalUrl: s.originalUrl, note: existing.note ?? s.note } : { note: existing.note ?? s.note }),
        },
      });
      return "merged";
    }, { timeout: 30_000, maxWait: 10_000 });
  }

  async restore(communityId: string, doc: ExportDocument): Promise<RestoreCounts> {
    const counts: RestoreCounts = { members: 0, resources: 0, threads: 0, roundups: 0, follows: 0 };
    const timeout = 60_000 + (doc.resources.length + doc.threads.length) * 20;
    await this.prisma.$transaction(async (tx) => {
      await tx.community.update({ where: { id: communityId }, data: doc.community.settings });
      const ids = new Map<string, string>();
      for (const m of doc.members) {
        const existing = await tx.member.findUnique({ where: { communityId_externalId: { communityId, externalId: m.ref } } });
        if (existing) {
          ids.set(m.ref, existing.id);
          continue;
        }
        const row = await tx.member.create({
          data: {
            communityId, externalId: m.ref, displayName: m.displayName, isAdmin: m.isAdmin, notify: m.notify, timeZone: m.timeZone,
            quietStart: m.quietStart, quietEnd: m.quietEnd, forgottenAt: m.forgotten ? new Date(m.createdAt) : null, createdAt: new Date(m.createdAt),
          },
        });
        ids.set(m.ref, row.id);
        counts.members++;
      }
      const member = (ref: string) => ids.get(ref) ?? (() => { throw new Error(`the export refers to a member "${ref}" it does not list`); })();
      const resourceIds = new Map<string, string>();
      for (const r of doc.resources) {
        const existing = await tx.resource.findUnique({ where: { communityId_url: { communityId, url: r.url } }, select: { id: true } });
        if (existing) {
          resourceIds.set(r.url, existing.id);
          continue;
        }
        const row = await tx.resource.create({
          data: {
            communityId, url: r.url, originalUrl: r.originalUrl, title: r.title, note: r.note, tags: r.tags, sharerId: member(r.sharer), channelId: r.channelId,
            messageRef: r.messageRef, reshareCount: r.reshareCount, endorsementCount: r.endorsements.length, createdAt: new Date(r.createdAt),
          },
        });
        resourceIds.set(r.url, row.id);
        if (r.endorsements.length) {
          await tx.endorsement.createMany({ data: r.endorsements.map((e) => ({ resourceId: row.id, memberId: member(e.member), createdAt: new Date(e.createdAt) })), skipDuplicates: true });
        }
        await touchTags(tx, communityId, r.tags, new Date(r.createdAt));
        counts.resources++;
      }
      const threadIds = new Map<string, string>();
      for (const t of doc.threads) {
        const askerId = member(t.asker);
        const createdAt = new Date(t.createdAt);
        const existing = await tx.thread.findFirst({ where: { communityId, askerId, createdAt, text: t.text }, select: { id: true } });
        if (existing) {
          threadIds.set(t.ref, existing.id);
          continue;
        }
        const replies = t.replies.filter((r) => !r.isFollowUp && !r.deletedAt);
        const row = await tx.thread.create({
          data: {
            communityId, kind: t.kind, text: t.text, tags: t.tags, askerId, status: t.status, outcome: t.outcome, outcomeNote: t.outcomeNote,
            resolvedAt: t.resolvedAt ? new Date(t.resolvedAt) : null, channelId: t.channelId, messageRef: t.messageRef, threadRef: t.threadRef, createdAt,
            replyCount: replies.length, firstReplyAt: replies[0] ? new Date(replies[0].createdAt) : null,
          },
        });
        threadIds.set(t.ref, row.id);
        if (t.helpers.length) await tx.threadHelper.createMany({ data: t.helpers.map((h) => ({ threadId: row.id, memberId: member(h) })), skipDuplicates: true });
        if (t.replies.length) {
          await tx.reply.createMany({
            data: t.replies.map((r) => ({
              communityId, threadId: row.id, authorId: member(r.author), platformMessageId: r.platformMessageId, channelId: r.channelId, text: r.text,
              isFollowUp: r.isFollowUp, createdAt: new Date(r.createdAt), editedAt: r.editedAt ? new Date(r.editedAt) : null, deletedAt: r.deletedAt ? new Date(r.deletedAt) : null,
            })),
            skipDuplicates: true,
          });
        }
        await touchTags(tx, communityId, t.tags, createdAt);
        counts.threads++;
      }
      for (const r of doc.roundups) {
        const content = {
          counts: r.counts, previous: r.previous, tags: r.tags,
          resourceIds: r.resources.flatMap((u) => resourceIds.get(u) ?? []),
          resolvedIds: r.resolved.flatMap((ref) => threadIds.get(ref) ?? []),
          openIds: r.open.flatMap((ref) => threadIds.get(ref) ?? []),
          helpers: r.helpers.flatMap((h) => (ids.has(h.member) ? [{ memberId: ids.get(h.member)!, replies: h.replies }] : [])),
        };
        const created = await tx.roundupIssue.createMany({
          data: [{ communityId, period: r.period, fromAt: new Date(r.from), toAt: new Date(r.to), channelId: r.channelId, content }], skipDuplicates: true,
        });
        counts.roundups += created.count;
      }
      if (doc.follows.length) {
        const created = await tx.subscription.createMany({ data: doc.follows.map((f) => ({ communityId, memberId: member(f.member), tag: f.tag, createdAt: new Date(f.createdAt) })), skipDuplicates: true });
        counts.follows = created.count;
      }
    }, { timeout, maxWait: 10_000 });
    return counts;
  }
}

const touchTags = async (db: Db, communityId: string, tags: string[], at: Date) => {
  if (tags.length) await db.tag.createMany({ data: tags.map((name) => ({ communityId, name, createdAt: at })), skipDuplicates: true });
};
