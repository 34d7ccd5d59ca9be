import type { Community } from "../members/member-types";
import { resourceTitle } from "../resources/resource-cards";
import { DAY } from "../shared/clock";
import type { Item, Message } from "../shared/message";
import { threadLabel } from "../threads/thread-cards";
import type { BrokenLink, LinkRepository } from "../links/link-types";
import { titleFromUrl } from "../resources/normalize-url";
import type { FeedbackLoop, RoundupIssue, RoundupRepository, WeekActivity, WeekCounts } from "./roundup-types";
import { roundupHealthLine } from "../health/health-text";

export interface Roundup {
  communityId: string;
  from: Date;
  to: Date;
  activity: WeekActivity;
  counts: WeekCounts;
  previous: WeekCounts;
  /** Library links that broke in the week, for someone to replace. */
  brokenLinks: BrokenLink[];
  /** Whether the week's questions got answers (the last line). */
  loop?: FeedbackLoop;
}

const SECTION_LIMIT = 10;

/** The roundup of the 7 days ending at `to`: a function of stored data and the week, nothing else. */
export const composeRoundup = async (repo: RoundupRepository, community: Community, to: Date, links?: LinkRepository): Promise<Roundup> => {
  const from = new Date(to.getTime() - 7 * DAY);
  const [activity, counts, previous, brokenLinks, loop] = await Promise.all([
    repo.activity(community.id, from, to, SECTION_LIMIT),
    repo.counts(community.id, from, to),
    repo.counts(community.id, new Date(from.getTime() - 7 * DAY), from),
    links ? links.brokenBetween(community.id, from, to, SECTION_LIMIT) : [],
    repo.feedbackLoop?.(community.id, from, to),
  ]);
  return { communityId: community.id, from, to, activity, counts, previous, brokenLinks, ...(loop ? { loop } : {}) };
};

/** What the archive keeps of a posted roundup: ids, not text, so pages show current names and records. */
export const roundupIssue = (r: Roundup, period: string, channelId: string | null): RoundupIssue => ({
  communityId: r.communityId, period, from: r.from, to: r.to, channelId, counts: r.counts, previous: r.previous,
  resourceIds: r.activity.resources.map((x) => x.id),
  resolvedIds: r.activity.resolved.map((x) => x.id),
  openIds: r.activity.open.map((x) => x.id),
  helpers: r.activity.helpers.map((h) => ({ memberId: h.memberId, replies: h.replies })),
  tags: r.activity.tags,
});

const trend = (now: number, before: number): string => {
  if (now === before) return `${now} (same as last week)`;
  return `${now} (${now > before ? "+" : ""}${now - before} on last week)`;
};

const place = (channelId: string | null, messageRef: string | null) => (channelId ? { channelId, messageRef: messageRef ?? undefined } : undefined);

export const roundupMessage = (r: Roundup, communityName: string): Message => {
  const a = r.activity;
  const section = (title: string, items: Item[], empty: string): Item[] => [{ title, detail: items.length ? undefined : empty }, ...items];
  const items: Item[] = [
    ...section("New resources", a.resources.map((res) => ({
      title: resourceTitle(res), url: res.url,
      detail: `shared by ${res.sharerName}${res.endorsementCount ? ` · ${res.endorsementCount} endorsement${res.endorsementCount === 1 ? "" : "s"}` : ""}`,
      place: place(res.channelId, res.messageRef),
    })), "No new resources this week."),
    ...section("Questions resolved", a.resolved.map((t) => ({
      title: threadLabel(t),
      detail: `asked by ${t.askerName}${t.helperNames.length ? ` · thanks to ${t.helperNames.join(", ")}` : ""}`,
      place: place(t.channelId, t.messageRef),
    })), "None resolved this week."),
    ...section("Still open: can you help?", a.open.map((t) => ({
      title: threadLabel(t), detail: `asked by ${t.askerName} · ${t.replyCount} repl${t.replyCount === 1 ? "y" : "ies"}`,
      place: place(t.channelId, t.messageRef),
    })), "Every question has been closed. 🎉"),
    ...(r.brokenLinks.length ? section("Links that broke this week: know where they went? Share the new address", r.brokenLinks.map((l) => ({
      title: l.title ?? titleFromUrl(l.url), url: l.url, detail: `shared by ${l.sharerName} · failed twice in a row`,
    })), "") : []),
  ];
  const day = (d: Date) => d.toISOString().slice(0, 10);
  return {
    title: `This week in ${communityName}`,
    text: `What the community learned from ${day(r.from)} to ${day(r.to)}.`,
    items,
    fields: [
      { label: "Helpers", value: a.helpers.length ? a.helpers.map((h) => `${h.name} (${h.replies})`).join(", ") : "none this week" },
      { label: "Trending tags", value: a.tags.length ? a.tags.map((t) => `#${t.tag} (${t.count})`).join(" ") : "none" },
      { label: "Resources shared", value: trend(r.counts.resources, r.previous.resources) },
      { label: "Questions asked", value: trend(r.counts.questions, r.previous.questions) },
      { label: "Questions resolved", value: trend(r.counts.resolved, r.previous.resolved) },
      { label: "Replies", value: trend(r.counts.replies, r.previous.replies) },
      ...(r.counts.reused || r.previous.reused ? [{ label: "Answered from the archive", value: trend(r.counts.reused ?? 0, r.previous.reused ?? 0) }] : []),
      // Last, for everyone: whether the feedback loop closed this week.
      ...(r.loop ? [{ label: "Feedback loop", value: roundupHealthLine(r.loop.asked, r.loop.answered, r.loop.medianFirstReplyMinutes) }] : []),
    ],
  };
};
