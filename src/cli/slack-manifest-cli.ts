import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { COMMANDS } from "../../commands/index";
import { slackManifest } from "../adapters/slack/slack-manifest";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run slack:manifest -- --url https://your-host/slack/events [--name Peerloop] [--out slack-manifest.json]\n" +
  "   or: npm run slack:manifest -- --socket   (Socket Mode needs no public URL)\n";

/** `npm run slack:manifest -- --url https://host/slack/events [--socket] [--name N] [--out file]` */
runCli(async () => {
  let values: { url?: string; socket?: boolean; name?: string; out?: string };
  try {
    ({ values } = parseArgs({ options: { url: { type: "string" }, socket: { type: "boolean" }, name: { type: "string" }, out: { type: "string" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const socketMode = Boolean(values.socket);
  if (!socketMode && (!values.url || !/^https:\/\/[^/]+\/.*/.test(values.url) || values.url.length > 3000)) {
    process.stderr.write(`Give the public https URL Slack should call.\n${USAGE}`);
    return 2;
  }
  // Slack's limits: an app name of 1 to 35 characters.
  if (values.name !== undefined && !(values.name.trim().length >= 1 && values.name.length <= 35)) {
    process.stderr.write("--name must be 1 to 35 characters (Slack's limit for an app name).\n");
    return 2;
  }
  const out = values.out ?? "slack-manifest.json";
  // Unfurls: the web library's host (PEERLOOP_PUBLIC_URL when set, else the request URL's).
  const manifest = slackManifest(COMMANDS, values.url ?? "", { socketMode, name: values.name, libraryUrl: process.env.PEERLOOP_PUBLIC_URL });
  writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`Wrote ${out}: ${manifest.features.slash_commands.length} slash commands, ${manifest.oauth_config.scopes.bot.length} scopes.\n` +
    "Create the app at api.slack.com/apps → Create New App → From an app manifest, and paste it.\n");
  return 0;
});
