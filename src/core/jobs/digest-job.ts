import type { Community, Member } from "../members/member-types";
import { inQuietWindow, zonedParts } from "../shared/time-zone";
import type { Store } from "../store";
import { digestMessage } from "./job-messages";
import { queue, type JobReport } from "./job-report";
import { isoWeekKey, localDateKey } from "./periods";

/** Digests go out in the member's local morning. */
export const DIGEST_HOUR = 8;

/** Which digest is due for a member now, as the claim's period; null when none is. */
const duePeriod = (m: Member, tz: string, now: Date, force: boolean): string | null => {
  const p = zonedParts(now, tz);
  const morning = force || p.hour >= DIGEST_HOUR;
  switch (m.notify) {
    case "daily": return morning ? `daily:${localDateKey(now, tz)}` : null;
    case "weekly": return morning && (force || p.weekday === 1) ? `weekly:${isoWeekKey(now, tz)}` : null;
    // Instant notifications held back by quiet hours go out as soon as the quiet hours end.
    case "instant": return `held:${localDateKey(now, tz)}T${String(p.hour).padStart(2, "0")}`;
    case "off": return null;
  }
};

/** Sends each member's waiting notifications as one direct message, once per period. */
export const runDigests = async (store: Store, community: Community, now: Date, force: boolean): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  for (const m of await store.followups.withPendingDigests(community.id)) {
    const tz = m.timeZone ?? community.timeZone;
    const period = duePeriod(m, tz, now, force);
    if (!period) continue;
    if (inQuietWindow(now, tz, m.quietStart, m.quietEnd)) {
      report.skipped.push(`${m.displayName}'s digest waits for quiet hours to end`);
      continue;
    }
    const sent = await store.transaction(async (tx) => {
      const items = await tx.digests.pending(community.id, m.id);
      if (items.length === 0 || !(await tx.jobs.claim("digest", community.id, `${m.id}:${period}`, now))) return 0;
      const frequency = m.notify === "instant" ? "catch-up" : m.notify;
      await queue(tx, community.id, `digest:${m.id}:${period}`, [{ to: { kind: "member", memberId: m.id, externalId: m.externalId }, message: digestMessage(items, frequency) }], now);
      await tx.digests.markSent(community.id, items.map((i) => i.id), now);
      return items.length;
    });
    if (sent) report.posted.push(`digest for ${m.displayName}: ${sent} item${sent === 1 ? "" : "s"}`);
  }
  return report;
};
