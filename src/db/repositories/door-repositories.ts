import type { InstallationRepository, ProcessedEvents } from "../../app/door-ports";
import type { Platform } from "../../core/shared/context";
import type { Prisma } from "../generated/client.ts";
import type { Db } from "../db-types";

export class PrismaProcessedEvents implements ProcessedEvents {
  constructor(private readonly db: Db) {}

  async claim(eventId: string, at: Date): Promise<boolean> {
    const { count } = await this.db.processedEvent.createMany({ data: [{ eventId, processedAt: at }], skipDuplicates: true });
    return count === 1;
  }

  async prune(before: Date): Promise<number> {
    return (await this.db.processedEvent.deleteMany({ where: { processedAt: { lt: before } } })).count;
  }
}

export class PrismaInstallations implements InstallationRepository {
  constructor(private readonly db: Db) {}

  async save(key: string, platform: Platform, data: unknown): Promise<void> {
    const json = data as Prisma.InputJsonValue;
    await this.db.platformInstallation.upsert({ where: { key }, create: { key, platform, data: json }, update: { data: json } });
  }

  async find(key: string): Promise<unknown | null> {
    return (await this.db.platformInstallation.findUnique({ where: { key } }))?.data ?? null;
  }

  async remove(key: string): Promise<void> {
    await this.db.platformInstallation.deleteMany({ where: { key } });
  }
}
