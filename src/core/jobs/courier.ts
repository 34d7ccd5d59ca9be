import type { Community } from "../members/member-types";
import type { Audience, Message } from "../shared/message";
import type { Platform } from "../shared/context";

/** Delivers a neutral message on a community's platform and returns the platform's reference. */
export interface Courier {
  deliver(community: Community, to: Audience, message: Message): Promise<{ ref: string }>;
}

/** Who delivers the outbox: one courier per platform, email's for email audiences, and texts' for SMS. */
export type Couriers = Partial<Record<Platform | "email" | "sms", Courier>>;

/**
 * A delivery failure; `retryable` ones are tried again later (after `retryAfterMs` when given).
 * `stops` says a recipient can no longer be reached at all (a number that opted out, or is not a
 * mobile): delivery to it stops and its member is told once.
 */
export class CourierError extends Error {
  constructor(message: string, readonly retryable: boolean, readonly retryAfterMs?: number, readonly stops?: "stopped" | "invalid") {
    super(message);
    this.name = "CourierError";
  }
}

/** Audiences that are not a chat platform's: delivered by their own courier, whatever the community's platform. */
export const SIDE_CHANNELS = ["email", "sms"] as const;
