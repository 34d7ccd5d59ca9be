import { Parser } from "htmlparser2";
import { cleanText } from "../../core/shared/clean-text";
import type { LinkPreview } from "../../core/sources/fetch-types";

export interface PageMeta extends LinkPreview {
  /** Feeds the page announces with <link rel="alternate">, resolved against the page's URL. */
  feeds: string[];
}

const FEED_TYPES = /^application\/(rss|atom|feed|rdf)\+(xml|json)$|^application\/(rss|atom)$|^application\/json$/i;

/** Trims, collapses whitespace and control characters, and bounds a value for a card. */
const tidy = (value: string | undefined, max: number): string | null => {
  const v = cleanText(value ?? "").replace(/\s+/g, " ").trim();
  if (!v) return null;
  return v.length > max ? `${v.slice(0, max - 1).trimEnd()}…` : v;
};

/**
 * A page's title, description and site name, read with htmlparser2 (tolerant of malformed HTML):
 * OpenGraph first, then Twitter's card tags, then <title> and <meta name="description">.
 */
export const readPageMeta = (html: string, pageUrl: string): PageMeta => {
  const meta = new Map<string, string>();
  const feeds: string[] = [];
  let title = "";
  let inTitle = false;
  let titleDone = false;
  const parser = new Parser({
    onopentag(name, attrs) {
      if (name === "title" && !titleDone) inTitle = true;
      if (name === "meta") {
        const key = (attrs.property ?? attrs.name ?? "").toLowerCase();
        if (key && attrs.content !== undefined && !meta.has(key)) meta.set(key, attrs.content);
      }
      if (name === "link" && /\balternate\b/i.test(attrs.rel ?? "") && FEED_TYPES.test((attrs.type ?? "").trim()) && attrs.href) {
        try {
          feeds.push(new URL(attrs.href, pageUrl).toString());
        } catch { /* a broken href is skipped */ }
      }
    },
    ontext(text) {
      if (inTitle && title.length < 2_000) title += text;
    },
    onclosetag(name) {
      if (name === "title" && inTitle) {
        inTitle = false;
        titleDone = true;
      }
    },
  }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return {
    title: tidy(meta.get("og:title") ?? meta.get("twitter:title") ?? title, 200),
    description: tidy(meta.get("og:description") ?? meta.get("twitter:description") ?? meta.get("description"), 400),
    siteName: tidy(meta.get("og:site_name") ?? meta.get("application-name"), 100),
    feeds,
  };
};

/** The words of an HTML fragment (a feed item's summary), entities decoded, scripts and styles left out. */
export const htmlText = (fragment: string): string => {
  let out = "";
  let skip = 0;
  const parser = new Parser({
    onopentag(name) {
      if (name === "script" || name === "style") skip++;
      else out += " ";
    },
    ontext(text) {
      if (!skip && out.length < 20_000) out += text;
    },
    onclosetag(name) {
      if (name === "script" || name === "style") skip = Math.max(0, skip - 1);
      else out += " ";
    },
  }, { decodeEntities: true });
  parser.write(fragment);
  parser.end();
  return out;
};
