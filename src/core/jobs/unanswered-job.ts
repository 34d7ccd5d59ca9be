import type { Community } from "../members/member-types";
import type { NotificationService } from "../notifications/notification-service";
import { DAY, HOUR } from "../shared/clock";
import type { Outgoing } from "../shared/message";
import { inQuietWindow } from "../shared/time-zone";
import type { Store } from "../store";
import { askerNudgeMessage, channelNudgeMessage, followerUnansweredMessage, stillWaitingMessage } from "./job-messages";
import { queue, type JobReport } from "./job-report";
import type { RelatedService } from "../related/related-service";

/** Surfacing steps as multiples of the community's threshold: 24 h and 72 h by default. */
const STEPS = [1, 3];
const NUDGE_AFTER = 3 * DAY;
const BATCH = 500;

/**
 * Surfaces open questions nobody but the asker has replied to, at most twice, and nudges askers
 * whose answered questions stay open after three days. Each step is claimed by a unique row in the
 * same transaction that queues its posts, so replicas and reruns never repeat one.
 */
export const runUnanswered = async (store: Store, notifications: NotificationService, community: Community, now: Date, related?: RelatedService, questionUrl?: (communityId: string, threadId: string) => string): Promise<JobReport> => {
  const threshold = community.unansweredHours * HOUR;
  const report: JobReport = { community, posted: [], skipped: [] };
  const candidates = await store.followups.unanswered(community.id, new Date(now.getTime() - threshold), STEPS.length, BATCH);
  for (const t of candidates) {
    const step = t.surfaceCount + 1;
    const due = threshold * STEPS[step - 1]!;
    if (now.getTime() - t.createdAt.getTime() < due) continue;
    const gap = step > 1 ? threshold * (STEPS[step - 1]! - STEPS[step - 2]!) : 0;
    if (t.lastSurfacedAt && now.getTime() - t.lastSurfacedAt.getTime() < gap) continue;
    const last = step === STEPS.length;
    const posts: Outgoing[] = [];
    const threadRef = t.threadRef ?? t.messageRef;
    // An earlier answered question on the same need: the thread hears of it (never a flagged question's text).
    const maybe = related && !t.guardOverride ? (await related.afterPosting(community.id, t.text)).find((m) => m.doc.kind === "thread" && m.doc.id !== t.id)?.doc : undefined;
    const earlier = maybe ? { title: maybe.title, channelId: maybe.channelId, messageRef: maybe.messageRef, url: questionUrl?.(community.id, maybe.id) } : undefined;
    if (threadRef) posts.push({ to: { kind: "thread", threadRef, channelId: t.channelId ?? undefined }, message: stillWaitingMessage(t, now, last, earlier) });
    if (t.channelId && (last || !threadRef)) posts.push({ to: { kind: "post", channelId: t.channelId }, message: channelNudgeMessage(t, now) });
    const done = await store.transaction(async (tx) => {
      if (!(await tx.followups.claimSurfacing(community.id, t.id, step, now))) return false;
      const dms = await notifications.announce(tx, community, {
        kind: "unanswered", refId: t.id, tags: t.tags, authorId: t.askerId,
        summary: `Still unanswered: ${t.text.slice(0, 80)}`, message: followerUnansweredMessage(t, now), guardOverride: t.guardOverride,
      }, now);
      await queue(tx, community.id, `unanswered:${t.id}:${step}`, [...posts, ...dms], now);
      return true;
    });
    (done ? report.posted : report.skipped).push(`surfaced (step ${step}): ${t.text.slice(0, 60)}`);
  }

  for (const t of await store.followups.needingNudge(community.id, new Date(now.getTime() - NUDGE_AFTER), BATCH)) {
    const asker = await store.members.get(community.id, t.askerId);
    if (!asker || asker.notify === "off") continue;
    if (inQuietWindow(now, asker.timeZone ?? community.timeZone, asker.quietStart, asker.quietEnd)) {
      report.skipped.push(`nudge waits for ${asker.displayName}'s quiet hours to end`);
      continue;
    }
    const done = await store.transaction(async (tx) => {
      if (!(await tx.followups.claimNudge(community.id, t.id, now))) return false;
      await queue(tx, community.id, `nudge:${t.id}`, [{ to: { kind: "member", memberId: asker.id, externalId: asker.externalId }, message: askerNudgeMessage(t) }], now);
      return true;
    });
    if (done) report.posted.push(`nudged ${asker.displayName} to close: ${t.text.slice(0, 60)}`);
  }
  return report;
};
