import type { Community } from "../members/member-types";
import type { PreviewService } from "../resources/preview-service";
import { resourceTitle } from "../resources/resource-cards";
import type { FetchResult, WebReader } from "../sources/fetch-types";
import type { Store } from "../store";
import type { JobReport } from "../jobs/job-report";
import { isoWeekKey } from "../jobs/periods";
import type { LinkCheck, LinkTarget } from "./link-types";

/** Each link is re-checked once a week. */
export const CHECK_EVERY_MS = 7 * 86_400_000;
/** Links one run checks at most, and for how long (a run ends politely; the next one goes on). */
export const LINKS_PER_RUN = 500;
export const LINKS_BUDGET_MS = 4 * 60_000;
/** A few hosts at once; the fetcher paces each host on its own. */
const WORKERS = 4;

/** A fetch as a link check: 404, 410, a name that does not resolve and 5xx are hard failures; others say nothing. */
export const toLinkCheck = (res: FetchResult): LinkCheck => {
  if (res.ok) return { ok: true, etag: res.etag, lastModified: res.lastModified };
  if (res.failure === "dns") return { ok: false, hard: true, reason: "the site's name no longer resolves" };
  if (res.failure === "http" && (res.status === 404 || res.status === 410)) return { ok: false, hard: true, reason: `the page is gone (HTTP ${res.status})` };
  if (res.failure === "http" && (res.status ?? 0) >= 500) return { ok: false, hard: true, reason: `the site answered HTTP ${res.status}` };
  return { ok: false, hard: false, reason: res.message };
};

/** HEAD, then GET where HEAD is refused or not understood (405, 403, 501, and other 4xx). */
const check = async (reader: WebReader, link: LinkTarget): Promise<LinkCheck> => {
  const url = link.originalUrl || link.url;
  const validators = { etag: link.linkEtag, lastModified: link.linkLastModified };
  const head = await reader.fetcher.fetch(url, { method: "HEAD", ...validators });
  if (head.ok || head.failure !== "http" || head.status === 404 || head.status === 410 || (head.status ?? 0) >= 500) return toLinkCheck(head);
  return toLinkCheck(await reader.fetcher.fetch(url, { method: "GET", ...validators }));
};

/**
 * The weekly link check: library links not checked for a week (all of them with `force`), politely
 * (a few hosts at once, each paced by the fetcher, conditional requests) and within a time budget.
 * A link that fails twice in a row is marked broken and its sharer told once; one that answers
 * again is cleared. Previews that never arrived are read on the way.
 */
export const runLinks = async (store: Store, reader: () => Promise<WebReader>, previews: PreviewService | undefined, community: Community, now: Date, force: boolean,
  budget = { ms: LINKS_BUDGET_MS, max: LINKS_PER_RUN }): Promise<JobReport> => {
  const report: JobReport = { community, posted: [], skipped: [] };
  const links = store.links;
  if (!links) return report;
  // Forced (the CLI, the shell): every link not checked as of this very moment, so two runs as of the
  // same moment (replicas) still check each link once.
  const checkedBefore = force ? now : new Date(now.getTime() - CHECK_EVERY_MS);
  const due = await links.due(community.id, checkedBefore, budget.max);
  if (due.length === 0) return report;
  const web = await reader();
  const deadline = Date.now() + budget.ms;
  const tally = { ok: 0, broken: 0, back: 0, failing: 0, previews: 0, left: 0 };
  const queue = [...due];
  const worker = async () => {
    for (let link = queue.shift(); link; link = queue.shift()) {
      if (Date.now() > deadline) {
        tally.left++;
        continue;
      }
      // Another replica's run may have taken it since the list was read: each link is checked once.
      if (!(await links.claim(community.id, link.id, checkedBefore, now))) {
        tally.left++;
        continue;
      }
      const result = await check(web, link);
      const { becameBroken, cameBack } = await links.record(community.id, link.id, result, now);
      if (result.ok) tally.ok++;
      else tally.failing++;
      if (cameBack) {
        tally.back++;
        report.posted.push(`link back: ${resourceTitle(link)} ${link.url}`);
      }
      if (becameBroken) {
        tally.broken++;
        report.posted.push(`link broken: ${resourceTitle(link)} ${link.url}: ${result.ok ? "" : result.reason}`);
        await tellSharer(store, community, link, result.ok ? "" : result.reason, now);
      }
      if (result.ok && !link.previewAt && previews && (await previews.refresh(community.id, link.id).catch(() => false))) tally.previews++;
    }
  };
  await Promise.all(Array.from({ length: Math.min(WORKERS, due.length) }, worker));
  report.skipped.push(`checked ${due.length - tally.left} links: ${tally.ok} answer, ${tally.failing} failed this time, ${tally.broken} newly broken, ${tally.back} came back` +
    (tally.previews ? `, ${tally.previews} previews read` : "") + (tally.left ? `; ${tally.left} left for the next run (time budget)` : ""));
  return report;
};

/** The member who shared a link hears once that it broke (not a publisher, not a forgotten member). */
const tellSharer = async (store: Store, community: Community, link: LinkTarget, reason: string, now: Date) => {
  if (!link.sharerCanBeTold) return;
  const sharer = await store.members.get(community.id, link.sharerId);
  if (!sharer) return;
  await store.transaction(async (tx) => {
    if (!(await tx.links!.markTold(community.id, link.id, now))) return;
    await tx.jobs.enqueue([{
      communityId: community.id, dedupeKey: `link-broken:${link.id}:${isoWeekKey(now, community.timeZone)}`, at: now,
      audience: { kind: "member", memberId: sharer.id, externalId: sharer.externalId },
      message: {
        title: "A link you shared seems to be broken",
        text: `${resourceTitle(link)} failed two checks in a row: ${reason}. If the page moved, share its new address with /share; the library now shows this one as broken and ranks it lower.`,
        links: [{ label: resourceTitle(link), url: link.url }],
        tone: "warning",
      },
    }]);
  });
};
