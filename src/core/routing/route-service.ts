import type { Clock } from "../shared/clock";
import { UUID } from "../shared/clean-text";
import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import type { Store } from "../store";
import type { WebLinks } from "../web/site-types";
import { openThreadMessage } from "./route-messages";
import { DEFAULT_INVITES_PER_WEEK, type RouteRepository } from "./route-types";

const MAX_PER_WEEK = 14;
const plural = (n: number) => `${n} invitation${n === 1 ? "" : "s"}`;

/**
 * A member's side of the invitations: the two buttons, whose effect is kept with the invitation
 * (so pressing one again changes nothing and says so), and `/notify invites <n>|off`.
 */
export class RouteService {
  constructor(private readonly store: Store, private readonly clock: Clock, private readonly links?: Pick<WebLinks, "communityUrl">, private readonly defaultPerWeek = DEFAULT_INVITES_PER_WEEK) {}

  /** "Open the thread": where the question is; the first press is recorded. */
  async open(actor: Actor, threadId: string): Promise<Outcome> {
    const { thread } = await this.mine(actor, threadId);
    await this.repo().opened(actor.communityId, thread.id, actor.memberId, this.clock.now());
    const community = await this.store.communities.get(actor.communityId);
    // The web page, where the community shows its questions there (never a question posted past the guard).
    const url = this.links && community && community.webAccess !== "off" && !thread.guardOverride ? `${this.links.communityUrl(actor.communityId)}questions/${thread.id}` : undefined;
    return reply(privately(openThreadMessage(thread, url)));
  }

  /** "Not for me": never asked about this question again; a second press changes nothing. */
  async decline(actor: Actor, threadId: string): Promise<Outcome> {
    const { thread } = await this.mine(actor, threadId);
    const changed = await this.repo().decline(actor.communityId, thread.id, actor.memberId, this.clock.now());
    return reply(privately(changed
      ? { text: "Thanks for saying so. You won't be asked about this question again.", tone: "success" }
      : { text: "You already said this question isn't for you; nothing changed.", tone: "info" }));
  }

  /** `/notify invites <n>|off`, or with nothing after it, what it is now. */
  async command(actor: Actor, details: string | undefined): Promise<Outcome> {
    const word = (details ?? "").trim().toLowerCase();
    if (!word) {
      const mine = await this.repo().invitesPerWeek(actor.communityId, actor.memberId);
      const now = mine ?? this.defaultPerWeek;
      return reply(privately({
        text: now === 0 ? "You get no invitations to answer questions. /notify invites 2 turns them on."
          : `You get at most ${plural(now)} a week to answer questions others are waiting on${mine === null ? " (the default)" : ""}. Change it with /notify invites <1-${MAX_PER_WEEK}> or /notify invites off.`,
        tone: "info",
      }));
    }
    const n = word === "off" || word === "0" ? 0 : /^\d{1,2}$/.test(word) ? Number(word) : NaN;
    if (!Number.isInteger(n) || n > MAX_PER_WEEK) {
      fail("INVALID_OPTION", `Give how many invitations a week you're happy to get (1 to ${MAX_PER_WEEK}), or off, e.g. /notify invites 1 or /notify invites off.`);
    }
    await this.repo().setInvitesPerWeek(actor.communityId, actor.memberId, n);
    return reply(privately({
      text: n === 0 ? "Got it: no more invitations to answer questions. /notify invites 2 turns them back on."
        : `Got it: at most ${plural(n)} a week to answer questions others are waiting on, never in your quiet hours.`,
      tone: "success",
    }));
  }

  /** The community a question's button belongs to, for a press that arrives without one (a Discord DM). */
  communityOf(platform: string, threadId: string): Promise<string | null> {
    return UUID.test(threadId) ? this.repo().communityOfThread(platform, threadId) : Promise.resolve(null);
  }

  private async mine(actor: Actor, threadId: string) {
    if (typeof threadId !== "string" || !UUID.test(threadId)) fail("STALE_BUTTON", "That button is out of date or damaged.");
    const thread = await this.store.threads.get(actor.communityId, threadId);
    if (!thread) fail("UNKNOWN_THREAD", "That question isn't available any more.");
    const invitation = await this.repo().invitation(actor.communityId, threadId, actor.memberId);
    if (!invitation) fail("STALE_BUTTON", "That invitation was for someone else, so nothing changed.");
    return { thread: thread!, invitation: invitation! };
  }

  private repo(): RouteRepository {
    return this.store.routing ?? fail("INVALID_OPTION", "Invitations to answer aren't available here.");
  }
}
