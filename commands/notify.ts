import { NOTIFY_FREQUENCIES, type NotifyFrequency } from "../src/core/members/member-types";
import { fail } from "../src/core/shared/errors";
import { defineCommand, opt } from "./define";

export const notify = defineCommand({
  name: "notify",
  description: "How often you hear about followed tags, in chat, by email or by text",
  example: "/notify daily",
  options: {
    frequency: opt.choice("instant, daily, weekly, off, email, sms or invites", [...NOTIFY_FREQUENCIES, "email", "sms", "invites"] as const),
    details: opt.text("email/sms: address or mobile, confirm <code>, a frequency, roundup on|off; invites: n|off").optional(),
  },
  run: async (ctx, a) => {
    if (a.frequency === "email") return ctx.services.email.command(ctx.actor, a.details as string | undefined);
    if (a.frequency === "sms") return ctx.services.sms.command(ctx.actor, a.details as string | undefined);
    // Invitations to answer questions others are waiting on (issue 37): how many a week, or off.
    if (a.frequency === "invites") return ctx.services.routing.command(ctx.actor, a.details as string | undefined);
    if (a.details) return fail("INVALID_OPTION", `/notify ${String(a.frequency)} takes nothing after it. For email: /notify email you@example.org; for texts: /notify sms +15555550123`);
    return ctx.services.members.setNotify(ctx.actor, a.frequency as NotifyFrequency);
  },
});
