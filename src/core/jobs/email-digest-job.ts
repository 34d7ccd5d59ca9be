import { emailDigest } from "../email/email-messages";
import type { Community } from "../members/member-types";
import { inQuietWindow, zonedParts } from "../shared/time-zone";
import type { Store } from "../store";
import { DIGEST_HOUR } from "./digest-job";
import type { JobReport } from "./job-report";
import { isoWeekKey, localDateKey } from "./periods";

/**
 * Each member's email digest, by their email setting, once per period across replicas (the claim is
 * unique, the outbox key too): daily and weekly in their local morning, and instant alerts that quiet
 * hours held back, as soon as the quiet hours end.
 */
export const runEmailDigests = async (store: Store, community: Community, now: Date, force: boolean, siteUrl?: (id: string) => string): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  const emails = store.emails;
  if (!emails) return report;
  for (const { member: m, email } of await emails.withPendingItems(community.id)) {
    const tz = m.timeZone ?? community.timeZone;
    const p = zonedParts(now, tz);
    const morning = force || p.hour >= DIGEST_HOUR;
    const period = email.frequency === "daily" ? (morning ? `daily:${localDateKey(now, tz)}` : null)
      : email.frequency === "weekly" ? (morning && (force || p.weekday === 1) ? `weekly:${isoWeekKey(now, tz)}` : null)
      : email.frequency === "instant" ? `held:${localDateKey(now, tz)}T${String(p.hour).padStart(2, "0")}` : null;
    if (!period) continue;
    if (inQuietWindow(now, tz, m.quietStart, m.quietEnd)) {
      report.skipped.push(`${m.displayName}'s email digest waits for quiet hours to end`);
      continue;
    }
    const sent = await store.transaction(async (tx) => {
      const items = await tx.emails!.pendingItems(community.id, m.id);
      if (items.length === 0 || !(await tx.jobs.claim("email-digest", community.id, `${m.id}:${period}`, now))) return 0;
      await tx.jobs.enqueue([{
        communityId: community.id, dedupeKey: `email-digest:${m.id}:${period}`,
        audience: { kind: "email", memberId: m.id, address: email.address, purpose: "digest" },
        message: emailDigest(community.name, items, email.frequency === "instant" ? "catch-up" : email.frequency, siteUrl && community.webAccess !== "off" ? siteUrl(community.id) : undefined),
        at: now,
      }]);
      await tx.emails!.markItemsSent(community.id, items.map((i) => i.id), now);
      return items.length;
    });
    if (sent) report.posted.push(`email digest for ${m.displayName}: ${sent} item${sent === 1 ? "" : "s"}`);
  }
  return report;
};
