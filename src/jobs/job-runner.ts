import { deliverOutbox } from "../core/jobs/deliver-outbox";
import type { Couriers } from "../core/jobs/courier";
import { runDigests } from "../core/jobs/digest-job";
import type { JobReport } from "../core/jobs/job-report";
import { runRoundup } from "../core/jobs/roundup-job";
import { runEmailDigests } from "../core/jobs/email-digest-job";
import { runSmsSummaries } from "../core/jobs/sms-summary-job";
import type { HealthService } from "../core/health/health-service";
import { runUnanswered } from "../core/jobs/unanswered-job";
import type { Community } from "../core/members/member-types";
import type { NotificationService } from "../core/notifications/notification-service";
import type { Clock } from "../core/shared/clock";
import type { Logger } from "../core/shared/logger";
import type { Store } from "../core/store";
import type { JobName } from "./job-names";
import type { WebReader } from "../core/sources/fetch-types";
import type { PreviewService } from "../core/resources/preview-service";
import { runSources } from "../core/sources/sources-job";
import { runLinks } from "../core/links/links-job";
import { runRoute } from "../core/routing/route-job";
import type { RelatedService } from "../core/related/related-service";

export interface JobDeps {
  store: Store;
  notifications: NotificationService;
  logger: Logger;
  couriers: Couriers;
  /** Platform deliveries already handled (Slack's event ids), pruned by the "prune" job. */
  processedEvents?: { prune(before: Date): Promise<number>; pruneRequests(before: Date): Promise<number> };
  /** Stashed button values (Discord), pruned once expired. */
  buttonValues?: { prune(before: Date): Promise<number> };
  /** A community's web address, for the roundup's "on the web" link (absent: no link). */
  siteUrl?: (communityId: string) => string;
  /** The outbound web, for the sources and links jobs (loaded on first use). */
  web?: () => Promise<WebReader>;
  /** Link previews the links job fills in where they never arrived. */
  previews?: PreviewService;
  /** Related answers: "Maybe answered before" on surfaced questions, and the index's backfill. */
  related?: RelatedService;
  /** A question's page on the web (absent: no link). */
  questionUrl?: (communityId: string, threadId: string) => string;
  /** Texts a member a day at most (PEERLOOP_SMS_DAILY_MAX); the summary text counts as one. */
  smsDailyMax?: number;
  /** Community health, refreshed by the health job. */
  health?: HealthService;
  /** PEERLOOP_ROUTE_AFTER_MINUTES: how long a question waits before the route job offers it privately (default 120). */
  routeAfterMinutes?: number;
}

/** How long bookkeeping is kept: platforms stop redelivering within hours; claims guard re-runs of old periods. */
export const RETENTION = { processedEventsDays: 7, outboxDays: 30, jobRunsDays: 180 } as const;
const daysBefore = (now: Date, days: number) => new Date(now.getTime() - days * 86_400_000);

const prune = async (deps: JobDeps, now: Date, out: (line: string) => void) => {
  const { outbox, runs } = await deps.store.jobs.prune(daysBefore(now, RETENTION.outboxDays), daysBefore(now, RETENTION.jobRunsDays));
  const events = deps.processedEvents ? await deps.processedEvents.prune(daysBefore(now, RETENTION.processedEventsDays)) : 0;
  // Request signatures are refused as stale after five minutes: an hour's are plenty to keep.
  const signatures = deps.processedEvents ? await deps.processedEvents.pruneRequests(new Date(now.getTime() - 3_600_000)) : 0;
  const buttons = deps.buttonValues ? await deps.buttonValues.prune(now) : 0;
  out(`pruned ${outbox} settled outbox messages (> ${RETENTION.outboxDays} days), ${runs} job claims (> ${RETENTION.jobRunsDays} days), ` +
    `${events} handled platform events (> ${RETENTION.processedEventsDays} days), ${signatures} Slack request signatures (> 1 hour), ${buttons} expired button values`);
  return { failed: 0 };
};

export interface JobRunOptions {
  now: Date;
  communityId?: string;
  /** Run as of `now` whatever the configured hour (the CLI); the scheduler waits for each slot. */
  force: boolean;
  out: (line: string) => void;
  /** Stop right after the claims commit, before posting: the crash test's stand-in for a kill. */
  afterClaim?: () => void;
  /** When delivery must stop trying (epoch ms). */
  deadline?: number;
}

const run = (deps: JobDeps, job: Exclude<JobName, "prune">, c: Community, now: Date, force: boolean): Promise<JobReport> => {
  switch (job) {
    case "route": return runRoute(deps.store, c, now, { afterMinutes: deps.routeAfterMinutes ?? 120, related: deps.related });
    case "unanswered": return runUnanswered(deps.store, deps.notifications, c, now, deps.related, deps.questionUrl);
    case "related": return backfillRelated(deps.related, c);
    case "health": return refreshHealth(deps, c, now, force);
    case "roundup": return runRoundup(deps.store, c, now, force, deps.siteUrl);
    case "digests": return mergeReports(runDigests(deps.store, c, now, force), runEmailDigests(deps.store, c, now, force, deps.siteUrl), runSmsSummaries(deps.store, c, now, force, deps.smsDailyMax ?? 5, deps.siteUrl));
    case "sources": return deps.web ? runSources(deps.store, deps.web, deps.notifications, c, now, force) : noWeb(c);
    case "links": return deps.web ? runLinks(deps.store, deps.web, deps.previews, c, now, force) : noWeb(c);
  }
};

/** Reads resolved questions and resources into the related-answers index that it has not read yet (after an upgrade, or a failure). */
const backfillRelated = async (related: RelatedService | undefined, community: Community): Promise<JobReport> => {
  if (!related) return { community, posted: [], skipped: ["no related-answers index in this process"] };
  let total = 0;
  for (let n = 1; n > 0 && total < 5_000; total += n) n = await related.backfill(community.id, 500);
  return { community, posted: [], skipped: [total ? `indexed ${total} questions and resources for related answers` : "related-answers index up to date"] };
};

/**
 * The community-health rollups: what changed since the last run (everything the first time), once an
 * hour across replicas (the hour is claimed; the CLI's forced run reads again whatever the claim).
 */
const refreshHealth = async (deps: JobDeps, community: Community, now: Date, force: boolean): Promise<JobReport> => {
  if (!deps.health) return { community, posted: [], skipped: ["no community-health rollups in this process"] };
  if (!force && !(await deps.store.jobs.claim("health", community.id, now.toISOString().slice(0, 13), now))) {
    return { community, posted: [], skipped: ["health figures already read this hour"] };
  }
  const r = await deps.health.refresh(community.id);
  return { community, posted: [], skipped: [`health figures: read ${r.questions} questions and ${r.days} member-days${r.backfilled ? " (first run: everything)" : ""}`] };
};

const noWeb = async (community: Community): Promise<JobReport> => ({ community, posted: [], skipped: ["no outbound web in this process"] });

const mergeReports = async (...reports: Promise<JobReport>[]): Promise<JobReport> => {
  const all = await Promise.all(reports);
  return { community: all[0]!.community, posted: all.flatMap((r) => r.posted), skipped: all.flatMap((r) => r.skipped) };
};

/**
 * Runs one job once as of `now` for every community (or one), then delivers what it queued.
 * Used by the CLI, the shell's `:jobs run` and the scheduler alike.
 */
export const runJob = async (deps: JobDeps, job: JobName, opts: JobRunOptions): Promise<{ failed: number }> => {
  if (job === "prune") return prune(deps, opts.now, opts.out);
  const all = await deps.store.communities.list();
  const communities = opts.communityId ? all.filter((c) => c.id === opts.communityId || c.externalId === opts.communityId) : all;
  if (opts.communityId && communities.length === 0) throw new Error(`no community with id ${opts.communityId}`);
  let failed = 0;
  for (const [i, c] of communities.entries()) {
    try {
      const report = await run(deps, job, c, opts.now, opts.force);
      opts.out(`[${i + 1}/${communities.length}] ${c.name} (${c.platform}): ${report.posted.length ? `queued ${report.posted.length}` : "nothing due"}`);
      for (const line of report.posted) opts.out(`  + ${line}`);
      for (const line of report.skipped) opts.out(`  · ${line}`);
    } catch (error) {
      failed++;
      deps.logger.error("job failed for a community", { job, communityId: c.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      opts.out(`[${i + 1}/${communities.length}] ${c.name} (${c.platform}): failed, see the log; other communities go on`);
    }
  }
  opts.afterClaim?.();
  const deliveryClock: Clock = { now: () => new Date(Math.max(Date.now(), opts.now.getTime())) };
  const ids = communities.map((c) => c.id);
  const result = await deliverOutbox(deps.store, deps.couriers, deliveryClock, deps.logger, { communityIds: ids, deadline: opts.deadline });
  for (const line of result.lines) opts.out(`  ! ${line}`);
  const waiting = await deps.store.jobs.pendingCount(ids);
  const noCourier = [...new Set(communities.filter((c) => !deps.couriers[c.platform]).map((c) => c.platform))];
  opts.out(`delivered ${result.sent}, retrying ${result.retrying}, failed ${result.failed}, waiting ${waiting}` +
    (noCourier.length ? ` (no connection to ${noCourier.join(", ")} in this process: their posts wait for one)` : ""));
  // Deliveries that failed for good are reported above and logged; they are the admin's to fix
  // (permissions, deleted channels), not a failed run.
  return { failed };
};
