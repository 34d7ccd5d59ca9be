import { resourceTitle } from "../../core/resources/resource-cards";
import type { ResourceHit } from "../../core/resources/resource-types";
import { MAX_PAGE, PAGE_SIZE, type LibraryParams } from "../../core/web/site-service";
import type { LibrarySort } from "../../core/web/site-types";
import { html, safeHref, type Html } from "./html";
import { formatDate, nameFor, page, type PageContext } from "./web-layout";

const SORT_LABELS: Record<LibrarySort, string> = { relevance: "Best match", endorsed: "Most endorsed", newest: "Newest" };

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

const tagLink = (ctx: PageContext, tag: string) => html`<a class="tag" href="${ctx.base}/?tag=${encodeURIComponent(tag)}">#${tag}</a>`;

/** One resource as a list entry or a page body: link, note, tags, who shared it and when, endorsements. */
const resourceBlock = (ctx: PageContext, r: ResourceHit, heading: "h1" | "h2"): Html => {
  const href = safeHref(r.originalUrl) ?? safeHref(r.url);
  const title = resourceTitle(r);
  const titleHtml = heading === "h1"
    ? html`<h1>${title}</h1>`
    : html`<h2><a href="${ctx.base}/resources/${r.id}">${title}</a></h2>`;
  return html`${titleHtml}
<p class="url">${href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${r.url}</a>` : r.url}</p>
${r.linkStatus === "broken" ? html`<p><span class="badge warn" title="The link failed two checks in a row">Link reported broken</span> Know where it moved? Share the new address.</p>` : ""}
${r.description ? html`<p class="about">${r.siteName ? html`<strong>${r.siteName}</strong>: ` : ""}${r.description}</p>` : ""}
${r.note ? html`<blockquote>${r.note}</blockquote>` : ""}
${r.tags.length ? html`<p aria-label="Tags">${r.tags.map((t) => tagLink(ctx, t))}</p>` : ""}
<p class="meta">Shared by ${nameFor(ctx, r.sharerName)} on <time datetime="${r.createdAt.toISOString()}">${formatDate(ctx, r.createdAt)}</time>
${r.endorsementCount ? html` · <span class="badge ok">${plural(r.endorsementCount, "endorsement")}</span>` : ""}
${r.reshareCount ? html` · shared again ${plural(r.reshareCount, "time")}` : ""}</p>`;
};

const libraryHref = (ctx: PageContext, p: LibraryParams, patch: Partial<LibraryParams>) => {
  const next = { ...p, ...patch };
  const q = new URLSearchParams();
  if (next.text) q.set("q", next.text);
  for (const t of next.tags) q.append("tag", t);
  q.set("sort", next.sort);
  if (next.page > 1) q.set("page", String(next.page));
  if (next.broken) q.set("links", "broken");
  return `${ctx.base}/?${q.toString()}`;
};

export const libraryPage = (ctx: PageContext, p: LibraryParams, result: { hits: ResourceHit[]; total: number; capped: boolean; tags: string[]; sort: LibrarySort }): Html => {
  const allTags = [...new Set([...p.tags, ...result.tags])];
  const shownTotal = result.capped ? `${result.total}+` : String(result.total);
  const from = (p.page - 1) * PAGE_SIZE + 1;
  const to = from + result.hits.length - 1;
  const lastPage = Math.min(MAX_PAGE, Math.max(1, Math.ceil(result.total / PAGE_SIZE)));
  const summary = result.hits.length
    ? `${result.total > PAGE_SIZE ? `${from}–${to} of ` : ""}${shownTotal} resource${result.total === 1 ? "" : "s"}${p.text ? ` for “${p.text}”` : ""}${p.tags.length ? ` tagged ${p.tags.map((t) => `#${t}`).join(" ")}` : ""}${p.broken ? " with a broken link" : ""}`
    : p.broken ? "No link in the library is reported broken." : p.text || p.tags.length ? "Nothing in the library matches that yet. Try fewer words or tags." : "The library is empty so far. Share a link with /share in chat and it appears here.";
  const body = html`<h1>Library</h1>
<form class="search" role="search" method="get" action="${ctx.base}/">
<div class="row">
<div class="grow"><label for="q">Search the library</label>
<input type="search" id="q" name="q" value="${p.text}" maxlength="200" autocomplete="off" placeholder="safety plan, supervision…"></div>
<div><label for="sort">Sort by</label>
<select id="sort" name="sort">${(Object.keys(SORT_LABELS) as LibrarySort[]).map((s) => html`<option value="${s}"${s === result.sort ? html` selected` : ""}>${SORT_LABELS[s]}</option>`)}</select></div>
<button type="submit">Search</button>
</div>
${allTags.length ? html`<fieldset><legend>Only resources tagged</legend><div class="tags">
${allTags.map((t, i) => html`<label for="tag-${i}"><input type="checkbox" id="tag-${i}" name="tag" value="${t}"${p.tags.includes(t) ? html` checked` : ""}>#${t}</label>`)}
</div></fieldset>` : ""}
<p><label for="links-broken"><input type="checkbox" id="links-broken" name="links" value="broken"${p.broken ? html` checked` : ""}> Only links reported broken (know where one moved? share the new address)</label></p>
${p.ignored.length ? html`<p class="badge warn" role="status">Ignored tags that can't exist: ${p.ignored.join(", ")}.</p>` : ""}
</form>
<p role="status" id="summary">${summary}</p>
${result.hits.length ? html`<ol class="results" aria-labelledby="summary">${result.hits.map((r) => html`<li><article>${resourceBlock(ctx, r, "h2")}</article></li>`)}</ol>` : ""}
${lastPage > 1 ? html`<nav class="pages" aria-label="Pages">
${p.page > 1 ? html`<a href="${libraryHref(ctx, p, { page: p.page - 1, sort: result.sort })}" rel="prev">← Previous</a>` : html`<span></span>`}
<span>Page ${p.page} of ${lastPage}${result.capped ? "+" : ""}</span>
${p.page < lastPage ? html`<a href="${libraryHref(ctx, p, { page: p.page + 1, sort: result.sort })}" rel="next">Next →</a>` : html`<span></span>`}
</nav>` : ""}`;
  return page(ctx, { title: p.text ? `“${p.text}” in the library` : "Library", section: "library", body, description: `Resources shared by ${ctx.community.name}` });
};

export const resourcePage = (ctx: PageContext, r: ResourceHit): Html =>
  page(ctx, {
    title: resourceTitle(r), section: "library",
    body: html`<article>${resourceBlock(ctx, r, "h1")}</article>
<p><a href="${ctx.base}/">← Back to the library</a></p>`,
  });
