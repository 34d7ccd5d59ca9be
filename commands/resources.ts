import { defineCommand, opt } from "./define";

export const resources = defineCommand({
  name: "resources",
  description: "Search the community library",
  example: "/resources safety plan #youth",
  options: {
    query: opt.text("Words to look for").optional(),
    tag: opt.tags("Only resources with this tag").optional(),
  },
  run: (ctx, a) => ctx.services.resources.search(ctx.actor, { query: a.query as string | undefined, tags: a.tag as string[] | undefined }),
});
