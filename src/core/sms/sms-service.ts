import { createHash, randomInt } from "node:crypto";
import type { Clock } from "../shared/clock";
import type { Actor } from "../shared/context";
import { fail } from "../shared/errors";
import { privately, reply, type Outcome } from "../shared/message";
import type { Store } from "../store";
import { maskPhone, parsePhone } from "./phone-numbers";
import { confirmText, HELP_TEXT } from "./sms-text";
import { SMS_FREQUENCIES, type MemberPhone, type SmsFrequency, type SmsRepository } from "./sms-types";

/** How long a texted code is good for, and how long a number stays locked after five wrong codes. */
export const CODE_TTL_MS = 15 * 60_000;
export const LOCK_MS = 60 * 60_000;
/** A new code is texted at most once a minute (a number someone else typed is not to be flooded). */
const RESEND_MS = 60_000;

export interface SmsSettings {
  /** How national numbers are read (PEERLOOP_SMS_REGION). */
  region: string;
  /** Texts a member a day at most (PEERLOOP_SMS_DAILY_MAX). */
  dailyMax: number;
}

/** The code is stored only as a hash, tied to the member and the number. */
const hashCode = (memberId: string, e164: string, code: string) => createHash("sha256").update(`sms:${memberId}:${e164}:${code}`).digest("hex");

/** Keywords a texter may send back, as carriers and Twilio define them. */
const STOP_WORDS = new Set(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT"]);
const START_WORDS = new Set(["START", "UNSTOP"]);

/** A member's number, masked, and what they get: their own view (/notify sms, /peerloop me). */
export const describePhone = (p: MemberPhone) =>
  p.status === "pending" ? `${maskPhone(p.e164)} (waiting for the code)`
    : p.status === "stopped" ? `${maskPhone(p.e164)} (stopped: the number replied STOP; text START to resume)`
    : p.status === "invalid" ? `${maskPhone(p.e164)} (stopped: texts could not be delivered to it)`
    : `${maskPhone(p.e164)}: ${p.frequency === "instant" ? "texts as things happen" : p.frequency === "daily" ? "a daily summary text" : "off"}`;

/**
 * `/notify sms …`: a member's mobile number for text alerts (issue 25). Nothing but the code is
 * texted until the member types it back; numbers are personal data, shown to their member masked.
 */
export class SmsService {
  constructor(private readonly store: Store, private readonly clock: Clock, private readonly settings: SmsSettings) {}

  async command(actor: Actor, input: string | undefined): Promise<Outcome> {
    const words = (input ?? "").trim().split(/\s+/).filter(Boolean);
    const verb = (words[0] ?? "").toLowerCase();
    if (!verb) {
      const p = await this.repo().get(actor.communityId, actor.memberId);
      return reply(privately({ text: p ? `Texts: ${describePhone(p)}. Change with /notify sms instant|daily|off.` : "No number for texts yet. Add your mobile with /notify sms +15555550123" }));
    }
    if (verb === "confirm") return this.confirm(actor, words[1] ?? "");
    if ((SMS_FREQUENCIES as readonly string[]).includes(verb) && words.length === 1) return this.setFrequency(actor, verb as SmsFrequency);
    if (verb === "remove") {
      const removed = await this.repo().remove(actor.communityId, actor.memberId);
      return reply(privately({ text: removed ? "Your number is deleted; Peerloop sends you no texts." : "You have no number set.", tone: "success" }));
    }
    return this.setNumber(actor, words.join(" "));
  }

  private async setNumber(actor: Actor, raw: string): Promise<Outcome> {
    const parsed = parsePhone(raw, this.settings.region);
    if (!parsed.ok) return fail("INVALID_OPTION", `${parsed.reason} Try /notify sms +15555550123, /notify sms confirm 123456 or /notify sms instant|daily|off.`);
    const now = this.clock.now();
    const repo = this.repo();
    const locked = await repo.lockedUntil(parsed.e164, now);
    if (locked) return fail("INVALID_OPTION", `Too many wrong codes for ${maskPhone(parsed.e164)}: try again after ${locked.toISOString().slice(11, 16)} UTC.`);
    const current = await repo.get(actor.communityId, actor.memberId);
    if (current?.e164 === parsed.e164 && current.codeSentAt && now.getTime() - current.codeSentAt.getTime() < RESEND_MS) {
      return fail("INVALID_OPTION", "A code was just texted to that number; wait a minute before asking for another.");
    }
    if (current?.e164 === parsed.e164 && current.status === "confirmed") return reply(privately({ text: `${maskPhone(parsed.e164)} is already confirmed. ${describePhone(current)}.`, tone: "info" }));
    const community = (await this.store.communities.get(actor.communityId)) ?? fail("UNKNOWN_MEMBER", "This community isn't set up yet.");
    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const hash = hashCode(actor.memberId, parsed.e164, code);
    await this.store.transaction(async (tx) => {
      await tx.sms!.set(actor.communityId, actor.memberId, parsed.e164, hash, new Date(now.getTime() + CODE_TTL_MS), now);
      // The one text sent before the member confirms: the code itself.
      await tx.jobs.enqueue([{
        communityId: actor.communityId, dedupeKey: `sms-confirm:${actor.memberId}:${hash.slice(0, 16)}`,
        audience: { kind: "sms", memberId: actor.memberId, to: parsed.e164, purpose: "confirm" }, message: { text: confirmText(code, community.name) }, at: now,
      }]);
    });
    return reply(privately({ text: `Texted a 6-digit code to ${maskPhone(parsed.e164)}. Type /notify sms confirm <code> within 15 minutes. Nothing else is sent until you do.`, tone: "success" }));
  }

  private async confirm(actor: Actor, code: string): Promise<Outcome> {
    if (!/^\d{6}$/.test(code)) return fail("INVALID_OPTION", "The code is the 6 digits in the text, e.g. /notify sms confirm 123456.");
    const repo = this.repo();
    const p = await repo.get(actor.communityId, actor.memberId);
    if (!p || p.status !== "pending") return fail("INVALID_OPTION", p ? "That number is already confirmed." : "There's no number waiting for a code. Add one with /notify sms +15555550123");
    const result = await repo.confirm(actor.communityId, actor.memberId, hashCode(actor.memberId, p.e164, code), this.clock.now());
    switch (result) {
      case "confirmed": return reply(privately({ text: `Confirmed: ${maskPhone(p.e164)} gets texts as new resources and questions arrive on your tags (quiet hours hold them, at most ${this.settings.dailyMax} a day). Change with /notify sms daily|off.`, tone: "success" }));
      case "already": return reply(privately({ text: "That number is already confirmed.", tone: "info" }));
      case "wrong": return fail("INVALID_OPTION", "That code doesn't match. Check the latest text from Peerloop; after five wrong codes the number is locked for an hour.");
      case "expired": return fail("INVALID_OPTION", "That code has expired. Set the number again (/notify sms +15555550123) for a new one.");
      case "locked": return fail("INVALID_OPTION", "Too many wrong codes: the number is locked for an hour. Then set it again for a new code.");
      case "none": return fail("INVALID_OPTION", "There's no number waiting for a code. Add one with /notify sms +15555550123");
    }
  }

  private async setFrequency(actor: Actor, frequency: SmsFrequency): Promise<Outcome> {
    const p = await this.repo().setFrequency(actor.communityId, actor.memberId, frequency);
    if (!p) return fail("INVALID_OPTION", "Add your mobile number first: /notify sms +15555550123");
    const what = frequency === "instant" ? "Texts as new items arrive on your tags" : frequency === "daily" ? "One summary text a day" : "No texts";
    return reply(privately({ text: `${what}, to ${maskPhone(p.e164)}${p.status === "pending" ? " (once you confirm the code)" : ""}.`, tone: "success" }));
  }

  /**
   * A text from a number (Twilio's webhook): STOP and its synonyms stop texts to it in every
   * community, START resumes them, HELP answers with one line. Returns the reply to text back, if any.
   */
  async inbound(from: string, body: string): Promise<string | null> {
    const word = body.trim().split(/\s+/)[0]?.toUpperCase() ?? "";
    const parsed = parsePhone(from, this.settings.region);
    if (!parsed.ok) return null;
    if (STOP_WORDS.has(word)) {
      await this.repo().stopNumber(parsed.e164, this.clock.now());
      return null; // the carrier (or Twilio) confirms an opt-out itself
    }
    if (START_WORDS.has(word)) {
      await this.repo().startNumber(parsed.e164);
      return "Peerloop: texts are back on. Reply STOP to stop them.";
    }
    if (word === "HELP" || word === "INFO") return HELP_TEXT;
    return null;
  }

  private repo(): SmsRepository {
    return this.store.sms ?? fail("INVALID_OPTION", "Texts aren't available here.");
  }
}
