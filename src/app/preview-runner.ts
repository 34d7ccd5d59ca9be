import { deliverOutbox } from "../core/jobs/deliver-outbox";
import type { Couriers } from "../core/jobs/courier";
import type { PreviewService } from "../core/resources/preview-service";
import type { Clock } from "../core/shared/clock";
import type { Logger } from "../core/shared/logger";
import type { Store } from "../core/store";

export interface PreviewRunner {
  /** Reads a just-posted resource's preview in the background and updates its card. */
  push(communityId: string, resourceId: string): void;
  /** Waits (at most `ms`) for previews already started; queued ones are left to the links job. */
  drain(ms: number): Promise<void>;
}

const CONCURRENT = 4;
const QUEUE_MAX = 200;

/**
 * Link previews off the answer's path: a few at a time, each followed by delivering the card's
 * update. A full queue drops work rather than growing (the weekly links job fills any gaps).
 */
export const previewRunner = (deps: { previews: PreviewService; store: Store; couriers: Couriers; clock: Clock; logger: Logger }): PreviewRunner => {
  const queue: [string, string][] = [];
  const running = new Set<Promise<void>>();
  let stopped = false;
  const one = async (communityId: string, resourceId: string) => {
    try {
      if (await deps.previews.refresh(communityId, resourceId)) {
        await deliverOutbox(deps.store, deps.couriers, deps.clock, deps.logger, { communityIds: [communityId], deadline: Date.now() + 20_000 });
      }
    } catch (error) {
      deps.logger.warn("link preview failed", { communityId, resourceId, error: error instanceof Error ? error.message : String(error) });
    }
  };
  const next = () => {
    while (!stopped && running.size < CONCURRENT && queue.length) {
      const [c, r] = queue.shift()!;
      const p: Promise<void> = one(c, r).finally(() => {
        running.delete(p);
        next();
      });
      running.add(p);
    }
  };
  return {
    push(communityId, resourceId) {
      if (stopped || queue.length >= QUEUE_MAX) return;
      queue.push([communityId, resourceId]);
      next();
    },
    async drain(ms) {
      stopped = true;
      queue.length = 0;
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, ms).unref())]);
    },
  };
};
