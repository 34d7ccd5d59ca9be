import type { FetchResult, Fetcher, Validators, WebReader } from "../../core/sources/fetch-types";

const HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.1";
const FEED = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.8, text/xml;q=0.8, */*;q=0.1";

const looksLikeFeed = (contentType: string, body: string) =>
  /(rss|atom|feed|rdf)\+(xml|json)|\/(xml|json)\b/i.test(contentType) || /^\s*(<\?xml|<rss|<feed|<rdf:RDF|\{)/i.test(body.slice(0, 200));

/** The parsers load with the first document to parse: feedsmith with the first feed, htmlparser2 with the first page. */
const feeds = () => import("./feed-read");
const pages = () => import("./page-meta");

/** Link previews, feed discovery and feed reading on top of the safe fetcher. */
export const webReader = (fetcher: Fetcher): WebReader => ({
  fetcher,

  async preview(url) {
    const res = await fetcher.fetch(url, { accept: HTML });
    if (!res.ok) return { preview: null, finalUrl: null, failure: res };
    if (!/html/i.test(res.contentType) || !res.body) return { preview: null, finalUrl: res.url };
    const { readPageMeta } = await pages();
    const { feeds: _feeds, ...preview } = readPageMeta(res.body, res.url);
    return { preview, finalUrl: res.url };
  },

  async discoverFeed(url) {
    const [{ readFeedDocument }, { readPageMeta }] = await Promise.all([feeds(), pages()]);
    const res = await fetcher.fetch(url, { accept: `${FEED}, text/html;q=0.7` });
    if (!res.ok) return { ok: false, message: explain(res) };
    if (!/html/i.test(res.contentType) && looksLikeFeed(res.contentType, res.body)) {
      try {
        const feed = readFeedDocument(res.body, res.url);
        return { ok: true, feedUrl: res.url, siteUrl: feed.siteUrl ?? new URL(res.url).origin, title: feed.title };
      } catch {
        return { ok: false, message: "that address is not a feed Peerloop can read (RSS, Atom or JSON Feed)" };
      }
    }
    const meta = readPageMeta(res.body, res.url);
    const feedUrl = meta.feeds[0];
    if (!feedUrl) return { ok: false, message: "that page announces no feed (no <link rel=\"alternate\"> to RSS, Atom or JSON Feed); give the feed's own address" };
    const feed = await fetcher.fetch(feedUrl, { accept: FEED });
    if (!feed.ok) return { ok: false, message: `its feed ${feedUrl} could not be read: ${explain(feed)}` };
    try {
      const parsed = readFeedDocument(feed.body, feed.url);
      return { ok: true, feedUrl: feed.url, siteUrl: res.url, title: meta.siteName ?? parsed.title ?? meta.title };
    } catch {
      return { ok: false, message: `its feed ${feedUrl} is not RSS, Atom or JSON Feed` };
    }
  },

  async readFeed(url, validators: Validators) {
    const { readFeedDocument } = await feeds();
    const res = await fetcher.fetch(url, { accept: FEED, ...validators });
    if (!res.ok) return { ok: false, failure: res.failure, status: res.status, retryAfterMs: res.retryAfterMs, message: explain(res) };
    if (res.status === 304) return { ok: true, notModified: true, etag: res.etag ?? validators.etag ?? null, lastModified: res.lastModified ?? validators.lastModified ?? null };
    try {
      return { ok: true, notModified: false, feed: readFeedDocument(res.body, res.url), etag: res.etag, lastModified: res.lastModified };
    } catch (error) {
      return { ok: false, failure: "parse", message: `not a feed: ${String((error as Error).message ?? error).slice(0, 100)}` };
    }
  },
});

/** A failure in words an admin can act on. */
export const explain = (res: FetchResult & { ok: false }): string => {
  switch (res.failure) {
    case "http": return res.status === 404 || res.status === 410 ? `the page is gone (HTTP ${res.status})` : `the site answered HTTP ${res.status ?? "?"}`;
    case "dns": return "the site's name does not resolve";
    case "timeout": return "the site did not answer within 5 seconds";
    case "too-large": return "the document is larger than 2 MB";
    case "too-many-redirects": return "the address redirects more than 3 times";
    case "blocked": return "the address is on a private network, which Peerloop never fetches";
    case "bad-url": return `${res.message}`;
    default: return `the connection failed (${res.message})`;
  }
};
