import type { IncomingMessage, ServerResponse } from "node:http";
import type { Writable } from "node:stream";
import type { Community } from "../../core/members/member-types";
import type { Clock } from "../../core/shared/clock";
import type { Logger } from "../../core/shared/logger";
import { readLibraryParams, type SiteService } from "../../core/web/site-service";
import { EXPORT_FORMATS, type ExportFormat } from "../../core/web/site-types";
import { html, type Html } from "./html";
import { questionPage, questionsPage, roundupPage, roundupsPage } from "./web-archive-pages";
import { resourcesFeed, roundupsFeed } from "./web-feeds";
import { plainPage, type PageContext, type Viewer } from "./web-layout";
import { libraryPage, resourcePage } from "./web-library-pages";
import { LIFETIMES, type SignedWebLinks } from "./web-links";
import { STYLESHEET } from "./web-style";
import { healthCsv, healthPage } from "./web-health-page";
import { HEALTH_WINDOWS, type HealthReport } from "../../core/health/health-types";
import { verifyToken } from "./web-tokens";

export interface WebDeps {
  site: SiteService;
  links: SignedWebLinks;
  clock: Clock;
  logger: Logger;
  /** Streams a community's data in a format to the response. */
  exportTo(communityId: string, format: ExportFormat, out: Writable): Promise<void>;
  /** A member's own data (JSON); false when the member is gone. */
  exportMine(communityId: string, memberId: string, out: Writable): Promise<boolean>;
  /** Community health for admins, and the count of resource pages opened. */
  health?: {
    report(communityId: string, days: number, tag?: string): Promise<HealthReport>;
    opened(community: Community): void;
  };
  /** Email links: confirming an address, and one-click unsubscribe (no sign-in needed for either). */
  email?: {
    confirm(communityId: string, memberId: string, code: string): Promise<{ ok: boolean; text: string }>;
    unsubscribe(communityId: string, memberId: string): Promise<void>;
  };
}

/** The community a token names, read before the token is checked (the check then binds it). */
const claimedCommunity = (token: string | null): string => {
  try {
    return String((JSON.parse(Buffer.from(token?.split(".")[1] ?? "", "base64url").toString("utf8")) as { c?: unknown }).c ?? "");
  } catch {
    return "";
  }
};

/** Served on every page: no script at all, styles only from our own origin, no framing, no referrer leaks. */
const SECURITY_HEADERS = {
  "content-security-policy": "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "cross-origin-opener-policy": "same-origin",
  "cross-origin-resource-policy": "same-origin",
  "permissions-policy": "camera=(), microphone=(), geolocation=(), interest-cohort=()",
} as const;

const COOKIE = "peerloop_session";

const cookieOf = (req: IncomingMessage, name: string): string | undefined => {
  for (const part of (req.headers.cookie ?? "").split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
};

const send = (req: IncomingMessage, res: ServerResponse, status: number, type: string, body: string | Html, extra: Record<string, string> = {}) => {
  const text = String(body);
  res.writeHead(status, { ...SECURITY_HEADERS, "content-type": type, "content-length": Buffer.byteLength(text), ...extra });
  res.end(req.method === "HEAD" ? undefined : text);
};
const page = (req: IncomingMessage, res: ServerResponse, status: number, body: Html, extra: Record<string, string> = {}) =>
  send(req, res, status, "text/html; charset=utf-8", body, { "cache-control": "private, no-store", ...extra });

const REFUSED: Record<string, string> = {
  expired: "This link has expired. Links from Peerloop work for a limited time: type /peerloop web in your community's chat for a new one.",
  forged: "This link isn't valid: it may have been copied incompletely or changed. Type /peerloop web in your community's chat for a fresh link.",
  malformed: "This link isn't valid: it may have been copied incompletely. Type /peerloop web in your community's chat for a fresh link.",
  elsewhere: "This link is for a different page or community. Type /peerloop web in your community's chat for a fresh link.",
  forgotten: "This link belonged to a member who is no longer known here. Type /peerloop web in your community's chat for a fresh link.",
};

/**
 * The web door: the library, its archives and feeds, sign-in links and export downloads, under
 * /c/<community id>/. Returns false for paths it does not serve, so the caller answers them.
 */
export const createWebHandler = (deps: WebDeps) => {
  const refuse = (req: IncomingMessage, res: ServerResponse, reason: keyof typeof REFUSED | string, status = 403) =>
    page(req, res, status, plainPage("This link doesn't work", REFUSED[reason] ?? REFUSED.malformed!));

  const viewerOf = async (req: IncomingMessage, community: Community): Promise<Viewer | null> => {
    const token = cookieOf(req, COOKIE);
    if (!token) return null;
    const check = verifyToken(await deps.links.secret(), token, "session", community.id, deps.clock.now());
    if (!check.ok) return null;
    const member = await deps.site.activeMember(community.id, check.claims.m);
    return member ? { memberId: check.claims.m, name: member.displayName, isAdmin: member.isAdmin } : null;
  };

  const communityRoutes = async (req: IncomingMessage, res: ServerResponse, community: Community, rest: string, query: URLSearchParams) => {
    const base = `/c/${community.id}`;
    const secret = await deps.links.secret();
    const now = deps.clock.now();

    if (rest === "/login") {
      const check = verifyToken(secret, query.get("t"), "login", community.id, now);
      if (!check.ok) return refuse(req, res, check.reason);
      const member = await deps.site.activeMember(community.id, check.claims.m);
      if (!member) return refuse(req, res, "forgotten");
      const { token } = await deps.links.sign({ c: community.id, m: check.claims.m, p: "session" }, LIFETIMES.session);
      const secure = deps.links.base().startsWith("https:") ? "; Secure" : "";
      // Redirect at once, so the sign-in token leaves the address bar and the history.
      res.writeHead(303, { ...SECURITY_HEADERS, location: `${base}/${check.claims.f === "health" ? "health" : ""}`, "cache-control": "no-store", "set-cookie": `${COOKIE}=${token}; Path=${base}/; Max-Age=${LIFETIMES.session}; HttpOnly; SameSite=Lax${secure}` });
      return void res.end();
    }
    if (rest === "/logout") {
      if (req.method !== "POST") return page(req, res, 405, plainPage("Sign out", "Use the Sign out button at the foot of a page."), { allow: "POST" });
      req.resume();
      return page(req, res, 200, plainPage("Signed out", html`You are signed out of ${community.name}'s library. Type /peerloop web in chat to sign in again.`), { "set-cookie": `${COOKIE}=; Path=${base}/; Max-Age=0; HttpOnly; SameSite=Lax` });
    }
    if (req.method !== "GET" && req.method !== "HEAD") return page(req, res, 405, plainPage("Not allowed", "These pages can only be read."), { allow: "GET, HEAD" });

    if (rest === "/export") {
      const check = verifyToken(secret, query.get("t"), "export", community.id, now);
      if (!check.ok) return refuse(req, res, check.reason);
      const member = await deps.site.activeMember(community.id, check.claims.m);
      if (member && check.claims.f === "mine") {
        const file = `peerloop-my-data-${now.toISOString().slice(0, 10)}.json`;
        res.writeHead(200, { ...SECURITY_HEADERS, "content-type": "application/json; charset=utf-8", "content-disposition": `attachment; filename="${file}"`, "cache-control": "private, no-store" });
        if (req.method === "HEAD") return void res.end();
        await deps.exportMine(community.id, check.claims.m, res);
        return void res.end();
      }
      if (!member?.isAdmin) return refuse(req, res, "forgotten");
      const format = (EXPORT_FORMATS as readonly string[]).includes(check.claims.f ?? "") ? (check.claims.f as ExportFormat) : "json";
      const type = format === "json" ? "application/json" : format === "csv" ? "text/csv" : "text/markdown";
      const file = `peerloop-${community.name.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "community"}-${now.toISOString().slice(0, 10)}.${format}`;
      res.writeHead(200, { ...SECURITY_HEADERS, "content-type": `${type}; charset=utf-8`, "content-disposition": `attachment; filename="${file}"`, "cache-control": "private, no-store" });
      if (req.method === "HEAD") return void res.end();
      await deps.exportTo(community.id, format, res);
      return void res.end();
    }

    const viewer = await viewerOf(req, community);
    const feedKeyGiven = query.get("key");
    const isFeed = rest.startsWith("/feeds/");
    let feedAllowed = false;
    if (isFeed && feedKeyGiven) {
      const check = verifyToken(secret, feedKeyGiven, "feed", community.id, now);
      feedAllowed = check.ok && Boolean(await deps.site.activeMember(community.id, check.claims.m));
    }
    if (community.webAccess === "members" && !viewer && !feedAllowed) {
      return page(req, res, 401, plainPage(`${community.name}'s library`, html`This library is for members. To sign in, type <strong>/peerloop web</strong> in your community's chat: Peerloop answers with your own link.`));
    }
    const feedKey = community.webAccess === "members" && viewer
      ? (await deps.links.sign({ c: community.id, m: viewer.memberId, p: "feed" }, LIFETIMES.feed)).token
      : community.webAccess === "members" ? (feedKeyGiven ?? undefined) : undefined;
    const ctx: PageContext = { community, base, viewer, feedKey };
    const origin = deps.links.base();

    if (rest === "/health" || rest === "/health.csv") {
      if (!deps.health) return notFound(req, res, "Community health isn't available here.");
      if (!viewer) return page(req, res, 401, plainPage("Community health", html`The health page is for the community's admins. Type <strong>/peerloop web</strong> (or <strong>/peerloop health</strong>) in your community's chat to sign in.`));
      if (!viewer.isAdmin) return page(req, res, 403, plainPage("Community health", "Only the community's admins see its health figures."));
      const days = (HEALTH_WINDOWS as readonly number[]).includes(Number(query.get("days"))) ? Number(query.get("days")) : 30;
      const tag = (query.get("tag") ?? "").trim().replace(/^#/, "").toLowerCase().slice(0, 50) || undefined;
      const report = await deps.health.report(community.id, days, tag);
      if (rest === "/health.csv") {
        return send(req, res, 200, "text/csv; charset=utf-8", healthCsv(report), { "content-disposition": `attachment; filename="peerloop-health-${days}d${tag ? `-${tag.replace(/[^\w-]/g, "")}` : ""}.csv"`, "cache-control": "private, no-store" });
      }
      return page(req, res, 200, healthPage(ctx, report));
    }
    if (rest === "/" ) {
      const params = readLibraryParams(query);
      return page(req, res, 200, libraryPage(ctx, params, await deps.site.library(community.id, params)));
    }
    let m: RegExpExecArray | null;
    if ((m = /^\/resources\/([\w-]+)$/.exec(rest))) {
      const r = await deps.site.resource(community.id, m[1]!);
      if (r && req.method === "GET") deps.health?.opened(community);
      return r ? page(req, res, 200, resourcePage(ctx, r)) : notFound(req, res, "That resource isn't in the library (any more).");
    }
    if (rest === "/questions") {
      const status = query.get("status") === "open" ? "open" : "resolved";
      const pageNo = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
      return page(req, res, 200, questionsPage(ctx, status, pageNo, await deps.site.questions(community.id, status, pageNo)));
    }
    if ((m = /^\/questions\/([\w-]+)$/.exec(rest))) {
      const t = await deps.site.question(community.id, m[1]!);
      return t ? page(req, res, 200, questionPage(ctx, t)) : notFound(req, res, "That question isn't in the archive.");
    }
    if (rest === "/roundups") {
      const pageNo = Math.max(1, Number.parseInt(query.get("page") ?? "1", 10) || 1);
      return page(req, res, 200, roundupsPage(ctx, pageNo, await deps.site.roundups(community.id, pageNo)));
    }
    if ((m = /^\/roundups\/([\w-]+)$/.exec(rest))) {
      const v = await deps.site.roundup(community.id, m[1]!);
      return v ? page(req, res, 200, roundupPage(ctx, v)) : notFound(req, res, "There's no roundup for that week.");
    }
    const self = `${origin}${base}${rest}${feedKeyGiven ? `?key=${encodeURIComponent(feedKeyGiven)}` : ""}`;
    if (rest === "/feeds/resources.atom") {
      const { hits } = await deps.site.newest(community.id, 50);
      return send(req, res, 200, "application/atom+xml; charset=utf-8", resourcesFeed(ctx, origin, self, hits), { "cache-control": "private, max-age=300" });
    }
    if (rest === "/feeds/roundups.atom") {
      const issues = (await deps.site.roundups(community.id, 1)).slice(0, 20);
      return send(req, res, 200, "application/atom+xml; charset=utf-8", roundupsFeed(ctx, origin, self, issues), { "cache-control": "private, max-age=300" });
    }
    return notFound(req, res, "There's no such page in the library.");
  };

  const notFound = (req: IncomingMessage, res: ServerResponse, message: string) => page(req, res, 404, plainPage("Not found", message));

  /**
   * Links in emails, which work without signing in: a confirmation, and the unsubscribe link. GET on
   * unsubscribe shows a button (mail scanners follow links); POST unsubscribes, as RFC 8058's
   * one-click List-Unsubscribe-Post does.
   */
  const emailRoute = async (req: IncomingMessage, res: ServerResponse, path: string, query: URLSearchParams) => {
    const token = query.get("t");
    const communityId = claimedCommunity(token);
    const purpose = path === "/email/confirm" ? "email-confirm" : "unsubscribe";
    const check = verifyToken(await deps.links.secret(), token, purpose, communityId, deps.clock.now());
    if (!check.ok || !deps.email) {
      req.resume();
      return refuse(req, res, check.ok ? "malformed" : check.reason);
    }
    if (purpose === "email-confirm") {
      req.resume();
      const r = await deps.email.confirm(communityId, check.claims.m, check.claims.f ?? "");
      return page(req, res, r.ok ? 200 : 400, plainPage(r.ok ? "Email confirmed" : "Not confirmed", r.text));
    }
    if (req.method === "POST") {
      await new Promise<void>((resolve) => {
        let size = 0;
        req.on("data", (d: Buffer) => (size += d.length) > 4096 && req.destroy());
        req.on("end", resolve).on("close", resolve).on("error", resolve);
      });
      await deps.email.unsubscribe(communityId, check.claims.m);
      return page(req, res, 200, plainPage("Unsubscribed", "Peerloop will send no more email to this address. To get email again, use /notify email in your community's chat."));
    }
    if (req.method !== "GET" && req.method !== "HEAD") return page(req, res, 405, plainPage("Not allowed", "Open the link, then press the button."), { allow: "GET, HEAD, POST" });
    return page(req, res, 200, plainPage("Unsubscribe from Peerloop emails", html`<form method="post" action="/email/unsubscribe?t=${token ?? ""}"><p>Stop all email from Peerloop to this address?</p><button type="submit">Unsubscribe</button></form>`));
  };

  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    let url: URL;
    try {
      url = new URL(req.url ?? "/", "http://peerloop.invalid");
    } catch {
      return false;
    }
    const path = url.pathname;
    if (path === "/assets/peerloop.css") {
      send(req, res, 200, "text/css; charset=utf-8", STYLESHEET, { "cache-control": "public, max-age=3600" });
      return true;
    }
    if (path === "/" && (req.method === "GET" || req.method === "HEAD")) {
      page(req, res, 200, plainPage("Peerloop", html`This is a Peerloop server. Your community's library has its own address: type <strong>/peerloop web</strong> in your community's chat to get your link.`));
      return true;
    }
    if (path === "/email/confirm" || path === "/email/unsubscribe") {
      await emailRoute(req, res, path, url.searchParams).catch((error: unknown) => {
        deps.logger.error("email link failed", { path, error: error instanceof Error ? error.message : String(error) });
        if (!res.headersSent) page(req, res, 500, plainPage("Something went wrong", "Sorry, that link could not be handled. Please try again in a moment."));
      });
      return true;
    }
    const m = /^\/c\/([^/]+)(\/.*)?$/.exec(path);
    if (!m) return false;
    try {
      const community = await deps.site.community(m[1]!);
      if (!community || community.webAccess === "off") {
        notFound(req, res, "There's no library at this address. Ask Peerloop for a link with /peerloop web.");
        return true;
      }
      if (!m[2]) {
        res.writeHead(301, { ...SECURITY_HEADERS, location: `/c/${community.id}/${url.search}` }).end();
        return true;
      }
      await communityRoutes(req, res, community, m[2], url.searchParams);
    } catch (error) {
      deps.logger.error("web request failed", { path, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      if (!res.headersSent) page(req, res, 500, plainPage("Something went wrong", "Sorry, this page could not be shown. Please try again in a moment."));
      else res.destroy();
    }
    return true;
  };
};
