import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { App, HTTPReceiver, LogLevel, type Installation, type InstallationQuery, type Logger as BoltLogger } from "@slack/bolt";
import type { InstallationRepository, ProcessedEvents } from "../../app/door-ports";
import { healthHandler, readyHandler, type ExtraRoutes, type Readiness } from "../../app/health-server";
import { workLimiter } from "../../app/work-limiter";
import { PRESSABLE } from "../../app/button-presses";
import type { PeerloopApp } from "../../app/peerloop-app";
import type { Logger } from "../../core/shared/logger";
import { SlackDirectory } from "./slack-directory";
import {
  dropRedeliveries, handleAction, handleCommand, handleHomeOpened, handleMarkAsAnswer, handleMessage, handleReaction, handleResolveSubmission,
  handleUninstall, handleUnknownInteraction, type SlackDeps,
} from "./slack-handlers";
import { sendRefusal, slackRequestGate } from "./slack-request-gate";
import { RESOLVE_VIEW } from "./slack-resolve-modal";
import { BOT_SCOPES, MARK_AS_ANSWER, SAVE_TO_LIBRARY, SHARE_STEP, TRACK_AS_QUESTION } from "./slack-manifest";
import { handleMemberJoinedChannel, handleTeamJoin, handleWelcomeAction } from "./slack-welcome";
import { handleLinkShared, handleSaveShortcut, handleSaveSubmission, handleShareStep, handleTrackShortcut, SAVE_VIEW } from "./slack-message-actions";
import { installationKey, slackApiOptions } from "./slack-clients";

export interface SlackOptions {
  botToken?: string;
  signingSecret: string;
  appToken?: string;
  apiUrl?: string;
  port: number;
  /** The address to listen on (PEERLOOP_HOST); unset, every interface. */
  host?: string;
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
}

export interface SlackDoorDeps {
  app: PeerloopApp;
  events: ProcessedEvents;
  installations: InstallationRepository;
  logger: Logger;
  /** Whether the database answers, for GET /healthz. */
  healthy: () => Promise<boolean>;
  /** The whole process's readiness, for GET /readyz (this server owns the port). */
  ready: Readiness;
  /** The web pages, served on the same port. */
  web?: ExtraRoutes;
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
  const socketMode = Boolean(opts.appToken);
  const oauth = opts.oauth
    ? {
      clientId: opts.oauth.clientId, clientSecret: opts.oauth.clientSecret, stateSecret: opts.oauth.stateSecret, scopes: [...BOT_SCOPES], installationStore,
      // The install flow's oauth.v2.access goes to SLACK_API_URL too (proxies, tests).
      installerOptions: { directInstall: true, port: opts.port, clientOptions: slackApiOptions(opts.apiUrl) },
    }
    : undefined;
  // Over HTTP, our own server owns the port: the request gate runs first, then Bolt's receiver.
  // The gate has checked the signature (both sides of the time window, in constant time) and the body
  // before Bolt sees a request: Bolt's own check would only repeat the HMAC on every request.
  const receiver = socketMode ? undefined : new HTTPReceiver({ signingSecret: opts.signingSecret, signatureVerification: false, logger: boltLogger(deps.logger), processBeforeResponse: false, ...(oauth ?? {}) });
  const bolt = new App({
    ...(receiver ? { receiver } : { signingSecret: opts.signingSecret, socketMode: true, appToken: opts.appToken, installerOptions: { port: opts.port } }),
    ...(oauth && socketMode ? oauth : {}),
    ...(oauth ? {} : { token: opts.botToken }),
    clientOptions: slackApiOptions(opts.apiUrl),
    logger: boltLogger(deps.logger),
  });

  const limit = workLimiter(16);
  const handlerDeps: SlackDeps = { app: deps.app, directory: new SlackDirectory(), events: deps.events, logger: deps.logger, limit, installations: deps.installations };
  bolt.use(dropRedeliveries(handlerDeps) as never);
  bolt.command(/^\/.+/, handleCommand(handlerDeps) as never);
  const buttons = ["resolve", ...PRESSABLE].join("|");
  bolt.action(new RegExp(`^(${buttons})(~\\d+)?$`), handleAction(handlerDeps) as never);
  bolt.view(RESOLVE_VIEW, handleResolveSubmission(handlerDeps) as never);
  bolt.shortcut(MARK_AS_ANSWER, handleMarkAsAnswer(handlerDeps) as never);
  bolt.shortcut(SAVE_TO_LIBRARY, handleSaveShortcut(handlerDeps) as never);
  bolt.shortcut(TRACK_AS_QUESTION, handleTrackShortcut(handlerDeps) as never);
  bolt.view(SAVE_VIEW, handleSaveSubmission(handlerDeps) as never);
  bolt.event("link_shared", handleLinkShared(handlerDeps) as never);
  bolt.function(SHARE_STEP, handleShareStep(handlerDeps) as never);
  bolt.event("message", handleMessage(handlerDeps) as never);
  bolt.event("reaction_added", handleReaction(handlerDeps) as never);
  bolt.event("app_home_opened", handleHomeOpened(handlerDeps) as never);
  bolt.event("team_join", handleTeamJoin(handlerDeps) as never);
  bolt.event("member_joined_channel", handleMemberJoinedChannel(handlerDeps) as never);
  bolt.action(/^welcome(~\d+|-pick)?$/, handleWelcomeAction(handlerDeps) as never);
  bolt.event("app_uninstalled", handleUninstall(handlerDeps) as never);
  bolt.event("tokens_revoked", handleUninstall(handlerDeps) as never);
  // Anything the bot never rendered (an old button, a forged one) is acknowledged and explained, at once.
  bolt.action({ action_id: new RegExp(`^(?!(?:${buttons}|welcome)(?:~\\d+)?$|welcome-pick$)`) }, handleUnknownInteraction(handlerDeps) as never);
  bolt.view({ callback_id: new RegExp(`^(?!(?:${RESOLVE_VIEW}|${SAVE_VIEW})$)`), type: "view_submission" }, handleUnknownInteraction(handlerDeps) as never);
  bolt.view({ callback_id: /.*/, type: "view_closed" }, handleUnknownInteraction(handlerDeps) as never);
  bolt.shortcut({ callback_id: new RegExp(`^(?!(?:${MARK_AS_ANSWER}|${SAVE_TO_LIBRARY}|${TRACK_AS_QUESTION})$)`) }, handleUnknownInteraction(handlerDeps) as never);
  bolt.options(/.*/, handleUnknownInteraction(handlerDeps) as never);
  bolt.error(async (error) => {
    deps.logger.error("slack error", { error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  });


  const gate = slackRequestGate({ signingSecret: opts.signingSecret, claimSignature: (signature) => deps.events.claimRequest(signature, new Date()) });
  const health = healthHandler(deps.healthy);
  const readiness = readyHandler(deps.ready);
  let server: http.Server | undefined;
  const listener = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The same reading of the path as Bolt's receiver, so nothing reaches its endpoint without the gate.
    let path: string;
    try {
      path = new URL(req.url ?? "/", "http://peerloop.invalid").pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (req.method === "GET" && path === "/healthz") return health(req, res);
    if (req.method === "GET" && path === "/readyz") return readiness(req, res);
    if (req.method === "POST" && path === "/slack/events") {
      const result = await gate(req).catch(() => ({ ok: false as const, status: 400, error: "unreadable request" }));
      if (!result.ok) return sendRefusal(req, res, result);
      (req as http.IncomingMessage & { rawBody?: Buffer }).rawBody = result.body;
      return receiver!.requestListener(req, res);
    }
    // Bolt serves only the OAuth pages besides the events endpoint; anything else is ours to refuse.
    if (oauth && req.method === "GET" && (path === "/slack/install" || path === "/slack/oauth_redirect")) return receiver!.requestListener(req, res);
    if (deps.web && (await deps.web(req, res))) return;
    res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
    req.resume();
  };

  let started = false;
  return {
    /** Connected: Socket Mode's socket is open, or this server listens. */
    ready: () => started && (socketMode ? true : Boolean(server?.listening)),
    start: async () => {
      if (socketMode) await bolt.start();
      else {
        server = http.createServer((req, res) => void listener(req, res).catch((error) => {
          deps.logger.error("slack request failed", { error: String(error) });
          if (!res.headersSent) res.writeHead(500).end();
        }));
        await new Promise<void>((resolve, reject) => server!.once("error", reject).listen(opts.port, ...(opts.host ? [opts.host] : []), resolve));
      }
      started = true;
      deps.logger.info("slack door started", { mode: socketMode ? "socket" : "http", port: opts.port, oauth: Boolean(opts.oauth) });
    },
    /**
     * Before readiness: one signed request through this server's own path (the gate, the replay check,
     * Bolt's receiver), so the first member's request does not pay for first-time work.
     */
    warm: async () => {
      if (socketMode || !server) return;
      const body = JSON.stringify({ type: "url_verification", challenge: `warm-${Date.now()}`, token: "warm" });
      const stamp = Math.floor(Date.now() / 1000);
      const signature = `v0=${createHmac("sha256", opts.signingSecret).update(`v0:${stamp}:${body}`).digest("hex")}`;
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/slack/events`, {
        method: "POST", body, headers: { "content-type": "application/json", "x-slack-request-timestamp": String(stamp), "x-slack-signature": signature },
      }).then((r) => r.text(), (error: unknown) => deps.logger.warn("slack warm-up request failed", { error: String(error) }));
    },
    /** Stops taking requests, then waits (up to the deadline) for the work already acknowledged. */
    stop: async (deadlineMs = 10_000) => {
      started = false;
      if (socketMode) await bolt.stop();
      else if (server) {
        const closed = new Promise((resolve) => server!.close(resolve));
        server.closeIdleConnections();
        await Promise.race([closed, new Promise((r) => setTimeout(r, 1_000))]);
      }
      const drained = await limit.drain(deadlineMs);
      deps.logger.info("slack door stopped", { drained, unfinished: limit.pending() });
      server?.closeAllConnections();
    },
  };
};
