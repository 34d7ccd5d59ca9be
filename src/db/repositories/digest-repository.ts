import type { DigestItem, DigestKind, DigestRepository, NewDigestItem } from "../../core/notifications/notification-types";
import type { Db } from "../db-types";

export class PrismaDigestRepository implements DigestRepository {
  constructor(private readonly db: Db) {}

  async add(items: readonly NewDigestItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.db.digestItem.createMany({ data: items.map((i) => ({ ...i })), skipDuplicates: true });
  }

  async pending(communityId: string, memberId: string): Promise<DigestItem[]> {
    const rows = await this.db.digestItem.findMany({ where: { communityId, memberId, sentAt: null }, orderBy: { createdAt: "asc" } });
    return rows.map((r) => ({ ...r, kind: r.kind as DigestKind }));
  }

  async removeFor(communityId: string, refId: string): Promise<void> {
    await this.db.digestItem.deleteMany({ where: { communityId, refId, sentAt: null } });
  }

  async markSent(communityId: string, ids: readonly string[], at: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.db.digestItem.updateMany({ where: { communityId, id: { in: [...ids] } }, data: { sentAt: at } });
  }
}
