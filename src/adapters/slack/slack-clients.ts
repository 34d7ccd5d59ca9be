import { webApi, type Installation } from "@slack/bolt";
import type { InstallationRepository } from "../../app/door-ports";

export interface SlackClientOptions {
  botToken?: string;
  apiUrl?: string;
  /** Multi-workspace: tokens come from the stored OAuth installations. */
  oauth: boolean;
}

/**
 * Every WebClient: 10 s a call and two quick retries of a failed call (about 3 s at most); Slack's
 * default retries for about 30 minutes inside one call. For the outbox (`owner: "outbox"`) a rate limit
 * is thrown at once with its Retry-After too: waiting it out inside the call could outlast the outbox's
 * 2-minute lease, and another run would post the same message again. A member's own request waits a
 * 429 out, as before: nothing else holds that work.
 */
/** Where a workspace's OAuth installation is kept: one key per workspace, or per enterprise for an org-wide install. */
export const installationKey = (q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `slack:enterprise:${q.enterpriseId}` : `slack:${q.teamId}`;

export const slackApiOptions = (apiUrl?: string, owner: "door" | "outbox" = "door") => ({
  ...(apiUrl ? { slackApiUrl: apiUrl.endsWith("/") ? apiUrl : `${apiUrl}/` } : {}),
  timeout: 10_000,
  rejectRateLimitedCalls: owner === "outbox",
  retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
});

/**
 * The Web API client for a workspace, outside any request (jobs, the CLI): the bot token for a
 * single workspace, or the workspace's stored installation. Rate limits are waited out by the client.
 */
export const slackClients = (opts: SlackClientOptions, installations: InstallationRepository) => {
  const single = opts.botToken ? new webApi.WebClient(opts.botToken, slackApiOptions(opts.apiUrl, "outbox")) : null;
  // Kept a minute at most: an uninstalled workspace's token is dropped with its installation, and a
  // long-lived process must notice soon after.
  const cache = new Map<string, { client: webApi.WebClient; at: number }>();
  return async (teamId: string): Promise<webApi.WebClient | null> => {
    if (!opts.oauth) return single;
    const hit = cache.get(teamId);
    if (hit && Date.now() - hit.at < 60_000) return hit.client;
    cache.delete(teamId);
    const found = (await installations.find(installationKey({ teamId }))) as Installation | null;
    if (!found?.bot?.token) return null;
    const client = new webApi.WebClient(found.bot.token, slackApiOptions(opts.apiUrl, "outbox"));
    cache.set(teamId, { client, at: Date.now() });
    return client;
  };
};
