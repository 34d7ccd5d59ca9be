import type { Thread } from "../../core/threads/thread-types";
import type { ClaimResult, CreditedHelp, Invitation, RoutableMember, RouteRepository, TagFollower } from "../../core/routing/route-types";
import type { Db } from "../db-types";

/** Rows read for one question's candidates, at most: a bound on a very busy tag's history. */
const MAX_CREDIT_ROWS = 20_000;

interface InvitationRow { thread_id: string; member_id: string; reason: string; invited_at: Date; opened_at: Date | null; declined_at: Date | null }
const toInvitation = (r: InvitationRow): Invitation => ({
  threadId: r.thread_id, memberId: r.member_id, reason: r.reason, invitedAt: r.invited_at, openedAt: r.opened_at, declinedAt: r.declined_at,
});

/** Invitations to answer (issue 37) and what choosing whom to invite reads; SQL only. */
export class PrismaRouteRepository implements RouteRepository {
  constructor(private readonly db: Db) {}

  async due(communityId: string, askedAfter: Date, askedBefore: Date, maxInvites: number, limit: number): Promise<Thread[]> {
    const ids = await this.db.$queryRaw<{ id: string }[]>`
      SELECT t.id FROM threads t
      WHERE t.community_id = ${communityId}::uuid AND t.status = 'open' AND t.reply_count = 0
        AND t.created_at >= ${askedAfter} AND t.created_at <= ${askedBefore}
        AND (SELECT count(*) FROM route_invitations i WHERE i.thread_id = t.id) < ${maxInvites}
      ORDER BY t.created_at LIMIT ${limit}`;
    if (ids.length === 0) return [];
    return this.db.thread.findMany({ where: { communityId, id: { in: ids.map((r) => r.id) } }, orderBy: { createdAt: "asc" } });
  }

  async credited(communityId: string, tags: readonly string[], relatedIds: readonly string[], since: Date, exceptThreadId: string): Promise<CreditedHelp[]> {
    const rows = await this.db.$queryRaw<{ member_id: string; thread_id: string; tags: string[]; resolved_at: Date; related: boolean }[]>`
      SELECT h.member_id, t.id AS thread_id, t.tags, t.resolved_at, t.id = ANY(${[...relatedIds]}::uuid[]) AS related
      FROM thread_helpers h JOIN threads t ON t.id = h.thread_id
      WHERE t.community_id = ${communityId}::uuid AND t.status = 'resolved' AND t.resolved_at >= ${since} AND t.id <> ${exceptThreadId}::uuid
        AND (t.tags && ${[...tags]}::text[] OR t.id = ANY(${[...relatedIds]}::uuid[]))
      LIMIT ${MAX_CREDIT_ROWS}`;
    const byMember = new Map<string, CreditedHelp & { threads: Set<string>; relatedThreads: Set<string>; tagThreads: Map<string, Set<string>> }>();
    for (const r of rows) {
      let h = byMember.get(r.member_id);
      if (!h) byMember.set(r.member_id, h = { memberId: r.member_id, questions: 0, byTag: {}, related: 0, lastAt: r.resolved_at, threads: new Set(), relatedThreads: new Set(), tagThreads: new Map() });
      h.threads.add(r.thread_id);
      if (r.related) h.relatedThreads.add(r.thread_id);
      for (const tag of r.tags) if (tags.includes(tag)) h.tagThreads.set(tag, (h.tagThreads.get(tag) ?? new Set()).add(r.thread_id));
      if (r.resolved_at > h.lastAt) h.lastAt = r.resolved_at;
    }
    return [...byMember.values()].map((h) => ({
      memberId: h.memberId, questions: h.threads.size, related: h.relatedThreads.size, lastAt: h.lastAt,
      byTag: Object.fromEntries([...h.tagThreads].map(([tag, set]) => [tag, set.size])),
    }));
  }

  async followers(communityId: string, tags: readonly string[]): Promise<TagFollower[]> {
    const rows = await this.db.$queryRaw<{ member_id: string; tag: string; created_at: Date }[]>`
      SELECT DISTINCT ON (member_id) member_id, tag, created_at FROM subscriptions
      WHERE community_id = ${communityId}::uuid AND tag = ANY(${[...tags]}::text[])
      ORDER BY member_id, created_at, tag`;
    return rows.sort((a, b) => a.created_at.getTime() - b.created_at.getTime() || a.member_id.localeCompare(b.member_id)).map((r) => ({ memberId: r.member_id, tag: r.tag }));
  }

  async members(communityId: string, ids: readonly string[]): Promise<RoutableMember[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.$queryRaw<{ id: string; external_id: string; display_name: string; time_zone: string | null; quiet_start: number | null; quiet_end: number | null; invites_per_week: number | null }[]>`
      SELECT id, external_id, display_name, time_zone, quiet_start, quiet_end, invites_per_week FROM members
      WHERE community_id = ${communityId}::uuid AND id = ANY(${[...ids]}::uuid[]) AND forgotten_at IS NULL AND source_id IS NULL`;
    return rows.map((r) => ({
      id: r.id, externalId: r.external_id, displayName: r.display_name, timeZone: r.time_zone,
      quietStart: r.quiet_start, quietEnd: r.quiet_end, invitesPerWeek: r.invites_per_week,
    }));
  }

  async repliers(communityId: string, threadId: string): Promise<string[]> {
    const rows = await this.db.$queryRaw<{ author_id: string }[]>`
      SELECT DISTINCT author_id FROM replies WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid`;
    return rows.map((r) => r.author_id);
  }

  async invitations(communityId: string, threadId: string): Promise<Invitation[]> {
    const rows = await this.db.$queryRaw<InvitationRow[]>`
      SELECT thread_id, member_id, reason, invited_at, opened_at, declined_at FROM route_invitations
      WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid ORDER BY invited_at, member_id`;
    return rows.map(toInvitation);
  }

  async invitation(communityId: string, threadId: string, memberId: string): Promise<Invitation | null> {
    const [r] = await this.db.$queryRaw<InvitationRow[]>`
      SELECT thread_id, member_id, reason, invited_at, opened_at, declined_at FROM route_invitations
      WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid AND member_id = ${memberId}::uuid`;
    return r ? toInvitation(r) : null;
  }

  async sentSince(communityId: string, memberIds: readonly string[], since: Date): Promise<Map<string, number>> {
    if (memberIds.length === 0) return new Map();
    const rows = await this.db.$queryRaw<{ member_id: string; n: number }[]>`
      SELECT member_id, count(*)::int AS n FROM route_invitations
      WHERE community_id = ${communityId}::uuid AND member_id = ANY(${[...memberIds]}::uuid[]) AND invited_at > ${since}
      GROUP BY member_id`;
    return new Map(rows.map((r) => [r.member_id, Number(r.n)]));
  }

  async claim(communityId: string, threadId: string, memberId: string, reason: string, at: Date, limits: { maxInvites: number; weeklyCap: number; weekSince: Date }): Promise<ClaimResult> {
    // Always the question first, then the member: two runs never wait on each other in a circle.
    const [t] = await this.db.$queryRaw<{ status: string; reply_count: number }[]>`
      SELECT status::text AS status, reply_count FROM threads WHERE id = ${threadId}::uuid AND community_id = ${communityId}::uuid FOR UPDATE`;
    if (!t || t.status !== "open" || Number(t.reply_count) > 0) return "answered";
    const [q] = await this.db.$queryRaw<{ n: number; mine: number }[]>`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE member_id = ${memberId}::uuid)::int AS mine FROM route_invitations WHERE thread_id = ${threadId}::uuid`;
    if (Number(q!.mine) > 0) return "taken";
    if (Number(q!.n) >= limits.maxInvites) return "full";
    const [m] = await this.db.$queryRaw<{ id: string }[]>`
      SELECT id FROM members WHERE id = ${memberId}::uuid AND community_id = ${communityId}::uuid AND forgotten_at IS NULL FOR UPDATE`;
    if (!m) return "capped";
    const [w] = await this.db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM route_invitations WHERE community_id = ${communityId}::uuid AND member_id = ${memberId}::uuid AND invited_at > ${limits.weekSince}`;
    if (Number(w!.n) >= limits.weeklyCap) return "capped";
    const inserted = await this.db.$executeRaw`
      INSERT INTO route_invitations (community_id, thread_id, member_id, reason, invited_at)
      VALUES (${communityId}::uuid, ${threadId}::uuid, ${memberId}::uuid, ${reason}, ${at}) ON CONFLICT DO NOTHING`;
    return inserted === 1 ? "invited" : "taken";
  }

  async decline(communityId: string, threadId: string, memberId: string, at: Date): Promise<boolean> {
    const n = await this.db.$executeRaw`
      UPDATE route_invitations SET declined_at = ${at}
      WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid AND member_id = ${memberId}::uuid AND declined_at IS NULL`;
    return n === 1;
  }

  async opened(communityId: string, threadId: string, memberId: string, at: Date): Promise<void> {
    await this.db.$executeRaw`
      UPDATE route_invitations SET opened_at = ${at}
      WHERE community_id = ${communityId}::uuid AND thread_id = ${threadId}::uuid AND member_id = ${memberId}::uuid AND opened_at IS NULL`;
  }

  async setInvitesPerWeek(communityId: string, memberId: string, perWeek: number | null): Promise<void> {
    await this.db.member.updateMany({ where: { communityId, id: memberId }, data: { invitesPerWeek: perWeek } });
  }

  async invitesPerWeek(communityId: string, memberId: string): Promise<number | null> {
    const m = await this.db.member.findFirst({ where: { communityId, id: memberId }, select: { invitesPerWeek: true } });
    return m?.invitesPerWeek ?? null;
  }

  async communityOfThread(platform: string, threadId: string): Promise<string | null> {
    const [r] = await this.db.$queryRaw<{ community_id: string }[]>`
      SELECT t.community_id FROM threads t JOIN communities c ON c.id = t.community_id
      WHERE t.id = ${threadId}::uuid AND c.platform::text = ${platform}`;
    return r?.community_id ?? null;
  }
}
