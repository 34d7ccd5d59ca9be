import { resourceTitle } from "../../core/resources/resource-cards";
import type { ResourceHit } from "../../core/resources/resource-types";
import type { RoundupIssue } from "../../core/roundups/roundup-types";
import { escapeHtml } from "./html";
import { nameFor, type PageContext } from "./web-layout";
import { countOf } from "../../core/shared/plural";

/** XML text: the same five escapes, and no control characters XML 1.0 forbids. */
const x = (s: string) => escapeHtml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, ""));

const feed = (opts: { id: string; title: string; self: string; alternate: string; updated: Date; entries: string[] }) => `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${x(opts.id)}</id>
<title>${x(opts.title)}</title>
<link rel="self" href="${x(opts.self)}"/>
<link rel="alternate" type="text/html" href="${x(opts.alternate)}"/>
<updated>${opts.updated.toISOString()}</updated>
<generator>Peerloop</generator>
${opts.entries.join("\n")}
</feed>
`;

/** Atom (RFC 4287) of the newest resources: title, link, note and tags, attributed as the pages are. */
export const resourcesFeed = (ctx: PageContext, origin: string, self: string, hits: ResourceHit[]): string =>
  feed({
    id: `${origin}${ctx.base}/feeds/resources`, title: `New in the ${ctx.community.name} library`, self, alternate: `${origin}${ctx.base}/`,
    updated: hits[0]?.createdAt ?? new Date(0),
    entries: hits.map((r) => `<entry>
<id>urn:uuid:${r.id}</id>
<title>${x(resourceTitle(r))}</title>
<link rel="alternate" href="${x(r.originalUrl)}"/>
<link rel="related" href="${x(`${origin}${ctx.base}/resources/${r.id}`)}"/>
<updated>${r.createdAt.toISOString()}</updated>
<author><name>${x(nameFor(ctx, r.sharerName))}</name></author>
${r.tags.map((t) => `<category term="${x(t)}"/>`).join("")}
<summary type="text">${x(r.note ?? r.url)}</summary>
</entry>`),
  });

export const roundupsFeed = (ctx: PageContext, origin: string, self: string, issues: RoundupIssue[]): string =>
  feed({
    id: `${origin}${ctx.base}/feeds/roundups`, title: `${ctx.community.name} weekly roundups`, self, alternate: `${origin}${ctx.base}/roundups`,
    updated: issues[0]?.to ?? new Date(0),
    entries: issues.map((i) => `<entry>
<id>${x(`${origin}${ctx.base}/roundups/${i.period}`)}</id>
<title>${x(`This week in ${ctx.community.name}: ${i.period}`)}</title>
<link rel="alternate" href="${x(`${origin}${ctx.base}/roundups/${i.period}`)}"/>
<updated>${i.to.toISOString()}</updated>
<author><name>Peerloop</name></author>
<summary type="text">${x(`${countOf(i.counts.resources, "resource")} shared, ${countOf(i.counts.questions, "question")} asked, ${i.counts.resolved} resolved, ${countOf(i.counts.replies, "reply", "replies")}.`)}</summary>
</entry>`),
  });
