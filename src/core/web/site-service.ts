import type { Community } from "../members/member-types";
import type { ResourceHit } from "../resources/resource-types";
import type { RoundupIssue } from "../roundups/roundup-types";
import type { Clock } from "../shared/clock";
import type { RelatedService } from "../related/related-service";
import { UUID } from "../shared/clean-text";
import { PeerloopError } from "../shared/errors";
import { normalizeTags } from "../shared/tags";
import { LIMITS } from "../shared/text-limits";
import { COUNT_CAP, LIBRARY_SORTS, type ArchivedThread, type LibrarySort, type SiteRepository } from "./site-types";

export const PAGE_SIZE = 20;
/** Pages beyond this are refused: search narrows a large library better than paging through it. */
export const MAX_PAGE = Math.ceil(COUNT_CAP / PAGE_SIZE);

/** What a visitor asked the library for, read from the query string; anything unusable is dropped, not an error page. */
export interface LibraryParams {
  text: string;
  tags: string[];
  sort: LibrarySort;
  page: number;
  /** Only links reported broken (?links=broken). */
  broken: boolean;
  /** Tags that could not be read (shown to the visitor). */
  ignored: string[];
}

export const readLibraryParams = (q: URLSearchParams): LibraryParams => {
  const text = (q.get("q") ?? "").replace(/\s+/g, " ").trim().slice(0, LIMITS.query);
  const tags: string[] = [];
  const ignored: string[] = [];
  for (const raw of q.getAll("tag").slice(0, LIMITS.tags)) {
    try {
      for (const t of normalizeTags(raw)) if (!tags.includes(t)) tags.push(t);
    } catch (e) {
      if (!(e instanceof PeerloopError)) throw e;
      ignored.push(raw.slice(0, 40));
    }
  }
  const sortRaw = q.get("sort") ?? "";
  const sort = (LIBRARY_SORTS as readonly string[]).includes(sortRaw) ? (sortRaw as LibrarySort) : text ? "relevance" : "newest";
  const page = Math.min(MAX_PAGE, Math.max(1, Number.parseInt(q.get("page") ?? "1", 10) || 1));
  return { text, tags: tags.slice(0, LIMITS.tags), sort, page, broken: q.get("links") === "broken", ignored };
};

export interface RoundupView {
  issue: RoundupIssue;
  resources: ResourceHit[];
  resolved: ArchivedThread[];
  open: ArchivedThread[];
  helpers: { name: string; replies: number }[];
}

/** The library, archives and feeds as the web shows them. Only stored records are read, and only what the guard passed is stored. */
export class SiteService {
  constructor(private readonly site: SiteRepository, private readonly clock: Clock, private readonly related?: RelatedService) {}

  community(id: string): Promise<Community | null> {
    return UUID.test(id) ? this.site.community(id) : Promise.resolve(null);
  }

  activeMember(communityId: string, memberId: string) {
    return UUID.test(memberId) ? this.site.activeMember(communityId, memberId) : Promise.resolve(null);
  }

  async library(communityId: string, p: LibraryParams) {
    const sort = p.sort === "relevance" && !p.text ? "newest" : p.sort;
    const [page, tags] = await Promise.all([
      this.site.library(communityId, { text: p.text, tags: p.tags, sort, broken: p.broken, offset: (p.page - 1) * PAGE_SIZE, limit: PAGE_SIZE, now: this.clock.now() }),
      this.site.tags(communityId, 60),
    ]);
    return { ...page, tags, sort };
  }

  resource(communityId: string, id: string) {
    return UUID.test(id) ? this.site.resource(communityId, id) : Promise.resolve(null);
  }

  newest(communityId: string, limit: number) {
    return this.site.library(communityId, { text: "", tags: [], sort: "newest", offset: 0, limit, now: this.clock.now() });
  }

  questions(communityId: string, status: "open" | "resolved", page: number) {
    const p = Math.min(MAX_PAGE, Math.max(1, page));
    return this.site.threads(communityId, status, (p - 1) * PAGE_SIZE, PAGE_SIZE);
  }

  /** A question's page: the question, its replies, and earlier answered questions on the same need. */
  async question(communityId: string, id: string) {
    if (!UUID.test(id)) return null;
    const t = await this.site.thread(communityId, id);
    if (!t) return null;
    const found = this.related ? await this.related.afterPosting(communityId, t.text) : [];
    return { ...t, related: found.filter((m) => m.doc.kind === "thread" && m.doc.id !== t.id).map((m) => ({ id: m.doc.id, text: m.doc.title })) };
  }

  roundups(communityId: string, page: number) {
    const p = Math.min(MAX_PAGE, Math.max(1, page));
    return this.site.roundupIssues(communityId, (p - 1) * PAGE_SIZE, PAGE_SIZE + 1);
  }

  async roundup(communityId: string, period: string): Promise<RoundupView | null> {
    if (!/^\d{4}-W\d{2}$/.test(period)) return null;
    const issue = await this.site.roundupIssue(communityId, period);
    return issue ? this.view(issue) : null;
  }

  async view(issue: RoundupIssue): Promise<RoundupView> {
    const c = issue.communityId;
    const [resources, resolved, open, names] = await Promise.all([
      this.site.resourcesByIds(c, issue.resourceIds),
      this.site.threadsByIds(c, issue.resolvedIds),
      this.site.threadsByIds(c, issue.openIds),
      this.site.memberNames(c, issue.helpers.map((h) => h.memberId)),
    ]);
    const helpers = issue.helpers.flatMap((h) => (names.has(h.memberId) ? [{ name: names.get(h.memberId)!, replies: h.replies }] : []));
    return { issue, resources, resolved, open, helpers };
  }
}
