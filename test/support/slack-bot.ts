import { startFakeSlack } from "./fake-slack";
import { startBot } from "./start-bot";

export const SLACK_SECRET = "test-signing-secret";

/** A fake Slack with these users and the real bot (Bolt) talking to it: where a Slack end-to-end file starts. */
export const startSlackWithBot = async (users: Record<string, { name: string; admin?: boolean }>, env: NodeJS.ProcessEnv = {}) => {
  const slack = await startFakeSlack();
  Object.assign(slack.users, users);
  const bot = await startBot({ SLACK_BOT_TOKEN: "xoxb-test", SLACK_SIGNING_SECRET: SLACK_SECRET, SLACK_API_URL: `${slack.url}/api/`, ...env });
  return { slack, bot };
};
