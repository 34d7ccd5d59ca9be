import { webApi, type Installation } from "@slack/bolt";
import type { InstallationRepository } from "../../app/door-ports";

export interface SlackClientOptions {
  botToken?: string;
  apiUrl?: string;
  /** Multi-workspace: tokens come from the stored OAuth installations. */
  oauth: boolean;
}

export const slackApiOptions = (apiUrl?: string) => (apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {});

/**
 * The Web API client for a workspace, outside any request (jobs, the CLI): the bot token for a
 * single workspace, or the workspace's stored installation. Rate limits are waited out by the client.
 */
export const slackClients = (opts: SlackClientOptions, installations: InstallationRepository) => {
  const single = opts.botToken ? new webApi.WebClient(opts.botToken, slackApiOptions(opts.apiUrl)) : null;
  const cache = new Map<string, webApi.WebClient>();
  return async (teamId: string): Promise<webApi.WebClient | null> => {
    if (!opts.oauth) return single;
    const hit = cache.get(teamId);
    if (hit) return hit;
    const found = (await installations.find(`slack:${teamId}`)) as Installation | null;
    if (!found?.bot?.token) return null;
    const client = new webApi.WebClient(found.bot.token, slackApiOptions(opts.apiUrl));
    cache.set(teamId, client);
    return client;
  };
};
