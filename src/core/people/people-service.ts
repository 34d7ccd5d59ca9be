import type { Member } from "../members/member-types";
import type { Actor } from "../shared/context";
import type { Clock } from "../shared/clock";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import { normalizeTags } from "../shared/tags";
import type { Store } from "../store";
import type { PeopleRepository, Privacy } from "./people-types";

/** How far back /peerloop people looks. */
export const PEOPLE_DAYS = 90;

/**
 * A member as a door hands them over: a platform mention (<@U123>, <@!123>), an id a platform's user
 * option gives, or @name as typed in the shell.
 */
export const memberRef = (value: string): { externalId: string; name: string } => {
  // A door may mark a real mention with private-use characters (Slack's); they are not part of the id.
  const v = value.replace(/[\uE000-\uF8FF]/g, "").trim();
  const mention = /^<@!?([\w-]+)(?:\|[^>]*)?>$/.exec(v);
  if (mention) return { externalId: mention[1]!, name: mention[1]! };
  const bare = v.replace(/^@/, "");
  return { externalId: bare, name: bare };
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** Following people, finding who helps most with a topic, and each member's say over both. */
export class PeopleService {
  constructor(private readonly store: Store, private readonly clock: Clock) {}

  private repo(): PeopleRepository {
    return this.store.people ?? fail("UNKNOWN_COMMAND", "Following people is not available here.");
  }

  async follow(actor: Actor, who: string): Promise<Outcome> {
    const member = await this.find(actor, who);
    if (member.id === actor.memberId) fail("INVALID_OPTION", "That's you. Follow a colleague whose shares and answers you want to hear about.");
    const privacy = await this.repo().privacy(actor.communityId, member.id);
    if (!privacy.followable) fail("NOT_FOLLOWABLE", `${member.displayName} has chosen not to be followed. You can still follow the topics they post on: /follow #tag.`);
    const added = await this.repo().follow(actor.communityId, actor.memberId, member.id, this.clock.now());
    if (!added) fail("ALREADY_FOLLOWING", `You already follow ${member.displayName}.`);
    return reply(privately({ text: `You now follow ${member.displayName}: you'll hear when they share a resource or answer a question, by your /notify setting and quiet hours.`, tone: "success" }));
  }

  async unfollow(actor: Actor, who: string): Promise<Outcome> {
    const member = await this.find(actor, who);
    const removed = await this.repo().unfollow(actor.communityId, actor.memberId, member.id);
    if (!removed) fail("NOT_FOLLOWING", `You weren't following ${member.displayName}.`);
    return reply(privately({ text: `You no longer follow ${member.displayName}.`, tone: "info" }));
  }

  /** Who helped most with a topic (or at all) over the last 90 days: credited answers, then endorsed shares. */
  async people(actor: Actor, tag?: string): Promise<Outcome> {
    const [topic] = tag ? normalizeTags([tag]) : [];
    const since = new Date(this.clock.now().getTime() - PEOPLE_DAYS * 86_400_000);
    const helpers = await this.repo().helpers(actor.communityId, since, topic ?? null, 10);
    const about = topic ? ` with #${topic}` : "";
    if (!helpers.length) {
      return reply(privately({ title: `Who helps${about}`, text: `Nobody has been credited with an answer or had a share endorsed${about} in the last ${PEOPLE_DAYS} days yet.`, tone: "info" }));
    }
    return reply(privately({
      title: `Who helped most${about}, last ${PEOPLE_DAYS} days`,
      text: "Credited answers count double, then endorsements of what they shared. Follow someone with /follow @name.",
      items: helpers.map((h) => ({ title: h.displayName, detail: [h.answers ? plural(h.answers, "credited answer") : null, h.endorsements ? plural(h.endorsements, "endorsement") : null].filter(Boolean).join(" · ") })),
    }));
  }

  /** `/peerloop privacy [follow|people] [on|off]`: whether others may follow you, and list you. */
  async privacy(actor: Actor, setting?: string, value?: string): Promise<Outcome> {
    let current = await this.repo().privacy(actor.communityId, actor.memberId);
    if (setting) {
      if (value !== "on" && value !== "off") fail("INVALID_OPTION", `Say on or off: /peerloop privacy ${setting} off`);
      const patch: Partial<Privacy> = setting === "follow" ? { followable: value === "on" } : { listed: value === "on" };
      current = await this.repo().setPrivacy(actor.communityId, actor.memberId, patch);
    }
    return reply(privately({
      title: "Your privacy in this community",
      text: "Change with /peerloop privacy follow on|off, or /peerloop privacy people on|off. Turning follow off also removes your current followers.",
      fields: [
        { label: "follow", value: current.followable ? "on: members may follow you" : "off: nobody can follow you" },
        { label: "people", value: current.listed ? "on: you may be listed in /peerloop people" : "off: you are never listed" },
      ],
      tone: setting ? "success" : "info",
    }));
  }

  private async find(actor: Actor, who: string): Promise<Member> {
    const ref = memberRef(who);
    if (!ref.externalId) return fail("MISSING_OPTION", "Name a member: /follow @name");
    const byId = await this.repo().findMembers(actor.communityId, { externalId: ref.externalId });
    const found = byId.length ? byId : await this.repo().findMembers(actor.communityId, { name: ref.name });
    if (found.length === 1) return found[0]!;
    if (found.length > 1) return fail("INVALID_OPTION", `More than one member is called ${ref.name.slice(0, 40)}; mention the one you mean (@ and pick them).`);
    return fail("UNKNOWN_MEMBER", `I don't know ${who.trim().slice(0, 40)} here yet: they can be followed once they've used Peerloop (shared, asked or answered).`);
  }
}
