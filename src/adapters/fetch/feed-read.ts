import { parseFeed } from "feedsmith";
import { cleanText } from "../../core/shared/clean-text";
import { htmlText } from "./page-meta";
import type { Feed, FeedItem } from "../../core/sources/fetch-types";

const text = (v: unknown): string | null => {
  const raw = typeof v === "string" ? v : v && typeof v === "object" && "value" in v && typeof (v as { value: unknown }).value === "string" ? (v as { value: string }).value : null;
  if (!raw) return null;
  // Feed summaries are often HTML: keep the words only (htmlparser2, entities decoded).
  const plain = cleanText(htmlText(raw)).replace(/\s+/g, " ").trim();
  return plain ? plain.slice(0, 400) : null;
};

const date = (...values: unknown[]): Date | null => {
  for (const v of values) {
    if (typeof v !== "string") continue;
    const t = Date.parse(v);
    if (Number.isFinite(t)) return new Date(t);
  }
  return null;
};

const absolute = (href: unknown, base: string): string | null => {
  if (typeof href !== "string" || !href.trim()) return null;
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === "http:" || u.protocol === "https:" ? u.toString() : null;
  } catch {
    return null;
  }
};

type Loose = Record<string, unknown>;
const list = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);

/** RSS 2.0, Atom, RDF or JSON Feed, parsed by feedsmith, as one shape. Throws on anything that is not a feed. */
export const readFeedDocument = (body: string, feedUrl: string): Feed => {
  const { format, feed } = parseFeed(body) as { format: string; feed: Loose };
  const items: FeedItem[] = [];
  const push = (guid: unknown, link: string | null, title: unknown, summary: unknown, categories: string[], published: Date | null) => {
    if (!link) return;
    const id = typeof guid === "string" && guid.trim() ? guid.trim().slice(0, 500) : link;
    items.push({ guid: id, url: link, title: text(title), summary: text(summary), categories: categories.filter(Boolean).slice(0, 10), publishedAt: published });
  };
  if (format === "atom") {
    const site = absolute(list(feed.links).find((l) => (l.rel ?? "alternate") === "alternate")?.href, feedUrl);
    for (const e of list(feed.entries)) {
      const links = list(e.links);
      const link = absolute((links.find((l) => (l.rel ?? "alternate") === "alternate") ?? links[0])?.href, site ?? feedUrl);
      push(e.id, link, e.title, e.summary ?? e.content, list(e.categories).map((c) => String(c.label ?? c.term ?? "")), date(e.published, e.updated));
    }
    return { title: text(feed.title), siteUrl: site, items };
  }
  if (format === "json") {
    const site = absolute(feed.home_page_url, feedUrl);
    for (const i of list(feed.items)) {
      push(i.id === undefined ? undefined : String(i.id), absolute(i.url ?? i.external_url, feedUrl), i.title, i.summary ?? i.content_text ?? i.content_html,
        Array.isArray(i.tags) ? (i.tags as unknown[]).map(String) : [], date(i.date_published, i.date_modified));
    }
    return { title: text(feed.title), siteUrl: site, items };
  }
  // rss and rdf
  const site = absolute(feed.link, feedUrl);
  for (const i of list(feed.items)) {
    const guid = (i.guid as Loose | undefined)?.value ?? i.guid;
    push(typeof guid === "string" ? guid : undefined, absolute(i.link, site ?? feedUrl) ?? (typeof guid === "string" && /^https?:/.test(guid) ? guid : null), i.title, i.description,
      list(i.categories).map((c) => String(c.name ?? "")), date(i.pubDate, (i.dc as Loose | undefined)?.date));
  }
  return { title: text(feed.title), siteUrl: site, items };
};
