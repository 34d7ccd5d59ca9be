import type { JobRepository, NewOutboxItem, OutboxItem } from "../../core/jobs/job-types";
import type { Audience, Message } from "../../core/shared/message";
import { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";

export class PrismaJobRepository implements JobRepository {
  constructor(private readonly db: Db) {}

  async claim(job: string, communityId: string, period: string, at: Date): Promise<boolean> {
    // ON CONFLICT DO NOTHING: a concurrent claimer waits for ours to commit, then inserts nothing.
    const { count } = await this.db.jobRun.createMany({ data: [{ job, communityId, period, claimedAt: at }], skipDuplicates: true });
    return count === 1;
  }

  async claimed(job: string, communityId: string, period: string): Promise<boolean> {
    return (await this.db.jobRun.count({ where: { job, communityId, period } })) > 0;
  }

  async finish(job: string, communityId: string, period: string, at: Date, summary: Record<string, unknown>): Promise<void> {
    await this.db.jobRun.updateMany({ where: { job, communityId, period }, data: { finishedAt: at, summary: summary as Prisma.InputJsonValue } });
  }

  async enqueue(items: readonly NewOutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.outboxMessage.createMany({
      data: items.map((i) => ({
        communityId: i.communityId, dedupeKey: i.dedupeKey, audience: i.audience as unknown as Prisma.InputJsonValue,
        message: i.message as unknown as Prisma.InputJsonValue, nextAttemptAt: i.at, createdAt: i.at,
      })),
      skipDuplicates: true,
    });
  }

  async lease(now: Date, limit: number, leaseMs: number, communityIds?: readonly string[], sideOnlyIds: readonly string[] = [], sideKinds: readonly string[] = ["email"]): Promise<OutboxItem[]> {
    const scope = communityIds
      ? Prisma.sql`AND (community_id = ANY(${[...communityIds]}::uuid[]) OR (community_id = ANY(${[...sideOnlyIds]}::uuid[]) AND audience->>'kind' = ANY(${[...sideKinds]}::text[])))`
      : Prisma.empty;
    // SKIP LOCKED: parallel senders take different messages instead of waiting on each other.
    const rows = await this.db.$queryRaw<{ id: string; community_id: string; dedupe_key: string; audience: unknown; message: unknown; attempts: number }[]>`
      UPDATE outbox_messages SET attempts = attempts + 1, next_attempt_at = ${new Date(now.getTime() + leaseMs)}
      WHERE id IN (
        SELECT id FROM outbox_messages WHERE status = 'pending' AND next_attempt_at <= ${now} ${scope}
        ORDER BY next_attempt_at, created_at LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, community_id, dedupe_key, audience, message, attempts`;
    return rows.map((r) => ({
      id: r.id, communityId: r.community_id, dedupeKey: r.dedupe_key, attempts: Number(r.attempts),
      audience: parseJson(r.audience) as Audience, message: parseJson(r.message) as Message,
    }));
  }

  async markSent(id: string, messageRef: string, at: Date): Promise<void> {
    await this.db.outboxMessage.updateMany({ where: { id, status: "pending" }, data: { status: "sent", messageRef, sentAt: at, lastError: null } });
  }

  async markFailed(id: string, error: string, retryAt: Date | null): Promise<void> {
    await this.db.outboxMessage.updateMany({
      where: { id, status: "pending" },
      data: retryAt ? { lastError: error.slice(0, 1000), nextAttemptAt: retryAt } : { lastError: error.slice(0, 1000), status: "failed" },
    });
  }

  async prune(outboxBefore: Date, runsBefore: Date): Promise<{ outbox: number; runs: number }> {
    const outbox = await this.db.outboxMessage.deleteMany({
      where: { OR: [{ status: "sent", sentAt: { lt: outboxBefore } }, { status: "failed", nextAttemptAt: { lt: outboxBefore } }] },
    });
    const runs = await this.db.jobRun.deleteMany({ where: { claimedAt: { lt: runsBefore } } });
    return { outbox: outbox.count, runs: runs.count };
  }

  pendingCount(communityIds?: readonly string[]): Promise<number> {
    return this.db.outboxMessage.count({ where: { status: "pending", ...(communityIds ? { communityId: { in: [...communityIds] } } : {}) } });
  }
}

const parseJson = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
