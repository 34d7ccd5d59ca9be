import { webApi, type Installation } from "@slack/bolt";
import type { InstallationRepository } from "../../app/door-ports";

export interface SlackClientOptions {
  botToken?: string;
  apiUrl?: string;
  /** Multi-workspace: tokens come from the stored OAuth installations. */
  oauth: boolean;
}

/**
 * Every WebClient: 10 s a call, two quick retries of a failed call (about 3 s at most), and a rate limit
 * thrown at once with its Retry-After. Slack's default retries for about 30 minutes inside one call and
 * waits out 429s itself, past the outbox's 2-minute lease: another run could then post the same message.
 */
export const slackApiOptions = (apiUrl?: string) => ({
  ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
  timeout: 10_000,
  rejectRateLimitedCalls: true,
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
});

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
