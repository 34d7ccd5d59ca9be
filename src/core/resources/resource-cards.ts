import type { Message, Item } from "../shared/message";
import { hashtags } from "../shared/tags";
import { titleFromUrl } from "./normalize-url";
import type { Resource, ResourceHit } from "./resource-types";

const day = (d: Date) => d.toISOString().slice(0, 10);

export const resourceTitle = (r: Pick<Resource, "title" | "url">): string => r.title ?? titleFromUrl(r.url);

/** The card posted in the channel; its platform thread is where the resource is discussed. */
export const shareCard = (r: Resource, sharerName: string, savedBy?: string): Message => ({
  title: resourceTitle(r),
  text: savedBy ? `${sharerName} shared a resource, saved by ${savedBy}` : `${sharerName} shared a resource`,
  links: [{ label: resourceTitle(r), url: r.url }],
  quote: r.note ?? undefined,
  fields: [
    ...(r.description ? [{ label: r.siteName ? `From ${r.siteName}` : "About", value: r.description }] : []),
    ...(r.tags.length ? [{ label: "Tags", value: hashtags(r.tags) }] : []),
    { label: "Shared by", value: savedBy ? `${sharerName} (saved by ${savedBy})` : sharerName },
  ],
  buttons: [{ action: "endorse", value: r.id, label: "Endorse: used this in practice", style: "primary" }],
  tone: "info",
});

/** `r` is the resource after the re-share was counted; `firstSharer` is "You" when it was the same member. */
export const alreadySharedMessage = (r: Resource, firstSharer: string, addedTags: string[]): Message => ({
  title: "Already in the library",
  text:
    `${firstSharer} shared this link first, on ${day(r.createdAt)}, so no second post was made. It has been shared ${r.reshareCount + 1} times` +
    (addedTags.length ? `; your tags ${hashtags(addedTags)} were added.` : "."),
  links: [{ label: resourceTitle(r), url: r.url }],
  tone: "info",
});

export const followerShareMessage = (r: Resource, sharerName: string): Message => ({
  title: `New resource on ${hashtags(r.tags)}`,
  text: `${sharerName} shared ${resourceTitle(r)}`,
  links: [{ label: resourceTitle(r), url: r.url }],
  quote: r.note ?? undefined,
});

export const searchResultsMessage = (query: string, tags: string[], hits: ResourceHit[]): Message => {
  const asked = [query, hashtags(tags)].filter(Boolean).join(" ") || "everything";
  if (hits.length === 0) {
    return { title: "No resources found", text: `Nothing in the library matches ${asked} yet. Share one with /share <url> #tag.`, tone: "info" };
  }
  const items: Item[] = hits.map((h) => ({
    title: resourceTitle(h),
    url: h.url,
    detail: [
      h.linkStatus === "broken" ? "⚠ link reported broken" : null,
      h.siteName ? `from ${h.siteName}` : null,
      `shared by ${h.sharerName} on ${day(h.createdAt)}`,
      h.endorsementCount ? `${h.endorsementCount} endorsement${h.endorsementCount === 1 ? "" : "s"}` : null,
      h.tags.length ? hashtags(h.tags) : null,
    ].filter(Boolean).join(" · "),
    place: h.channelId ? { channelId: h.channelId, messageRef: h.messageRef ?? undefined } : undefined,
  }));
  return { title: `Resources for ${asked}`, text: `${hits.length} result${hits.length === 1 ? "" : "s"}, best match first.`, items };
};
