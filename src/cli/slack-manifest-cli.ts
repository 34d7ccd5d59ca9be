import { writeFileSync } from "node:fs";
import { COMMANDS } from "../../commands/index";
import { slackManifest } from "../adapters/slack/slack-manifest";
import { runCli } from "./run-cli";

/** `npm run slack:manifest -- --url https://host/slack/events [--socket] [--out file]` */
runCli(async () => {
  const args = process.argv.slice(2);
  const flag = (name: string) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
  const socketMode = args.includes("--socket");
  const url = flag("--url");
  if (!socketMode && (!url || !/^https:\/\/[^/]+\/.*/.test(url))) {
    process.stderr.write("Give the public URL Slack should call: npm run slack:manifest -- --url https://your-host/slack/events\n(or --socket for Socket Mode, which needs no public URL)\n");
    return 2;
  }
  const out = flag("--out") ?? "slack-manifest.json";
  const manifest = slackManifest(COMMANDS, url ?? "", { socketMode, name: flag("--name") });
  writeFileSync(out, `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`Wrote ${out}: ${manifest.features.slash_commands.length} slash commands, ${manifest.oauth_config.scopes.bot.length} scopes.\n` +
    "Create the app at api.slack.com/apps → Create New App → From an app manifest, and paste it.\n");
  return 0;
});
