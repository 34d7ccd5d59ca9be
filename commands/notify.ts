import { NOTIFY_FREQUENCIES, type NotifyFrequency } from "../src/core/members/member-types";
import { fail } from "../src/core/shared/errors";
import { defineCommand, opt } from "./define";

export const notify = defineCommand({
  name: "notify",
  description: "How often you hear about followed tags, in chat or by email",
  example: "/notify daily",
  options: {
    frequency: opt.choice("instant, daily, weekly, off, or email", [...NOTIFY_FREQUENCIES, "email"] as const),
    email: opt.text("For email: your address, confirm <code>, daily|weekly|instant|off, roundup on|off").optional(),
  },
  run: async (ctx, a) => {
    if (a.frequency === "email") return ctx.services.email.command(ctx.actor, a.email as string | undefined);
    if (a.email) return fail("INVALID_OPTION", `/notify ${String(a.frequency)} takes nothing after it. For email: /notify email you@example.org`);
    return ctx.services.members.setNotify(ctx.actor, a.frequency as NotifyFrequency);
  },
});
