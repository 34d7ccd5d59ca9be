import type { ConfidentialityGate } from "../guard/confidentiality-gate";
import type { NotificationService } from "../notifications/notification-service";
import type { Actor, Place } from "../shared/context";
import type { Clock } from "../shared/clock";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import { boundedText, LIMITS } from "../shared/text-limits";
import { normalizeTags } from "../shared/tags";
import type { Store } from "../store";
import type { WebLinks } from "../web/site-types";
import type { ToneGate } from "../tone/tone-gate";
import { linkForGuard, normalizeUrl } from "./normalize-url";
import type { RelatedService } from "../related/related-service";
import { alreadySharedMessage, followerShareMessage, resourceTitle, searchResultsMessage, shareCard } from "./resource-cards";

export interface ShareInput {
  url: string;
  tags?: string[];
  note?: string;
  confirmed?: boolean;
  /** The author chose "Post as is" after the tone nudge. */
  toneConfirmed?: boolean;
  /** Saved from someone else's message ("Save to library"): who saved it; the actor is the message's author. */
  savedBy?: string;
}

export interface SearchInput {
  query?: string;
  tags?: string[];
}

export class ResourceService {
  constructor(
    private readonly store: Store,
    private readonly notifications: NotificationService,
    private readonly gate: ConfidentialityGate,
    private readonly clock: Clock,
    private readonly links?: WebLinks,
    private readonly tone?: ToneGate,
    private readonly related?: RelatedService,
  ) {}

  async share(actor: Actor, place: Place, input: ShareInput): Promise<Outcome> {
    const url = normalizeUrl(input.url);
    const tags = normalizeTags(input.tags);
    const note = boundedText(input.note ?? "", LIMITS.note, "note", "NOTE_TOO_LONG") || null;
    const now = this.clock.now();
    const community = await this.community(actor);
    const guardOverride = this.gate.check(community, actor.memberId, "share", [note, linkForGuard(input.url)], input.confirmed ?? false);
    this.tone?.before(community, "share note", [note], input.toneConfirmed ?? false);

    const outcome = await this.store.transaction(async (tx) => {
      const existing = await tx.resources.findByUrl(actor.communityId, url);
      if (existing) {
        const added = tags.filter((t) => !existing.tags.includes(t));
        const updated = await tx.resources.recordReshare(actor.communityId, existing.id, added);
        await tx.tags.touch(actor.communityId, added, now);
        const first = existing.sharerId === actor.memberId ? null : await tx.members.get(actor.communityId, existing.sharerId);
        return reply(privately(alreadySharedMessage(updated, first ? first.displayName : "You", added)));
      }
      const resource = await tx.resources.create({
        communityId: actor.communityId, url, originalUrl: input.url.trim(), title: null, note, tags,
        sharerId: actor.memberId, channelId: place.channelId, createdAt: now, guardOverride,
      });
      await tx.tags.touch(actor.communityId, tags, now);
      const dms = await this.notifications.announce(tx, community, {
        kind: "resource", refId: resource.id, tags, authorId: actor.memberId,
        summary: `${actor.displayName} shared ${resourceTitle(resource)} ${resource.url}`,
        message: followerShareMessage(resource, actor.displayName), guardOverride, toAuthorsFollowers: true,
        toneOverride: input.toneConfirmed === true, title: resourceTitle(resource),
      }, now);
      return reply({ to: { kind: "channel" }, message: shareCard(resource, actor.displayName, input.savedBy), anchor: { kind: "resource", id: resource.id } }, ...dms);
    });
    // The library's new or re-tagged item can answer the next question asked.
    if (this.related) {
      const stored = await this.store.resources.findByUrl(actor.communityId, url);
      if (stored) await this.related.changed(actor.communityId, { kind: "resource", id: stored.id });
    }
    return outcome;
  }

  /** What a tag picker offers: the community's most used and followed tags. */
  async popularTags(communityId: string, limit: number): Promise<string[]> {
    return (await this.store.resources.popularTags?.(communityId, limit)) ?? [];
  }

  /** The library's resource for a link as a member would paste it (normalized as sharing does). */
  async findByLink(communityId: string, url: string) {
    try {
      return await this.store.resources.findByUrl(communityId, normalizeUrl(url));
    } catch {
      return null;
    }
  }

  async search(actor: Actor, input: SearchInput): Promise<Outcome> {
    const query = boundedText(input.query ?? "", LIMITS.query, "search", "TEXT_TOO_LONG");
    const tags = normalizeTags(input.tags);
    const hits = await this.store.resources.search(actor.communityId, { text: query, tags, limit: 10, now: this.clock.now() });
    const message = searchResultsMessage(query, tags, hits);
    const web = await this.libraryLink(actor);
    return reply(privately(web ? { ...message, links: [...(message.links ?? []), web] } : message));
  }

  /** The member's own link to the whole library on the web, where the community has it on. */
  private async libraryLink(actor: Actor) {
    if (!this.links) return null;
    if ((await this.community(actor)).webAccess === "off") return null;
    const { url } = await this.links.memberLink(actor.communityId, actor.memberId);
    return { label: "Browse the whole library on the web", url };
  }

  async endorse(actor: Actor, resourceId: string): Promise<Outcome> {
    const resource = await this.store.resources.get(actor.communityId, resourceId);
    if (!resource) return fail("UNKNOWN_RESOURCE", "That resource isn't in this community's library any more.");
    if (resource.sharerId === actor.memberId) fail("INVALID_OPTION", "You shared this one; endorsements come from peers who used it.");
    const added = await this.store.resources.endorse(actor.communityId, resourceId, actor.memberId, this.clock.now());
    if (!added) fail("ALREADY_ENDORSED", `You already endorsed ${resourceTitle(resource)}.`);
    return reply(privately({ text: `Thanks: you endorsed ${resourceTitle(resource)} as used in practice.`, tone: "success" }));
  }

  /** The card could not be posted: the resource goes again, with what was queued about it. */
  async discardUnposted(communityId: string, id: string): Promise<void> {
    await this.store.transaction(async (tx) => {
      if (await tx.resources.removeUnposted(communityId, id)) await tx.digests.removeFor(communityId, id);
    });
  }

  async attachPost(communityId: string, id: string, channelId: string, messageRef: string): Promise<void> {
    await this.store.resources.attachPost(communityId, id, channelId, messageRef);
  }

  private async community(actor: Actor) {
    return (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet; try again in a moment.");
  }
}
