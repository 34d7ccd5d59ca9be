import { deliverOutbox } from "../core/jobs/deliver-outbox";
import type { Couriers } from "../core/jobs/courier";
import type { Clock } from "../core/shared/clock";
import type { Logger } from "../core/shared/logger";
import type { Store } from "../core/store";

/**
 * Delivers the outbox soon after a member's command queued something in it (a code by text or
 * email, an instant alert), instead of at the scheduler's next minute. Kicks coalesce: one delivery
 * runs at a time, and kicks during it ask for one more pass after it.
 */
export const outboxKick = (deps: { store: Store; couriers: Couriers; clock: Clock; logger: Logger }) => {
  let running: Promise<void> | undefined;
  let again = false;
  const pass = async () => {
    do {
      again = false;
      try {
        if (await deps.store.jobs.pendingCount()) await deliverOutbox(deps.store, deps.couriers, deps.clock, deps.logger, { deadline: Date.now() + 20_000 });
      } catch (error) {
        deps.logger.warn("outbox delivery after a command failed; the scheduler tries again", { error: error instanceof Error ? error.message : String(error) });
      }
    } while (again);
  };
  return {
    kick(): void {
      if (running) {
        again = true;
        return;
      }
      running = pass().finally(() => (running = undefined));
    },
    /** Waits (at most `ms`) for a delivery under way, on shutdown. */
    async drain(ms: number): Promise<void> {
      if (running) await Promise.race([running, new Promise((r) => setTimeout(r, ms).unref())]);
    },
  };
};
