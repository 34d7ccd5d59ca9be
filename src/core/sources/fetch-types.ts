/**
 * The outbound web as the core sees it: link previews, feeds and link checks. Every request goes
 * through one fetcher that refuses private addresses, bounds time and size, and paces each host.
 */

/** Validators from an earlier answer, for a conditional request (304 when nothing changed). */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface FetchRequest extends Validators {
  method?: "GET" | "HEAD";
  /** The Accept header: what kind of document is wanted. */
  accept?: string;
}

/** Why a fetch gave nothing usable. */
export type FetchFailure =
  | "bad-url" // not http(s), or not a URL
  | "blocked" // a private, loopback, link-local, multicast or metadata address (SSRF)
  | "dns" // the host does not resolve
  | "timeout"
  | "too-large"
  | "too-many-redirects"
  | "network" // refused, reset, TLS
  | "http"; // an answer, but not 2xx/304

export type FetchResult =
  | {
      ok: true;
      /** 200..299, or 304 for a conditional request whose document is unchanged. */
      status: number;
      /** Where the document was found, after redirects. */
      url: string;
      contentType: string;
      /** Decoded text (HTML, XML, JSON); empty for HEAD, 304 and binary documents. */
      body: string;
      etag: string | null;
      lastModified: string | null;
    }
  | { ok: false; failure: FetchFailure; status?: number; retryAfterMs?: number; message: string; url: string };

export interface Fetcher {
  fetch(url: string, request?: FetchRequest): Promise<FetchResult>;
}

/** What a page says about itself (OpenGraph first, then <title> and <meta name=description>). */
export interface LinkPreview {
  title: string | null;
  description: string | null;
  siteName: string | null;
}

/** A feed item, whatever the format (RSS 2.0, Atom, JSON Feed, RDF). */
export interface FeedItem {
  /** The item's own id (guid, Atom id, JSON Feed id), else its link. */
  guid: string;
  url: string;
  title: string | null;
  summary: string | null;
  categories: string[];
  publishedAt: Date | null;
}

export interface Feed {
  title: string | null;
  siteUrl: string | null;
  items: FeedItem[];
}

/** Reads documents the fetcher brought back; parsing is the adapter's (well-kept parsers), never the core's. */
export interface WebReader {
  fetcher: Fetcher;
  /** The page's preview; null when it is not HTML or could not be read. */
  preview(url: string): Promise<{ preview: LinkPreview | null; finalUrl: string | null; failure?: FetchResult & { ok: false } }>;
  /** A feed URL: the URL itself if it is a feed, else the site's <link rel="alternate"> feed. */
  discoverFeed(url: string): Promise<{ ok: true; feedUrl: string; siteUrl: string; title: string | null } | { ok: false; message: string }>;
  /** Fetches and parses a feed, conditionally when validators are given. */
  readFeed(url: string, validators: Validators): Promise<
    | { ok: true; notModified: true; etag: string | null; lastModified: string | null }
    | { ok: true; notModified: false; feed: Feed; etag: string | null; lastModified: string | null }
    | { ok: false; failure: FetchFailure | "parse"; status?: number; retryAfterMs?: number; message: string }
  >;
}
