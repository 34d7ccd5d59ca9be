import type { Clock } from "../shared/clock";
import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import type { Store } from "../store";
import type { ExportFormat, WebLinks } from "./site-types";
import { describeLink } from "./link-unfurl";

const when = (d: Date, now: Date) => {
  const hours = Math.round((d.getTime() - now.getTime()) / 3_600_000);
  return hours >= 48 ? `${Math.round(hours / 24)} days` : hours >= 1 ? `${hours} hour${hours === 1 ? "" : "s"}` : "an hour";
};

/** `/peerloop web` and `/peerloop export`: the links into the library's pages and the community's data. */
export class WebService {
  constructor(private readonly store: Store, private readonly links: WebLinks | undefined, private readonly clock: Clock) {}

  async link(actor: Actor): Promise<Outcome> {
    const links = this.available();
    const community = (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    if (community.webAccess === "off") {
      return fail("WEB_OFF", actor.isAdmin
        ? "The library's web pages are off for this community. Turn them on with /peerloop settings web-access members (signed links) or public."
        : "The library's web pages are off for this community; an admin can turn them on. Search it here with /resources.");
    }
    const { url, expiresAt } = await links.memberLink(actor.communityId, actor.memberId);
    const now = this.clock.now();
    return reply(privately({
      title: "Your link to the library",
      text: community.webAccess === "public"
        ? `The library is public: anyone can read it at ${links.communityUrl(actor.communityId)} . Your own link below signs you in (it works for ${when(expiresAt, now)}).`
        : `This link is yours: it signs you in to ${community.name}'s library, questions and roundups for ${when(expiresAt, now)}. Don't share it; ask again with /peerloop web for a new one.`,
      // An admin also gets the community-health page (signed in the same way).
      links: [{ label: "Open the library", url }, ...(actor.isAdmin ? [{ label: "Community health", url: (await links.memberLink(actor.communityId, actor.memberId, "health")).url }] : [])],
    }));
  }

  async exportLink(actor: Actor, format: ExportFormat | "mine"): Promise<Outcome> {
    if (format === "mine") {
      const { url, expiresAt } = await this.available().exportLink(actor.communityId, actor.memberId, "mine");
      return reply(privately({
        title: "Your own data",
        text: `A private download (JSON) of what Peerloop keeps about you here: your settings, follows, email address and phone number, and what you posted. The link works for ${when(expiresAt, this.clock.now())}, for you only.`,
        links: [{ label: "Download my data", url }],
      }));
    }
    if (!actor.isAdmin) fail("NOT_ADMIN", "Only workspace or server admins can export the community's data. Your own library is on the web: /peerloop web.");
    const links = this.available();
    const { url, expiresAt } = await links.exportLink(actor.communityId, actor.memberId, format);
    const what = format === "json" ? "everything needed to restore the community (JSON)" : format === "csv" ? "the library as a spreadsheet (CSV)" : "the library and answered questions as Markdown";
    return reply(privately({
      title: "Your export is ready",
      text: `A private download of ${what}. The link works for ${when(expiresAt, this.clock.now())}, for you only; ask again for a new one. Other formats: /peerloop export json|csv|md.`,
      links: [{ label: `Download (${format})`, url }],
    }));
  }

  /** A Peerloop web link described for an unfurl (its community's own links only). */
  async describeLink(communityId: string, url: string) {
    if (!this.links) return null;
    const community = await this.store.communities.get(communityId);
    if (!community || community.webAccess === "off") return null;
    return describeLink(this.store, communityId, this.links.communityUrl(communityId), url);
  }

  /** A resource's page in the web library. */
  resourceUrl(communityId: string, resourceId: string): string | null {
    return this.links ? `${this.links.communityUrl(communityId)}resources/${resourceId}` : null;
  }

  private available(): WebLinks {
    return this.links ?? fail("WEB_OFF", "The web pages aren't running in this process.");
  }
}
