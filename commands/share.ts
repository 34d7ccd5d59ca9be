import { defineCommand, opt } from "./define";

export const share = defineCommand({
  name: "share",
  description: "Share a resource with your community's library",
  example: "/share https://www.socialworkers.org/About/Ethics #ethics Great plain-language summary",
  options: {
    url: opt.url("Link to the resource (https://...)"),
    tags: opt.tags("Tags, like #ethics #supervision").optional(),
    note: opt.text("Why it helps").optional(),
  },
  run: (ctx, a) => ctx.services.resources.share(ctx.actor, ctx.place, {
    url: a.url as string, tags: a.tags as string[] | undefined, note: a.note as string | undefined, confirmed: ctx.confirmed, toneConfirmed: ctx.toneConfirmed,
  }),
});
