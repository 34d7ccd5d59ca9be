import { emailDigest } from "../email/email-messages";
import type { Community } from "../members/member-types";
import { inQuietWindow } from "../shared/time-zone";
import type { Store } from "../store";
import { catchUpPeriod } from "./catch-up-period";
import type { JobReport } from "./job-report";

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
    const period = catchUpPeriod(email.frequency, now, tz, force);
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
