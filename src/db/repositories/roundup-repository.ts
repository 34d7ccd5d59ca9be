import type { FeedbackLoop, RoundupIssue, RoundupRepository, WeekActivity, WeekCounts } from "../../core/roundups/roundup-types";
import type { Thread } from "../../core/threads/thread-types";
import type { Db } from "../db-types";
import { PrismaRelatedRepository } from "./related-repository";

/** The roundup's queries; each is scoped by community and bounded by the window's indexes. */
export class PrismaRoundupRepository implements RoundupRepository {
  constructor(private readonly db: Db) {}

  async saveIssue(issue: RoundupIssue): Promise<void> {
    const { communityId, period, from, to, channelId, ...content } = issue;
    await this.db.roundupIssue.upsert({
      where: { communityId_period: { communityId, period } },
      create: { communityId, period, fromAt: from, toAt: to, channelId, content: content as object },
      update: {},
    });
  }

  async activity(communityId: string, from: Date, to: Date, limit: number): Promise<WeekActivity> {
    const inWindow = { gte: from, lt: to };
    const [resources, resolved, open, helpers, tags, channels] = await Promise.all([
      this.db.resource.findMany({
        where: { communityId, createdAt: inWindow }, include: { sharer: { select: { displayName: true } } },
        orderBy: [{ endorsementCount: "desc" }, { createdAt: "asc" }], take: limit,
      }),
      this.db.thread.findMany({
        where: { communityId, status: "resolved", resolvedAt: inWindow },
        include: { asker: { select: { displayName: true } }, helpers: { include: { member: { select: { displayName: true } } } } },
        orderBy: { resolvedAt: "asc" }, take: limit,
      }),
      this.db.thread.findMany({
        where: { communityId, status: "open", createdAt: { lt: to } }, include: { asker: { select: { displayName: true } } },
        orderBy: { createdAt: "asc" }, take: limit,
      }),
      // Count first, then look up only the top helpers' names (by primary key).
      this.db.$queryRaw<{ member_id: string; name: string; replies: bigint }[]>`
        SELECT a.author_id AS member_id, m.display_name AS name, a.replies FROM (
          SELECT author_id, count(*) AS replies FROM replies
          WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to} AND NOT is_follow_up AND deleted_at IS NULL
          GROUP BY author_id ORDER BY count(*) DESC, author_id LIMIT ${limit}) a
        JOIN members m ON m.id = a.author_id
        ORDER BY a.replies DESC, m.display_name`,
      this.db.$queryRaw<{ tag: string; count: bigint }[]>`
        SELECT tag, count(*) AS count FROM (
          SELECT unnest(tags) AS tag FROM resources WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}
          UNION ALL
          SELECT unnest(tags) FROM threads WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}
        ) t GROUP BY tag ORDER BY count(*) DESC, tag LIMIT 5`,
      this.db.$queryRaw<{ channel_id: string }[]>`
        SELECT channel_id FROM (
          SELECT channel_id FROM resources WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}
          UNION ALL
          SELECT channel_id FROM threads WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}
          UNION ALL
          SELECT channel_id FROM replies WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND created_at < ${to}
        ) a WHERE channel_id IS NOT NULL GROUP BY channel_id ORDER BY count(*) DESC, channel_id LIMIT 1`,
    ]);
    const plain = <T extends { asker: { displayName: string } }>(t: T) => {
      const { asker, ...rest } = t;
      return { ...(rest as unknown as Thread), askerName: asker.displayName };
    };
    return {
      resources: resources.map(({ sharer, ...r }) => ({ ...r, sharerName: sharer.displayName })),
      resolved: resolved.map((t) => ({ ...plain(t), helperNames: t.helpers.map((h) => h.member.displayName) })),
      open: open.map(plain),
      helpers: helpers.map((h) => ({ memberId: h.member_id, name: h.name, replies: Number(h.replies) })),
      tags: tags.map((t) => ({ tag: t.tag, count: Number(t.count) })),
      busiestChannel: channels[0]?.channel_id ?? null,
    };
  }

  /** Answered means a reply from someone other than the asker that is not deleted (as community health counts it). */
  async feedbackLoop(communityId: string, from: Date, to: Date): Promise<FeedbackLoop> {
    const [r] = await this.db.$queryRaw<{ asked: number; answered: number; median: number | null }[]>`
      SELECT count(*)::int AS asked, count(f.first_at)::int AS answered,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM f.first_at - t.created_at) / 60) FILTER (WHERE f.first_at IS NOT NULL) AS median
      FROM threads t LEFT JOIN LATERAL (
        SELECT min(x.created_at) AS first_at FROM replies x WHERE x.thread_id = t.id AND NOT x.is_follow_up AND x.deleted_at IS NULL AND x.author_id <> t.asker_id
      ) f ON TRUE
      WHERE t.community_id = ${communityId}::uuid AND t.created_at >= ${from} AND t.created_at < ${to}`;
    return { asked: r?.asked ?? 0, answered: r?.answered ?? 0, medianFirstReplyMinutes: r?.median === null || r?.median === undefined ? null : Math.round(Number(r.median)) };
  }

  async counts(communityId: string, from: Date, to: Date): Promise<WeekCounts> {
    const inWindow = { gte: from, lt: to };
    const [resources, questions, resolved, replies, reused] = await Promise.all([
      this.db.resource.count({ where: { communityId, createdAt: inWindow } }),
      this.db.thread.count({ where: { communityId, createdAt: inWindow } }),
      this.db.thread.count({ where: { communityId, resolvedAt: inWindow } }),
      this.db.reply.count({ where: { communityId, createdAt: inWindow, isFollowUp: false, deletedAt: null } }),
      new PrismaRelatedRepository(this.db).reusesBetween(communityId, from, to),
    ]);
    return { resources, questions, resolved, replies, ...(reused ? { reused } : {}) };
  }
}
