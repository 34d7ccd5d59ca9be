import { describe, expect, it } from "vitest";
import { z } from "zod";
import { COMMANDS } from "../../commands/index";
import { BOT_EVENTS, BOT_SCOPES, slackManifest } from "../../src/adapters/slack/slack-manifest";

/**
 * Slack's published app-manifest schema (slackapi/manifest-schema, schemas/manifest.schema.1.0.0.json),
 * restated as zod for the fields Peerloop generates: lengths, patterns, counts and no unknown keys.
 * Pasting a manifest that breaks one of these into "Create New App → From an app manifest" fails.
 */
/** slack-functions.parameter's type enum. */
const FUNCTION_TYPES = ["integer", "number", "boolean", "string", "object", "array", "slack#/types/user_context", "slack#/types/user_permission", "slack#/types/user_id",
  "slack#/types/channel_id", "slack#/types/usergroup_id", "slack#/types/timestamp", "slack#/types/blocks", "slack#/types/credential/oauth2", "slack#/types/date",
  "slack#/types/interactivity", "slack#/types/rich_text", "slack#/types/form_input", "slack#/types/form_input_object", "slack#/types/message_ts", "slack#/types/message_context"] as const;
const url = (max: number) => z.string().regex(/^https?:\/\//).max(max);
const str = (min: number, max: number) => z.string().min(min).max(max);
const MANIFEST = z.strictObject({
  display_information: z.strictObject({
    name: str(1, 35), description: str(1, 140).optional(), long_description: str(175, 4000).optional(),
    background_color: z.string().regex(/^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/).optional(),
  }),
  features: z.strictObject({
    app_home: z.strictObject({ home_tab_enabled: z.boolean(), messages_tab_enabled: z.boolean(), messages_tab_read_only_enabled: z.boolean() }).partial(),
    bot_user: z.strictObject({ display_name: str(1, 80), always_online: z.boolean().optional() }),
    shortcuts: z.array(z.strictObject({ name: str(1, 24), type: z.enum(["message", "global"]), callback_id: str(1, 255), description: str(1, 150) })).min(1).max(10),
    unfurl_domains: z.array(z.string().regex(/^(?![.-])([-a-z0-9.])+([a-z0-9])$/).max(255)).min(1).max(5).refine((a) => new Set(a).size === a.length, "unique").optional(),
    slash_commands: z.array(z.strictObject({
      command: z.string().min(2).max(32).regex(/^\//), url: url(3000).optional(), description: str(1, 2000),
      usage_hint: str(1, 1000).optional(), should_escape: z.boolean().optional(),
    })).min(1).max(50),
  }),
  oauth_config: z.strictObject({ scopes: z.strictObject({ bot: z.array(z.string().max(50)).max(255) }) }),
  // "functions" (hermes.functions): each with a title, description, and typed input and output parameters.
  functions: z.record(z.string(), z.strictObject({
    title: z.string(), description: z.string(),
    input_parameters: z.record(z.string(), z.looseObject({ type: z.enum(FUNCTION_TYPES), title: z.string().optional(), description: z.string().optional(), is_required: z.boolean().optional(), name: z.string() })),
    output_parameters: z.record(z.string(), z.looseObject({ type: z.enum(FUNCTION_TYPES), title: z.string().optional(), description: z.string().optional(), is_required: z.boolean().optional(), name: z.string() })),
  })).refine((f) => Object.keys(f).length <= 50).optional(),
  settings: z.strictObject({
    event_subscriptions: z.strictObject({ request_url: url(3500).optional(), bot_events: z.array(z.string().max(50)).max(100).refine((a) => new Set(a).size === a.length, "unique") }),
    interactivity: z.strictObject({ is_enabled: z.boolean(), request_url: url(3500).optional() }),
    org_deploy_enabled: z.boolean(), socket_mode_enabled: z.boolean(), token_rotation_enabled: z.boolean(), function_runtime: z.string().optional(),
  }),
});

describe("the generated Slack manifest fits Slack's published schema (issue 11, item 12)", () => {
  it.each([
    ["HTTP", slackManifest(COMMANDS, "https://bot.example.org/slack/events")],
    ["Socket Mode", slackManifest(COMMANDS, "", { socketMode: true })],
    ["a renamed bot", slackManifest(COMMANDS, "https://bot.example.org/slack/events", { name: "Peerloop for Social Work" })],
  ])("%s", (_name, manifest) => {
    const result = MANIFEST.safeParse(manifest);
    expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
  });

  it("gives no command an empty usage hint, and subscribes to uninstalls", () => {
    const m = slackManifest(COMMANDS, "https://bot.example.org/slack/events");
    expect(m.features.slash_commands.every((c) => !("usage_hint" in c) || c.usage_hint!.length > 0)).toBe(true);
    expect(m.features.slash_commands.find((c) => c.command === "/roundup")).not.toHaveProperty("usage_hint");
    expect(BOT_EVENTS).toEqual(expect.arrayContaining(["app_uninstalled", "tokens_revoked"]));
    expect(m.oauth_config.scopes.bot).toEqual([...BOT_SCOPES]);
  });

  it("offers Save to library and Track as question on messages, unfurls the library's own host, and declares the workflow step (issue 27)", () => {
    const m = slackManifest(COMMANDS, "https://bot.example.org/slack/events", { libraryUrl: "https://library.example.org" });
    expect(m.features.shortcuts.map((s) => [s.name, s.type, s.callback_id])).toEqual([
      ["Mark as answer", "message", "mark_as_answer"], ["Save to library", "message", "save_to_library"], ["Track as question", "message", "track_as_question"],
    ]);
    expect(m.features.unfurl_domains).toEqual(["library.example.org"]);
    expect(slackManifest(COMMANDS, "https://bot.example.org:8443/slack/events").features.unfurl_domains).toEqual(["bot.example.org"]);
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["links:read", "links:write"]));
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["link_shared", "function_executed"]));
    expect(Object.keys(m.functions)).toEqual(["share_to_library"]);
    expect(m.functions.share_to_library.input_parameters.url.is_required).toBe(true);
    expect(m.settings).toMatchObject({ org_deploy_enabled: true, function_runtime: "remote" });
  });

  it("hears joins for the welcome: team_join (users:read) and member_joined_channel (channels:read, groups:read) (issue 36)", () => {
    const m = slackManifest(COMMANDS, "https://bot.example.org/slack/events");
    expect(m.settings.event_subscriptions.bot_events).toEqual(expect.arrayContaining(["team_join", "member_joined_channel"]));
    expect(m.oauth_config.scopes.bot).toEqual(expect.arrayContaining(["users:read", "channels:read", "groups:read"]));
    expect(MANIFEST.safeParse(m).success).toBe(true);
  });
});
