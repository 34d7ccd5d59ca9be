import { defineCommand, opt } from "./define";

export const feedback = defineCommand({
  name: "feedback",
  description: "Ask your peers for feedback on your work",
  example: "/feedback My draft group agreement for a teen support group #groupwork",
  options: {
    request: opt.text("What you want feedback on"),
    tags: opt.tags("Tags, like #groupwork").optional(),
  },
  run: (ctx, a) => ctx.services.threads.open(ctx.actor, ctx.place, "feedback", {
    text: a.request as string, tags: a.tags as string[] | undefined, confirmed: ctx.confirmed, toneConfirmed: ctx.toneConfirmed, relatedSeen: ctx.relatedSeen,
  }),
});
