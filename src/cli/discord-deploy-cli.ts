import { discordReason, discordRest } from "../adapters/discord/discord-deliver";
import { deployCommands } from "../adapters/discord/discord-register";
import { loadConfig } from "../config";
import { runCli } from "./run-cli";

/** `npm run discord:deploy`: registers the commands without starting the bot (REST only). */
runCli(async () => {
  const config = loadConfig();
  if (!config.DISCORD_TOKEN) {
    process.stderr.write("Set DISCORD_TOKEN (the bot token from the Discord developer portal) to register commands.\n");
    return 2;
  }
  const rest = discordRest(config.DISCORD_TOKEN, config.DISCORD_API_URL);
  try {
    const result = await deployCommands(rest, config.DISCORD_GUILD_ID);
    process.stdout.write(`${result === "registered" ? "Registered" : "Already up to date:"} Peerloop's commands ${config.DISCORD_GUILD_ID ? `in server ${config.DISCORD_GUILD_ID}` : "globally (may take up to an hour to appear)"}.\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`Could not register commands: ${discordReason(error)}\n`);
    return 1;
  }
});
