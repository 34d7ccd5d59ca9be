import { defineCommand, opt } from "./define";

export const follow = defineCommand({
  name: "follow",
  description: "Hear about new resources and questions with a tag",
  example: "/follow #ethics",
  options: { tag: opt.tag("The tag to follow, like #ethics") },
  run: (ctx, a) => ctx.services.members.follow(ctx.actor, a.tag as string),
});
