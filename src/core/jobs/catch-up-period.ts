import { zonedParts } from "../shared/time-zone";
import { DIGEST_HOUR } from "./digest-job";
import { isoWeekKey, localDateKey } from "./periods";

/**
 * The period a member's catch-up message (an e-mail digest, a summary text) belongs to, in their time
 * zone, or null when none is due now: daily and weekly ones in the local morning (weekly on Mondays),
 * and instant alerts that quiet hours or a cap held back, once per local hour. `force` (a run from the
 * command line) does not wait for the morning or the Monday.
 */
export const catchUpPeriod = (frequency: string, now: Date, tz: string, force: boolean): string | null => {
  const p = zonedParts(now, tz);
  const morning = force || p.hour >= DIGEST_HOUR;
  if (frequency === "daily") return morning ? `daily:${localDateKey(now, tz)}` : null;
  if (frequency === "weekly") return morning && (force || p.weekday === 1) ? `weekly:${isoWeekKey(now, tz)}` : null;
  if (frequency === "instant") return `held:${localDateKey(now, tz)}T${String(p.hour).padStart(2, "0")}`;
  return null;
};
