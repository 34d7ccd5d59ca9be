import type { CreditedHelp, TagFollower } from "./route-types";

/** A member to offer the question to, best first, and why them in their own terms. */
export interface RankedCandidate {
  memberId: string;
  reason: string;
}

const questions = (n: number) => `${n} question${n === 1 ? "" : "s"}`;

/**
 * Who knows best: members credited on the most resolved questions with its tags or related to it
 * (more recent help first among equals), then members who follow its tags (the oldest follow first).
 * The reason names the tag they helped with most ("you helped with 4 questions on #iep").
 */
export const rankCandidates = (tags: readonly string[], credited: readonly CreditedHelp[], followers: readonly TagFollower[]): RankedCandidate[] => {
  const ranked: RankedCandidate[] = [];
  const seen = new Set<string>();
  const helpers = [...credited].sort((a, b) => b.questions - a.questions || b.lastAt.getTime() - a.lastAt.getTime() || a.memberId.localeCompare(b.memberId));
  for (const h of helpers) {
    if (h.questions <= 0 || seen.has(h.memberId)) continue;
    seen.add(h.memberId);
    // The question's own tag order breaks ties, so the reason is stable run to run.
    const best = tags.reduce<[string, number] | undefined>((top, t) => ((h.byTag[t] ?? 0) > (top?.[1] ?? 0) ? [t, h.byTag[t]!] : top), undefined);
    const reason = best ? `you helped with ${questions(best[1])} on #${best[0]}` : `you helped with ${h.related === 1 ? "a similar question" : `${h.related} similar questions`}`;
    ranked.push({ memberId: h.memberId, reason });
  }
  for (const f of followers) {
    if (seen.has(f.memberId)) continue;
    seen.add(f.memberId);
    ranked.push({ memberId: f.memberId, reason: `you follow #${f.tag}` });
  }
  return ranked;
};
