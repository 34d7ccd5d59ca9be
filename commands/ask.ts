import { defineCommand, opt } from "./define";

export const ask = defineCommand({
  name: "ask",
  description: "Ask your peers a question",
  example: "/ask How do you explain mandated reporting to a new client? #ethics",
  options: {
    question: opt.text("Your question"),
    tags: opt.tags("Tags, like #ethics #supervision").optional(),
  },
  run: (ctx, a) => ctx.services.threads.open(ctx.actor, ctx.place, "question", {
    text: a.question as string, tags: a.tags as string[] | undefined, confirmed: ctx.confirmed, toneConfirmed: ctx.toneConfirmed, relatedSeen: ctx.relatedSeen,
  }),
});
