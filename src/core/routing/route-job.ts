import type { Community } from "../members/member-types";
import type { RelatedService } from "../related/related-service";
import { DAY, HOUR } from "../shared/clock";
import { inQuietWindow } from "../shared/time-zone";
import type { Store } from "../store";
import { queue, type JobReport } from "../jobs/job-report";
import { rankCandidates } from "./route-ranking";
import { invitationMessage } from "./route-messages";
import { DEFAULT_INVITES_PER_WEEK, HELP_WINDOW_DAYS, INVITES_PER_QUESTION, ROUTE_WITHIN_DAYS } from "./route-types";

export interface RouteSettings {
  /** PEERLOOP_ROUTE_AFTER_MINUTES: how long a question waits with no reply before it is offered. */
  afterMinutes: number;
  /** Invitations a member a week when they chose nothing. */
  invitesPerWeek?: number;
  related?: RelatedService;
}

const BATCH = 200;
const WEEK = 7 * DAY;
const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * Ask the people who know (issue 37): a question nobody but its asker has replied to is offered
 * privately to up to three members, each once: those credited most on resolved questions with its
 * tags or related to it in the last 180 days, then followers of its tags. Never the asker, anyone who
 * wrote in the thread, a forgotten member or a publisher; never more than a member's weekly
 * invitations; a member in quiet hours keeps their place and is invited by a later run. Each
 * invitation is claimed (locks on the question and the member, a unique row) in the transaction that
 * queues it, so replicas and reruns never send one twice or past a limit.
 */
export const runRoute = async (store: Store, community: Community, now: Date, settings: RouteSettings): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  const routing = store.routing;
  if (!routing) return { ...report, skipped: ["no invitations in this process"] };
  // Never later than the unanswered job's first surfacing: invitations come before the channel hears of it.
  const wait = Math.min(settings.afterMinutes * 60_000, community.unansweredHours * HOUR);
  const defaultCap = settings.invitesPerWeek ?? DEFAULT_INVITES_PER_WEEK;
  const weekSince = new Date(now.getTime() - WEEK);
  const due = await routing.due(community.id, new Date(now.getTime() - ROUTE_WITHIN_DAYS * DAY), new Date(now.getTime() - wait), INVITES_PER_QUESTION, BATCH);
  for (const t of due) {
    const invited = await routing.invitations(community.id, t.id);
    let slots = INVITES_PER_QUESTION - invited.length;
    if (slots <= 0) continue;
    const related = settings.related && !t.guardOverride
      ? (await settings.related.find(community.id, t.text)).filter((m) => m.doc.kind === "thread" && m.doc.id !== t.id).map((m) => m.doc.id)
      : [];
    const [credited, followers] = await Promise.all([
      routing.credited(community.id, t.tags, related, new Date(now.getTime() - HELP_WINDOW_DAYS * DAY), t.id),
      t.tags.length ? routing.followers(community.id, t.tags) : Promise.resolve([]),
    ]);
    const excluded = new Set([t.askerId, ...invited.map((i) => i.memberId), ...(await routing.repliers(community.id, t.id))]);
    const ranked = rankCandidates(t.tags, credited, followers).filter((c) => !excluded.has(c.memberId));
    if (ranked.length === 0) continue;
    const members = new Map((await routing.members(community.id, ranked.map((c) => c.memberId))).map((m) => [m.id, m]));
    const sent = await routing.sentSince(community.id, [...members.keys()], weekSince);
    for (const c of ranked) {
      if (slots <= 0) break;
      const m = members.get(c.memberId);
      if (!m) continue; // forgotten, a publisher, or gone
      const cap = m.invitesPerWeek ?? defaultCap;
      if (cap <= 0) continue;
      if ((sent.get(m.id) ?? 0) >= cap) {
        report.skipped.push(`${m.displayName} already had ${cap} invitation${cap === 1 ? "" : "s"} this week`);
        continue;
      }
      // Their place is kept: a later run invites them once their quiet hours end, if it is still unanswered.
      slots--;
      if (inQuietWindow(now, m.timeZone ?? community.timeZone, m.quietStart, m.quietEnd)) {
        report.skipped.push(`invitation to ${m.displayName} waits for their quiet hours to end: ${short(t.text)}`);
        continue;
      }
      const result = await store.transaction(async (tx) => {
        const claimed = await tx.routing!.claim(community.id, t.id, m.id, c.reason, now, { maxInvites: INVITES_PER_QUESTION, weeklyCap: cap, weekSince });
        if (claimed === "invited") {
          await queue(tx, community.id, `route:${t.id}`, [{ to: { kind: "member", memberId: m.id, externalId: m.externalId }, message: invitationMessage(t, c.reason, now) }], now);
        }
        return claimed;
      });
      if (result === "invited") {
        sent.set(m.id, (sent.get(m.id) ?? 0) + 1);
        report.posted.push(`invited ${m.displayName} (${c.reason}): ${short(t.text)}`);
      } else if (result === "answered" || result === "full") {
        break; // a reply came in, or another run filled the places meanwhile
      } else if (result === "capped") {
        slots++;
        report.skipped.push(`${m.displayName} already had ${cap} invitation${cap === 1 ? "" : "s"} this week`);
      }
      // "taken": another run invited this member to this question at the same moment; once is enough.
    }
  }
  return report;
};
