import { parseArgs } from "node:util";
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
  let parsed: { positionals: string[]; values: { now?: string; community?: string; help?: boolean } };
  try {
    // Strict: a misspelt flag ("--comunity X") is an error, never a run for every community.
    parsed = parseArgs({ options: { now: { type: "string" }, community: { type: "string" }, help: { type: "boolean" } }, allowPositionals: true, strict: true });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  const [verb, job, ...extra] = parsed.positionals;
  if (!verb || verb === "list" || parsed.values.help) {
    process.stdout.write(`Peerloop jobs: ${JOB_NAMES.join(", ")}.\n${USAGE}\n`);
    return 0;
  }
  const nowText = parsed.values.now;
  const now = nowText ? new Date(nowText) : new Date();
  if (verb !== "run" || !isJobName(job) || extra.length > 0 || Number.isNaN(now.getTime())) {
    const why = verb !== "run" || !isJobName(job) ? `Unknown job "${job ?? ""}".` : extra.length > 0 ? `Unexpected "${extra.join(" ")}".` : `--now "${nowText}" is not a date; use ISO 8601, e.g. 2026-12-01T09:00:00Z.`;
    process.stderr.write(`${why}\n${USAGE}\n`);
    return 2;
  }
  const community = parsed.values.community;
  if (community !== undefined && !community.trim()) {
    process.stderr.write(`--community needs a community id.\n${USAGE}\n`);
    return 2;
  }
  const config = loadConfig();
  const logger = jsonLogger(config.LOG_LEVEL ?? "warn");
  const container = await createContainer(config, logger);
  try {
    process.stdout.write(`Running ${job} as of ${now.toISOString()}\n`);
    const couriers = await couriersFor(config, container.installations, process.stdout, { unsubscribeUrl: (c, m) => container.links.unsubscribeUrl(c, m) }, {});
    const { failed } = await runJob(container.jobDeps(couriers), job, {
      now, communityId: community, force: true, out: (line) => process.stdout.write(`${line}\n`),
      deadline: Date.now() + 90_000,
      afterClaim: process.env.PEERLOOP_FAULT === "exit-after-claim" ? () => process.exit(86) : undefined,
    });
    return failed ? 1 : 0;
  } finally {
    await container.close();
  }
});
