import { ShellDoor } from "./adapters/shell/shell-door";
import { createContainer } from "./app/container";
import { jsonLogger } from "./app/json-logger";
import { runCli } from "./cli/run-cli";
import { loadConfig } from "./config";
import { shellCourier } from "./adapters/shell/shell-courier";
import { runJob } from "./jobs/job-runner";
import { JOB_NAMES, type JobName } from "./jobs/job-names";
import { startScheduler } from "./jobs/scheduler";

/**
 * `npm start`: with no platform tokens, the local shell door on the embedded database; Slack and
 * Discord start when their tokens are set.
 */
runCli(async () => {
  const config = loadConfig();
  const platforms = Boolean(config.SLACK_BOT_TOKEN || config.DISCORD_TOKEN);
  const logger = jsonLogger(config.LOG_LEVEL ?? (platforms ? "info" : "warn"));
  // A platform hiccup or a bug in one handler must not take every community down with it.
  process.on("unhandledRejection", (reason) => logger.error("unhandled rejection", { error: String(reason) }));
  process.on("uncaughtException", (error) => logger.error("uncaught exception", { error: error.stack ?? error.message }));

  const container = await createContainer(config, logger);
  const couriers = { shell: shellCourier(process.stdout) };
  const jobDeps = { store: container.store, notifications: container.services.notifications, logger, couriers };
  // Piped input (tests, demos) runs and exits; an interactive or platform process keeps the clock.
  const scheduler = config.PEERLOOP_SCHEDULER && (platforms || process.stdin.isTTY) ? startScheduler(jobDeps) : undefined;
  if (!platforms) {
    if (process.stdin.isTTY) process.stdout.write(`Using the embedded database in ${config.PEERLOOP_DATA_DIR} (set DATABASE_URL for PostgreSQL).\n`);
    const jobs = {
      run: async (job: string, now: Date | undefined) => {
        if (!JOB_NAMES.includes(job as JobName)) return [`Unknown job "${job}". Jobs: ${JOB_NAMES.join(", ")}.`];
        const lines: string[] = [];
        await runJob(jobDeps, job as JobName, { now: now ?? new Date(), force: true, out: (l) => lines.push(l), deadline: Date.now() + 60_000 });
        return lines;
      },
    };
    await new ShellDoor({ app: container.app, input: process.stdin, output: process.stdout, user: config.PEERLOOP_SHELL_USER, jobs }).run();
    scheduler?.stop();
    await container.close();
    return 0;
  }
  logger.error("Slack and Discord doors are not available in this build yet");
  scheduler?.stop();
  await container.close();
  return 1;
});
