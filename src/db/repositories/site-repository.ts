import type { Community } from "../../core/members/member-types";
import type { ResourceHit } from "../../core/resources/resource-types";
import type { RoundupIssue, WeekCounts } from "../../core/roundups/roundup-types";
import type { Thread, ThreadStatus } from "../../core/threads/thread-types";
import { COUNT_CAP, type ArchivedThread, type LibraryPage, type LibraryQuery, type ReplyView, type SecretRepository, type SiteRepository } from "../../core/web/site-types";
import { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";
import { fromRaw, searchTsQuery, type RawHit } from "./resource-repository";

/** A relevance search ranks (and counts) the newest this many matches, as /resources does. */
const RANKED = 500;

const withSharer = { sharer: { select: { displayName: true } } } as const;
const threadInclude = { asker: { select: { displayName: true } }, helpers: { include: { member: { select: { displayName: true } } } } } as const;

type ThreadRow = Thread & { asker: { displayName: string }; helpers: { member: { displayName: string } }[] };
const archived = ({ asker, helpers, ...t }: ThreadRow): ArchivedThread => ({ ...t, askerName: asker.displayName, helperNames: helpers.map((h) => h.member.displayName) });
const hit = ({ sharer, ...r }: ResourceHit & { sharer: { displayName: string } } | (Omit<ResourceHit, "sharerName"> & { sharer: { displayName: string } })): ResourceHit => ({ ...r, sharerName: sharer.displayName });

/** The web's read side on Prisma. Every query is scoped by community and bounded. */
export class PrismaSiteRepository implements SiteRepository {
  constructor(private readonly db: Db) {}

  /**
   * One page of the library. A search by relevance ranks the newest RANKED matches, like /resources,
   * and counts them in the same statement; the other orders walk an index and count up to COUNT_CAP
   * beside it, at the same time.
   */
  async library(communityId: string, q: LibraryQuery): Promise<LibraryPage> {
    const tsquery = await searchTsQuery(this.db, q.text);
    const where = Prisma.sql`r.community_id = ${communityId}::uuid AND NOT r.guard_override
      ${q.tags.length ? Prisma.sql`AND r.tags @> ${q.tags}::text[]` : Prisma.empty}
      ${q.broken ? Prisma.sql`AND r.link_status = 'broken'` : Prisma.empty}
      ${tsquery ? Prisma.sql`AND r.search @@ ${tsquery.match}::tsquery` : Prisma.empty}`;
    const columns = Prisma.sql`r.id, r.community_id, r.url, r.original_url, r.title, r.note, r.tags, r.sharer_id, r.channel_id, r.message_ref,
      r.reshare_count, r.endorsement_count, r.created_at, r.description, r.site_name, r.link_status`;
    if (q.sort === "relevance" && tsquery) {
      const boost = Prisma.sql`(1 + ln(1 + r.endorsement_count)) / (1 + extract(epoch FROM (${q.now}::timestamptz - r.created_at)) / 2592000.0)`;
      const rows = await this.db.$queryRaw<(RawHit & { n: bigint })[]>`
        WITH candidates AS MATERIALIZED (SELECT r.id FROM resources r WHERE ${where} ORDER BY r.created_at DESC LIMIT ${RANKED})
        SELECT r.*, m.display_name AS sharer_name FROM (
          SELECT ${columns}, ts_rank(r.search, ${tsquery.rank}::tsquery) * ${boost} * (CASE WHEN r.link_status = 'broken' THEN 0.2 ELSE 1 END) AS score, count(*) OVER () AS n
          FROM candidates c JOIN resources r ON r.id = c.id
          ORDER BY score DESC, r.created_at DESC OFFSET ${q.offset} LIMIT ${q.limit}) r
        JOIN members m ON m.id = r.sharer_id
        ORDER BY r.score DESC, r.created_at DESC`;
      const total = rows.length ? Number(rows[0]!.n) : q.offset ? await this.count(where, RANKED) : 0;
      return { hits: rows.map(fromRaw), total, capped: total >= RANKED };
    }
    const order = q.sort === "endorsed" ? Prisma.sql`r.endorsement_count DESC, r.created_at DESC` : Prisma.sql`r.created_at DESC`;
    const [total, rows] = await Promise.all([
      this.count(where, COUNT_CAP + 1),
      this.db.$queryRaw<RawHit[]>`
        SELECT r.*, m.display_name AS sharer_name FROM (SELECT ${columns} FROM resources r WHERE ${where} ORDER BY ${order} OFFSET ${q.offset} LIMIT ${q.limit}) r
        JOIN members m ON m.id = r.sharer_id ORDER BY ${order}`,
    ]);
    return { hits: rows.map(fromRaw), total: Math.min(total, COUNT_CAP), capped: total > COUNT_CAP };
  }

  private async count(where: Prisma.Sql, cap: number): Promise<number> {
    const counted = await this.db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM (SELECT 1 FROM resources r WHERE ${where} LIMIT ${cap}) x`;
    return Number(counted[0]?.n ?? 0);
  }

  async resource(communityId: string, id: string): Promise<ResourceHit | null> {
    const r = await this.db.resource.findFirst({ where: { communityId, id, guardOverride: false }, include: withSharer });
    return r ? hit(r) : null;
  }

  async threads(communityId: string, status: ThreadStatus, offset: number, limit: number) {
    const where = { communityId, status, guardOverride: false };
    const [rows, total] = await Promise.all([
      this.db.thread.findMany({ where, include: threadInclude, orderBy: status === "resolved" ? [{ resolvedAt: "desc" }, { id: "asc" }] : [{ createdAt: "desc" }, { id: "asc" }], skip: offset, take: limit }),
      this.db.thread.count({ where }),
    ]);
    return { threads: rows.map((t) => archived(t as ThreadRow)), total };
  }

  async thread(communityId: string, id: string) {
    const t = await this.db.thread.findFirst({
      where: { communityId, id, guardOverride: false },
      include: { ...threadInclude, replies: { where: { deletedAt: null, text: { not: null } }, include: { author: { select: { displayName: true } } }, orderBy: { createdAt: "asc" }, take: 200 } },
    });
    if (!t) return null;
    const replies: ReplyView[] = t.replies.map((r) => ({ authorName: r.author.displayName, text: r.text!, createdAt: r.createdAt }));
    const { replies: _, ...rest } = t;
    return { ...archived(rest as ThreadRow), replies };
  }

  async roundupIssues(communityId: string, offset: number, limit: number): Promise<RoundupIssue[]> {
    const rows = await this.db.roundupIssue.findMany({ where: { communityId }, orderBy: { toAt: "desc" }, skip: offset, take: limit });
    return rows.map(issueOf);
  }

  async roundupIssue(communityId: string, period: string): Promise<RoundupIssue | null> {
    const row = await this.db.roundupIssue.findUnique({ where: { communityId_period: { communityId, period } } });
    return row ? issueOf(row) : null;
  }

  async resourcesByIds(communityId: string, ids: string[]): Promise<ResourceHit[]> {
    if (!ids.length) return [];
    const rows = await this.db.resource.findMany({ where: { communityId, id: { in: ids }, guardOverride: false }, include: withSharer });
    const byId = new Map(rows.map((r) => [r.id, hit(r)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async threadsByIds(communityId: string, ids: string[]): Promise<ArchivedThread[]> {
    if (!ids.length) return [];
    const rows = await this.db.thread.findMany({ where: { communityId, id: { in: ids }, guardOverride: false }, include: threadInclude });
    const byId = new Map(rows.map((t) => [t.id, archived(t as ThreadRow)]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  }

  async memberNames(communityId: string, ids: string[]): Promise<Map<string, string>> {
    const rows = ids.length ? await this.db.member.findMany({ where: { communityId, id: { in: ids } }, select: { id: true, displayName: true } }) : [];
    return new Map(rows.map((m) => [m.id, m.displayName]));
  }

  async tags(communityId: string, limit: number): Promise<string[]> {
    const rows = await this.db.tag.findMany({ where: { communityId }, orderBy: { name: "asc" }, take: limit, select: { name: true } });
    return rows.map((t) => t.name);
  }

  async activeMember(communityId: string, memberId: string) {
    return this.db.member.findFirst({ where: { communityId, id: memberId, forgottenAt: null }, select: { displayName: true, isAdmin: true } });
  }

  community(id: string): Promise<Community | null> {
    return this.db.community.findUnique({ where: { id } });
  }
}

interface IssueRow { communityId: string; period: string; fromAt: Date; toAt: Date; channelId: string | null; content: unknown }
const EMPTY: WeekCounts = { resources: 0, questions: 0, resolved: 0, replies: 0 };
export const issueOf = (row: IssueRow): RoundupIssue => {
  const c = (row.content ?? {}) as Partial<RoundupIssue>;
  return {
    communityId: row.communityId, period: row.period, from: row.fromAt, to: row.toAt, channelId: row.channelId,
    counts: c.counts ?? EMPTY, previous: c.previous ?? EMPTY, resourceIds: c.resourceIds ?? [], resolvedIds: c.resolvedIds ?? [],
    openIds: c.openIds ?? [], helpers: c.helpers ?? [], tags: c.tags ?? [],
  };
};

/** One row per key; the first replica to create it wins and every other reads the same value. */
export class PrismaSecrets implements SecretRepository {
  constructor(private readonly db: Db) {}

  async getOrCreate(key: string, make: () => string): Promise<string> {
    await this.db.$executeRaw`INSERT INTO app_secrets (key, value) VALUES (${key}, ${make()}) ON CONFLICT (key) DO NOTHING`;
    const row = await this.db.appSecret.findUniqueOrThrow({ where: { key } });
    return row.value;
  }
}
