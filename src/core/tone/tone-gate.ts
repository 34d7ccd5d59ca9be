import type { Community } from "../members/member-types";
import { fail } from "../shared/errors";
import type { Outgoing } from "../shared/message";
import { privately } from "../shared/message";
import { toneNudge } from "./tone-nudge";
import type { ToneCheck, ToneResult } from "./tone-types";

/**
 * Holds a post whose wording reads as disparaging until its author chooses: a nudge, never a block.
 * Off when the community says so; with `moderators`, the moderator channel hears that a nudge was
 * given (who and where, never the words).
 */
export class ToneGate {
  constructor(private readonly check: ToneCheck) {}

  /** Before posting: throws TONE with the nudge, unless the author already chose "Post as is". */
  before(community: Community, what: string, texts: readonly (string | null | undefined)[], confirmed: boolean): void {
    if (community.toneCheck === "off" || confirmed) return;
    const result = this.first(texts);
    if (!result) return;
    const nudge = toneNudge(result, what);
    fail("TONE", nudge.text, {
      category: result.category, spans: result.spans.map((s) => s.text), what,
      moderatorChannel: community.toneCheck === "moderators" ? (community.moderatorChannel ?? undefined) : undefined,
    });
  }

  /** After the fact (a thread reply, a resolution note already saved): the same note, privately. */
  after(community: Community, what: string, text: string | null | undefined, author: string): Outgoing[] {
    if (community.toneCheck === "off" || !text) return [];
    const result = this.first([text]);
    if (!result) return [];
    const out: Outgoing[] = [privately(toneNudge(result, what, "after"))];
    if (community.toneCheck === "moderators" && community.moderatorChannel) out.push(moderatorNotice(community.moderatorChannel, author, what));
    return out;
  }

  private first(texts: readonly (string | null | undefined)[]): ToneResult | null {
    for (const t of texts) {
      if (!t) continue;
      const r = this.check.inspect(t);
      if (r.flagged) return r;
    }
    return null;
  }
}

/** What moderators hear: that a member was nudged, about what kind of post; never the words. */
export const moderatorNotice = (channelId: string, author: string, what: string): Outgoing => ({
  to: { kind: "post", channelId },
  message: { title: "A tone nudge was given", text: `${author} was privately nudged about the tone of a ${what}. They choose whether to post it; no text is shared here.`, tone: "info" },
});
