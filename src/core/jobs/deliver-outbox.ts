import type { Community } from "../members/member-types";
import type { Clock } from "../shared/clock";
import type { Logger } from "../shared/logger";
import type { Store } from "../store";
import { CourierError, SIDE_CHANNELS, type Couriers } from "./courier";
import { emailFailedMessage, smsFailedMessage } from "./job-messages";
import type { Message } from "../shared/message";

/** A direct message to a member about their own delivery settings, once a day at most. */
const tellOnce = async (store: Store, communityId: string, memberId: string, what: string, message: Message, now: Date) => {
  const member = await store.members.get(communityId, memberId);
  if (!member) return;
  await store.jobs.enqueue([{ communityId, dedupeKey: `${what}:${member.id}:${now.toISOString().slice(0, 10)}`,
    audience: { kind: "member", memberId: member.id, externalId: member.externalId }, message, at: now }]);
};

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
  const side = SIDE_CHANNELS.filter((k) => couriers[k]);
  // The communities this process can post for (a courier for their platform, or for email or texts), within the scope asked.
  const communities = new Map<string, Community>((await store.communities.list())
    .filter((c) => (couriers[c.platform] || side.length) && (!opts.communityIds || opts.communityIds.includes(c.id)))
    .map((c) => [c.id, c]));
  // All of a community's messages where this process has its platform's courier; only its emails and texts elsewhere.
  const scope = [...communities.values()].filter((c) => couriers[c.platform]).map((c) => c.id);
  const sideOnly = [...communities.values()].filter((c) => !couriers[c.platform]).map((c) => c.id);
  if (communities.size === 0) return result;

  for (let round = 0; round < 100 && (!opts.deadline || Date.now() < opts.deadline); round++) {
    const batch = await store.jobs.lease(clock.now(), 25, LEASE_MS, scope, sideOnly, side);
    if (batch.length === 0) break;
    for (const item of batch) {
      const community = communities.get(item.communityId)!;
      const kind = item.audience.kind;
      const courier = kind === "email" || kind === "sms" ? couriers[kind] : couriers[community.platform];
      if (!courier) {
        // An email or text in a process configured without it (a test's job run): leave it to one that has it.
        await store.jobs.markFailed(item.id, `no ${kind === "email" || kind === "sms" ? kind : community.platform} courier in this process`, new Date(clock.now().getTime() + 60_000));
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
          await tellOnce(store, item.communityId, item.audience.memberId, `email-failed`, emailFailedMessage(item.audience.address), clock.now());
        }
        // A number that opted out or cannot take texts: texts to it stop, and its member hears it in chat, once.
        const stops = error instanceof CourierError ? error.stops : undefined;
        if (item.audience.kind === "sms" && stops && store.sms && (await store.sms.markUndeliverable(item.communityId, item.audience.memberId, stops, clock.now()))) {
          await tellOnce(store, item.communityId, item.audience.memberId, `sms-failed`, smsFailedMessage(item.audience.to, stops), clock.now());
        }
        logger.error("delivery failed for good", { outboxId: item.id, communityId: item.communityId, error: message });
        result.lines.push(`could not deliver a message in ${community.name}: ${message}`);
      }
    }
  }
  return result;
};
