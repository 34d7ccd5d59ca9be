import { JOB_NAMES } from "../jobs/job-names";
import { runCli } from "./run-cli";

// `npm run jobs -- run <job> [--now ISO] [--community ID]`. The job runners arrive with the jobs issue;
// until then this lists the jobs it knows.
runCli(async () => {
  process.stdout.write(`Peerloop jobs: ${JOB_NAMES.join(", ")}.\nUsage: npm run jobs -- run <${JOB_NAMES.join("|")}> [--now ISO] [--community ID]\n`);
  return 0;
});
