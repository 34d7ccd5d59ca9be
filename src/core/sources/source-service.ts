import type { Actor, Place } from "../shared/context";
import type { Clock } from "../shared/clock";
import { fail } from "../shared/errors";
import { privately, reply, type Message, type Outcome } from "../shared/message";
import { hashtags, normalizeTags } from "../shared/tags";
import type { Store } from "../store";
import { normalizeUrl } from "../resources/normalize-url";
import type { WebReader } from "./fetch-types";
import type { Source, SourceRepository } from "./source-types";

const NAME_MAX = 60;

/** A source's short name: from the admin, else the feed's title, else the site's host. */
const sourceName = (given: string | undefined, title: string | null, siteUrl: string): string => {
  const raw = (given ?? title ?? new URL(siteUrl).hostname.replace(/^www\./, "")).replace(/\s+/g, " ").trim();
  return raw.length > NAME_MAX ? `${raw.slice(0, NAME_MAX - 1).trimEnd()}…` : raw;
};

const status = (s: Source): string =>
  s.pausedAt ? `paused since ${s.pausedAt.toISOString().slice(0, 10)} (${s.lastError ?? "kept failing"})`
    : s.failures ? `failing (${s.failures} reads in a row: ${s.lastError ?? "unknown"})`
    : s.lastPolledAt ? `last read ${s.lastPolledAt.toISOString().slice(0, 16).replace("T", " ")} UTC` : "not read yet";

/** /source add|list|remove|follow|unfollow: the publishers a community trusts. */
export class SourceService {
  constructor(private readonly store: Store, private readonly reader: (() => Promise<WebReader>) | undefined, private readonly clock: Clock) {}

  private repo(): SourceRepository {
    return this.store.sources ?? fail("UNKNOWN_COMMAND", "Sources are not available here.");
  }

  async add(actor: Actor, place: Place, input: { url: string; tags?: string[]; name?: string }): Promise<Outcome> {
    const community = (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet; try again in a moment.");
    if (!actor.isAdmin && community.sourcesBy !== "members") {
      fail("NOT_ALLOWED", "Only admins can add sources here. An admin can let members add them with /peerloop settings sources-by members.");
    }
    normalizeUrl(input.url); // the same clear errors as /share for a link that is not one
    const tags = normalizeTags(input.tags);
    if (!this.reader) fail("UNKNOWN_COMMAND", "Sources are not available here.");
    const found = await (await this.reader!()).discoverFeed(input.url.trim());
    if (!found.ok) return fail("SOURCE_UNREADABLE", `I couldn't add ${input.url.trim().slice(0, 80)}: ${found.message}.`);
    const existing = await this.repo().findByFeed(actor.communityId, found.feedUrl);
    if (existing?.pausedAt) {
      await this.repo().update(actor.communityId, existing.id, { pausedAt: null, failures: 0, failingSince: null, lastError: null, nextPollAt: this.clock.now() });
      return reply(privately({ title: "Source resumed", text: `${existing.name} was paused after failing; it is read again from the next run.`, tone: "success" }));
    }
    if (existing) fail("ALREADY_ADDED", `That feed is already a source here, as "${existing.name}". See /source list.`);
    const name = sourceName(input.name?.replace(/^name\s*:\s*/i, "") || undefined, found.title, found.siteUrl);
    const created = await this.repo().create({
      communityId: actor.communityId, name, siteUrl: found.siteUrl, feedUrl: found.feedUrl, tags, addedBy: actor.memberId, channelId: place.channelId, createdAt: this.clock.now(),
    });
    if (!created) fail("ALREADY_ADDED", `There is already a source named "${name}". Give this one another name: /source add ${input.url.trim()} ${tags.map((t) => `#${t} `).join("")}Another name`);
    return reply(privately({
      title: `Source added: ${created!.name}`,
      text: `New items from its feed join the library${tags.length ? ` tagged ${hashtags(tags)}` : ""}, and reach members who follow ${tags.length ? "those tags or " : ""}this source (/source follow ${created!.name}). ` +
        "A few a day are posted here; the rest go to the library and digests quietly.",
      links: [{ label: "Feed", url: created!.feedUrl }],
      tone: "success",
    }));
  }

  async list(actor: Actor): Promise<Outcome> {
    const sources = await this.repo().list(actor.communityId);
    if (!sources.length) return reply(privately({ title: "No sources yet", text: "An admin can add a publisher's site or feed: /source add https://example.org #tag", tone: "info" }));
    const followed = new Set(await this.repo().followedBy(actor.communityId, actor.memberId));
    const message: Message = {
      title: `Sources (${sources.length})`,
      text: "Publishers whose new items join the library. Follow one with /source follow <name>.",
      items: sources.map((s) => ({
        title: `${s.name}${followed.has(s.name) ? " (you follow it)" : ""}`,
        url: s.siteUrl,
        detail: [s.tags.length ? hashtags(s.tags) : null, status(s)].filter(Boolean).join(" · "),
      })),
    };
    return reply(privately(message));
  }

  async remove(actor: Actor, name: string): Promise<Outcome> {
    const source = await this.find(actor, name);
    if (!actor.isAdmin && source.addedBy !== actor.memberId) fail("NOT_ALLOWED", `Only admins (or the member who added it) can remove ${source.name}.`);
    await this.repo().remove(actor.communityId, source.id);
    return reply(privately({ title: "Source removed", text: `${source.name} is no longer read. What it already brought stays in the library.`, tone: "success" }));
  }

  async follow(actor: Actor, name: string): Promise<Outcome> {
    const source = await this.find(actor, name);
    const added = await this.repo().follow(actor.memberId, source.id, this.clock.now());
    return reply(privately({ text: added ? `You now follow ${source.name}: its new items reach you by your /notify setting.` : `You already follow ${source.name}.`, tone: added ? "success" : "info" }));
  }

  async unfollow(actor: Actor, name: string): Promise<Outcome> {
    const source = await this.find(actor, name);
    const removed = await this.repo().unfollow(actor.memberId, source.id);
    return reply(privately({ text: removed ? `You no longer follow ${source.name}.` : `You weren't following ${source.name}.`, tone: "info" }));
  }

  private async find(actor: Actor, name: string): Promise<Source> {
    const wanted = name.trim();
    const source = await this.repo().findByName(actor.communityId, wanted);
    if (source) return source;
    const names = (await this.repo().list(actor.communityId)).map((s) => s.name);
    return fail("UNKNOWN_SOURCE", `There's no source named "${wanted.slice(0, 60)}".${names.length ? ` Sources: ${names.slice(0, 10).join(", ")}.` : " See /source list."}`);
  }
}
