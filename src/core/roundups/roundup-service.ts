import type { Clock } from "../shared/clock";
import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import type { Store } from "../store";
import { composeRoundup, roundupMessage } from "./compose-roundup";

export class RoundupService {
  constructor(private readonly store: Store, private readonly clock: Clock) {}

  /** A private preview of the roundup for the 7 days ending now. */
  async preview(actor: Actor): Promise<Outcome> {
    const community = (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    const roundup = await composeRoundup(this.store.roundups, community, this.clock.now(), this.store.links);
    const message = roundupMessage(roundup, community.name);
    return reply(privately({ ...message, title: `Preview: ${message.title}` }));
  }
}
