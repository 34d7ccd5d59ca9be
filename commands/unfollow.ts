import { fail } from "../src/core/shared/errors";
import { defineCommand, opt } from "./define";

export const unfollow = defineCommand({
  name: "unfollow",
  description: "Stop following a tag or a member",
  example: "/unfollow #ethics",
  options: {
    member: opt.member("The member to stop following").optional(),
    tag: opt.tag("The tag to stop following").optional(),
  },
  run: (ctx, a) => {
    if (a.member && a.tag) return fail("INVALID_OPTION", "Unfollow one at a time: /unfollow #ethics, or /unfollow @maria.");
    if (a.member) return ctx.services.people.unfollow(ctx.actor, a.member as string);
    if (a.tag) return ctx.services.members.unfollow(ctx.actor, a.tag as string);
    return fail("MISSING_OPTION", "Add a tag or a member to stop following. Usage: /unfollow #tag or /unfollow @member, e.g. /unfollow #ethics");
  },
});
