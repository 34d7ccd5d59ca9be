import { defineCommand, opt } from "./define";

export const source = defineCommand({
  name: "source",
  description: "Trusted publishers: add a site or feed, list them, remove or follow one",
  example: "/source add https://www.socialworkers.org #ethics",
  options: {},
  defaultSubcommand: "list",
  subcommands: {
    add: {
      description: "Admins: add a publisher's site or feed; its new items join the library",
      example: "/source add https://www.socialworkers.org #ethics",
      options: {
        url: opt.url("The site or its feed (https://...)"),
        tags: opt.tags("Tags its items get, like #ethics").optional(),
        name: opt.text("A short name (default: the feed's title)").optional(),
      },
      run: (ctx, a) => ctx.services.sources.add(ctx.actor, ctx.place, { url: a.url as string, tags: a.tags as string[] | undefined, name: a.name as string | undefined }),
    },
    list: {
      description: "The community's sources and how they are doing",
      example: "/source list",
      options: {},
      run: (ctx) => ctx.services.sources.list(ctx.actor),
    },
    remove: {
      description: "Stop reading a source (what it brought stays)",
      example: "/source remove NASW",
      options: { name: opt.text("The source's name, as /source list shows it") },
      run: (ctx, a) => ctx.services.sources.remove(ctx.actor, a.name as string),
    },
    follow: {
      description: "Hear about a source's new items",
      example: "/source follow NASW",
      options: { name: opt.text("The source's name, as /source list shows it") },
      run: (ctx, a) => ctx.services.sources.follow(ctx.actor, a.name as string),
    },
    unfollow: {
      description: "Stop hearing about a source's new items",
      example: "/source unfollow NASW",
      options: { name: opt.text("The source's name") },
      run: (ctx, a) => ctx.services.sources.unfollow(ctx.actor, a.name as string),
    },
  },
});
