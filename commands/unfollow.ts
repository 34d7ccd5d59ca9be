import { defineCommand, opt } from "./define";

export const unfollow = defineCommand({
  name: "unfollow",
  description: "Stop following a tag",
  example: "/unfollow #ethics",
  options: { tag: opt.tag("The tag to stop following") },
  run: (ctx, a) => ctx.services.members.unfollow(ctx.actor, a.tag as string),
});
