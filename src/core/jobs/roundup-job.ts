import type { Community } from "../members/member-types";
import { composeRoundup, roundupIssue, roundupMessage } from "../roundups/compose-roundup";
import type { Message } from "../shared/message";
import type { Store } from "../store";
import { queue, type JobReport } from "./job-report";
import { isoWeekKey, weeklySlot } from "./periods";
import { countOf } from "../shared/plural";

/**
 * Posts the roundup of the 7 days ending at `now` in the community's roundup channel (or the
 * week's busiest). At most one per community per ISO week in its time zone: the claim row is unique
 * and is written with the queued post. Scheduled runs wait for the configured local day and hour;
 * `force` (the CLI) runs as of `now` whatever the hour.
 */
export const runRoundup = async (store: Store, community: Community, now: Date, force: boolean, siteUrl?: (communityId: string) => string): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  const period = isoWeekKey(now, community.timeZone);
  if (!force && now < weeklySlot(now, community.timeZone, community.roundupDay, community.roundupHour)) {
    report.skipped.push(`roundup for ${period} is due later this week`);
    return report;
  }
  // The scheduler looks every quarter hour all week: skip the composition once this week's is out.
  if (await store.jobs.claimed("roundup", community.id, period)) {
    report.skipped.push(`roundup ${period} was already posted`);
    return report;
  }
  const roundup = await composeRoundup(store.roundups, community, now, store.links);
  const channel = community.roundupChannel ?? roundup.activity.busiestChannel;
  if (!channel) {
    report.skipped.push(`no activity in the week to ${now.toISOString().slice(0, 10)} and no roundup channel set: nothing to post`);
    return report;
  }
  const claimed = await store.transaction(async (tx) => {
    if (!(await tx.jobs.claim("roundup", community.id, period, now))) return false;
    await tx.roundups.saveIssue(roundupIssue(roundup, period, channel));
    const message = withWebLink(roundupMessage(roundup, community.name), community, period, siteUrl);
    await queue(tx, community.id, `roundup:${period}`, [{ to: { kind: "post", channelId: channel }, message }], now);
    // Members who asked for the roundup by email: one each, with the same claim, so once per week.
    const readers = tx.emails ? await tx.emails.roundupRecipients(community.id) : [];
    await tx.jobs.enqueue(readers.map((r) => ({
      communityId: community.id, dedupeKey: `email-roundup:${period}:${r.memberId}`,
      audience: { kind: "email" as const, memberId: r.memberId, address: r.address, purpose: "roundup" as const }, message, at: now,
    })));
    await tx.jobs.finish("roundup", community.id, period, now, { channel, ...roundup.counts });
    return true;
  });
  if (claimed) {
    const c = roundup.counts;
    report.posted.push(`roundup ${period} in #${channel}: ${countOf(c.resources, "resource")}, ${countOf(c.questions, "question")}, ${c.resolved} resolved`);
  } else {
    report.skipped.push(`roundup ${period} was already posted`);
  }
  return report;
};

/** Where the web pages are on, the roundup links to its page in the archive. */
const withWebLink = (message: Message, community: Community, period: string, siteUrl?: (communityId: string) => string): Message =>
  siteUrl && community.webAccess !== "off"
    ? { ...message, links: [...(message.links ?? []), { label: "This roundup and every earlier one on the web", url: `${siteUrl(community.id)}roundups/${period}` }] }
    : message;
