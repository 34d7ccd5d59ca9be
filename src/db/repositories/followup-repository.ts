import type { FollowupRepository } from "../../core/jobs/job-types";
import type { Member } from "../../core/members/member-types";
import type { Thread } from "../../core/threads/thread-types";
import type { Db } from "../db-types";

export class PrismaFollowupRepository implements FollowupRepository {
  constructor(private readonly db: Db) {}

  unanswered(communityId: string, createdBefore: Date, maxSteps: number, limit: number): Promise<Thread[]> {
    return this.db.thread.findMany({
      where: { communityId, status: "open", replyCount: 0, createdAt: { lt: createdBefore }, surfaceCount: { lt: maxSteps } },
      orderBy: { createdAt: "asc" }, take: limit,
    });
  }

  async claimSurfacing(communityId: string, threadId: string, step: number, at: Date): Promise<boolean> {
    // The conditional update is the claim: a concurrent claimer blocks on the row, then finds
    // surface_count moved on and updates nothing. A reply or resolve since selection also wins.
    const { count } = await this.db.thread.updateMany({
      where: { communityId, id: threadId, status: "open", replyCount: 0, surfaceCount: step - 1 },
      data: { surfaceCount: step, lastSurfacedAt: at },
    });
    if (count === 0) return false;
    const { count: recorded } = await this.db.threadSurfacing.createMany({ data: [{ threadId, step, surfacedAt: at }], skipDuplicates: true });
    return recorded === 1;
  }

  needingNudge(communityId: string, createdBefore: Date, limit: number): Promise<Thread[]> {
    return this.db.thread.findMany({
      where: { communityId, status: "open", replyCount: { gt: 0 }, createdAt: { lt: createdBefore }, nudgedAt: null },
      orderBy: { createdAt: "asc" }, take: limit,
    });
  }

  async claimNudge(communityId: string, threadId: string, at: Date): Promise<boolean> {
    const { count } = await this.db.thread.updateMany({ where: { communityId, id: threadId, status: "open", nudgedAt: null }, data: { nudgedAt: at } });
    return count === 1;
  }

  withPendingDigests(communityId: string): Promise<Member[]> {
    return this.db.member.findMany({ where: { communityId, digestItems: { some: { sentAt: null } } }, orderBy: { createdAt: "asc" } });
  }
}
