import { randomUUID } from "node:crypto";
import type { Community, CommunitySettings, Member, MemberPatch } from "../../src/core/members/member-types";
import type { DigestItem, NewDigestItem } from "../../src/core/notifications/notification-types";
import type { NewResource, Resource, ResourceHit, SearchQuery } from "../../src/core/resources/resource-types";
import type { WeekActivity, WeekCounts } from "../../src/core/roundups/roundup-types";
import type { Platform } from "../../src/core/shared/context";
import type { Repositories, Store } from "../../src/core/store";
import type { NewOutboxItem, OutboxItem } from "../../src/core/jobs/job-types";
import type { NewReply, NewThread, Reply, Resolution, Thread } from "../../src/core/threads/thread-types";

interface State {
  communities: Community[];
  members: Member[];
  resources: Resource[];
  endorsements: { resourceId: string; memberId: string }[];
  tags: { communityId: string; name: string }[];
  threads: Thread[];
  helpers: { threadId: string; memberId: string }[];
  replies: Reply[];
  subscriptions: { communityId: string; memberId: string; tag: string }[];
  digests: DigestItem[];
  jobRuns: { job: string; communityId: string; period: string; finishedAt: Date | null }[];
  outbox: (OutboxItem & { status: "pending" | "sent" | "failed"; nextAttemptAt: Date; messageRef: string | null; lastError: string | null })[];
  surfacings: { threadId: string; step: number }[];
}

const DEFAULTS: CommunitySettings = {
  timeZone: "UTC", roundupChannel: null, roundupDay: 1, roundupHour: 9, unansweredHours: 24,
  allowPostAnyway: true, notifyModerators: false, moderatorChannel: null, webAccess: "members" as const, webNames: "full" as const, toneCheck: "on" as const, sourcesBy: "admins" as const, linkPreviews: true,
};

const within = (d: Date | null, from: Date, to: Date) => !!d && d >= from && d < to;

/**
 * An in-memory Store for unit tests of the core. Transactions snapshot the state and restore it
 * when the work throws, so "nothing half-written" is testable without a database.
 */
export const memoryStore = (): Store & { state: State } => {
  let s: State = {
    communities: [], members: [], resources: [], endorsements: [], tags: [], threads: [], helpers: [], replies: [], subscriptions: [], digests: [],
    jobRuns: [], outbox: [], surfacings: [],
  };
  const member = (communityId: string, id: string) => s.members.find((m) => m.communityId === communityId && m.id === id) ?? null;
  const clone = <T>(v: T): T => structuredClone(v);

  const repos: Repositories = {
    communities: {
      async upsert(platform: Platform, externalId: string, name: string) {
        let c = s.communities.find((x) => x.platform === platform && x.externalId === externalId);
        if (!c) s.communities.push((c = { id: randomUUID(), platform, externalId, name, ...DEFAULTS }));
        c.name = name;
        return clone(c);
      },
      async get(id) { const c = s.communities.find((x) => x.id === id); return c ? clone(c) : null; },
      async list() { return clone(s.communities); },
      async findByExternalId(platform, externalId) {
        const c = s.communities.find((x) => x.platform === platform && x.externalId === externalId);
        return c ? clone(c) : null;
      },
      async updateSettings(id, patch) { const c = s.communities.find((x) => x.id === id)!; Object.assign(c, patch); return clone(c); },
    },
    members: {
      async admins(communityId) {
        return s.members.filter((m) => m.communityId === communityId && m.isAdmin).map(clone);
      },
      async upsert(communityId, externalId, displayName, isAdmin) {
        let m = s.members.find((x) => x.communityId === communityId && x.externalId === externalId);
        if (!m) s.members.push((m = { id: randomUUID(), communityId, externalId, displayName, isAdmin, notify: "instant", timeZone: null, quietStart: null, quietEnd: null }));
        Object.assign(m, { displayName, isAdmin });
        return clone(m);
      },
      async get(communityId, id) { const m = member(communityId, id); return m ? clone(m) : null; },
      async findByExternalId(communityId, externalId) {
        const m = s.members.find((x) => x.communityId === communityId && x.externalId === externalId);
        return m ? clone(m) : null;
      },
      async findByDisplayName(communityId, name) {
        const m = s.members.find((x) => x.communityId === communityId && x.displayName.toLowerCase() === name.toLowerCase());
        return m ? clone(m) : null;
      },
      async update(communityId, id, patch: MemberPatch) { const m = member(communityId, id)!; Object.assign(m, patch); return clone(m); },
      async forget(communityId, id) {
        const m = member(communityId, id);
        if (!m || m.externalId.startsWith("forgotten:")) return false;
        Object.assign(m, { externalId: `forgotten:${m.id}`, displayName: "a former member", isAdmin: false, notify: "off", timeZone: null, quietStart: null, quietEnd: null });
        s.subscriptions = s.subscriptions.filter((x) => x.memberId !== id);
        s.digests = s.digests.filter((x) => x.memberId !== id);
        return true;
      },
    },
    resources: {
      async findByUrl(communityId, url) { const r = s.resources.find((x) => x.communityId === communityId && x.url === url); return r ? clone(r) : null; },
      async get(communityId, id) { const r = s.resources.find((x) => x.communityId === communityId && x.id === id); return r ? clone(r) : null; },
      async create(input: NewResource) {
        const r: Resource = { ...input, id: randomUUID(), messageRef: null, reshareCount: 0, endorsementCount: 0 };
        s.resources.push(r);
        return clone(r);
      },
      async recordReshare(communityId, id, tags) {
        const r = s.resources.find((x) => x.communityId === communityId && x.id === id)!;
        r.reshareCount += 1;
        r.tags = [...new Set([...r.tags, ...tags])].sort();
        return clone(r);
      },
      async attachPost(communityId, id, channelId, messageRef) {
        const r = s.resources.find((x) => x.communityId === communityId && x.id === id);
        if (r) Object.assign(r, { channelId, messageRef });
      },
      async endorse(communityId, id, memberId) {
        const r = s.resources.find((x) => x.communityId === communityId && x.id === id);
        if (!r || s.endorsements.some((e) => e.resourceId === id && e.memberId === memberId)) return false;
        s.endorsements.push({ resourceId: id, memberId });
        r.endorsementCount += 1;
        return true;
      },
      async mergeFromSource(communityId, id, sourceId, tags) {
        const r = s.resources.find((x) => x.communityId === communityId && x.id === id);
        if (r) Object.assign(r, { sourceId: r.sourceId ?? sourceId, tags: [...new Set([...r.tags, ...tags])].sort() });
      },
      async moveUrl(communityId, id, url, originalUrl) {
        const r = s.resources.find((x) => x.communityId === communityId && x.id === id);
        if (!r || r.url === url || s.resources.some((x) => x.communityId === communityId && x.url === url)) return false;
        Object.assign(r, { url, originalUrl });
        return true;
      },
      async setPreview(communityId, id, p, at) {
        const r = s.resources.find((x) => x.communityId === communityId && x.id === id);
        if (!r) return null;
        Object.assign(r, { title: r.title ?? p.title, description: r.description ?? p.description, siteName: r.siteName ?? p.siteName, previewAt: at });
        return { ...r };
      },
      async removeUnposted(communityId, id) {
        const before = s.resources.length;
        s.resources = s.resources.filter((r) => !(r.communityId === communityId && r.id === id && !r.messageRef));
        return s.resources.length < before;
      },
      async search(communityId, q: SearchQuery): Promise<ResourceHit[]> {
        const words = q.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
        return s.resources
          .filter((r) => r.communityId === communityId && q.tags.every((t) => r.tags.includes(t)))
          .map((r) => {
            const doc = [r.title, r.note, r.url, ...r.tags].join(" ").toLowerCase();
            return { r, hits: words.filter((w) => doc.includes(w)).length };
          })
          .filter(({ hits }) => hits === words.length)
          .sort((a, b) => b.r.endorsementCount - a.r.endorsementCount || b.r.createdAt.getTime() - a.r.createdAt.getTime())
          .slice(0, q.limit)
          .map(({ r }) => ({ ...clone(r), sharerName: member(communityId, r.sharerId)?.displayName ?? "?" }));
      },
    },
    threads: {
      async create(input: NewThread) {
        const t: Thread = {
          ...input, id: randomUUID(), status: "open", outcome: null, outcomeNote: null, resolvedAt: null, messageRef: null, threadRef: null,
          replyCount: 0, firstReplyAt: null, surfaceCount: 0, lastSurfacedAt: null, nudgedAt: null,
        };
        s.threads.push(t);
        return clone(t);
      },
      async get(communityId, id) { const t = s.threads.find((x) => x.communityId === communityId && x.id === id); return t ? clone(t) : null; },
      async findByRef(communityId, ref) {
        const t = s.threads.find((x) => x.communityId === communityId && (x.threadRef === ref || x.messageRef === ref));
        return t ? clone(t) : null;
      },
      async attachPost(communityId, id, channelId, messageRef, threadRef) {
        const t = s.threads.find((x) => x.communityId === communityId && x.id === id);
        if (t) Object.assign(t, { channelId, messageRef, threadRef });
      },
      async addReply(input: NewReply) {
        if (s.replies.some((r) => r.communityId === input.communityId && r.platformMessageId === input.platformMessageId)) return null;
        const r: Reply = { ...input, id: randomUUID(), editedAt: null, deletedAt: null };
        s.replies.push(r);
        const t = s.threads.find((x) => x.id === input.threadId)!;
        if (!input.isFollowUp) { t.replyCount += 1; t.firstReplyAt ??= input.createdAt; }
        return clone(r);
      },
      async findReply(communityId, pid) { const r = s.replies.find((x) => x.communityId === communityId && x.platformMessageId === pid); return r ? clone(r) : null; },
      async editReply(communityId, pid, text, at) {
        const r = s.replies.find((x) => x.communityId === communityId && x.platformMessageId === pid);
        if (r && !r.deletedAt) Object.assign(r, { text, editedAt: at });
        return r ? clone(r) : null;
      },
      async deleteReply(communityId, pid, at) {
        const r = s.replies.find((x) => x.communityId === communityId && x.platformMessageId === pid);
        if (r && !r.deletedAt) {
          Object.assign(r, { text: null, deletedAt: at });
          const t = s.threads.find((x) => x.id === r.threadId)!;
          if (!r.isFollowUp) t.replyCount = Math.max(0, t.replyCount - 1);
        }
        return r ? clone(r) : null;
      },
      async resolve(communityId, id, res: Resolution) {
        const t = s.threads.find((x) => x.communityId === communityId && x.id === id);
        if (!t || t.status !== "open") return false;
        Object.assign(t, { status: "resolved", outcome: res.outcome, outcomeNote: res.note, resolvedAt: res.at });
        for (const memberId of res.helperIds) s.helpers.push({ threadId: id, memberId });
        return true;
      },
      async helpersOf(communityId, id) {
        return [...new Set(s.replies.filter((r) => r.communityId === communityId && r.threadId === id && !r.isFollowUp && !r.deletedAt).map((r) => r.authorId))];
      },
      async removeUnposted(communityId, id) {
        const before = s.threads.length;
        s.threads = s.threads.filter((t) => !(t.communityId === communityId && t.id === id && !t.messageRef));
        return s.threads.length < before;
      },
      async openOf(communityId, askerId, limit) {
        return clone(s.threads.filter((t) => t.communityId === communityId && t.askerId === askerId && t.status === "open").slice(-limit).reverse());
      },
    },
    subscriptions: {
      async follow(communityId, memberId, tag) {
        if (s.subscriptions.some((x) => x.memberId === memberId && x.tag === tag)) return false;
        s.subscriptions.push({ communityId, memberId, tag });
        return true;
      },
      async unfollow(communityId, memberId, tag) {
        const before = s.subscriptions.length;
        s.subscriptions = s.subscriptions.filter((x) => !(x.communityId === communityId && x.memberId === memberId && x.tag === tag));
        return s.subscriptions.length < before;
      },
      async tagsOf(communityId, memberId) { return s.subscriptions.filter((x) => x.communityId === communityId && x.memberId === memberId).map((x) => x.tag).sort(); },
      async followersOf(communityId, tags) {
        const ids = new Set(s.subscriptions.filter((x) => x.communityId === communityId && tags.includes(x.tag)).map((x) => x.memberId));
        return clone(s.members.filter((m) => ids.has(m.id)));
      },
    },
    tags: {
      async touch(communityId, tags) {
        for (const name of tags) if (!s.tags.some((t) => t.communityId === communityId && t.name === name)) s.tags.push({ communityId, name });
      },
    },
    digests: {
      async add(items: readonly NewDigestItem[]) {
        for (const i of items) {
          if (!s.digests.some((d) => d.memberId === i.memberId && d.kind === i.kind && d.refId === i.refId)) s.digests.push({ ...i, id: randomUUID(), sentAt: null });
        }
      },
      async pending(communityId, memberId) { return clone(s.digests.filter((d) => d.communityId === communityId && d.memberId === memberId && !d.sentAt)); },
      async removeFor(communityId, refId) { s.digests = s.digests.filter((d) => !(d.communityId === communityId && d.refId === refId && !d.sentAt)); },
      async markSent(communityId, ids, at) { for (const d of s.digests) if (d.communityId === communityId && ids.includes(d.id)) d.sentAt = at; },
    },
    roundups: {
      async saveIssue() { /* the archive lives in the database; unit tests read the outbox */ },
      async activity(communityId, from, to, limit): Promise<WeekActivity> {
        const name = (id: string) => member(communityId, id)?.displayName ?? "?";
        const replies = s.replies.filter((r) => r.communityId === communityId && within(r.createdAt, from, to) && !r.isFollowUp && !r.deletedAt);
        const helperCounts = new Map<string, number>();
        for (const r of replies) helperCounts.set(r.authorId, (helperCounts.get(r.authorId) ?? 0) + 1);
        const created = [...s.resources, ...s.threads].filter((x) => x.communityId === communityId && within(x.createdAt, from, to));
        const tagCounts = new Map<string, number>();
        for (const x of created) for (const t of x.tags) tagCounts.set(t, (tagCounts.get(t) ?? 0) + 1);
        const channelCounts = new Map<string, number>();
        for (const x of [...created, ...replies]) if (x.channelId) channelCounts.set(x.channelId, (channelCounts.get(x.channelId) ?? 0) + 1);
        return {
          resources: s.resources.filter((r) => r.communityId === communityId && within(r.createdAt, from, to))
            .sort((a, b) => b.endorsementCount - a.endorsementCount || a.createdAt.getTime() - b.createdAt.getTime())
            .slice(0, limit).map((r) => ({ ...clone(r), sharerName: name(r.sharerId) })),
          resolved: s.threads.filter((t) => t.communityId === communityId && t.status === "resolved" && within(t.resolvedAt, from, to)).slice(0, limit)
            .map((t) => ({ ...clone(t), askerName: name(t.askerId), helperNames: s.helpers.filter((h) => h.threadId === t.id).map((h) => name(h.memberId)) })),
          open: s.threads.filter((t) => t.communityId === communityId && t.status === "open" && t.createdAt < to)
            .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, limit).map((t) => ({ ...clone(t), askerName: name(t.askerId) })),
          helpers: [...helperCounts].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([memberId, n]) => ({ memberId, name: name(memberId), replies: n })),
          tags: [...tagCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 5).map(([tag, count]) => ({ tag, count })),
          busiestChannel: [...channelCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? null,
        };
      },
      async counts(communityId, from, to): Promise<WeekCounts> {
        return {
          resources: s.resources.filter((r) => r.communityId === communityId && within(r.createdAt, from, to)).length,
          questions: s.threads.filter((t) => t.communityId === communityId && within(t.createdAt, from, to)).length,
          resolved: s.threads.filter((t) => t.communityId === communityId && within(t.resolvedAt, from, to)).length,
          replies: s.replies.filter((r) => r.communityId === communityId && within(r.createdAt, from, to) && !r.isFollowUp && !r.deletedAt).length,
        };
      },
    },
    followups: {
      async unanswered(communityId, createdBefore, maxSteps, limit) {
        return clone(s.threads.filter((t) => t.communityId === communityId && t.status === "open" && t.replyCount === 0 && t.createdAt < createdBefore && t.surfaceCount < maxSteps)
          .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime()).slice(0, limit));
      },
      async claimSurfacing(communityId, threadId, step, at) {
        const t = s.threads.find((x) => x.communityId === communityId && x.id === threadId);
        if (!t || t.status !== "open" || t.replyCount !== 0 || t.surfaceCount !== step - 1) return false;
        Object.assign(t, { surfaceCount: step, lastSurfacedAt: at });
        s.surfacings.push({ threadId, step });
        return true;
      },
      async needingNudge(communityId, createdBefore, limit) {
        return clone(s.threads.filter((t) => t.communityId === communityId && t.status === "open" && t.replyCount > 0 && t.createdAt < createdBefore && !t.nudgedAt).slice(0, limit));
      },
      async claimNudge(communityId, threadId, at) {
        const t = s.threads.find((x) => x.communityId === communityId && x.id === threadId);
        if (!t || t.status !== "open" || t.nudgedAt) return false;
        t.nudgedAt = at;
        return true;
      },
      async withPendingDigests(communityId) {
        const ids = new Set(s.digests.filter((d) => d.communityId === communityId && !d.sentAt).map((d) => d.memberId));
        return clone(s.members.filter((m) => ids.has(m.id)));
      },
    },
    jobs: {
      async claim(job, communityId, period) {
        if (s.jobRuns.some((r) => r.job === job && r.communityId === communityId && r.period === period)) return false;
        s.jobRuns.push({ job, communityId, period, finishedAt: null });
        return true;
      },
      async claimed(job, communityId, period) {
        return s.jobRuns.some((r) => r.job === job && r.communityId === communityId && r.period === period);
      },
      async finish(job, communityId, period, at) {
        const r = s.jobRuns.find((x) => x.job === job && x.communityId === communityId && x.period === period);
        if (r) r.finishedAt = at;
      },
      async enqueue(items: readonly NewOutboxItem[]) {
        for (const i of items) {
          if (s.outbox.some((o) => o.dedupeKey === i.dedupeKey)) continue;
          s.outbox.push({ id: randomUUID(), communityId: i.communityId, dedupeKey: i.dedupeKey, audience: i.audience, message: i.message, attempts: 0, status: "pending", nextAttemptAt: i.at, messageRef: null, lastError: null });
        }
      },
      async lease(now, limit, leaseMs, communityIds, sideOnlyIds = [], sideKinds = ["email"]) {
        const inScope = (o: { communityId: string; audience: { kind: string } }) =>
          !communityIds || communityIds.includes(o.communityId) || (sideOnlyIds.includes(o.communityId) && sideKinds.includes(o.audience.kind));
        const due = s.outbox.filter((o) => o.status === "pending" && o.nextAttemptAt <= now && inScope(o)).slice(0, limit);
        for (const o of due) { o.attempts += 1; o.nextAttemptAt = new Date(now.getTime() + leaseMs); }
        return clone(due.map(({ id, communityId, dedupeKey, audience, message, attempts }) => ({ id, communityId, dedupeKey, audience, message, attempts })));
      },
      async markSent(id, messageRef) {
        const o = s.outbox.find((x) => x.id === id && x.status === "pending");
        if (o) Object.assign(o, { status: "sent", messageRef });
      },
      async markFailed(id, error, retryAt) {
        const o = s.outbox.find((x) => x.id === id && x.status === "pending");
        if (o) Object.assign(o, retryAt ? { lastError: error, nextAttemptAt: retryAt } : { lastError: error, status: "failed" });
      },
      async prune(outboxBefore, _runsBefore) {
        const keep = s.outbox.filter((o) => !((o.status === "sent" && o.nextAttemptAt < outboxBefore) || (o.status === "failed" && o.nextAttemptAt < outboxBefore)));
        const outbox = s.outbox.length - keep.length;
        s.outbox.splice(0, s.outbox.length, ...keep);
        return { outbox, runs: 0 };
      },
      async pendingCount(communityIds) {
        return s.outbox.filter((o) => o.status === "pending" && (!communityIds || communityIds.includes(o.communityId))).length;
      },
    },
  };

  return {
    ...repos,
    get state() { return s; },
    async transaction(work) {
      const snapshot = structuredClone(s);
      try {
        return await work(repos);
      } catch (e) {
        s = snapshot;
        throw e;
      }
    },
  };
};
