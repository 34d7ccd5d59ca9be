import { ShellDoor } from "./adapters/shell/shell-door";
import { createContainer } from "./app/container";
import { jsonLogger } from "./app/json-logger";
import { runCli } from "./cli/run-cli";
import { loadConfig } from "./config";

/**
 * `npm start`: with no platform tokens, the local shell door on the embedded database; Slack and
 * Discord start when their tokens are set.
 */
runCli(async () => {
  const config = loadConfig();
  const platforms = Boolean(config.SLACK_BOT_TOKEN || config.DISCORD_TOKEN);
  const logger = jsonLogger(config.LOG_LEVEL ?? (platforms ? "info" : "warn"));
  // A platform hiccup or a bug in one handler must not take every community down with it.
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: String(reason) }));
  process.on("uncaughtException", (error) => logger.error("uncaught exception", { error: error.stack ?? error.message }));

  const container = await createContainer(config, logger);
  if (!platforms) {
    if (process.stdin.isTTY) process.stdout.write(`Using the embedded database in ${config.PEERLOOP_DATA_DIR} (set DATABASE_URL for PostgreSQL).\n`);
    await new ShellDoor({ app: container.app, input: process.stdin, output: process.stdout, user: config.PEERLOOP_SHELL_USER }).run();
    await container.close();
    return 0;
  }
  logger.error("Slack and Discord doors are not available in this build yet");
  await container.close();
  return 1;
});
