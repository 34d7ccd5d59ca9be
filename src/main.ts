import { ShellDoor } from "./adapters/shell/shell-door";
import { createContainer } from "./app/container";
import { couriersFor } from "./app/couriers";
import { startHealthServer } from "./app/health-server";
import { jsonLogger } from "./app/json-logger";
import { logDestination, logWriter } from "./app/log-destination";
import { runCli } from "./cli/run-cli";
import { loadConfig, shardIds } from "./config";
import { runJob } from "./jobs/job-runner";
import { isJobName, JOB_NAMES } from "./jobs/job-names";
import { startScheduler } from "./jobs/scheduler";
import { deliverOutbox } from "./core/jobs/deliver-outbox";
import { outboxKick } from "./app/outbox-kick";
import { webRoutesFor } from "./app/web-routes";
import { previewRunner } from "./app/preview-runner";
import { warmParsers, warmQueries } from "./app/warm-up";
import type { AddressInfo } from "node:net";
import type { ShownButton } from "./adapters/shell/shell-courier";

/** How long shutdown waits for acknowledged work (orchestrators usually allow 30 s before SIGKILL). */
const DRAIN_MS = 10_000;

/**
 * `npm start`: with no platform tokens, the local shell door on the embedded database; the Slack
 * door when its tokens are set, the Discord door when its token is, both together if both are.
 */
runCli(async () => {
  const config = loadConfig();
  const slackWanted = Boolean(config.SLACK_SIGNING_SECRET && (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID));
  const platforms = slackWanted || Boolean(config.DISCORD_TOKEN);
  const logger = jsonLogger(config.LOG_LEVEL ?? (platforms ? "info" : "warn"),
    logWriter(logDestination({ file: config.PEERLOOP_LOG_FILE, shell: !platforms, stderrIsTTY: Boolean(process.stderr.isTTY) })));
  // A platform hiccup or a bug in one handler must not take every community down with it.
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: reason instanceof Error ? (reason.stack ?? reason.message) : String(reason) }));
  // After an uncaught exception the process is in an unknown state: log it, drain what was accepted,
  // and exit non-zero so the supervisor starts a clean one.
  let fatal: ((error: Error) => void) | undefined;
  process.on("uncaughtException", (error) => {
    logger.error("uncaught exception; draining and exiting", { error: error.stack ?? error.message });
    if (fatal) fatal(error);
    else process.exit(1);
  });

  const container = await createContainer(config, logger);
  // Every door reads members' posts: the guard and the tone check are loaded (and their files checked)
  // before any door takes a command; a missing or damaged model stops here, naming the file.
  await container.loadDetectors();
  if (platforms && !config.TWILIO_ACCOUNT_SID) logger.info("Twilio is not configured: texts are written as files, not sent", { smsDir: config.PEERLOOP_SMS_DIR });
  if (platforms && !config.SMTP_URL) logger.warn("SMTP_URL is not set: emails are written as .eml files, not sent", { mailDir: config.PEERLOOP_MAIL_DIR });
  // The shell door's buttons: its couriers number a job's buttons (an invitation's) with the door's own.
  const shellButtons: ShownButton[] = [];
  const couriers = await couriersFor(config, container.installations, process.stdout, {
    unsubscribeUrl: (c, m) => container.links.unsubscribeUrl(c, m),
    // Without SMTP_URL the shell says where each email was written, so a person can open it.
    onWritten: platforms ? undefined : (file) => process.stdout.write(`✉ Email written to ${file}\n`),
  }, {
    // Without Twilio the shell says where each text was written, as for email.
    onWritten: platforms ? undefined : (file) => process.stdout.write(`✆ Text written to ${file}\n`),
  }, shellButtons);
  const jobDeps = container.jobDeps(couriers);
  const web = webRoutesFor(container);
  // Link previews update a card after it is posted, off the answer's path.
  const previews = container.services.previews
    ? previewRunner({ previews: container.services.previews, store: container.store, couriers, clock: container.clock, logger })
    : undefined;
  if (previews) container.app.onResourcePosted = (communityId, resourceId) => previews.push(communityId, resourceId);
  const healthy = () => container.db.ping();

  if (!platforms) {
    const scheduler = config.PEERLOOP_SCHEDULER && process.stdin.isTTY ? startScheduler(jobDeps) : undefined;
    if (process.stdin.isTTY) process.stdout.write(`Using the embedded database in ${config.PEERLOOP_DATA_DIR} (set DATABASE_URL for PostgreSQL).\n`);
    // The library's web pages, on PORT as in every mode. A busy port costs the pages, not the shell.
    // Said only to a person at a terminal: piped output stays the door's replies alone.
    const say = (line: string) => process.stdin.isTTY && process.stdout.write(`${line}\n`);
    // The token-free trial serves this machine only, unless the operator sets PEERLOOP_HOST.
    const server = await startHealthServer(config.PORT, healthy, async () => ({ database: await healthy() }), web, config.PEERLOOP_HOST ?? "127.0.0.1").catch((error: NodeJS.ErrnoException) => {
      say(`The web pages are off: port ${config.PORT} is ${error.code === "EADDRINUSE" ? "in use" : `unavailable (${error.message})`}. Set PORT to another port to see them.`);
      logger.warn("web pages off", { port: config.PORT, error: error.message });
      return undefined;
    });
    if (server) {
      container.listeningOn((server.address() as AddressInfo).port);
      say(`The library's web pages: ${container.links.base()}/ (type /peerloop web for your own link).`);
    }
    const jobs = {
      run: async (job: string, now: Date | undefined) => {
        if (!isJobName(job)) return [`Unknown job "${job}". Jobs: ${JOB_NAMES.join(", ")}.`];
        const lines: string[] = [];
        await runJob(jobDeps, job, { now: now ?? new Date(), force: true, out: (l) => lines.push(l), deadline: Date.now() + 60_000 });
        return lines;
      },
    };
    // A signal ends the shell cleanly: the embedded database is closed and its lock released at once
    // (a killed process leaves the lock for the next one to wait out).
    for (const signal of ["SIGTERM", "SIGHUP"] as const) {
      process.once(signal, () => {
        scheduler?.stop();
        void container.close().finally(() => process.exit(0));
      });
    }
    const afterEach = async () => {
      if (await container.store.jobs.pendingCount()) await deliverOutbox(container.store, couriers, container.clock, logger, { deadline: Date.now() + 30_000 });
    };
    await new ShellDoor({ app: container.app, input: process.stdin, output: process.stdout, user: config.PEERLOOP_SHELL_USER, jobs, afterEach, buttons: shellButtons }).run();
    scheduler?.stop();
    await previews?.drain(5_000);
    if (server) await new Promise((r) => (server.close(r), server.closeAllConnections()));
    await container.close();
    return 0;
  }

  const stops: (() => Promise<unknown> | unknown)[] = [];
  // A code by text or email, an instant alert: sent right after the command that queued it.
  const kick = outboxKick({ store: container.store, couriers, clock: container.clock, logger });
  container.app.onWorkDone = () => kick.kick();
  // GET /readyz: the detectors are loaded (above), a member's first statements and parsers have run
  // once, the database answers, and every configured door is connected.
  const doorsReady: Record<string, () => boolean> = {};
  let warmedUp = false;
  const ready = async () => ({ database: await healthy(), warmedUp, ...Object.fromEntries(Object.entries(doorsReady).map(([k, f]) => [k, f()])) });
  // Before any door takes traffic: the query compiler's and the parsers' first-time work is not a member's.
  await warmQueries(container.store, logger);
  warmParsers();
  if (slackWanted) {
    // Several workspaces: their installations are cached; hear other replicas' uninstalls at once.
    if (config.SLACK_CLIENT_ID) await container.installations.listen();
    const { createSlackDoor } = await import("./adapters/slack/slack-app");
    const slack = createSlackDoor({
      botToken: config.SLACK_BOT_TOKEN, signingSecret: config.SLACK_SIGNING_SECRET!, appToken: config.SLACK_APP_TOKEN,
      apiUrl: config.SLACK_API_URL, port: config.PORT, host: config.PEERLOOP_HOST,
      oauth: config.SLACK_CLIENT_ID ? { clientId: config.SLACK_CLIENT_ID, clientSecret: config.SLACK_CLIENT_SECRET!, stateSecret: config.SLACK_STATE_SECRET! } : undefined,
    }, { app: container.app, events: container.events, installations: container.installations, logger, healthy, ready, web });
    doorsReady.slack = slack.ready;
    await slack.start();
    await slack.warm();
    stops.push(() => slack.stop(DRAIN_MS));
  }
  // Socket Mode and Discord have no HTTP server of their own: health, readiness and the web pages get one.
  if (!slackWanted || config.SLACK_APP_TOKEN) {
    const server = await startHealthServer(config.PORT, healthy, ready, web, config.PEERLOOP_HOST);
    container.listeningOn((server.address() as AddressInfo).port);
    stops.push(() => new Promise((r) => (server.close(r), server.closeIdleConnections())));
  } else {
    container.listeningOn(config.PORT);
  }
  if (config.DISCORD_TOKEN) {
    const { createDiscordDoor } = await import("./adapters/discord/discord-door");
    const shards = config.SHARD_IDS && config.SHARD_COUNT ? { ids: shardIds(config.SHARD_IDS), count: config.SHARD_COUNT } : undefined;
    const discord = createDiscordDoor({ token: config.DISCORD_TOKEN, apiUrl: config.DISCORD_API_URL, guildId: config.DISCORD_GUILD_ID, messageContent: config.DISCORD_MESSAGE_CONTENT, serverMembers: config.DISCORD_SERVER_MEMBERS, shards }, { app: container.app, logger, buttons: container.buttons });
    doorsReady.discord = discord.ready;
    await discord.start();
    stops.push(() => discord.stop(DRAIN_MS));
  }

  if (previews) stops.push(() => previews.drain(DRAIN_MS));
  stops.push(() => kick.drain(DRAIN_MS));
  const scheduler = config.PEERLOOP_SCHEDULER ? startScheduler(jobDeps) : undefined;
  warmedUp = true;
  const reason = await new Promise<"signal" | "fatal">((resolve) => {
    process.once("SIGTERM", () => resolve("signal"));
    process.once("SIGINT", () => resolve("signal"));
    fatal = () => resolve("fatal");
  });
  // Stop taking new work, finish what was acknowledged (10 s at most), then close the database.
  logger.info("shutting down", { reason, drainSeconds: DRAIN_MS / 1000 });
  const hardStop = setTimeout(() => {
    logger.error("shutdown took too long; exiting");
    process.exit(1);
  }, DRAIN_MS + 5_000);
  hardStop.unref();
  scheduler?.stop();
  await Promise.all(stops.map((stop) => Promise.resolve(stop()).catch((error) => logger.error("a door did not stop cleanly", { error: String(error) }))));
  await container.close();
  logger.info("stopped");
  return reason === "fatal" ? 1 : 0;
});
