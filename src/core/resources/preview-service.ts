import type { Logger } from "../shared/logger";
import type { Clock } from "../shared/clock";
import type { Store } from "../store";
import type { WebReader } from "../sources/fetch-types";
import { shareCard } from "./resource-cards";
import type { RelatedService } from "../related/related-service";

/**
 * Link previews: after a card is posted, the page's title, description and site name are read and
 * stored, and the card is replaced through the outbox, so a slow site never delays the answer.
 */
export class PreviewService {
  constructor(
    private readonly store: Store,
    private readonly reader: () => Promise<WebReader>,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly related?: RelatedService,
  ) {}

  /** Reads one resource's preview; true when its card was queued for an update. */
  async refresh(communityId: string, resourceId: string): Promise<boolean> {
    const resource = await this.store.resources.get(communityId, resourceId);
    if (!resource || resource.previewAt) return false;
    // The site learns its page was shared when Peerloop reads it: a community can keep that to itself.
    if ((await this.store.communities.get(communityId))?.linkPreviews === false) return false;
    const reader = await this.reader();
    const { preview, failure } = await reader.preview(resource.originalUrl || resource.url);
    if (failure && ["timeout", "network", "dns"].includes(failure.failure)) {
      // Passing trouble: the weekly links job tries again.
      this.logger.info("link preview not read", { communityId, resourceId, reason: failure.message });
      return false;
    }
    const updated = await this.store.resources.setPreview(communityId, resourceId, preview ?? { title: null, description: null, siteName: null }, this.clock.now());
    if (!updated || !preview || !(preview.title || preview.description)) return false;
    await this.related?.changed(communityId, { kind: "resource", id: resourceId });
    if (!updated.channelId || !updated.messageRef) return false;
    const sharer = await this.store.members.get(communityId, updated.sharerId);
    await this.store.jobs.enqueue([{
      communityId, dedupeKey: `preview:${resourceId}`, at: this.clock.now(),
      audience: { kind: "edit", channelId: updated.channelId, messageRef: updated.messageRef },
      message: shareCard(updated, sharer?.displayName ?? "A member"),
    }]);
    return true;
  }
}
