import { discordCourier, discordRest } from "../adapters/discord/discord-deliver";
import { shellCourier } from "../adapters/shell/shell-courier";
import { slackClients } from "../adapters/slack/slack-clients";
import { slackCourier } from "../adapters/slack/slack-deliver";
import type { Config } from "../config";
import type { Courier } from "../core/jobs/courier";
import type { Platform } from "../core/shared/context";
import type { InstallationRepository } from "./door-ports";

/** How jobs reach each platform from this process's configuration: Web/REST APIs only, no gateway. */
export const couriersFor = (config: Config, installations: InstallationRepository, output: NodeJS.WritableStream): Partial<Record<Platform, Courier>> => {
  const couriers: Partial<Record<Platform, Courier>> = { shell: shellCourier(output as never) };
  if (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) {
    couriers.slack = slackCourier(slackClients({ botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, oauth: !config.SLACK_BOT_TOKEN }, installations));
  }
  if (config.DISCORD_TOKEN) couriers.discord = discordCourier(discordRest(config.DISCORD_TOKEN, config.DISCORD_API_URL));
  return couriers;
};
