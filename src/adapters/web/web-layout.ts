import type { Community } from "../../core/members/member-types";
import { FORMER_MEMBER } from "../../core/members/member-types";
import { html, type Html } from "./html";

export interface Viewer {
  memberId: string;
  name: string;
  isAdmin: boolean;
}

/** Everything a page needs to know about who is looking at which community. */
export interface PageContext {
  community: Community;
  /** "/c/<id>": every link is relative to the site's own origin. */
  base: string;
  /** The signed-in member, or null for a visitor of a public library. */
  viewer: Viewer | null;
  /** A query-string key for the feeds (members' libraries), so a feed reader can follow them. */
  feedKey?: string;
}

/** Member names as the community chooses for visitors (`web-names initials`); members signed in see names. */
export const nameFor = (ctx: PageContext, name: string): string => {
  if (ctx.viewer || ctx.community.webNames === "full" || name === FORMER_MEMBER) return name;
  return name.split(/\s+/).filter(Boolean).map((w) => `${[...w][0]!.toUpperCase()}.`).join(" ") || "a member";
};

export const formatDate = (ctx: PageContext, d: Date): string =>
  new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: ctx.community.timeZone }).format(d);

export type Section = "library" | "questions" | "roundups" | "health";

const feedHref = (ctx: PageContext, feed: string) => `${ctx.base}/feeds/${feed}.atom${ctx.feedKey ? `?key=${encodeURIComponent(ctx.feedKey)}` : ""}`;

export const page = (ctx: PageContext, opts: { title: string; section?: Section; body: Html; description?: string }): Html => {
  const nav = (section: Section, label: string, href: string) =>
    html`<li><a href="${href}"${opts.section === section ? html` aria-current="page"` : ""}>${label}</a></li>`;
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${opts.title} · ${ctx.community.name}</title>
${opts.description ? html`<meta name="description" content="${opts.description}">` : ""}
<link rel="stylesheet" href="/assets/peerloop.css">
<link rel="alternate" type="application/atom+xml" title="New resources in ${ctx.community.name}" href="${feedHref(ctx, "resources")}">
<link rel="alternate" type="application/atom+xml" title="Roundups of ${ctx.community.name}" href="${feedHref(ctx, "roundups")}">
</head>
<body>
<a class="skip" href="#content">Skip to content</a>
<header class="site">
<a class="brand" href="${ctx.base}/">${ctx.community.name}</a>
<nav class="site" aria-label="Sections"><ul>
${nav("library", "Library", `${ctx.base}/`)}
${nav("questions", "Questions", `${ctx.base}/questions`)}
${nav("roundups", "Roundups", `${ctx.base}/roundups`)}
${ctx.viewer?.isAdmin ? nav("health", "Health", `${ctx.base}/health`) : ""}
</ul></nav>
</header>
<main id="content" tabindex="-1">
${opts.body}
</main>
<footer class="site">
<p>The ${ctx.community.name} library, kept by Peerloop. Only posts that passed Peerloop's confidentiality check are shown.
Follow in a feed reader: <a href="${feedHref(ctx, "resources")}">new resources</a> · <a href="${feedHref(ctx, "roundups")}">roundups</a>.</p>
${ctx.viewer ? html`<div>Signed in as ${ctx.viewer.name}. <form method="post" action="${ctx.base}/logout"><button type="submit">Sign out</button></form></div>` : ""}
</footer>
</body>
</html>`;
};

/** A page with no community around it: a refused link, an unknown address. */
export const plainPage = (title: string, message: Html | string): Html => html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · Peerloop</title>
<link rel="stylesheet" href="/assets/peerloop.css">
</head>
<body>
<header class="site"><span class="brand">Peerloop</span></header>
<main id="content">
<h1>${title}</h1>
<div class="notice">${message}</div>
</main>
</body>
</html>`;
