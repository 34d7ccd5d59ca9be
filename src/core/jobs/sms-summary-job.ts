import type { Community } from "../members/member-types";
import { summaryText } from "../sms/sms-text";
import { inQuietWindow } from "../shared/time-zone";
import type { Store } from "../store";
import { catchUpPeriod } from "./catch-up-period";
import type { JobReport } from "./job-report";
import { localDateKey } from "./periods";

/**
 * Each member's summary text, once per period across replicas (the claim is unique, the outbox key
 * too): daily texters in their local morning; instant texters whose alerts quiet hours or the day's
 * cap held back, once quiet hours end and the day has room again. One text, counts and one link.
 */
export const runSmsSummaries = async (store: Store, community: Community, now: Date, force: boolean, dailyMax: number, siteUrl?: (id: string) => string): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  const sms = store.sms;
  if (!sms) return report;
  for (const { member: m, phone } of await sms.withPendingItems(community.id)) {
    const tz = m.timeZone ?? community.timeZone;
    const day = localDateKey(now, tz);
    const period = catchUpPeriod(phone.frequency, now, tz, force);
    if (!period) continue;
    if (inQuietWindow(now, tz, m.quietStart, m.quietEnd)) {
      report.skipped.push(`${m.displayName}'s summary text waits for quiet hours to end`);
      continue;
    }
    const sent = await store.transaction(async (tx) => {
      const items = await tx.sms!.pendingItems(community.id, m.id);
      if (items.length === 0 || !(await tx.jobs.claim("sms-summary", community.id, `${m.id}:${period}`, now))) return 0;
      if (!(await tx.sms!.takeSlot(community.id, m.id, day, dailyMax))) {
        report.skipped.push(`${m.displayName}'s summary text waits for tomorrow (the day's ${dailyMax} texts are sent)`);
        return 0;
      }
      const counts = { resources: 0, questions: 0, other: 0 };
      for (const i of items) {
        if (i.kind === "resource") counts.resources++;
        else if (i.kind === "thread") counts.questions++;
        else counts.other++;
      }
      const tags = [...new Set(items.flatMap((i) => i.tags))];
      const link = siteUrl && community.webAccess !== "off" ? siteUrl(community.id) : undefined;
      await tx.jobs.enqueue([{
        communityId: community.id, dedupeKey: `sms-summary:${m.id}:${period}`,
        audience: { kind: "sms", memberId: m.id, to: phone.e164, purpose: "summary" },
        message: { text: summaryText(counts, tags, link) }, at: now,
      }]);
      await tx.sms!.markItemsSent(community.id, items.map((i) => i.id), now);
      return items.length;
    });
    if (sent) report.posted.push(`summary text for ${m.displayName}: ${sent} item${sent === 1 ? "" : "s"}`);
  }
  return report;
};
