import { FIGURE_DEFINITIONS, HEALTH_WINDOWS, type FigureKey, type HealthReport } from "../../core/health/health-types";
import { duration, percent } from "../../core/health/health-text";
import { html, type Html } from "./html";
import { groupedBars, horizontalBars, PALETTE } from "./web-charts";
import { formatDate, page, type PageContext } from "./web-layout";

const table = (caption: string, head: string[], rows: (string | number)[][]): Html => html`<table class="figures">
<caption>${caption}</caption>
<thead><tr>${head.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
<tbody>${rows.map((r) => html`<tr>${r.map((c, i) => (i === 0 ? html`<th scope="row">${c}</th>` : html`<td>${c}</td>`))}</tr>`)}</tbody>
</table>`;

const figure = (label: string, value: string, key: FigureKey) => html`<div><dt><abbr title="${FIGURE_DEFINITIONS[key]}">${label}</abbr></dt><dd data-figure="${key}">${value}</dd></div>`;

/** `/c/<community>/health`: the feedback loop in figures and charts, for admins. */
export const healthPage = (ctx: PageContext, r: HealthReport): Html => {
  const q = (days: number, tag: string | null) => `${ctx.base}/health?days=${days}${tag ? `&tag=${encodeURIComponent(tag)}` : ""}`;
  const weeks = r.weekly.map((w) => w.week.slice(5));
  const helperName = (n: string | null) => n ?? "a member (not listed)";
  const time = replyTimeUnit(r.weekly.map((w) => w.medianFirstReplyMinutes));
  return page(ctx, {
    title: "Community health",
    section: "health",
    body: html`<h1>Community health</h1>
<p class="meta">The ${r.window.days} days to ${formatDate(ctx, new Date(r.window.to))}${r.window.tag ? `, questions and shares tagged #${r.window.tag}` : ""}. Figures include everything up to ${r.as_of ? formatDate(ctx, new Date(r.as_of)) : "now"} (the health job reads the community hourly).</p>
<form method="get" action="${ctx.base}/health" class="filters">
<label>Window <select name="days">${HEALTH_WINDOWS.map((d) => html`<option value="${d}"${d === r.window.days ? html` selected` : ""}>${d} days</option>`)}</select></label>
<label>Tag <input name="tag" value="${r.window.tag ?? ""}" placeholder="all tags" maxlength="50"></label>
<button type="submit">Show</button>
<a href="${ctx.base}/health.csv?days=${r.window.days}${r.window.tag ? `&tag=${encodeURIComponent(r.window.tag)}` : ""}" download>Weekly series (CSV)</a>
</form>
<h2>The feedback loop</h2>
<dl class="counts">
${figure("Questions asked", String(r.questions_asked), "questions_asked")}
${figure("Answered", String(r.questions_answered), "questions_answered")}
${figure("Resolved", String(r.questions_resolved), "questions_resolved")}
${figure("Answered within 24 h", percent(r.answered_within_24h_share), "answered_within_24h_share")}
${figure("Median first reply", duration(r.median_first_reply_minutes), "median_first_reply_minutes")}
${figure("90th percentile", duration(r.p90_first_reply_minutes), "p90_first_reply_minutes")}
${figure("Open backlog", String(r.open_backlog), "open_backlog")}
${figure("Surfaced, then answered in 48 h", percent(r.surfaced_then_answered_share), "surfaced_then_answered_share")}
${figure("Nudged, then resolved", percent(r.nudged_then_resolved_share), "nudged_then_resolved_share")}
</dl>
<h2>Asking the people who know</h2>
<dl class="counts">
${figure("Invitations sent", String(r.invitations_sent), "invitations_sent")}
${figure("Answered by an invited member in 24 h", percent(r.answered_by_invited_24h), "answered_by_invited_24h")}
${figure("Median first reply, offered privately", duration(r.median_first_reply_minutes_routed), "median_first_reply_minutes_routed")}
${figure("Median first reply, not offered", duration(r.median_first_reply_minutes_not_routed), "median_first_reply_minutes_not_routed")}
</dl>
<h2>Questions each week</h2>
${groupedBars({ title: "Questions asked, answered and resolved each week", desc: `Weekly bars for the ${r.window.days} days: ${r.weekly.map((w) => `${w.week}: ${w.asked} asked, ${w.answered} answered, ${w.resolved} resolved`).join("; ") || "no questions"}.`,
  labels: weeks, integer: true, series: [{ name: "asked", values: r.weekly.map((w) => w.asked) }, { name: "answered", values: r.weekly.map((w) => w.answered) }, { name: "resolved", values: r.weekly.map((w) => w.resolved) }] })}
${table("Questions each week (weeks start on Monday)", ["Week", "Asked", "Answered", "Resolved"], r.weekly.map((w) => [w.week, w.asked, w.answered, w.resolved]))}
<h2>Time to first reply</h2>
${groupedBars({ title: `Median time to first reply each week, in ${time.unit}`, desc: r.weekly.map((w) => `${w.week}: ${duration(w.medianFirstReplyMinutes)}`).join("; ") || "no answered questions",
  labels: weeks, series: [{ name: `median first reply (${time.unit})`, values: r.weekly.map((w) => (w.medianFirstReplyMinutes === null ? null : w.medianFirstReplyMinutes / time.per)) }] })}
${table("Median time to first reply each week", ["Week", "Median first reply"], r.weekly.map((w) => [w.week, duration(w.medianFirstReplyMinutes)]))}
<h2>Open backlog by age</h2>
${horizontalBars({ title: "Open questions by age", desc: r.backlog_by_age.map((b) => `${b.label}: ${b.count}`).join("; "), items: r.backlog_by_age.map((b) => ({ label: b.label, value: b.count })), color: PALETTE[2] })}
${table("Open questions by age", ["Age", "Open"], r.backlog_by_age.map((b) => [b.label, b.count]))}
<h2>Who carries the load</h2>
<dl class="counts">
${figure("Helpers", String(r.helpers), "helpers")}
${figure("Top 3 helpers' share", percent(r.top3_helper_share), "top3_helper_share")}
</dl>
${r.top_helpers.length ? html`${horizontalBars({ title: "Answers by the busiest helpers", desc: r.top_helpers.map((h) => `${helperName(h.name)}: ${h.answers}`).join("; "), items: r.top_helpers.map((h) => ({ label: helperName(h.name), value: h.answers })), color: PALETTE[1] })}
${table("Answers by the busiest helpers (members who chose not to be listed are not named)", ["Helper", "Answers"], r.top_helpers.map((h) => [helperName(h.name), h.answers]))}` : html`<p>No one answered a question in this window.</p>`}
<h2>Library and members</h2>
<dl class="counts">
${figure("Shares", String(r.shares), "shares")}
${figure("Endorsements", String(r.endorsements), "endorsements")}
${figure("Opened on the web", r.web_opens === null ? "n/a" : String(r.web_opens), "web_opens")}
${figure("Broken links", String(r.broken_links), "broken_links")}
${figure("Answers reused", String(r.reused_answers), "reused_answers")}
${figure("Related answers offered", String(r.suggestions_shown ?? 0), "suggestions_shown")}
${figure("Accepted", String(r.suggestions_accepted ?? 0), "suggestions_accepted")}
${figure("Passed over", String(r.suggestions_passed ?? 0), "suggestions_passed")}
${figure("Active this week", String(r.active_members), "active_members")}
${figure("New members", String(r.new_members), "new_members")}
${figure("Finished the welcome", percent(r.finished_welcome ?? null), "finished_welcome")}
${figure("First post within 7 days", percent(r.first_post_within_7d ?? null), "first_post_within_7d")}
${figure("Quiet but following", String(r.quiet_following), "quiet_following")}
</dl>
<h2>What the figures mean</h2>
<dl class="definitions">${(Object.keys(FIGURE_DEFINITIONS) as FigureKey[]).map((k) => html`<dt>${k}</dt><dd>${FIGURE_DEFINITIONS[k]}</dd>`)}</dl>
<p class="meta">Other windows: ${HEALTH_WINDOWS.map((d) => html`<a href="${q(d, r.window.tag)}">${d} days</a> `)}</p>`,
  });
};

/** Minutes while every median is under two hours, else hours: the axis reads in the unit the data calls for. */
export const replyTimeUnit = (minutes: (number | null)[]): { unit: "minutes" | "hours"; per: number } =>
  Math.max(0, ...minutes.map((m) => m ?? 0)) < 120 ? { unit: "minutes", per: 1 } : { unit: "hours", per: 60 };

/** The weekly series as CSV. */
export const healthCsv = (r: HealthReport): string =>
  ["week,asked,answered,resolved,median_first_reply_minutes", ...r.weekly.map((w) => `${w.week},${w.asked},${w.answered},${w.resolved},${w.medianFirstReplyMinutes ?? ""}`)].join("\n") + "\n";
