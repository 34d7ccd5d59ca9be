import { reply, privately } from "../src/core/shared/message";
import { SETTING_KEYS } from "../src/core/settings/settings-service";
import { EXPORT_FORMATS, type ExportFormat } from "../src/core/web/site-types";
import { defineCommand, opt } from "./define";

export const peerloop = defineCommand({
  name: "peerloop",
  description: "Help, your own settings, and the community's settings",
  example: "/peerloop help",
  options: {},
  defaultSubcommand: "help",
  subcommands: {
    help: {
      description: "Every command with an example",
      example: "/peerloop help",
      options: {},
      run: async (ctx) => reply(privately(ctx.services.help())),
    },
    me: {
      description: "What you follow, how you're notified, your open questions",
      example: "/peerloop me",
      options: {},
      run: (ctx) => ctx.services.members.overviewReply(ctx.actor),
    },
    quiet: {
      description: "Quiet hours in your time zone, or off",
      example: "/peerloop quiet 21:00-07:00",
      options: { hours: opt.text("start-end, like 21:00-07:00, or off") },
      run: (ctx, a) => ctx.services.members.setQuietHours(ctx.actor, a.hours as string),
    },
    timezone: {
      description: "Your time zone, for digests and quiet hours",
      example: "/peerloop timezone America/Chicago",
      options: { zone: opt.text("A time zone like Europe/Berlin") },
      run: (ctx, a) => ctx.services.members.setTimeZone(ctx.actor, a.zone as string),
    },
    people: {
      description: "Who helped most with a topic over the last 90 days",
      example: "/peerloop people #ethics",
      options: { tag: opt.tag("A topic, like #ethics (default: all)").optional() },
      run: (ctx, a) => ctx.services.people.people(ctx.actor, a.tag as string | undefined),
    },
    privacy: {
      description: "Whether others may follow you, and list you in /peerloop people",
      example: "/peerloop privacy follow off",
      options: {
        setting: opt.choice("follow or people", ["follow", "people"] as const).optional(),
        value: opt.choice("on or off", ["on", "off"] as const).optional(),
      },
      run: (ctx, a) => ctx.services.people.privacy(ctx.actor, a.setting as string | undefined, a.value as string | undefined),
    },
    web: {
      description: "Your private link to the library, questions and roundups on the web",
      example: "/peerloop web",
      options: {},
      run: (ctx) => ctx.services.web.link(ctx.actor),
    },
    export: {
      description: "Download your own data (mine), or admins the community's (json, csv or md)",
      example: "/peerloop export mine",
      options: { format: opt.choice("mine (your own data), json (everything), csv (the library) or md", [...EXPORT_FORMATS, "mine"] as const).optional() },
      run: (ctx, a) => ctx.services.web.exportLink(ctx.actor, (a.format as ExportFormat | "mine" | undefined) ?? (ctx.actor.isAdmin ? "json" : "mine")),
    },
    "forget-me": {
      description: "Delete your follows, settings and identity here (asks to confirm)",
      example: "/peerloop forget-me confirm",
      options: { confirm: opt.text("Type confirm to go ahead").optional() },
      run: (ctx, a) => ctx.services.members.forgetMe(ctx.actor, a.confirm as string | undefined),
    },
    health: {
      description: "Admins: is the feedback loop working? Key figures, with arrows, and the charts' link",
      example: "/peerloop health #ethics 30",
      options: { filter: opt.text("A #tag and/or a window: 7, 30 (default) or 90 days").optional() },
      run: (ctx, a) => ctx.services.health.command(ctx.actor, a.filter as string | undefined),
    },
    settings: {
      description: "Admins: roundup channel, time zone, unanswered threshold",
      example: "/peerloop settings unanswered-hours 48",
      options: {
        setting: opt.choice("Which setting to change", SETTING_KEYS as [string, ...string[]]).optional(),
        value: opt.text("Its new value").optional(),
      },
      run: (ctx, a) => ctx.services.settings.settings(ctx.actor, a.setting as string | undefined, a.value as string | undefined),
    },
    start: {
      description: "The welcome's first steps again: topics, people, publishers, notifications, norms",
      example: "/peerloop start",
      options: {},
      run: (ctx) => ctx.services.welcome.start(ctx.actor),
    },
    welcome: {
      description: "Admins: the welcome for new members on or off, your own line at its top, the norms' link",
      example: "/peerloop welcome text Glad you're here: say hello in #introductions",
      options: {
        setting: opt.choice("on, off, text or norms", ["on", "off", "text", "norms"] as const).optional(),
        value: opt.text("For text: your line (or off); for norms: a link").optional(),
      },
      run: (ctx, a) => ctx.services.welcome.command(ctx.actor, a.setting as string | undefined, a.value as string | undefined),
    },
  },
});
