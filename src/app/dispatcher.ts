import { z } from "zod";
import { COMMANDS, commandByName } from "../../commands/index";
import { schemaOf, type CommandDef, type OptionDef } from "../../commands/define";
import type { Actor, Place } from "../core/shared/context";
import { cleanText } from "../core/shared/clean-text";
import { fail, isPeerloopError, PeerloopError } from "../core/shared/errors";
import type { Logger } from "../core/shared/logger";
import { privately, reply, type Outcome } from "../core/shared/message";
import { usageOf } from "./help-message";
import { parseText } from "./parse-text";
import type { Services } from "./services";
import { translateFailure } from "./translate-failure";
import { toneNudge } from "../core/tone/tone-nudge";
import { moderatorNotice } from "../core/tone/tone-gate";
import type { ToneCategory } from "../core/tone/tone-types";

/** Free text (Slack, the shell) or options the platform already typed (Discord). */
export type CommandInput = { text: string } | { subcommand?: string; options: Record<string, unknown> };

export interface Invocation {
  command: string;
  input: CommandInput;
}

/** The member's earlier choices on this post, carried by the next button. */
interface Choices {
  /** "Post anyway": confirmed de-identified. */
  confirmed?: boolean;
  /** "Post as is" after the tone nudge. */
  toneConfirmed?: boolean;
  /** The related answers shown ("Post my question" is the member's "no" to them, made once). */
  suggestion?: string;
}
type Packed = Invocation & Choices;

/** A held command, packed into its button ("post anyway", "Post as is", "Post my question") so no server-side state is needed. */
const encode = (inv: Packed) => Buffer.from(JSON.stringify(inv)).toString("base64url");
const PACKED = z.object({
  command: z.string().max(40),
  confirmed: z.boolean().optional(),
  toneConfirmed: z.boolean().optional(),
  suggestion: z.uuid().optional(),
  input: z.union([z.object({ text: z.string().max(10_000) }), z.object({ subcommand: z.string().max(40).optional(), options: z.record(z.string(), z.unknown()) })]),
});
const decode = (value: string): Packed | null => {
  try {
    if (typeof value !== "string" || value.length > MAX_BUTTON_VALUE || !/^[\w-]*$/.test(value)) return null;
    const parsed = PACKED.safeParse(JSON.parse(Buffer.from(value, "base64url").toString("utf8")));
    return parsed.success ? (parsed.data as Packed) : null;
  } catch {
    return null;
  }
};
const MAX_BUTTON_VALUE = 1_900; // Slack allows 2,000 characters in a button value

/** A second choice on a card of related answers: the first one stands. */
export const alreadyChosen = { text: "Already done: you chose on that card before, so nothing changed.", tone: "info" as const };

/** Parses arguments with the command's zod schema, calls the service, and turns errors into replies. */
export class Dispatcher {
  constructor(private readonly services: Services, private readonly logger: Logger) {}

  async run(actor: Actor, place: Place, inv: Invocation, confirmed = false, toneConfirmed = false, relatedSeen = false): Promise<Outcome> {
    try {
      return await this.execute(actor, place, inv, confirmed, toneConfirmed, relatedSeen);
    } catch (error) {
      // The retry a button carries: for the guard, the command; for the tone nudge, also whether it was
      // confirmed de-identified; for related answers, both choices made so far.
      const code = isPeerloopError(error) ? error.code : undefined;
      const packed = encode(code === "TONE" ? { ...inv, confirmed } : code === "RELATED" ? { ...inv, confirmed, toneConfirmed, suggestion: isPeerloopError(error) && typeof error.detail?.suggestion === "string" ? error.detail.suggestion : undefined } : inv);
      if (code === "RELATED" && packed.length > MAX_BUTTON_VALUE) {
        // Too long to carry in a "Post my question" button: the question goes out as it would have.
        return this.run(actor, place, inv, confirmed, toneConfirmed, true);
      }
      if (isPeerloopError(error) && error.code === "TONE" && packed.length > MAX_BUTTON_VALUE) {
        // Too long to carry in a "Post as is" button: the nudge must never become a block, so it is
        // posted now and its author gets the note privately, as after a thread reply.
        const posted = await this.run(actor, place, inv, confirmed, true);
        const spans = ((error.detail?.spans as string[] | undefined) ?? []).map((text) => ({ text, start: 0, end: 0, rule: "" }));
        const category = (error.detail?.category as ToneCategory | undefined) ?? null;
        const what = String(error.detail?.what ?? "post");
        const moderators = error.detail?.moderatorChannel as string | undefined;
        return reply(...posted.messages, privately(toneNudge({ category, spans }, what, "after")), ...(moderators ? [moderatorNotice(moderators, actor.displayName, what)] : []));
      }
      const retry = packed.length > MAX_BUTTON_VALUE ? undefined : code === "TONE" || code === "RELATED" ? packed : confirmed ? undefined : packed;
      return translateFailure(error, this.logger, { command: inv.command, communityId: actor.communityId, memberId: actor.memberId }, retry, actor.displayName);
    }
  }

  /** "Post as is" after the tone nudge: re-runs the command with the author's choice (and any earlier "post anyway"). */
  async postAsIs(actor: Actor, place: Place, value: string): Promise<Outcome> {
    const inv = decode(value);
    if (!inv) return translateFailure(new PeerloopError("STALE_BUTTON", "That button is out of date or damaged. Please run your command again."), this.logger, { memberId: actor.memberId });
    return this.run(actor, place, { command: cleanText(inv.command), input: "text" in inv.input ? { text: cleanText(inv.input.text) } : inv.input }, inv.confirmed ?? false, true);
  }

  /** "Post my question" after related answers were shown: re-runs the command with every choice made so far. */
  async postQuestion(actor: Actor, place: Place, value: string): Promise<Outcome> {
    const inv = decode(value);
    if (!inv) return translateFailure(new PeerloopError("STALE_BUTTON", "That button is out of date or damaged. Please run your command again."), this.logger, { memberId: actor.memberId });
    if (inv.suggestion && this.services.related) {
      // The member's choice on this card, made once: after "This answers it" (or a second press) nothing is posted.
      const chosen = await this.services.related.choose(actor.communityId, actor.memberId, inv.suggestion, "no", null);
      if (chosen === "done") return reply(privately(alreadyChosen));
      if (!chosen) return translateFailure(new PeerloopError("STALE_BUTTON", "That button isn't yours or is out of date. Ask your question again."), this.logger, { memberId: actor.memberId });
    }
    return this.run(actor, place, { command: cleanText(inv.command), input: "text" in inv.input ? { text: cleanText(inv.input.text) } : inv.input }, inv.confirmed ?? false, inv.toneConfirmed ?? false, true);
  }

  /** The "post anyway" button: re-runs the flagged command with the author's confirmation. */
  async postAnyway(actor: Actor, place: Place, value: string): Promise<Outcome> {
    const inv = decode(value);
    // A tampered or truncated button: the member's to redo, not our failure.
    if (!inv) return translateFailure(new PeerloopError("STALE_BUTTON", "That button is out of date or damaged. Please run your command again."), this.logger, { memberId: actor.memberId });
    return this.run(actor, place, { command: cleanText(inv.command), input: "text" in inv.input ? { text: cleanText(inv.input.text) } : inv.input }, true);
  }

  private async execute(actor: Actor, place: Place, inv: Invocation, confirmed: boolean, toneConfirmed: boolean, relatedSeen: boolean): Promise<Outcome> {
    const command = commandByName(inv.command.replace(/^\//, ""));
    if (!command) {
      return fail("UNKNOWN_COMMAND", `There's no /${inv.command.replace(/^\//, "").slice(0, 30)} command. Commands: ${COMMANDS.map((c) => `/${c.name}`).join(", ")}. Try /peerloop help.`);
    }
    const { options, run, usage, example } = this.select(command, inv.input);
    const raw = "text" in inv.input ? parseText(options, this.afterSubcommand(command, inv.input.text), usage) : inv.input.options;
    const parsed = schemaOf(options).safeParse(raw);
    if (!parsed.success) return fail(...this.explain(parsed.error, options, usage, example));
    return run({ actor, place, services: this.services, confirmed, toneConfirmed, relatedSeen }, parsed.data);
  }

  private select(command: CommandDef, input: CommandInput) {
    if (!command.subcommands) return { options: command.options, run: command.run!, usage: usageOf(command), example: command.example };
    const name = ("text" in input ? input.text.trim().split(/\s+/)[0]?.toLowerCase() : input.subcommand) || command.defaultSubcommand;
    const sub = name ? command.subcommands[name] : undefined;
    if (!sub) {
      return fail("INVALID_OPTION", `/${command.name} has no "${(name ?? "").slice(0, 30)}". Try ${usageOf(command)}, e.g. /${command.name} help.`);
    }
    return { options: sub.options, run: sub.run, usage: usageOf(command, name), example: sub.example };
  }

  private afterSubcommand(command: CommandDef, text: string): string {
    return command.subcommands ? text.trim().replace(/^\S*\s*/, "") : text;
  }

  private explain(error: z.ZodError, options: Record<string, OptionDef>, usage: string, example: string): Parameters<typeof fail> {
    const issue = error.issues[0]!;
    const name = String(issue.path[0] ?? "");
    const missing = issue.code === "invalid_type" && options[name]?.required;
    return [missing ? "MISSING_OPTION" : "INVALID_OPTION", `${issue.message} Usage: ${usage}, e.g. ${example}`];
  }
}
