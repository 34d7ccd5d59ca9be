import { fail } from "../src/core/shared/errors";
import { defineCommand, opt } from "./define";

/** /follow and /unfollow: a #tag (the member service) or a @member (the people service), one at a time. */
const tagOrMember = (verb: "follow" | "unfollow") => {
  const usage = `/${verb} #tag or /${verb} @member, e.g. /${verb} #ethics`;
  return defineCommand({
    name: verb,
    description: verb === "follow" ? "Hear about new resources and questions with a tag, or from a member" : "Stop following a tag or a member",
    example: `/${verb} #ethics`,
    options: {
      member: opt.member(verb === "follow" ? "A member whose shares and answers you want to hear about" : "The member to stop following").optional(),
      tag: opt.tag(verb === "follow" ? "The tag to follow, like #ethics" : "The tag to stop following").optional(),
    },
    run: (ctx, a) => {
      if (a.member && a.tag) return fail("INVALID_OPTION", `${verb === "follow" ? "Follow" : "Unfollow"} one at a time: ${usage}.`);
      if (a.member) return ctx.services.people[verb](ctx.actor, a.member as string);
      if (a.tag) return ctx.services.members[verb](ctx.actor, a.tag as string);
      return fail("MISSING_OPTION", `Add a tag or a member${verb === "follow" ? " to follow" : " to stop following"}. Usage: ${usage}`);
    },
  });
};

export const follow = tagOrMember("follow");
export const unfollow = tagOrMember("unfollow");
