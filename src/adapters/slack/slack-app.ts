import { App, LogLevel, type Installation, type InstallationQuery, type Logger as BoltLogger } from "@slack/bolt";
import type { InstallationRepository, ProcessedEvents } from "../../app/door-ports";
import { healthHandler } from "../../app/health-server";
import { workLimiter } from "../../app/work-limiter";
import type { PeerloopApp } from "../../app/peerloop-app";
import type { Logger } from "../../core/shared/logger";
import { SlackDirectory } from "./slack-directory";
import {
  dropRedeliveries, handleAction, handleCommand, handleHomeOpened, handleMarkAsAnswer, handleMessage, handleReaction, handleResolveSubmission,
  type SlackDeps,
} from "./slack-handlers";
import { RESOLVE_VIEW } from "./slack-resolve-modal";
import { BOT_SCOPES, MARK_AS_ANSWER } from "./slack-manifest";
import { slackApiOptions } from "./slack-clients";

export interface SlackOptions {
  botToken?: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
}

export interface SlackDoorDeps {
  app: PeerloopApp;
  events: ProcessedEvents;
  installations: InstallationRepository;
  logger: Logger;
  /** Whether the database answers, for GET /healthz. */
  healthy: () => Promise<boolean>;
}

const boltLogger = (logger: Logger): BoltLogger => ({
  debug: () => undefined,
  info: (...m: unknown[]) => logger.info(m.map(String).join(" "), { source: "bolt" }),
  warn: (...m: unknown[]) => logger.warn(m.map(String).join(" "), { source: "bolt" }),
  error: (...m: unknown[]) => logger.error(m.map(String).join(" "), { source: "bolt" }),
  setLevel: () => undefined,
  getLevel: () => LogLevel.INFO,
  setName: () => undefined,
});

const installationKey = (q: { teamId?: string; enterpriseId?: string; isEnterpriseInstall?: boolean }) =>
  q.isEnterpriseInstall && q.enterpriseId ? `slack:enterprise:${q.enterpriseId}` : `slack:${q.teamId}`;

/**
 * The Slack door: Bolt over HTTP (commands, events and interactivity all on POST /slack/events) or
 * Socket Mode, one workspace by token or many by OAuth, with GET /healthz on the same server.
 */
export const createSlackDoor = (opts: SlackOptions, deps: SlackDoorDeps) => {
  const installationStore = {
    storeInstallation: async (i: Installation) => deps.installations.save(installationKey({ teamId: i.team?.id, enterpriseId: i.enterprise?.id, isEnterpriseInstall: i.isEnterpriseInstall }), "slack", i),
    fetchInstallation: async (q: InstallationQuery<boolean>) => {
      const found = await deps.installations.find(installationKey(q));
      if (!found) throw new Error(`no Slack installation for ${installationKey(q)}`);
      return found as Installation;
    },
    deleteInstallation: async (q: InstallationQuery<boolean>) => deps.installations.remove(installationKey(q)),
  };
  const healthRoute = { path: "/healthz", method: ["GET"], handler: healthHandler(deps.healthy) };
  const socketMode = Boolean(opts.appToken);
  const bolt = new App({
    signingSecret: opts.signingSecret,
    ...(opts.oauth
      ? {
        clientId: opts.oauth.clientId, clientSecret: opts.oauth.clientSecret, stateSecret: opts.oauth.stateSecret, scopes: [...BOT_SCOPES], installationStore,
        // The install flow's oauth.v2.access goes to SLACK_API_URL too (proxies, tests).
        installerOptions: { directInstall: true, port: opts.port, clientOptions: slackApiOptions(opts.apiUrl) },
      }
      : { token: opts.botToken }),
    ...(socketMode ? { socketMode: true, appToken: opts.appToken, installerOptions: { port: opts.port } } : { port: opts.port }),
    customRoutes: [healthRoute],
    clientOptions: slackApiOptions(opts.apiUrl),
    logger: boltLogger(deps.logger),
    processBeforeResponse: false,
  });

  const handlerDeps: SlackDeps = { app: deps.app, directory: new SlackDirectory(), events: deps.events, logger: deps.logger, limit: workLimiter(16) };
  bolt.use(dropRedeliveries(handlerDeps) as never);
  bolt.command(/^\/.+/, handleCommand(handlerDeps) as never);
  bolt.action(/^(endorse|resolve|post-anyway)$/, handleAction(handlerDeps) as never);
  bolt.view(RESOLVE_VIEW, handleResolveSubmission(handlerDeps) as never);
  bolt.shortcut(MARK_AS_ANSWER, handleMarkAsAnswer(handlerDeps) as never);
  bolt.event("message", handleMessage(handlerDeps) as never);
  bolt.event("reaction_added", handleReaction(handlerDeps) as never);
  bolt.event("app_home_opened", handleHomeOpened(handlerDeps) as never);
  bolt.error(async (error) => {
    deps.logger.error("slack error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });


  return {
    start: async () => {
      await bolt.start(opts.port);
      deps.logger.info("slack door started", { mode: socketMode ? "socket" : "http", port: opts.port, oauth: Boolean(opts.oauth) });
    },
    stop: () => bolt.stop(),
  };
};
