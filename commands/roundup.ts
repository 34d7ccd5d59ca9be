import { defineCommand } from "./define";

export const roundup = defineCommand({
  name: "roundup",
  description: "Preview this week's community roundup (only you see it)",
  example: "/roundup",
  options: {},
  run: (ctx) => ctx.services.roundups.preview(ctx.actor),
});
