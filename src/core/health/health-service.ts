import type { Clock } from "../shared/clock";
import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import type { Store } from "../store";
import type { WebLinks } from "../web/site-types";
import { healthLines } from "./health-text";
import { HEALTH_WINDOWS, type HealthReport, type HealthRepository } from "./health-types";

const DAY_MS = 86_400_000;
/** Rollups older than this are refreshed before a figure is read (the job refreshes hourly). */
const STALE_MS = 2 * 3_600_000;

/**
 * Community health (issue 26): whether the feedback loop works, for organisers. The same figures
 * feed the admin's web page, `/peerloop health`, `npm run health` and the roundup's last line.
 */
export class HealthService {
  constructor(private readonly store: Store, private readonly clock: Clock, private readonly links?: WebLinks) {}

  /**
   * The figures for the `days` ending at the health job's last run (or at `to`, computed afresh), and
   * those of the period before, for the arrows. A run's figures are computed once and kept: the page,
   * the command and the CLI read the same numbers, in milliseconds, whatever the community's size.
   */
  async report(communityId: string, opts: { days: number; tag?: string; to?: Date; previous?: boolean }): Promise<{ now: HealthReport; before?: HealthReport }> {
    const repo = this.repo();
    const community = (await this.store.communities.get(communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    let asOf = await repo.refreshedAt(communityId);
    // Never read (a new install before the first hourly run), or the job has stopped: read now.
    if (!asOf || this.clock.now().getTime() - asOf.getTime() > STALE_MS) {
      await repo.refresh(communityId, community.timeZone, this.clock.now());
      asOf = (await repo.refreshedAt(communityId))!;
    }
    const end = opts.to ?? asOf;
    const tag = opts.tag ?? "";
    const one = async (previous: boolean): Promise<HealthReport> => {
      const to = previous ? new Date(end.getTime() - opts.days * DAY_MS) : end;
      const keep = !opts.to; // figures for an arbitrary end are not kept
      let figures = keep ? await repo.savedFigures(communityId, asOf!, opts.days, tag, previous) : null;
      // Kept before the invitations' figures existed (issue 37): computed again, with them.
      if (figures && !("invitations_sent" in figures)) figures = null;
      if (!figures) {
        figures = await repo.figures({ communityId, days: opts.days, tag: opts.tag, to }, community.timeZone);
        if (keep) await repo.saveFigures(communityId, asOf!, opts.days, tag, previous, figures);
      }
      return { ...figures, window: { days: opts.days, from: new Date(to.getTime() - opts.days * DAY_MS).toISOString(), to: to.toISOString(), tag: opts.tag ?? null }, as_of: asOf!.toISOString() };
    };
    const [now, before] = await Promise.all([one(false), opts.previous ? one(true) : undefined]);
    return { now, before };
  }

  /** `/peerloop health [#tag] [7|30|90]`: five lines for admins, with arrows against the period before, and the page's link. */
  async command(actor: Actor, args: string | undefined): Promise<Outcome> {
    if (!actor.isAdmin) fail("NOT_ADMIN", "Only workspace or server admins see the community's health figures.");
    let days = 30, tag: string | undefined;
    for (const word of (args ?? "").trim().split(/\s+/).filter(Boolean)) {
      if (/^\d+$/.test(word) && (HEALTH_WINDOWS as readonly number[]).includes(Number(word))) days = Number(word);
      else if (/^#?[\p{L}\p{N}][\p{L}\p{N}_-]{0,49}$/u.test(word) && !/^\d+$/.test(word)) tag = word.replace(/^#/, "").toLowerCase();
      else fail("INVALID_OPTION", `"${word.slice(0, 30)}" isn't a tag or a window. Use /peerloop health [#tag] [7|30|90], e.g. /peerloop health #ethics 90.`);
    }
    const { now, before } = await this.report(actor.communityId, { days, tag, previous: true });
    const community = await this.store.communities.get(actor.communityId);
    const link = this.links && community && community.webAccess !== "off" ? (await this.links.memberLink(actor.communityId, actor.memberId, "health")).url : undefined;
    return reply(privately({
      title: `Community health${tag ? ` for #${tag}` : ""}: the last ${days} days`,
      text: healthLines(now, before!).join("\n"),
      links: link ? [{ label: "Charts and definitions", url: link }] : undefined,
      tone: "info",
    }));
  }

  /** The hourly job: refreshes the rollups, then computes the figures every admin view starts from. */
  async refresh(communityId: string): Promise<{ questions: number; days: number; backfilled: boolean }> {
    const community = (await this.store.communities.get(communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    const read = await this.repo().refresh(communityId, community.timeZone, this.clock.now());
    for (const days of HEALTH_WINDOWS) await this.report(communityId, { days, previous: true });
    return read;
  }

  private repo(): HealthRepository {
    return this.store.health ?? fail("INVALID_OPTION", "Community health isn't available here.");
  }
}
