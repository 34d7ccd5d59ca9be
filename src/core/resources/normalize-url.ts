import { fail } from "../shared/errors";
import { LIMITS } from "../shared/text-limits";

const TRACKING = new Set(["fbclid", "gclid", "mc_cid", "mc_eid", "ref"]);
const DEFAULT_PORTS: Record<string, string> = { "http:": "80", "https:": "443" };
const EXAMPLE = "Share a full link that starts with http:// or https://, for example https://www.socialworkers.org/ethics";

/**
 * The identity of a shared link: two links that lead to the same page normalize to the same string,
 * so a re-share is recognised. Throws INVALID_URL with a message the member can act on.
 */
export const normalizeUrl = (raw: string): string => {
  const input = raw.trim();
  if (!input) fail("INVALID_URL", `The link is missing. ${EXAMPLE}`);
  if (input.length > LIMITS.url) fail("INVALID_URL", `That link is ${input.length} characters long; links up to ${LIMITS.url} characters are accepted.`);
  if (!/^https?:\/\//i.test(input)) {
    fail("INVALID_URL", `"${input.slice(0, 60)}" isn't a web link. ${EXAMPLE}`);
  }
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return fail("INVALID_URL", `"${input.slice(0, 60)}" isn't a complete link. ${EXAMPLE}`);
  }
  // WHATWG URL accepts "http://" with an empty host on some inputs and "http://x" with no dot; a
  // resource link needs a real host name (or an IP address).
  const host = url.hostname;
  if (!host || (!host.includes(".") && !host.startsWith("["))) {
    fail("INVALID_URL", `"${input.slice(0, 60)}" has no website name. ${EXAMPLE}`);
  }
  if (url.username || url.password) fail("INVALID_URL", "Links with a user name or password in them can't be shared; remove the part before @.");

  url.hash = "";
  if (url.port === DEFAULT_PORTS[url.protocol]) url.port = "";
  const kept = [...url.searchParams.entries()].filter(([k]) => !k.toLowerCase().startsWith("utm_") && !TRACKING.has(k.toLowerCase()));
  kept.sort(([a, av], [b, bv]) => (a < b ? -1 : a > b ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  const query = new URLSearchParams(kept).toString();
  // URL already lowercases scheme and host; only the path keeps its case (servers may care).
  const path = url.pathname.length > 1 ? url.pathname.replace(/\/+$/, "") : "";
  return `${url.protocol}//${url.host}${path}${query ? `?${query}` : ""}`;
};

/** A readable label for a link when the sharer gave no title: host plus the last path segment. */
export const titleFromUrl = (normalized: string): string => {
  const url = new URL(normalized);
  const last = decodeURIComponent(url.pathname.split("/").filter(Boolean).at(-1) ?? "")
    .replace(/\.(html?|php|aspx?|pdf)$/i, "")
    .replace(/[-_+]+/g, " ")
    .trim();
  const host = url.hostname.replace(/^www\./, "");
  return last ? `${last} (${host})` : host;
};

/**
 * A shared link as the confidentiality guard reads it: the host of a resource link names a server,
 * not a client (the labeling policy: resource URLs are not identifying), so an IP-address host is
 * left out; the path and query, where a client's name or handle could hide, are still read.
 */
export const linkForGuard = (raw: string): string =>
  raw.replace(/^(\s*https?:\/\/)(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-f:.]+\])(?=[:/?#]|\s*$)/i, "$1server");
