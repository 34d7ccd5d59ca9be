import type { HealthFigures } from "./health-types";
import { countOf } from "../shared/plural";

/** Minutes as people say them: "45 min", "3 h", "2.5 days". */
export const duration = (minutes: number | null): string => {
  if (minutes === null) return "none yet";
  if (minutes < 60) return `${minutes} min`;
  if (minutes < 48 * 60) return `${Math.round(minutes / 6) / 10} h`.replace(".0 h", " h");
  return `${Math.round(minutes / 144) / 10} days`.replace(".0 days", " days");
};

export const percent = (share: number | null): string => (share === null ? "n/a" : `${Math.round(share * 100)}%`);

/** ↑ more, ↓ fewer, → the same, against the period before; `better` says which way is good. */
const arrow = (now: number | null, before: number | null, unit: (v: number) => string, better: "up" | "down"): string => {
  if (now === null || before === null) return "";
  if (now === before) return " → same as before";
  const up = now > before;
  return ` ${up ? "↑" : "↓"} from ${unit(before)}${up === (better === "up") ? "" : " (worse)"}`;
};
const plain = (v: number) => String(v);

/** The five lines of `/peerloop health`. */
export const healthLines = (now: HealthFigures, before: HealthFigures): string[] => [
  `Questions: ${now.questions_asked} asked${arrow(now.questions_asked, before.questions_asked, plain, "up")}, ${now.questions_answered} answered, ${now.questions_resolved} resolved.`,
  `Answered within 24 h: ${percent(now.answered_within_24h_share)}${arrow(now.answered_within_24h_share, before.answered_within_24h_share, (v) => percent(v), "up")}; first reply median ${duration(now.median_first_reply_minutes)}${arrow(now.median_first_reply_minutes, before.median_first_reply_minutes, (v) => duration(v), "down")}, 90th percentile ${duration(now.p90_first_reply_minutes)}.`,
  `Open backlog: ${now.open_backlog}${now.backlog_by_age.slice(3).some((b) => b.count) ? ` (${now.backlog_by_age.slice(3).reduce((a, b) => a + b.count, 0)} older than a week)` : ""}; surfaced then answered within 48 h: ${percent(now.surfaced_then_answered_share)}.`,
  `Helpers: ${now.helpers}${arrow(now.helpers, before.helpers, plain, "up")}; the top 3 gave ${percent(now.top3_helper_share)} of answers.`,
  `Library: ${countOf(now.shares, "share")}, ${countOf(now.endorsements, "endorsement")}${now.web_opens !== null ? `, ${countOf(now.web_opens, "web open")}` : ""}; members active this week: ${now.active_members}${arrow(now.active_members, before.active_members, plain, "up")}.`,
];

/** The roundup's last line, for everyone: "12 questions, 10 answered, median first reply 3 h". */
export const roundupHealthLine = (asked: number, answered: number, medianMinutes: number | null): string =>
  `${asked} question${asked === 1 ? "" : "s"}, ${answered} answered${medianMinutes !== null ? `, median first reply ${duration(medianMinutes)}` : ""}`;
