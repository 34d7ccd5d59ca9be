import { fail } from "../src/core/shared/errors";
import { defineCommand, opt } from "./define";

export const follow = defineCommand({
  name: "follow",
  description: "Hear about new resources and questions with a tag, or from a member",
  example: "/follow #ethics",
  options: {
    member: opt.member("A member whose shares and answers you want to hear about").optional(),
    tag: opt.tag("The tag to follow, like #ethics").optional(),
  },
  run: (ctx, a) => {
    if (a.member && a.tag) return fail("INVALID_OPTION", "Follow one at a time: /follow #ethics, or /follow @maria.");
    if (a.member) return ctx.services.people.follow(ctx.actor, a.member as string);
    if (a.tag) return ctx.services.members.follow(ctx.actor, a.tag as string);
    return fail("MISSING_OPTION", "Add a tag or a member to follow. Usage: /follow #tag or /follow @member, e.g. /follow #ethics");
  },
});
