import type { CommandDef } from "../../../commands/define";
import { usageOf } from "../../app/help-message";

const hasMemberOption = (c: CommandDef): boolean =>
  [c.options, ...Object.values(c.subcommands ?? {}).map((s) => s.options)].some((o) => Object.values(o).some((x) => x.kind === "member"));

export const MARK_AS_ANSWER = "mark_as_answer";
/** Message shortcuts (issue 27): act on a message already posted. */
export const SAVE_TO_LIBRARY = "save_to_library";
export const TRACK_AS_QUESTION = "track_as_question";
/** The Workflow Builder step (a custom step for Bolt apps). */
export const SHARE_STEP = "share_to_library";

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
  "links:read", // link_shared: a library link pasted in a channel
  "links:write", // chat.unfurl: its title, tags and endorsements under it
  "channels:read", // member_joined_channel in public channels: a new member's welcome
  "groups:read", // member_joined_channel in private channels the bot is in
] as const;

// app_uninstalled and tokens_revoked: forget a workspace's installation the moment it goes.
// link_shared: unfurls of the library's own links; function_executed: the Workflow Builder step.
// team_join (users:read) and member_joined_channel (channels:read, groups:read): a new member's welcome.
export const BOT_EVENTS = ["message.channels", "message.groups", "reaction_added", "app_home_opened", "app_uninstalled", "tokens_revoked", "link_shared", "function_executed", "team_join", "member_joined_channel"] as const;

/** The unfurl domain Slack accepts: a host name (no port, lower case). */
const unfurlDomain = (url: string | undefined): string | undefined => {
  try {
    const host = url ? new URL(url).hostname.toLowerCase() : "";
    return /^(?![.-])[-a-z0-9.]+[a-z0-9]$/.test(host) && host.length <= 255 ? host : undefined;
  } catch {
    return undefined;
  }
};

/** The Slack app manifest, generated from commands/ so the app and the code cannot drift. */
export const slackManifest = (commands: readonly CommandDef[], requestUrl: string, opts: { socketMode?: boolean; name?: string; libraryUrl?: string } = {}) => {
  const url = opts.socketMode ? undefined : requestUrl;
  // The web library's host, for unfurls of its links (PEERLOOP_PUBLIC_URL; else the request URL's host).
  const domain = unfurlDomain(opts.libraryUrl) ?? unfurlDomain(url);
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
      shortcuts: [
        { name: "Mark as answer", type: "message", callback_id: MARK_AS_ANSWER, description: "Credit this reply and resolve your question" },
        { name: "Save to library", type: "message", callback_id: SAVE_TO_LIBRARY, description: "Put this message's link in the community library, credited to its author" },
        { name: "Track as question", type: "message", callback_id: TRACK_AS_QUESTION, description: "Make this message a Peerloop question: replies are recorded, its author resolves it" },
      ],
      ...(domain ? { unfurl_domains: [domain] } : {}),
      slash_commands: commands.map((c) => {
        // Slack's schema wants a usage hint of at least one character, or none at all (/roundup has no options).
        const hint = usageOf(c).replace(/^\/\S+\s*/, "").trim().slice(0, 1000);
        return { command: `/${c.name}`, ...(url ? { url } : {}), description: c.description.slice(0, 2000), ...(hint ? { usage_hint: hint } : {}),
          // Slack sends a member picked with @ as <@U…> only when asked to escape: /follow @name needs the id.
          should_escape: hasMemberOption(c) };
      }),
    },
    oauth_config: { scopes: { bot: [...BOT_SCOPES] } },
    // A custom step for Workflow Builder, run by this app ("remote"), so organisers' forms can feed the library.
    functions: {
      [SHARE_STEP]: {
        title: "Share to Peerloop library",
        description: "Adds a link to the community library, through the same checks as /share",
        input_parameters: {
          url: { type: "string", title: "Link", description: "The resource's address (https://...)", is_required: true, name: "url" },
          tags: { type: "string", title: "Tags", description: "Tags, like #ethics #supervision", is_required: false, name: "tags" },
          note: { type: "string", title: "Note", description: "Why it helps (no client details)", is_required: false, name: "note" },
          shared_by: { type: "slack#/types/user_id", title: "Shared by", description: "The member credited as the sharer", is_required: true, name: "shared_by" },
          channel: { type: "slack#/types/channel_id", title: "Post the card in", description: "Optional: a channel for the library card", is_required: false, name: "channel" },
        },
        output_parameters: {
          resource_url: { type: "string", title: "Library page", description: "The resource's page in the web library", is_required: false, name: "resource_url" },
        },
      },
    },
    settings: {
      event_subscriptions: { ...(url ? { request_url: url } : {}), bot_events: [...BOT_EVENTS] },
      interactivity: { is_enabled: true, ...(url ? { request_url: url } : {}) },
      // Custom workflow steps need an org-ready app and the remote function runtime.
      org_deploy_enabled: true,
      function_runtime: "remote",
      socket_mode_enabled: Boolean(opts.socketMode),
      token_rotation_enabled: false,
    },
  };
};
