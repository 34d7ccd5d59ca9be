import type { Community } from "../members/member-types";
import type { Clock } from "../shared/clock";
import type { Logger } from "../shared/logger";
import type { Store } from "../store";
import { CourierError, type Couriers } from "./courier";
import { emailFailedMessage } from "./job-messages";

export interface DeliveryResult {
  sent: number;
  retrying: number;
  failed: number;
  lines: string[];
}

const LEASE_MS = 120_000;
const MAX_ATTEMPTS = 8;
/** A wait this short is waited out in the same run; a longer one is left to the next run. */
const INLINE_WAIT_MS = 10_000;
const backoff = (attempts: number) => Math.min(2 ** attempts * 5_000, 15 * 60_000);

/**
 * Sends what jobs queued, through each platform's courier. A message is leased before sending and
 * marked sent with the platform's reference after: nothing queued is lost, and a sent message is
 * never sent again. (A crash between the platform accepting a message and the mark leaves it to be
 * sent again when the lease ends: the one window where a duplicate is possible.)
 */
export const deliverOutbox = async (
  store: Store,
  couriers: Couriers,
  clock: Clock,
  logger: Logger,
  opts: { communityIds?: readonly string[]; deadline?: number; sleep?: (ms: number) => Promise<void> } = {},
): Promise<DeliveryResult> => {
  const result: DeliveryResult = { sent: 0, retrying: 0, failed: 0, lines: [] };
  const sleep = opts.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  // The communities this process can post for (a courier for their platform), within the scope asked.
  const communities = new Map<string, Community>((await store.communities.list())
    .filter((c) => (couriers[c.platform] || couriers.email) && (!opts.communityIds || opts.communityIds.includes(c.id)))
    .map((c) => [c.id, c]));
  // All of a community's messages where this process has its platform's courier; only its emails elsewhere.
  const scope = [...communities.values()].filter((c) => couriers[c.platform]).map((c) => c.id);
  const emailOnly = [...communities.values()].filter((c) => !couriers[c.platform]).map((c) => c.id);
  if (communities.size === 0) return result;

  for (let round = 0; round < 100 && (!opts.deadline || Date.now() < opts.deadline); round++) {
    const batch = await store.jobs.lease(clock.now(), 25, LEASE_MS, scope, emailOnly);
    if (batch.length === 0) break;
    for (const item of batch) {
      const community = communities.get(item.communityId)!;
      const courier = item.audience.kind === "email" ? couriers.email : couriers[community.platform];
      if (!courier) {
        // An email in a process configured without email (a test's job run): leave it to one that has it.
        await store.jobs.markFailed(item.id, `no ${item.audience.kind === "email" ? "email" : community.platform} courier in this process`, new Date(clock.now().getTime() + 60_000));
        continue;
      }
      let error: unknown;
      for (let tries = 0; tries < 3; tries++) {
        try {
          const { ref } = await courier.deliver(community, item.audience, item.message);
          await store.jobs.markSent(item.id, ref, clock.now());
          result.sent++;
          error = undefined;
          break;
        } catch (e) {
          error = e;
          const wait = e instanceof CourierError && e.retryable ? (e.retryAfterMs ?? 0) : Infinity;
          if (wait > INLINE_WAIT_MS) break;
          await sleep(wait);
        }
      }
      if (error === undefined) continue;
      const retryable = !(error instanceof CourierError) || error.retryable;
      const message = error instanceof Error ? error.message : String(error);
      if (retryable && item.attempts < MAX_ATTEMPTS) {
        const after = Math.max(backoff(item.attempts), error instanceof CourierError ? (error.retryAfterMs ?? 0) : 0);
        await store.jobs.markFailed(item.id, message, new Date(clock.now().getTime() + after));
        result.retrying++;
        logger.warn("delivery failed, will retry", { outboxId: item.id, communityId: item.communityId, error: message, attempts: item.attempts });
      } else {
        await store.jobs.markFailed(item.id, message, null);
        result.failed++;
        // An address that refuses mail for good: email stops, and its member hears it in chat, once.
        if (item.audience.kind === "email" && store.emails && (await store.emails.markFailed(item.communityId, item.audience.memberId, clock.now()))) {
          const member = await store.members.get(item.communityId, item.audience.memberId);
          if (member) {
            await store.jobs.enqueue([{ communityId: item.communityId, dedupeKey: `email-failed:${member.id}:${clock.now().toISOString().slice(0, 10)}`,
              audience: { kind: "member", memberId: member.id, externalId: member.externalId }, message: emailFailedMessage(item.audience.address), at: clock.now() }]);
          }
        }
        logger.error("delivery failed for good", { outboxId: item.id, communityId: item.communityId, error: message });
        result.lines.push(`could not deliver a message in ${community.name}: ${message}`);
      }
    }
  }
  return result;
};
