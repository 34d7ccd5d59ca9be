import { resourceTitle } from "../../core/resources/resource-cards";
import type { RoundupIssue } from "../../core/roundups/roundup-types";
import type { ThreadOutcome } from "../../core/threads/thread-types";
import { PAGE_SIZE, type RoundupView } from "../../core/web/site-service";
import type { ArchivedThread, ReplyView } from "../../core/web/site-types";
import { html, type Html } from "./html";
import { formatDate, nameFor, page, type PageContext } from "./web-layout";
import { countOf } from "../../core/shared/plural";

const OUTCOME: Record<ThreadOutcome, { label: string; cls: string }> = {
  resolved: { label: "Resolved", cls: "ok" },
  partly: { label: "Partly resolved", cls: "ok" },
  still_open: { label: "Closed, still open for ideas", cls: "warn" },
};

const kindLabel = (t: ArchivedThread) => (t.kind === "question" ? "Question" : "Feedback request");

const threadItem = (ctx: PageContext, t: ArchivedThread): Html => html`<article>
<h2><a href="${ctx.base}/questions/${t.id}">${t.text.length > 140 ? `${t.text.slice(0, 139)}…` : t.text}</a></h2>
<p class="meta">${kindLabel(t)} by ${nameFor(ctx, t.askerName)}, <time datetime="${t.createdAt.toISOString()}">${formatDate(ctx, t.createdAt)}</time>
${t.status === "resolved" && t.outcome ? html` · <span class="badge ${OUTCOME[t.outcome].cls}">${OUTCOME[t.outcome].label}</span>` : html` · ${t.replyCount} repl${t.replyCount === 1 ? "y" : "ies"}`}
${t.tags.length ? html` · ${t.tags.map((tag) => `#${tag}`).join(" ")}` : ""}</p>
${t.outcomeNote ? html`<p><strong>Takeaway:</strong></p><blockquote>${t.outcomeNote}</blockquote>` : ""}
${t.helperNames.length ? html`<p class="meta">Thanks to ${t.helperNames.map((n) => nameFor(ctx, n)).join(", ")}</p>` : ""}
</article>`;

export const questionsPage = (ctx: PageContext, status: "open" | "resolved", pageNo: number, result: { threads: ArchivedThread[]; total: number }): Html => {
  const tab = (s: "resolved" | "open", label: string) =>
    html`<li><a href="${ctx.base}/questions?status=${s}"${s === status ? html` aria-current="page"` : ""}>${label}</a></li>`;
  const last = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const body = html`<h1>${status === "resolved" ? "Answered questions" : "Questions that need help"}</h1>
<nav aria-label="Which questions"><ul class="tags">${tab("resolved", "Answered")} ${tab("open", "Need help")}</ul></nav>
<p role="status">${result.total === 0 ? (status === "resolved" ? "No question has been resolved yet." : "Every question has been answered.") : `${result.total} ${status === "resolved" ? "resolved" : "open"} question${result.total === 1 ? "" : "s"}${last > 1 ? `, page ${pageNo} of ${last}` : ""}.`}</p>
${status === "open" && result.total ? html`<p>Can you help? Reply in the question's thread in chat.</p>` : ""}
<ul class="plain">${result.threads.map((t) => html`<li>${threadItem(ctx, t)}</li>`)}</ul>
${last > 1 ? html`<nav class="pages" aria-label="Pages">
${pageNo > 1 ? html`<a rel="prev" href="${ctx.base}/questions?status=${status}&page=${pageNo - 1}">← Previous</a>` : html`<span></span>`}
${pageNo < last ? html`<a rel="next" href="${ctx.base}/questions?status=${status}&page=${pageNo + 1}">Next →</a>` : html`<span></span>`}
</nav>` : ""}`;
  return page(ctx, { title: status === "resolved" ? "Answered questions" : "Open questions", section: "questions", body });
};

export const questionPage = (ctx: PageContext, t: ArchivedThread & { replies: ReplyView[]; related?: { id: string; text: string }[] }): Html => page(ctx, {
  title: `${kindLabel(t)}: ${t.text.slice(0, 60)}`, section: "questions",
  body: html`<article>
<h1>${kindLabel(t)}</h1>
<blockquote>${t.text}</blockquote>
<p class="meta">Asked by ${nameFor(ctx, t.askerName)} on ${formatDate(ctx, t.createdAt)}${t.tags.length ? ` · ${t.tags.map((tag) => `#${tag}`).join(" ")}` : ""}
${t.status === "resolved" && t.outcome ? html` · <span class="badge ${OUTCOME[t.outcome].cls}">${OUTCOME[t.outcome].label}</span>${t.resolvedAt ? ` on ${formatDate(ctx, t.resolvedAt)}` : ""}` : " · open"}</p>
${t.outcomeNote ? html`<h2>Takeaway</h2><blockquote>${t.outcomeNote}</blockquote>` : ""}
${t.helperNames.length ? html`<p>Thanks to ${t.helperNames.map((n) => nameFor(ctx, n)).join(", ")}.</p>` : ""}
<h2>Replies</h2>
${t.replies.length ? html`<ul class="plain">${t.replies.map((r) => html`<li><blockquote>${r.text}</blockquote><p class="meta">${nameFor(ctx, r.authorName)}, ${formatDate(ctx, r.createdAt)}</p></li>`)}</ul>` : html`<p>No replies stored${t.replyCount ? " (the platform did not share their text)" : ""}.</p>`}
${t.related?.length ? html`<h2>Related questions</h2><ul class="plain related">${t.related.map((r) => html`<li><a href="${ctx.base}/questions/${r.id}">${r.text.length > 140 ? `${r.text.slice(0, 139)}…` : r.text}</a></li>`)}</ul>` : ""}
</article>
<p><a href="${ctx.base}/questions?status=${t.status}">← Back to the questions</a></p>`,
});

const weekLabel = (ctx: PageContext, i: RoundupIssue) => `${formatDate(ctx, i.from)} – ${formatDate(ctx, i.to)}`;

export const roundupsPage = (ctx: PageContext, pageNo: number, issues: RoundupIssue[]): Html => {
  const more = issues.length > PAGE_SIZE;
  const shown = issues.slice(0, PAGE_SIZE);
  return page(ctx, {
    title: "Roundups", section: "roundups",
    body: html`<h1>Weekly roundups</h1>
${shown.length ? html`<ul class="plain">${shown.map((i) => html`<li><h2><a href="${ctx.base}/roundups/${i.period}">Week ${i.period.slice(6)}, ${i.period.slice(0, 4)}</a></h2>
<p class="meta">${weekLabel(ctx, i)} · ${countOf(i.counts.resources, "resource")} · ${countOf(i.counts.questions, "question")} · ${i.counts.resolved} resolved</p></li>`)}</ul>`
    : html`<p role="status">No roundup has been posted yet. The first appears after the community's roundup day.</p>`}
${pageNo > 1 || more ? html`<nav class="pages" aria-label="Pages">
${pageNo > 1 ? html`<a rel="prev" href="${ctx.base}/roundups?page=${pageNo - 1}">← Newer</a>` : html`<span></span>`}
${more ? html`<a rel="next" href="${ctx.base}/roundups?page=${pageNo + 1}">Older →</a>` : html`<span></span>`}
</nav>` : ""}`,
  });
};

export const roundupPage = (ctx: PageContext, v: RoundupView): Html => {
  const c = v.issue.counts;
  const section = (title: string, items: Html[], empty: string) => html`<section><h2>${title}</h2>${items.length ? html`<ul class="plain">${items.map((i) => html`<li>${i}</li>`)}</ul>` : html`<p>${empty}</p>`}</section>`;
  return page(ctx, {
    title: `Roundup ${v.issue.period}`, section: "roundups",
    body: html`<h1>This week in ${ctx.community.name}</h1>
<p>${weekLabel(ctx, v.issue)}</p>
<dl class="counts">
<div><dt>Resources shared</dt><dd>${c.resources}</dd></div>
<div><dt>Questions asked</dt><dd>${c.questions}</dd></div>
<div><dt>Resolved</dt><dd>${c.resolved}</dd></div>
<div><dt>Replies</dt><dd>${c.replies}</dd></div>
${c.reused ? html`<div><dt>Answered from the archive</dt><dd>${c.reused}</dd></div>` : ""}
</dl>
${section("New resources", v.resources.map((r) => html`<a href="${ctx.base}/resources/${r.id}">${resourceTitle(r)}</a> <span class="meta">shared by ${nameFor(ctx, r.sharerName)}${r.endorsementCount ? ` · ${r.endorsementCount} endorsement${r.endorsementCount === 1 ? "" : "s"}` : ""}</span>`), "No new resources that week.")}
${section("Questions resolved", v.resolved.map((t) => html`<a href="${ctx.base}/questions/${t.id}">${t.text.slice(0, 140)}</a> <span class="meta">asked by ${nameFor(ctx, t.askerName)}${t.helperNames.length ? ` · thanks to ${t.helperNames.map((n) => nameFor(ctx, n)).join(", ")}` : ""}</span>`), "None resolved that week.")}
${section("Still open then", v.open.map((t) => html`<a href="${ctx.base}/questions/${t.id}">${t.text.slice(0, 140)}</a> <span class="meta">asked by ${nameFor(ctx, t.askerName)}${t.status === "resolved" ? " · since resolved" : ""}</span>`), "Every question was closed.")}
${v.helpers.length ? section("Who helped", v.helpers.map((h) => html`${nameFor(ctx, h.name)} <span class="meta">${h.replies} repl${h.replies === 1 ? "y" : "ies"}</span>`), "") : ""}
${v.issue.tags.length ? html`<p>Busiest tags: ${v.issue.tags.map((t) => `#${t.tag} (${t.count})`).join(", ")}</p>` : ""}
<p><a href="${ctx.base}/roundups">← Every roundup</a></p>`,
  });
};
