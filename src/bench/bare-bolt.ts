import { App, LogLevel } from "@slack/bolt";

/**
 * The floor for the command-path benchmark: Bolt's own HTTP receiver with a command listener that
 * only acknowledges. Started as its own process, like the bot.
 */
const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  signingSecret: process.env.SLACK_SIGNING_SECRET!,
  port: Number(process.env.PORT),
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
  logLevel: LogLevel.ERROR,
  customRoutes: [{ path: "/healthz", method: ["GET"], handler: (_req, res) => void res.writeHead(200).end("{}") }],
});
app.command(/.*/, async ({ ack }) => {
  await ack();
});
await app.start(Number(process.env.PORT));
