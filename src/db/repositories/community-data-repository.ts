import type { MemberDataSource, MemberExport } from "../../core/data/member-export";
import type { Community } from "../../core/members/member-types";
import type { CommunityDataSink, CommunityDataSource, HistoricalShare, RestoreCounts } from "../../core/data/data-types";
import type { ExportDocument, ExportFollow, ExportMember, ExportMemberFollow, ExportResource, ExportRoundup, ExportSource, ExportSourceFollow, ExportThread } from "../../core/data/export-document";
import type { PrismaDb } from "../open-database";
import { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";
import { issueOf } from "./site-repository";

const BATCH = 500;
const BIG_BATCH = 2_000;
/**
 * A timestamp in the JSON PostgreSQL builds, in UTC with a Z like the rest of the export ("2026-11-30T02:08:53.599Z";
 * whole seconds have no fraction). to_json of the UTC time costs next to nothing; to_char cost a third of the threads' time.
 */
const utc = (column: string) => Prisma.raw(`(to_json(${column} AT TIME ZONE 'UTC') #>> '{}') || 'Z'`);

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
export class PrismaCommunityData implements CommunityDataSource, CommunityDataSink, MemberDataSource {
  constructor(private readonly prisma: PrismaDb, private readonly bulkQuery?: <T>(text: string, values: unknown[]) => Promise<T[]>) {}

  community(id: string): Promise<Community | null> {
    return this.prisma.community.findUnique({ where: { id } });
  }

  /** The community's longest-standing admin still known, for links made on the command line. */
  firstAdmin(communityId: string) {
    return this.prisma.member.findFirst({ where: { communityId, isAdmin: true, forgottenAt: null }, orderBy: { createdAt: "asc" } });
  }

  /** One member's own data, email address and phone number included (their export only). */
  async memberData(communityId: string, memberId: string, now: Date): Promise<MemberExport | null> {
    const [m, community] = await Promise.all([this.prisma.member.findFirst({ where: { communityId, id: memberId, forgottenAt: null } }), this.prisma.community.findUnique({ where: { id: communityId } })]);
    if (!m || !community) return null;
    const [email, phones, tags, people, sources, resources, questions, replies] = await Promise.all([
      this.prisma.memberEmail.findFirst({ where: { communityId, memberId } }),
      this.prisma.$queryRaw<{ e164: string; status: string; frequency: string; confirmed_at: Date | null }[]>`SELECT e164, status, frequency, confirmed_at FROM member_phones WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid`,
      this.prisma.subscription.findMany({ where: { communityId, memberId }, select: { tag: true }, orderBy: { tag: "asc" } }),
      this.prisma.$queryRaw<{ name: string }[]>`SELECT m.display_name AS name FROM member_follows f JOIN members m ON m.community_id = f.community_id AND m.id = f.followee_id WHERE f.community_id = ${communityId}::uuid AND f.follower_id = ${memberId}::uuid ORDER BY 1`,
      this.prisma.$queryRaw<{ name: string }[]>`SELECT s.name FROM source_follows f JOIN sources s ON s.id = f.source_id WHERE f.member_id = ${memberId}::uuid AND s.community_id = ${communityId}::uuid ORDER BY 1`,
      this.prisma.resource.findMany({ where: { communityId, sharerId: memberId }, orderBy: { createdAt: "asc" }, select: { url: true, title: true, note: true, tags: true, createdAt: true } }),
      this.prisma.thread.findMany({ where: { communityId, askerId: memberId }, orderBy: { createdAt: "asc" }, select: { id: true, text: true, kind: true, tags: true, status: true, createdAt: true } }),
      this.prisma.reply.findMany({ where: { communityId, authorId: memberId, deletedAt: null }, orderBy: { createdAt: "asc" }, select: { text: true, threadId: true, createdAt: true } }),
    ]);
    const phone = phones[0];
    return {
      format: "peerloop-member-export", version: 1, exportedAt: now.toISOString(), community: community.name,
      member: { ref: m.externalId, displayName: m.displayName, isAdmin: m.isAdmin, notify: m.notify, timeZone: m.timeZone, quietStart: m.quietStart, quietEnd: m.quietEnd, followable: m.followable, listed: m.listed, joinedAt: m.createdAt.toISOString() },
      email: email ? { address: email.address, confirmed: email.confirmedAt !== null, frequency: email.frequency, roundup: email.roundup } : null,
      phone: phone ? { number: phone.e164, status: phone.status, texts: phone.frequency, confirmedAt: phone.confirmed_at?.toISOString() ?? null } : null,
      follows: { tags: tags.map((t) => t.tag), people: people.map((p) => p.name), sources: sources.map((s) => s.name) },
      resources: resources.map((r) => ({ url: r.url, title: r.title, note: r.note, tags: r.tags, sharedAt: r.createdAt.toISOString() })),
      questions: questions.map((q) => ({ text: q.text, kind: q.kind, tags: q.tags, status: q.status, askedAt: q.createdAt.toISOString() })),
      replies: replies.map((r) => ({ text: r.text, question: r.threadId, repliedAt: r.createdAt.toISOString() })),
    };
  }

  async *members(communityId: string): AsyncIterable<ExportMember[]> {
    for await (const rows of pages((after) => this.prisma.member.findMany({ where: { communityId, ...afterWhere(after) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: BATCH }))) {
      yield rows.map((m) => ({
        ref: m.externalId, displayName: m.displayName, isAdmin: m.isAdmin, notify: m.notify, timeZone: m.timeZone, quietStart: m.quietStart, quietEnd: m.quietEnd,
        forgotten: m.forgottenAt !== null, followable: m.followable, listed: m.listed, createdAt: m.createdAt.toISOString(),
      }));
    }
  }

  /**
   * Resources and threads are the big tables (hundreds of thousands of rows, millions of replies): each
   * batch is one statement that builds the export's JSON in PostgreSQL (a row per record, its
   * endorsements or replies aggregated beside it), keyset-paged on (created_at, id).
   */
  async *resources(communityId: string): AsyncIterable<ExportResource[]> {
    for await (const docs of this.resourceDocs(communityId)) yield docs.map((d) => JSON.parse(d) as ExportResource);
  }

  async *threads(communityId: string): AsyncIterable<ExportThread[]> {
    for await (const docs of this.threadDocs(communityId)) yield docs.map((d) => JSON.parse(d) as ExportThread);
  }

  resourceDocs(communityId: string): AsyncIterable<string[]> {
    return this.jsonPages(communityId, "resources", (within) => Prisma.sql`
      WITH page AS MATERIALIZED (
        SELECT r.* FROM resources r
        WHERE r.community_id = ${communityId}::uuid ${within(Prisma.raw("r"))}
        ORDER BY r.created_at, r.id LIMIT ${BIG_BATCH}),
      ends AS (
        SELECT e.resource_id, json_agg(json_build_object('member', em.external_id, 'createdAt', ${utc("e.created_at")}) ORDER BY e.created_at, e.member_id) AS j
        FROM endorsements e JOIN members em ON em.id = e.member_id WHERE e.resource_id IN (SELECT id FROM page) GROUP BY e.resource_id)
      SELECT r.created_at, r.id, json_build_object(
        'url', r.url, 'originalUrl', r.original_url, 'title', r.title, 'note', r.note, 'tags', r.tags, 'sharer', m.external_id,
        'channelId', r.channel_id, 'messageRef', r.message_ref, 'reshareCount', r.reshare_count, 'guardOverride', r.guard_override,
        'description', r.description, 'siteName', r.site_name, 'source', r.source_id,
        'createdAt', ${utc("r.created_at")}, 'endorsements', COALESCE(ends.j, '[]'::json)
      )::text AS doc
      FROM page r JOIN members m ON m.id = r.sharer_id LEFT JOIN ends ON ends.resource_id = r.id
      ORDER BY r.created_at, r.id`);
  }

  threadDocs(communityId: string): AsyncIterable<string[]> {
    // A page of threads first, then its replies and helpers in one grouped read each (hash joins, not a
    // lookup per thread): a third less time on a community with millions of replies.
    return this.jsonPages(communityId, "threads", (within) => Prisma.sql`
      WITH page AS MATERIALIZED (
        SELECT t.* FROM threads t
        WHERE t.community_id = ${communityId}::uuid ${within(Prisma.raw("t"))}
        ORDER BY t.created_at, t.id LIMIT ${BIG_BATCH}),
      reps AS (
        SELECT p.thread_id, json_agg(json_build_object(
            'author', am.external_id, 'platformMessageId', p.platform_message_id, 'channelId', p.channel_id, 'text', p.text, 'isFollowUp', p.is_follow_up,
            'createdAt', ${utc("p.created_at")}, 'editedAt', ${utc("p.edited_at")}, 'deletedAt', ${utc("p.deleted_at")}) ORDER BY p.created_at, p.id) AS j
        FROM replies p JOIN members am ON am.id = p.author_id WHERE p.thread_id IN (SELECT id FROM page) GROUP BY p.thread_id),
      helps AS (
        SELECT h.thread_id, json_agg(hm.external_id ORDER BY hm.external_id) AS j
        FROM thread_helpers h JOIN members hm ON hm.id = h.member_id WHERE h.thread_id IN (SELECT id FROM page) GROUP BY h.thread_id)
      SELECT t.created_at, t.id, json_build_object(
        'ref', t.id, 'kind', t.kind, 'text', t.text, 'tags', t.tags, 'asker', m.external_id, 'status', t.status, 'outcome', t.outcome,
        'outcomeNote', t.outcome_note, 'resolvedAt', ${utc("t.resolved_at")}, 'channelId', t.channel_id, 'messageRef', t.message_ref,
        'threadRef', t.thread_ref, 'guardOverride', t.guard_override, 'createdAt', ${utc("t.created_at")},
        'helpers', COALESCE(helps.j, '[]'::json), 'replies', COALESCE(reps.j, '[]'::json)
      )::text AS doc
      FROM page t JOIN members m ON m.id = t.asker_id LEFT JOIN reps ON reps.thread_id = t.id LEFT JOIN helps ON helps.thread_id = t.id
      ORDER BY t.created_at, t.id`);
  }

  /**
   * Pages of JSON documents of a big table. On PostgreSQL the community's rows are split at the median
   * date into two ranges read at once on two connections (the database's work is most of the export's
   * time), each already reading its next page while this one is written. Pages come in the order they
   * are ready: within a range by date, the ranges interleaved.
   */
  private async *jsonPages(communityId: string, table: "resources" | "threads", query: (within: (alias: Prisma.Sql) => Prisma.Sql) => Prisma.Sql): AsyncIterable<string[]> {
    type Row = { created_at: Date; id: string; doc: string };
    type Key = { createdAt: Date; id: string };
    const run = (sql: Prisma.Sql): Promise<Row[]> => (this.bulkQuery ? this.bulkQuery<Row>(sql.text, sql.values) : this.prisma.$queryRaw<Row[]>(sql));
    const fetch = (after: Key | null, from: Date | null, to: Date | null) => run(query((a) => Prisma.sql`
      ${after ? Prisma.sql`AND (${a}.created_at, ${a}.id) > (${after.createdAt}::timestamptz, ${after.id}::uuid)` : Prisma.empty}
      ${from ? Prisma.sql`AND ${a}.created_at >= ${from}::timestamptz` : Prisma.empty}
      ${to ? Prisma.sql`AND ${a}.created_at < ${to}::timestamptz` : Prisma.empty}`));
    const ranges: [Date | null, Date | null][] = [[null, null]];
    if (this.bulkQuery) {
      const [mid] = await this.bulkQuery<{ mid: Date | null; n: string }>(
        `SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY created_at) AS mid, count(*) AS n FROM ${table} WHERE community_id = $1::uuid`, [communityId]);
      if (mid?.mid && Number(mid.n) > 4 * BIG_BATCH) ranges.splice(0, 1, [null, new Date(mid.mid)], [new Date(mid.mid), null]);
    }
    type Stream = { from: Date | null; to: Date | null; next: Promise<{ stream: Stream; rows: Row[] }> };
    const start = (stream: Omit<Stream, "next">, after: Key | null): Stream => {
      const s = stream as Stream;
      s.next = fetch(after, s.from, s.to).then((rows) => ({ stream: s, rows }));
      return s;
    };
    const live = new Set(ranges.map(([from, to]) => start({ from, to }, null)));
    while (live.size) {
      const { stream, rows } = await Promise.race([...live].map((s) => s.next));
      const last = rows[rows.length - 1];
      if (last && rows.length === BIG_BATCH) start(stream, { createdAt: new Date(last.created_at), id: last.id });
      else live.delete(stream);
      if (rows.length) yield rows.map((r) => r.doc);
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

  async *sources(communityId: string): AsyncIterable<ExportSource[]> {
    const rows = await this.prisma.source.findMany({ where: { communityId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], take: 10_000 });
    const adders = new Map((await this.prisma.member.findMany({ where: { communityId, id: { in: rows.map((r) => r.addedBy) } }, select: { id: true, externalId: true } })).map((m) => [m.id, m.externalId]));
    yield rows.flatMap((s) => (adders.has(s.addedBy) ? [{
      ref: s.id, name: s.name, siteUrl: s.siteUrl, feedUrl: s.feedUrl, tags: s.tags, addedBy: adders.get(s.addedBy)!, channelId: s.channelId,
      pausedAt: s.pausedAt?.toISOString() ?? null, createdAt: s.createdAt.toISOString(),
    }] : []));
  }

  async *memberFollows(communityId: string): AsyncIterable<ExportMemberFollow[]> {
    const rows = await this.prisma.$queryRaw<{ follower: string; followee: string; created_at: Date }[]>`
      SELECT a.external_id AS follower, b.external_id AS followee, f.created_at FROM member_follows f
      JOIN members a ON a.id = f.follower_id JOIN members b ON b.id = f.followee_id
      WHERE f.community_id = ${communityId}::uuid ORDER BY f.created_at, f.follower_id, f.followee_id`;
    for (let i = 0; i < rows.length; i += BATCH) {
      yield rows.slice(i, i + BATCH).map((f) => ({ follower: f.follower, followee: f.followee, createdAt: new Date(f.created_at).toISOString() }));
    }
  }

  async *sourceFollows(communityId: string): AsyncIterable<ExportSourceFollow[]> {
    const rows = await this.prisma.$queryRaw<{ member: string; source_id: string; created_at: Date }[]>`
      SELECT m.external_id AS member, f.source_id, f.created_at FROM source_follows f
      JOIN sources s ON s.id = f.source_id JOIN members m ON m.id = f.member_id
      WHERE s.community_id = ${communityId}::uuid ORDER BY f.created_at, f.member_id, f.source_id`;
    for (let i = 0; i < rows.length; i += BATCH) {
      yield rows.slice(i, i + BATCH).map((f) => ({ member: f.member, source: f.source_id, createdAt: new Date(f.created_at).toISOString() }));
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
    const counts: RestoreCounts = { members: 0, resources: 0, threads: 0, roundups: 0, follows: 0, sources: 0 };
    const timeout = 60_000 + (doc.resources.length + doc.threads.length) * 20;
    await this.prisma.$transaction(async (tx) => {
      await tx.community.update({ where: { id: communityId }, data: doc.community.settings });
      const ids = new Map<string, string>();
      // Publishers already here (restored before, under new ids): their identity is "source:<the id here>".
      const here = new Map<string, string>();
      for (const src of doc.sources) {
        const existing = await tx.source.findUnique({ where: { communityId_feedUrl: { communityId, feedUrl: src.feedUrl } }, select: { id: true } });
        if (existing) here.set(`source:${src.ref}`, `source:${existing.id}`);
      }
      for (const m of doc.members) {
        const existing = await tx.member.findUnique({ where: { communityId_externalId: { communityId, externalId: here.get(m.ref) ?? m.ref } } });
        if (existing) {
          ids.set(m.ref, existing.id);
          continue;
        }
        const row = await tx.member.create({
          data: {
            communityId, externalId: m.ref, displayName: m.displayName, isAdmin: m.isAdmin, notify: m.notify, timeZone: m.timeZone,
            quietStart: m.quietStart, quietEnd: m.quietEnd, forgottenAt: m.forgotten ? new Date(m.createdAt) : null, createdAt: new Date(m.createdAt),
            followable: m.followable, listed: m.listed,
          },
        });
        ids.set(m.ref, row.id);
        counts.members++;
      }
      const member = (ref: string) => ids.get(ref) ?? (() => { throw new Error(`the export refers to a member "${ref}" it does not list`); })();
      // Publishers keep their id where it is free (a fresh database), so their identity ("source:<id>") still
      // matches; a copy beside the original gets new ids, and its publishers' identities follow.
      const sourceIds = new Map<string, string>();
      for (const src of doc.sources) {
        const existing = await tx.source.findUnique({ where: { communityId_feedUrl: { communityId, feedUrl: src.feedUrl } }, select: { id: true } });
        if (existing) {
          sourceIds.set(src.ref, existing.id);
          continue;
        }
        const free = /^[0-9a-f-]{36}$/i.test(src.ref) && !(await tx.source.findUnique({ where: { id: src.ref }, select: { id: true } }));
        const row = await tx.source.create({
          data: {
            ...(free ? { id: src.ref } : {}), communityId, name: src.name, siteUrl: src.siteUrl, feedUrl: src.feedUrl, tags: src.tags, addedBy: member(src.addedBy),
            channelId: src.channelId, pausedAt: src.pausedAt ? new Date(src.pausedAt) : null, createdAt: new Date(src.createdAt), nextPollAt: new Date(src.createdAt),
          },
        });
        sourceIds.set(src.ref, row.id);
        const publisher = ids.get(`source:${src.ref}`);
        if (publisher) {
          await tx.member.update({ where: { id: publisher }, data: { sourceId: row.id, externalId: `source:${row.id}`, followable: false, listed: false } });
          ids.set(`source:${row.id}`, publisher);
        }
        counts.sources++;
      }
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
            messageRef: r.messageRef, reshareCount: r.reshareCount, endorsementCount: r.endorsements.length, guardOverride: r.guardOverride, createdAt: new Date(r.createdAt),
            description: r.description, siteName: r.siteName, sourceId: r.source ? (sourceIds.get(r.source) ?? null) : null,
            previewAt: r.description || r.siteName ? new Date(r.createdAt) : null,
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
            resolvedAt: t.resolvedAt ? new Date(t.resolvedAt) : null, channelId: t.channelId, messageRef: t.messageRef, threadRef: t.threadRef, guardOverride: t.guardOverride, createdAt,
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
      for (const f of doc.memberFollows) {
        counts.follows += await tx.$executeRaw`
          INSERT INTO member_follows (community_id, follower_id, followee_id, created_at)
          VALUES (${communityId}::uuid, ${member(f.follower)}::uuid, ${member(f.followee)}::uuid, ${new Date(f.createdAt)}) ON CONFLICT DO NOTHING`;
      }
      for (const f of doc.sourceFollows.filter((x) => sourceIds.has(x.source))) {
        counts.follows += await tx.$executeRaw`
          INSERT INTO source_follows (member_id, source_id, created_at) VALUES (${member(f.member)}::uuid, ${sourceIds.get(f.source)!}::uuid, ${new Date(f.createdAt)}) ON CONFLICT DO NOTHING`;
      }
    }, { timeout, maxWait: 10_000 });
    return counts;
  }
}

const touchTags = async (db: Db, communityId: string, tags: string[], at: Date) => {
  if (tags.length) await db.tag.createMany({ data: tags.map((name) => ({ communityId, name, createdAt: at })), skipDuplicates: true });
};
