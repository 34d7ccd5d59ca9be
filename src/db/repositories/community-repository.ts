import type { Community, CommunityRepository, CommunitySettings } from "../../core/members/member-types";
import type { Platform } from "../../core/shared/context";
import type { Db } from "../db-types";

export class PrismaCommunityRepository implements CommunityRepository {
  constructor(private readonly db: Db) {}

  async upsert(platform: Platform, externalId: string, name: string): Promise<Community> {
    return this.db.community.upsert({
      where: { platform_externalId: { platform, externalId } },
      create: { platform, externalId, name },
      update: { name },
    });
  }

  get(id: string): Promise<Community | null> {
    return this.db.community.findUnique({ where: { id } });
  }

  findByExternalId(platform: Platform, externalId: string): Promise<Community | null> {
    return this.db.community.findUnique({ where: { platform_externalId: { platform, externalId } } });
  }

  list(): Promise<Community[]> {
    return this.db.community.findMany({ orderBy: { createdAt: "asc" } });
  }

  updateSettings(id: string, patch: Partial<CommunitySettings>): Promise<Community> {
    return this.db.community.update({ where: { id }, data: patch });
  }
}
