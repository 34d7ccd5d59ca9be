import type { BrokenLink, LinkCheck, LinkRepository, LinkTarget } from "../../core/links/link-types";
import type { Db } from "../db-types";

const TARGET = {
  id: true, communityId: true, url: true, originalUrl: true, title: true, sharerId: true, linkStatus: true, linkFailures: true,
  linkEtag: true, linkLastModified: true, previewAt: true, brokenToldAt: true,
  sharer: { select: { sourceId: true, forgottenAt: true } },
} as const;

export class PrismaLinkRepository implements LinkRepository {
  constructor(private readonly db: Db) {}

  async due(communityId: string, checkedBefore: Date, limit: number): Promise<LinkTarget[]> {
    const rows = await this.db.resource.findMany({
      where: { communityId, OR: [{ linkCheckedAt: null }, { linkCheckedAt: { lt: checkedBefore } }] },
      orderBy: [{ linkCheckedAt: { sort: "asc", nulls: "first" } }, { createdAt: "asc" }],
      take: limit, select: TARGET,
    });
    // A publisher's item, or a forgotten member's share, has nobody to tell when it breaks.
    return rows.map(({ sharer, ...r }) => ({ ...r, sharerCanBeTold: sharer.sourceId === null && sharer.forgottenAt === null }));
  }

  async claim(communityId: string, id: string, checkedBefore: Date, at: Date): Promise<boolean> {
    const { count } = await this.db.resource.updateMany({
      where: { communityId, id, OR: [{ linkCheckedAt: null }, { linkCheckedAt: { lt: checkedBefore } }] },
      data: { linkCheckedAt: at },
    });
    return count === 1;
  }

  async record(communityId: string, id: string, check: LinkCheck, at: Date): Promise<{ becameBroken: boolean; cameBack: boolean }> {
    const before = await this.db.resource.findFirst({ where: { communityId, id }, select: { linkStatus: true, linkFailures: true } });
    if (!before) return { becameBroken: false, cameBack: false };
    if (check.ok) {
      await this.db.resource.updateMany({
        where: { communityId, id },
        // A 304 may leave its validators out: the ones it confirmed stay.
        data: {
          linkCheckedAt: at, linkFailures: 0, linkStatus: "ok", brokenAt: null, brokenToldAt: null,
          ...(check.etag ? { linkEtag: check.etag } : {}), ...(check.lastModified ? { linkLastModified: check.lastModified } : {}),
        },
      });
      return { becameBroken: false, cameBack: before.linkStatus === "broken" };
    }
    // A soft failure (a timeout, a refused connection, a 403 to robots) says nothing about the page: it is
    // only noted as checked. Two hard failures in a row (404, 410, no such host, 5xx) make it broken.
    if (!check.hard) {
      await this.db.resource.updateMany({ where: { communityId, id }, data: { linkCheckedAt: at } });
      return { becameBroken: false, cameBack: false };
    }
    const failures = before.linkFailures + 1;
    const broken = before.linkStatus === "broken" || failures >= 2;
    const becameBroken = broken && before.linkStatus !== "broken";
    await this.db.resource.updateMany({
      where: { communityId, id },
      data: { linkCheckedAt: at, linkFailures: failures, linkStatus: broken ? "broken" : "ok", ...(becameBroken ? { brokenAt: at } : {}) },
    });
    return { becameBroken, cameBack: false };
  }

  async markTold(communityId: string, id: string, at: Date): Promise<boolean> {
    return (await this.db.resource.updateMany({ where: { communityId, id, brokenToldAt: null }, data: { brokenToldAt: at } })).count === 1;
  }

  async brokenBetween(communityId: string, from: Date, to: Date, limit: number): Promise<BrokenLink[]> {
    const rows = await this.db.resource.findMany({
      where: { communityId, linkStatus: "broken", brokenAt: { gte: from, lt: to }, guardOverride: false },
      orderBy: { brokenAt: "asc" }, take: limit,
      select: { id: true, url: true, title: true, brokenAt: true, sharer: { select: { displayName: true } } },
    });
    return rows.map((r) => ({ id: r.id, url: r.url, title: r.title, brokenAt: r.brokenAt!, sharerName: r.sharer.displayName }));
  }
}
