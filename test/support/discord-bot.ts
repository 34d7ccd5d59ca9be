import { GUILD_ID, startFakeDiscord } from "./fake-discord";
import { eventually } from "./fake-slack";
import { startBot } from "./start-bot";

/**
 * A fake Discord and the real bot connected to it, with commands registered to the fake server and
 * the message-content intent on: the set-up every Discord end-to-end file starts from.
 */
export const startDiscordWithBot = async (env: NodeJS.ProcessEnv = {}, opts: { port?: number } = {}) => {
  const discord = await startFakeDiscord();
  const bot = await startBot({ DISCORD_TOKEN: "discord-test-token", DISCORD_API_URL: discord.restUrl, DISCORD_GUILD_ID: GUILD_ID, DISCORD_MESSAGE_CONTENT: "true", ...env }, opts);
  await eventually(() => discord.of("PUT", /\/guilds\/\d+\/commands$/).length > 0, 30_000, "command registration");
  return { discord, bot };
};
