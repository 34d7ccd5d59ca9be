import { NOTIFY_FREQUENCIES, type NotifyFrequency } from "../src/core/members/member-types";
import { defineCommand, opt } from "./define";

export const notify = defineCommand({
  name: "notify",
  description: "Choose how often you hear about the tags you follow",
  example: "/notify daily",
  options: { frequency: opt.choice("instant, daily, weekly or off", NOTIFY_FREQUENCIES) },
  run: (ctx, a) => ctx.services.members.setNotify(ctx.actor, a.frequency as NotifyFrequency),
});
