import type { Platform } from "../core/shared/context";

/** Platform deliveries already handled: a redelivered event claims nothing and changes nothing. */
export interface ProcessedEvents {
  /** true for the first delivery of `eventId`, false for any repeat, across replicas. */
  claim(eventId: string, at: Date): Promise<boolean>;
  /** Gives a claim back (a button press that failed may be pressed again). */
  release(eventId: string): Promise<void>;
  /** Forgets events older than `before` (platforms stop retrying within hours). */
  prune(before: Date): Promise<number>;
  /**
   * true the first time a signed request is seen, false for a replay of it, across replicas (Slack's
   * signature allows replays within its five minutes; its own retries are signed anew).
   */
  claimRequest(signature: string, at: Date): Promise<boolean>;
  /** Forgets request signatures older than `before` (they are refused as stale after five minutes anyway). */
  pruneRequests(before: Date): Promise<number>;
}

/** OAuth installations, stored as the platform SDK hands them over. */
export interface InstallationRepository {
  save(key: string, platform: Platform, data: unknown): Promise<void>;
  find(key: string): Promise<unknown | null>;
  remove(key: string): Promise<void>;
}

/** Values a platform cannot carry in a button (Discord's 100-character custom ids), by key, for a while. */
export interface ButtonValues {
  put(key: string, value: string, expiresAt: Date): Promise<void>;
  /** The value once: taking it deletes it; an expired or unknown key gives null. */
  take(key: string, now: Date): Promise<string | null>;
  /** The value, left in place (a button pressed again must reach its "already done", not "expired"). */
  read(key: string, now: Date): Promise<string | null>;
  prune(before: Date): Promise<number>;
}
