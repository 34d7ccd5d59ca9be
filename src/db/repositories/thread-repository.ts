import type { NewReply, NewThread, Reply, Resolution, Thread, ThreadRepository } from "../../core/threads/thread-types";
import type { Db } from "../db-types";

export class PrismaThreadRepository implements ThreadRepository {
  constructor(private readonly db: Db) {}

  create(input: NewThread): Promise<Thread> {
    return this.db.thread.create({ data: input });
  }

  get(communityId: string, id: string): Promise<Thread | null> {
    return this.db.thread.findFirst({ where: { communityId, id } });
  }

  findByRef(communityId: string, ref: string): Promise<Thread | null> {
    return this.db.thread.findFirst({ where: { communityId, OR: [{ threadRef: ref }, { messageRef: ref }] } });
  }

  async attachPost(communityId: string, id: string, channelId: string, messageRef: string, threadRef: string): Promise<void> {
    await this.db.thread.updateMany({ where: { communityId, id }, data: { channelId, messageRef, threadRef } });
  }

  async addReply(input: NewReply): Promise<Reply | null> {
    // ON CONFLICT DO NOTHING: a second delivery of the same platform message records nothing,
    // without an error that would abort the surrounding transaction.
    const { count } = await this.db.reply.createMany({ data: [input], skipDuplicates: true });
    if (count === 0) return null;
    if (!input.isFollowUp) {
      await this.db.$executeRaw`
        UPDATE threads SET reply_count = reply_count + 1, first_reply_at = coalesce(first_reply_at, ${input.createdAt})
        WHERE community_id = ${input.communityId}::uuid AND id = ${input.threadId}::uuid`;
    }
    return this.findReply(input.communityId, input.platformMessageId);
  }

  findReply(communityId: string, platformMessageId: string): Promise<Reply | null> {
    return this.db.reply.findUnique({ where: { communityId_platformMessageId: { communityId, platformMessageId } } });
  }

  async editReply(communityId: string, platformMessageId: string, text: string | null, at: Date): Promise<Reply | null> {
    const r = await this.findReply(communityId, platformMessageId);
    if (!r || r.deletedAt) return r;
    return this.db.reply.update({ where: { id: r.id }, data: { text, editedAt: at } });
  }

  async deleteReply(communityId: string, platformMessageId: string, at: Date): Promise<Reply | null> {
    const r = await this.findReply(communityId, platformMessageId);
    if (!r || r.deletedAt) return r;
    // A deleted reply no longer answers the question, and its text goes with it.
    const updated = await this.db.reply.update({ where: { id: r.id }, data: { text: null, deletedAt: at } });
    if (!r.isFollowUp) {
      await this.db.$executeRaw`
        UPDATE threads SET reply_count = greatest(reply_count - 1, 0)
        WHERE community_id = ${communityId}::uuid AND id = ${r.threadId}::uuid`;
    }
    return updated;
  }

  async resolve(communityId: string, id: string, res: Resolution): Promise<boolean> {
    const { count } = await this.db.thread.updateMany({
      where: { communityId, id, status: "open" },
      data: { status: "resolved", outcome: res.outcome, outcomeNote: res.note, resolvedAt: res.at, ...(res.guardOverride ? { guardOverride: true } : {}) },
    });
    if (count === 0) return false;
    if (res.helperIds.length) {
      await this.db.threadHelper.createMany({ data: res.helperIds.map((memberId) => ({ threadId: id, memberId })), skipDuplicates: true });
    }
    return true;
  }

  async helpersOf(communityId: string, id: string): Promise<string[]> {
    const rows = await this.db.reply.findMany({
      where: { communityId, threadId: id, isFollowUp: false, deletedAt: null },
      distinct: ["authorId"], select: { authorId: true }, orderBy: { authorId: "asc" },
    });
    return rows.map((r) => r.authorId);
  }

  async removeUnposted(communityId: string, id: string): Promise<boolean> {
    return (await this.db.thread.deleteMany({ where: { communityId, id, messageRef: null } })).count === 1;
  }

  openOf(communityId: string, askerId: string, limit: number): Promise<Thread[]> {
    return this.db.thread.findMany({ where: { communityId, askerId, status: "open" }, orderBy: { createdAt: "desc" }, take: limit });
  }
}
