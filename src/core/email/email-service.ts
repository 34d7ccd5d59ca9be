import { createHash, randomInt } from "node:crypto";
import isEmail from "validator/lib/isEmail.js";
import type { Clock } from "../shared/clock";
import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import type { Store } from "../store";
import { confirmationEmail } from "./email-messages";
import type { EmailRepository, MemberEmail } from "./email-types";

const CODE_TTL_MS = 24 * 3_600_000;
export const EMAIL_FREQUENCIES = ["instant", "daily", "weekly"] as const;

/** The code is stored only as a hash, tied to the member. */
export const hashCode = (memberId: string, code: string) => createHash("sha256").update(`${memberId}:${code}`).digest("hex");

/** Where a confirmation email's link points (the web door signs it). */
export interface EmailLinks {
  confirmUrl(communityId: string, memberId: string, code: string): Promise<string>;
}

const describe = (e: MemberEmail) =>
  !e.confirmedAt ? `${e.address} (waiting for confirmation)` : e.failedAt ? `${e.address} (stopped: the last email could not be delivered)` : `${e.address}: ${e.frequency} digests of followed tags, roundup ${e.roundup ? "on" : "off"}`;

/**
 * `/notify email …`: a member's address for digests and alerts. An address is confirmed by a 6-digit
 * code or a link before anything else is sent to it; it is never shown to anyone but its member.
 */
export class EmailService {
  constructor(private readonly store: Store, private readonly clock: Clock, private readonly links?: EmailLinks) {}

  async command(actor: Actor, input: string | undefined): Promise<Outcome> {
    const emails = this.repo();
    const words = (input ?? "").trim().split(/\s+/).filter(Boolean);
    const [first = "", second] = words;
    const verb = first.toLowerCase();
    if (!verb) {
      const e = await emails.get(actor.communityId, actor.memberId);
      return reply(privately({ text: e ? `Email: ${describe(e)}. Change it with /notify email daily|weekly|instant|off or /notify email roundup on|off.` : "No email address yet. Add one with /notify email you@example.org" }));
    }
    if (verb === "confirm") return this.confirm(actor, second ?? "");
    if (verb === "off") {
      const removed = await emails.remove(actor.communityId, actor.memberId);
      return reply(privately({ text: removed ? "Your email address is removed: Peerloop sends you no more email." : "You have no email address set.", tone: "success" }));
    }
    if (verb === "roundup") {
      const on = second?.toLowerCase();
      if (on !== "on" && on !== "off") return fail("INVALID_OPTION", "Say /notify email roundup on or /notify email roundup off.");
      return this.patch(actor, { roundup: on === "on" }, on === "on" ? "You'll get the weekly roundup by email." : "No more roundups by email.");
    }
    if ((EMAIL_FREQUENCIES as readonly string[]).includes(verb)) {
      return this.patch(actor, { frequency: verb as MemberEmail["frequency"] }, verb === "instant"
        ? "New resources and questions with your tags reach your inbox as they happen (quiet hours hold them)."
        : `You'll get a ${verb} email digest of your followed tags.`);
    }
    if (words.length === 1 && verb.includes("@")) return this.setAddress(actor, first);
    return fail("INVALID_OPTION", "Try /notify email you@example.org, /notify email confirm 123456, /notify email daily|weekly|instant|off, or /notify email roundup on|off.");
  }

  /** Confirms by code (chat) or by link (web); the same checks either way. */
  async confirm(actor: Pick<Actor, "communityId" | "memberId">, code: string): Promise<Outcome> {
    if (!/^\d{6}$/.test(code)) return fail("INVALID_OPTION", "The code is the 6 digits in the email, e.g. /notify email confirm 123456.");
    const result = await this.repo().confirm(actor.communityId, actor.memberId, hashCode(actor.memberId, code), this.clock.now());
    switch (result) {
      case "confirmed": return reply(privately({ text: "Email confirmed. You'll get a weekly digest of your followed tags; change it with /notify email daily|instant|off, and add the roundup with /notify email roundup on.", tone: "success" }));
      case "already": return reply(privately({ text: "That address is already confirmed.", tone: "info" }));
      case "wrong": return fail("INVALID_OPTION", "That code doesn't match. Check the latest email from Peerloop, or set the address again for a new code.");
      case "expired": return fail("INVALID_OPTION", "That code has expired. Set the address again (/notify email you@example.org) for a new one.");
      case "locked": return fail("INVALID_OPTION", "Too many wrong codes. Set the address again (/notify email you@example.org) for a new one.");
      case "none": return fail("INVALID_OPTION", "There's no address waiting for confirmation. Add one with /notify email you@example.org");
    }
  }

  private async setAddress(actor: Actor, raw: string): Promise<Outcome> {
    const address = raw.trim().replace(/^<|>$/g, "").replace(/^mailto:/i, "");
    if (address.length > 254 || !isEmail(address, { allow_display_name: false, require_tld: true, allow_ip_domain: false })) {
      return fail("INVALID_OPTION", `"${address.slice(0, 60)}" isn't an email address I can use. Try /notify email you@example.org`);
    }
    const community = (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const now = this.clock.now();
    const link = this.links ? await this.links.confirmUrl(actor.communityId, actor.memberId, code) : "";
    await this.store.transaction(async (tx) => {
      await tx.emails!.set(actor.communityId, actor.memberId, address, hashCode(actor.memberId, code), new Date(now.getTime() + CODE_TTL_MS));
      // A new code each time, and each confirmation email once.
      await tx.jobs.enqueue([{
        communityId: actor.communityId, dedupeKey: `email-confirm:${actor.memberId}:${hashCode(actor.memberId, code).slice(0, 16)}`,
        audience: { kind: "email", memberId: actor.memberId, address, purpose: "confirm" }, message: confirmationEmail(community.name, code, link), at: now,
      }]);
    });
    return reply(privately({ text: `Check ${address}: Peerloop sent a 6-digit code. Type /notify email confirm <code>, or open the link in the email. Nothing else is sent until you confirm.`, tone: "success" }));
  }

  private async patch(actor: Actor, patch: Partial<Pick<MemberEmail, "frequency" | "roundup">>, done: string): Promise<Outcome> {
    const current = await this.repo().get(actor.communityId, actor.memberId);
    if (!current) return fail("INVALID_OPTION", "Add an email address first: /notify email you@example.org");
    await this.repo().update(actor.communityId, actor.memberId, patch);
    return reply(privately({ text: current.confirmedAt ? done : `${done} (once you confirm ${current.address}).`, tone: "success" }));
  }

  private repo(): EmailRepository {
    return this.store.emails ?? fail("INVALID_OPTION", "Email isn't available here.");
  }
}
