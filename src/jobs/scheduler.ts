import cron from "node-cron";
import { deliverOutbox } from "../core/jobs/deliver-outbox";
import { systemClock } from "../core/shared/clock";
import { runJob, type JobDeps } from "./job-runner";
import type { JobName } from "./job-names";

/**
 * The clock behind the jobs (the only node-cron import). Every tick runs "as of now"; each job
 * decides per community or member what is due in their own time zone, and claims it in the
 * database, so several replicas may tick at once and a missed tick is caught up by the next.
 */
export const startScheduler = (deps: JobDeps): { stop(): void } => {
  const quiet = () => undefined;
  const tick = (job: JobName) => async () => {
    try {
      await runJob(deps, job, { now: new Date(), force: false, out: quiet, deadline: Date.now() + 5 * 60_000 });
    } catch (error) {
      deps.logger.error("scheduled job failed", { job, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const tasks = [
    // Invitations to the people who know (issue 37) every quarter hour; at :05 they go first, so a
    // question due both ways is offered privately before the unanswered job posts it in the channel.
    cron.schedule("5 * * * *", async () => {
      await tick("route")();
      await tick("unanswered")();
    }, { name: "unanswered", noOverlap: true }),
    cron.schedule("20,35,50 * * * *", tick("route"), { name: "route", noOverlap: true }),
    // Roundups and digests are due at local hours in many time zones: look every quarter hour.
    cron.schedule("*/15 * * * *", tick("roundup"), { name: "roundup", noOverlap: true }),
    cron.schedule("*/15 * * * *", tick("digests"), { name: "digests", noOverlap: true }),
    // Feeds: each source has its own next read (an hour, longer after failures or a Retry-After).
    cron.schedule("*/15 * * * *", tick("sources"), { name: "sources", noOverlap: true }),
    // Every link is re-checked weekly; a daily run spreads the checks over the week.
    cron.schedule("10 4 * * *", tick("links"), { name: "links", noOverlap: true }),
    cron.schedule("40 3 * * *", tick("prune"), { name: "prune", noOverlap: true }),
    // Related answers: what the index has not read yet (items are indexed as they change; this catches the rest).
    cron.schedule("25 3 * * *", tick("related"), { name: "related", noOverlap: true }),
    // Community health: the rollups behind the figures, once an hour.
    cron.schedule("17 * * * *", tick("health"), { name: "health", noOverlap: true }),
    // Retries of failed deliveries.
    cron.schedule("* * * * *", async () => {
      try {
        await deliverOutbox(deps.store, deps.couriers, systemClock, deps.logger, { deadline: Date.now() + 50_000 });
      } catch (error) {
        deps.logger.error("outbox delivery failed", { error: error instanceof Error ? error.message : String(error) });
      }
    }, { name: "outbox", noOverlap: true }),
  ];
  return { stop: () => tasks.forEach((t) => void t.stop()) };
};
