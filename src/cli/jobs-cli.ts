import { couriersFor } from "../app/couriers";
import { createContainer } from "../app/container";
import { jsonLogger } from "../app/json-logger";
import { loadConfig } from "../config";
import { runJob } from "../jobs/job-runner";
import { isJobName, JOB_NAMES } from "../jobs/job-names";
import { runCli } from "./run-cli";

const USAGE = `Usage: npm run jobs -- run <${JOB_NAMES.join("|")}> [--now ISO-8601] [--community ID]`;

/** `npm run jobs -- run <job> [--now ISO] [--community ID]`: one run as of --now, then exit. */
runCli(async () => {
  const [verb, job, ...rest] = process.argv.slice(2);
  if (!verb || verb === "list" || verb === "--help") {
    process.stdout.write(`Peerloop jobs: ${JOB_NAMES.join(", ")}.\n${USAGE}\n`);
    return 0;
  }
  const flag = (name: string) => {
    const i = rest.indexOf(name);
    return i >= 0 ? rest[i + 1] : undefined;
  };
  const nowText = flag("--now");
  const now = nowText ? new Date(nowText) : new Date();
  if (verb !== "run" || !isJobName(job) || Number.isNaN(now.getTime())) {
    process.stderr.write(`${verb !== "run" || !isJobName(job) ? `Unknown job "${job ?? ""}".` : `--now "${nowText}" is not a date; use ISO 8601, e.g. 2026-12-01T09:00:00Z.`}\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = jsonLogger(config.LOG_LEVEL ?? "warn");
  const container = await createContainer(config, logger);
  try {
    process.stdout.write(`Running ${job} as of ${now.toISOString()}\n`);
    const { failed } = await runJob({ store: container.store, notifications: container.services.notifications, logger, couriers: await couriersFor(config, container.installations, process.stdout) }, job, {
      now, communityId: flag("--community"), force: true, out: (line) => process.stdout.write(`${line}\n`),
      deadline: Date.now() + 90_000,
      afterClaim: process.env.PEERLOOP_FAULT === "exit-after-claim" ? () => process.exit(86) : undefined,
    });
    return failed ? 1 : 0;
  } finally {
    await container.close();
  }
});
