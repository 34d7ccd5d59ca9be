import { Prisma } from "../generated/client.ts";
import type { HealthFigures, HealthQuery, HealthRepository, HelperLoad, WeekPoint } from "../../core/health/health-types";
import type { Db } from "../db-types";

const DAY_MS = 86_400_000;
/** Questions asked this recently are re-read on every run (replies and resolutions arrive for weeks). */
const RECENT_DAYS = 100;
/** Backlog age buckets, in days: [label, from, to). */
const BUCKETS: [string, number, number][] = [["under a day", 0, 1], ["1-3 days", 1, 3], ["3-7 days", 3, 7], ["1-4 weeks", 7, 28], ["older", 28, 1e6]];

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 1000 : null);
const minutes = (v: number | null) => (v === null || v === undefined ? null : Math.round(Number(v)));
const n = (v: unknown) => Number(v ?? 0);

/**
 * The rollups behind the community-health figures and the queries over them; SQL only. A question's
 * facts are refreshed from its replies by the health job, so a figure reads one row per question and
 * never the replies.
 */
export class PrismaHealthRepository implements HealthRepository {
  constructor(private readonly db: Db) {}

  async refreshedAt(communityId: string): Promise<Date | null> {
    const [r] = await this.db.$queryRaw<{ refreshed_at: Date }[]>`SELECT refreshed_at FROM health_state WHERE community_id = ${communityId}::uuid`;
    return r?.refreshed_at ?? null;
  }

  async refresh(communityId: string, timeZone: string, now: Date) {
    const since = await this.refreshedAt(communityId);
    // Questions: all the first time; then the recent ones, and older ones with a reply, an edit, a
    // deletion, a resolution, a surfacing or a nudge since the last run.
    const which = since === null ? Prisma.sql`TRUE` : Prisma.sql`(t.created_at >= ${new Date(now.getTime() - RECENT_DAYS * DAY_MS)}
        OR t.resolved_at >= ${since} OR t.last_surfaced_at >= ${since} OR t.nudged_at >= ${since}
        OR t.id IN (SELECT thread_id FROM replies WHERE community_id = ${communityId}::uuid AND (created_at >= ${since} OR deleted_at >= ${since} OR edited_at >= ${since})))`;
    const questions = await this.db.$executeRaw`
      INSERT INTO health_threads (thread_id, community_id, created_at, tags, asker_id, first_reply_at, resolved_at, surfaced_at, nudged_at, helpers, refreshed_at)
      SELECT t.id, t.community_id, t.created_at, t.tags, t.asker_id, r.first_at, CASE WHEN t.status = 'resolved' THEN t.resolved_at END,
             s.first_at, t.nudged_at, coalesce(r.helpers, '{}'), ${now}
      FROM threads t
      LEFT JOIN LATERAL (
        SELECT min(x.created_at) AS first_at, array_agg(DISTINCT x.author_id) AS helpers FROM replies x
        WHERE x.thread_id = t.id AND NOT x.is_follow_up AND x.deleted_at IS NULL AND x.author_id <> t.asker_id
      ) r ON TRUE
      LEFT JOIN LATERAL (SELECT min(surfaced_at) AS first_at FROM thread_surfacings WHERE thread_id = t.id) s ON TRUE
      WHERE t.community_id = ${communityId}::uuid AND ${which}
      ON CONFLICT (thread_id) DO UPDATE SET tags = EXCLUDED.tags, first_reply_at = EXCLUDED.first_reply_at, resolved_at = EXCLUDED.resolved_at,
        surfaced_at = EXCLUDED.surfaced_at, nudged_at = EXCLUDED.nudged_at, helpers = EXCLUDED.helpers, refreshed_at = EXCLUDED.refreshed_at`;
    // Activity by local day: every day the first time, then from the day before the last run on.
    const from = since === null ? new Date(0) : new Date(since.getTime() - DAY_MS);
    const local = (col: string) => Prisma.sql`(${Prisma.raw(col)} AT TIME ZONE ${timeZone})::date`;
    await this.db.$executeRaw`DELETE FROM health_activity WHERE community_id = ${communityId}::uuid AND day >= (${from}::timestamptz AT TIME ZONE ${timeZone})::date`;
    const days = await this.db.$executeRaw`
      INSERT INTO health_activity (community_id, day, member_id, posts, answers, endorsements)
      SELECT ${communityId}::uuid, day, member_id, sum(posts), sum(answers), sum(endorsements) FROM (
        SELECT ${local("created_at")} AS day, asker_id AS member_id, 1 AS posts, 0 AS answers, 0 AS endorsements
          FROM threads WHERE community_id = ${communityId}::uuid AND created_at >= ${from}
        UNION ALL SELECT ${local("created_at")}, sharer_id, 1, 0, 0
          FROM resources WHERE community_id = ${communityId}::uuid AND created_at >= ${from}
        UNION ALL SELECT ${local("created_at")}, author_id, CASE WHEN is_follow_up THEN 1 ELSE 0 END, CASE WHEN is_follow_up THEN 0 ELSE 1 END, 0
          FROM replies WHERE community_id = ${communityId}::uuid AND created_at >= ${from} AND deleted_at IS NULL
        UNION ALL SELECT ${local("e.created_at")}, e.member_id, 0, 0, 1
          FROM endorsements e JOIN resources r ON r.id = e.resource_id WHERE r.community_id = ${communityId}::uuid AND e.created_at >= ${from}
      ) a
      WHERE (day >= (${from}::timestamptz AT TIME ZONE ${timeZone})::date)
      GROUP BY day, member_id`;
    await this.db.$executeRaw`
      INSERT INTO health_state (community_id, backfilled_at, refreshed_at) VALUES (${communityId}::uuid, ${now}, ${now})
      ON CONFLICT (community_id) DO UPDATE SET refreshed_at = EXCLUDED.refreshed_at`;
    return { questions, days, backfilled: since === null };
  }

  async savedFigures(communityId: string, asOf: Date, days: number, tag: string, previous: boolean): Promise<HealthFigures | null> {
    const [r] = await this.db.$queryRaw<{ report: HealthFigures }[]>`SELECT report FROM health_reports
      WHERE community_id = ${communityId}::uuid AND as_of = ${asOf} AND days = ${days} AND tag = ${tag} AND previous = ${previous}`;
    return r?.report ?? null;
  }

  async saveFigures(communityId: string, asOf: Date, days: number, tag: string, previous: boolean, figures: HealthFigures): Promise<void> {
    await this.db.$executeRaw`DELETE FROM health_reports WHERE community_id = ${communityId}::uuid AND as_of < ${asOf}`;
    await this.db.$executeRaw`INSERT INTO health_reports (community_id, as_of, days, tag, previous, report)
      VALUES (${communityId}::uuid, ${asOf}, ${days}, ${tag}, ${previous}, ${JSON.stringify(figures)}::jsonb) ON CONFLICT DO NOTHING`;
  }

  async countWebOpen(communityId: string, day: string): Promise<void> {
    await this.db.$executeRaw`INSERT INTO health_web_opens (community_id, day, opens) VALUES (${communityId}::uuid, ${day}::date, 1)
      ON CONFLICT (community_id, day) DO UPDATE SET opens = health_web_opens.opens + 1`;
  }

  async figures(q: HealthQuery, timeZone: string): Promise<HealthFigures> {
    const to = q.to, from = new Date(to.getTime() - q.days * DAY_MS);
    const c = Prisma.sql`${q.communityId}::uuid`;
    const tagged = (col: string) => (q.tag ? Prisma.sql`AND ${Prisma.raw(col)} @> ARRAY[${q.tag}]::text[]` : Prisma.empty);
    const day24 = new Date(to.getTime() - DAY_MS);
    const [questions, helpers, weekly, backlog, library, members, routed] = await Promise.all([
      this.db.$queryRaw<Record<string, number | null>[]>`
        SELECT count(*) AS asked,
          count(*) FILTER (WHERE first_reply_at IS NOT NULL) AS answered,
          count(*) FILTER (WHERE resolved_at IS NOT NULL) AS resolved,
          count(*) FILTER (WHERE created_at <= ${day24}) AS eligible24,
          count(*) FILTER (WHERE created_at <= ${day24} AND first_reply_at <= created_at + interval '24 hours') AS within24,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at) / 60) FILTER (WHERE first_reply_at IS NOT NULL) AS median,
          percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at) / 60) FILTER (WHERE first_reply_at IS NOT NULL) AS p90,
          count(*) FILTER (WHERE surfaced_at IS NOT NULL) AS surfaced,
          count(*) FILTER (WHERE surfaced_at IS NOT NULL AND first_reply_at >= surfaced_at AND first_reply_at <= surfaced_at + interval '48 hours') AS surfaced_answered,
          count(*) FILTER (WHERE nudged_at IS NOT NULL) AS nudged,
          count(*) FILTER (WHERE nudged_at IS NOT NULL AND resolved_at >= nudged_at) AS nudged_resolved
        FROM health_threads WHERE community_id = ${c} AND created_at >= ${from} AND created_at < ${to} ${tagged("tags")}`,
      this.db.$queryRaw<{ member_id: string; answers: number; name: string; listed: boolean; forgotten: boolean }[]>`
        SELECT h.member_id, h.answers, m.display_name AS name, m.listed, m.forgotten_at IS NOT NULL AS forgotten FROM (
          SELECT helper AS member_id, count(*)::int AS answers FROM health_threads, unnest(helpers) AS helper
          WHERE community_id = ${c} AND created_at >= ${from} AND created_at < ${to} ${tagged("tags")}
          GROUP BY helper
        ) h JOIN members m ON m.community_id = ${c} AND m.id = h.member_id
        ORDER BY h.answers DESC, m.created_at, m.id`,
      this.db.$queryRaw<{ week: Date; asked: number; answered: number; resolved: number; median: number | null }[]>`
        SELECT date_trunc('week', created_at AT TIME ZONE ${timeZone})::date AS week, count(*)::int AS asked,
          count(*) FILTER (WHERE first_reply_at IS NOT NULL)::int AS answered, count(*) FILTER (WHERE resolved_at IS NOT NULL)::int AS resolved,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at) / 60) FILTER (WHERE first_reply_at IS NOT NULL) AS median
        FROM health_threads WHERE community_id = ${c} AND created_at >= ${from} AND created_at < ${to} ${tagged("tags")}
        GROUP BY 1 ORDER BY 1`,
      this.db.$queryRaw<{ age: number; count: number }[]>`
        SELECT width_bucket(extract(epoch FROM ${to}::timestamptz - created_at) / 86400, ARRAY[1, 3, 7, 28]::float8[]) AS age, count(*)::int AS count
        FROM threads WHERE community_id = ${c} AND status = 'open' AND created_at < ${to} ${tagged("tags")} GROUP BY 1`,
      this.db.$queryRaw<Record<string, number>[]>`
        SELECT
          (SELECT count(*) FROM resources WHERE community_id = ${c} AND created_at >= ${from} AND created_at < ${to} ${tagged("tags")})::int AS shares,
          (SELECT count(*) FROM endorsements e JOIN resources r ON r.id = e.resource_id
            WHERE e.created_at >= ${from} AND e.created_at < ${to} AND r.community_id = ${c} ${tagged("r.tags")})::int AS endorsements,
          (SELECT coalesce(sum(opens), 0) FROM health_web_opens WHERE community_id = ${c}
            AND day >= (${from}::timestamptz AT TIME ZONE ${timeZone})::date AND day <= (${to}::timestamptz AT TIME ZONE ${timeZone})::date)::int AS web_opens,
          (SELECT count(*) FROM resources WHERE community_id = ${c} AND link_status = 'broken' ${tagged("tags")})::int AS broken,
          (SELECT count(*) FROM answer_reuses u WHERE u.community_id = ${c} AND u.created_at >= ${from} AND u.created_at < ${to}
            ${q.tag ? Prisma.sql`AND (EXISTS (SELECT 1 FROM threads t WHERE t.id = u.thread_id AND t.tags @> ARRAY[${q.tag}]::text[]) OR EXISTS (SELECT 1 FROM resources r WHERE r.id = u.resource_id AND r.tags @> ARRAY[${q.tag}]::text[]))` : Prisma.empty})::int AS reused,
          (SELECT count(*) FROM related_suggestions s WHERE s.community_id = ${c} AND s.created_at >= ${from} AND s.created_at < ${to})::int AS suggested,
          (SELECT count(*) FROM related_suggestions s WHERE s.community_id = ${c} AND s.created_at >= ${from} AND s.created_at < ${to} AND s.choice = 'yes')::int AS suggestion_yes,
          (SELECT count(*) FROM related_suggestions s WHERE s.community_id = ${c} AND s.created_at >= ${from} AND s.created_at < ${to} AND s.choice = 'no')::int AS suggestion_no`,
      this.db.$queryRaw<Record<string, number>[]>`
        WITH people AS (SELECT id FROM members WHERE community_id = ${c} AND forgotten_at IS NULL AND source_id IS NULL)
        SELECT
          (SELECT count(DISTINCT a.member_id) FROM health_activity a JOIN people p ON p.id = a.member_id
            WHERE a.community_id = ${c} AND a.day > ((${to}::timestamptz - interval '7 days') AT TIME ZONE ${timeZone})::date
              AND a.day <= (${to}::timestamptz AT TIME ZONE ${timeZone})::date)::int AS active,
          (SELECT count(*) FROM members m JOIN people p ON p.id = m.id WHERE m.created_at >= ${from} AND m.created_at < ${to})::int AS joined,
          (SELECT count(*) FROM people p WHERE EXISTS (SELECT 1 FROM subscriptions s WHERE s.community_id = ${c} AND s.member_id = p.id)
            AND NOT EXISTS (SELECT 1 FROM health_activity a WHERE a.community_id = ${c} AND a.member_id = p.id
              AND a.day >= (${from}::timestamptz AT TIME ZONE ${timeZone})::date AND a.day <= (${to}::timestamptz AT TIME ZONE ${timeZone})::date))::int AS quiet,
          (SELECT count(*) FROM welcomes w JOIN people p ON p.id = w.member_id WHERE w.community_id = ${c} AND w.welcomed_at >= ${from} AND w.welcomed_at < ${to})::int AS welcomed,
          (SELECT count(*) FROM welcomes w JOIN people p ON p.id = w.member_id WHERE w.community_id = ${c} AND w.welcomed_at >= ${from} AND w.welcomed_at < ${to}
            AND w.finished_at IS NOT NULL)::int AS finished,
          (SELECT count(*) FROM members m JOIN people p ON p.id = m.id WHERE m.created_at >= ${from} AND m.created_at < ${to}::timestamptz - interval '7 days')::int AS joined7,
          (SELECT count(*) FROM members m JOIN people p ON p.id = m.id WHERE m.created_at >= ${from} AND m.created_at < ${to}::timestamptz - interval '7 days' AND (
            EXISTS (SELECT 1 FROM resources r WHERE r.community_id = ${c} AND r.sharer_id = m.id AND r.created_at <= m.created_at + interval '7 days')
            OR EXISTS (SELECT 1 FROM threads t WHERE t.community_id = ${c} AND t.asker_id = m.id AND t.created_at <= m.created_at + interval '7 days')
            OR EXISTS (SELECT 1 FROM replies x WHERE x.community_id = ${c} AND x.author_id = m.id AND x.deleted_at IS NULL AND x.created_at <= m.created_at + interval '7 days')))::int AS posted7`,
      // Invitations to answer (issue 37): only routed questions' invitations and their invitees' replies are read.
      this.db.$queryRaw<Record<string, number | null>[]>`
        SELECT
          (SELECT count(*) FROM route_invitations i JOIN threads t ON t.id = i.thread_id
            WHERE i.community_id = ${c} AND i.invited_at >= ${from} AND i.invited_at < ${to} ${tagged("t.tags")})::int AS sent,
          count(*) FILTER (WHERE routed)::int AS routed,
          count(*) FILTER (WHERE routed AND invited_answered)::int AS invited_answered,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at) / 60) FILTER (WHERE routed AND first_reply_at IS NOT NULL) AS median_routed,
          percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM first_reply_at - created_at) / 60) FILTER (WHERE NOT routed AND first_reply_at IS NOT NULL) AS median_not_routed
        FROM (
          SELECT h.created_at, h.first_reply_at,
            EXISTS (SELECT 1 FROM route_invitations i WHERE i.thread_id = h.thread_id AND i.invited_at < ${to}) AS routed,
            EXISTS (SELECT 1 FROM route_invitations i JOIN replies r ON r.thread_id = i.thread_id AND r.author_id = i.member_id
              WHERE i.thread_id = h.thread_id AND i.invited_at < ${to} AND NOT r.is_follow_up AND r.deleted_at IS NULL
                AND r.created_at >= i.invited_at AND r.created_at <= i.invited_at + interval '24 hours') AS invited_answered
          FROM health_threads h WHERE h.community_id = ${c} AND h.created_at >= ${from} AND h.created_at < ${to} ${tagged("h.tags")}
        ) q`,
    ]);
    const qf = questions[0]!;
    const totalAnswers = helpers.reduce((sum, h) => sum + h.answers, 0);
    const byBucket = new Map(backlog.map((b) => [Number(b.age), n(b.count)]));
    const top: HelperLoad[] = helpers.slice(0, 10).map((h) => ({ name: h.listed && !h.forgotten ? h.name : null, answers: h.answers }));
    const lib = library[0]!, mem = members[0]!;
    return {
      questions_asked: n(qf.asked),
      questions_answered: n(qf.answered),
      questions_resolved: n(qf.resolved),
      answered_within_24h_share: share(n(qf.within24), n(qf.eligible24)),
      median_first_reply_minutes: minutes(qf.median ?? null),
      p90_first_reply_minutes: minutes(qf.p90 ?? null),
      open_backlog: [...byBucket.values()].reduce((a, b) => a + b, 0),
      backlog_by_age: BUCKETS.map(([label], i) => ({ label, count: byBucket.get(i) ?? 0 })),
      surfaced_then_answered_share: share(n(qf.surfaced_answered), n(qf.surfaced)),
      nudged_then_resolved_share: share(n(qf.nudged_resolved), n(qf.nudged)),
      helpers: helpers.length,
      top3_helper_share: share(helpers.slice(0, 3).reduce((sum, h) => sum + h.answers, 0), totalAnswers),
      top_helpers: top,
      shares: n(lib.shares),
      endorsements: n(lib.endorsements),
      web_opens: q.tag ? null : n(lib.web_opens),
      broken_links: n(lib.broken),
      reused_answers: n(lib.reused),
      suggestions_shown: n(lib.suggested),
      suggestions_accepted: n(lib.suggestion_yes),
      suggestions_passed: n(lib.suggestion_no),
      active_members: n(mem.active),
      new_members: n(mem.joined),
      quiet_following: n(mem.quiet),
      finished_welcome: share(n(mem.finished), n(mem.welcomed)),
      first_post_within_7d: share(n(mem.posted7), n(mem.joined7)),
      invitations_sent: n(routed[0]!.sent),
      answered_by_invited_24h: share(n(routed[0]!.invited_answered), n(routed[0]!.routed)),
      median_first_reply_minutes_routed: minutes(routed[0]!.median_routed ?? null),
      median_first_reply_minutes_not_routed: minutes(routed[0]!.median_not_routed ?? null),
      weekly: weekly.map((w): WeekPoint => ({ week: w.week.toISOString().slice(0, 10), asked: w.asked, answered: w.answered, resolved: w.resolved, medianFirstReplyMinutes: minutes(w.median) })),
    };
  }
}
