import type { Community } from "../members/member-types";
import type { Audience, Message } from "../shared/message";
import type { Platform } from "../shared/context";

/** Delivers a neutral message on a community's platform and returns the platform's reference. */
export interface Courier {
  deliver(community: Community, to: Audience, message: Message): Promise<{ ref: string }>;
}

/** Who delivers the outbox: one courier per platform, and email's for email audiences. */
export type Couriers = Partial<Record<Platform | "email", Courier>>;

/** A delivery failure; `retryable` ones are tried again later (after `retryAfterMs` when given). */
export class CourierError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number) {
    super(message);
    this.name = "CourierError";
  }
}
