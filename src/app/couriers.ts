import { shellCourier } from "../adapters/shell/shell-courier";
import type { Config } from "../config";
import type { Courier } from "../core/jobs/courier";
import type { Platform } from "../core/shared/context";
import type { InstallationRepository } from "./door-ports";

/**
 * How jobs reach each platform from this process's configuration: Web/REST APIs only, no gateway.
 * A platform's SDK is loaded only when it is configured (each costs tens of MB of memory).
 */
export const couriersFor = async (config: Config, installations: InstallationRepository, output: NodeJS.WritableStream): Promise<Partial<Record<Platform, Courier>>> => {
  const couriers: Partial<Record<Platform, Courier>> = { shell: shellCourier(output as never) };
  if (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) {
    const [{ slackClients }, { slackCourier }] = await Promise.all([import("../adapters/slack/slack-clients"), import("../adapters/slack/slack-deliver")]);
    couriers.slack = slackCourier(slackClients({ botToken: config.SLACK_BOT_TOKEN, apiUrl: config.SLACK_API_URL, oauth: !config.SLACK_BOT_TOKEN }, installations));
  }
  if (config.DISCORD_TOKEN) {
    const { discordCourier, discordRest } = await import("../adapters/discord/discord-deliver");
    couriers.discord = discordCourier(discordRest(config.DISCORD_TOKEN, config.DISCORD_API_URL));
  }
  return couriers;
};
