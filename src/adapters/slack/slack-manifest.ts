import type { CommandDef } from "../../../commands/define";
import { usageOf } from "../../app/help-message";

const hasMemberOption = (c: CommandDef): boolean =>
  [c.options, ...Object.values(c.subcommands ?? {}).map((s) => s.options)].some((o) => Object.values(o).some((x) => x.kind === "member"));

export const MARK_AS_ANSWER = "mark_as_answer";

/** What the bot needs, and nothing more. */
export const BOT_SCOPES = [
  "commands", // slash commands and the message shortcut
  "chat:write", // cards, thread replies, private replies
  "chat:write.public", // cards in public channels the bot was not invited to
  "im:write", // follower DMs and digests
  "users:read", // names and admin flags
  "team:read", // the workspace's name for roundups
  "reactions:read", // the asker's ✅
  "channels:history", // thread replies in public channels
  "groups:history", // thread replies in private channels the bot is in
] as const;

// app_uninstalled and tokens_revoked: forget a workspace's installation the moment it goes.
export const BOT_EVENTS = ["message.channels", "message.groups", "reaction_added", "app_home_opened", "app_uninstalled", "tokens_revoked"] as const;

/** The Slack app manifest, generated from commands/ so the app and the code cannot drift. */
export const slackManifest = (commands: readonly CommandDef[], requestUrl: string, opts: { socketMode?: boolean; name?: string } = {}) => {
  const url = opts.socketMode ? undefined : requestUrl;
  return {
    display_information: {
      name: opts.name ?? "Peerloop",
      description: "Share resources, ask peers, close the loop.",
      long_description:
        "Peerloop keeps a professional learning community's feedback loop closed: a searchable library of shared resources, " +
        "questions answered in threads and resolved by the asker, follow-ups for unanswered questions, a weekly roundup, and a " +
        "confidentiality guard that stops posts which could identify a client.",
      background_color: "#2b4c7e",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: true },
      bot_user: { display_name: opts.name ?? "Peerloop", always_online: true },
      shortcuts: [{ name: "Mark as answer", type: "message", callback_id: MARK_AS_ANSWER, description: "Credit this reply and resolve your question" }],
      slash_commands: commands.map((c) => {
        // Slack's schema wants a usage hint of at least one character, or none at all (/roundup has no options).
        const hint = usageOf(c).replace(/^\/\S+\s*/, "").trim().slice(0, 1000);
        return { command: `/${c.name}`, ...(url ? { url } : {}), description: c.description.slice(0, 2000), ...(hint ? { usage_hint: hint } : {}),
          // Slack sends a member picked with @ as <@U…> only when asked to escape: /follow @name needs the id.
          should_escape: hasMemberOption(c) };
      }),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      org_deploy_enabled: false,
      socket_mode_enabled: Boolean(opts.socketMode),
      token_rotation_enabled: false,
    },
  };
};
