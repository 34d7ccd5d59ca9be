import { parseArgs } from "node:util";
import { duration, percent } from "../core/health/health-text";
import type { HealthReport } from "../core/health/health-types";
import { findCommunity, withContainer } from "./community-arg";
import { runCli } from "./run-cli";

const USAGE = "Usage: npm run health -- --community <name, id or platform:id> [--days N] [--tag ethics] [--json]";

const text = (r: HealthReport): string => [
  `Community health, ${r.window.tag ? `#${r.window.tag}, ` : ""}${r.window.days} days to ${r.window.to} (figures as of ${r.as_of ?? "now"})`,
  `questions asked ${r.questions_asked}, answered ${r.questions_answered}, resolved ${r.questions_resolved}`,
  `answered within 24 h ${percent(r.answered_within_24h_share)}; first reply median ${duration(r.median_first_reply_minutes)}, p90 ${duration(r.p90_first_reply_minutes)}`,
  `open backlog ${r.open_backlog} (${r.backlog_by_age.map((b) => `${b.label}: ${b.count}`).join(", ")})`,
  `surfaced then answered within 48 h ${percent(r.surfaced_then_answered_share)}; nudged then resolved ${percent(r.nudged_then_resolved_share)}`,
  `helpers ${r.helpers}; top 3 share ${percent(r.top3_helper_share)}`,
  `shares ${r.shares}, endorsements ${r.endorsements}, web opens ${r.web_opens ?? "n/a"}, broken links ${r.broken_links}, answers reused ${r.reused_answers}`,
  `members active this week ${r.active_members}, new ${r.new_members}, quiet but following ${r.quiet_following}`,
  `new members who finished the welcome ${percent(r.finished_welcome ?? null)}; whose first post came within 7 days ${percent(r.first_post_within_7d ?? null)}`,
  `invitations sent ${r.invitations_sent}; answered by an invited member within 24 h ${percent(r.answered_by_invited_24h)}; first reply median ${duration(r.median_first_reply_minutes_routed)} when offered privately, ${duration(r.median_first_reply_minutes_not_routed)} when not`,
  ...r.weekly.map((w) => `  week of ${w.week}: asked ${w.asked}, answered ${w.answered}, resolved ${w.resolved}, median first reply ${duration(w.medianFirstReplyMinutes)}`),
].join("\n");

/** `npm run health`: the figures the admin's health page shows, for operators and scripts. */
runCli(async () => {
  let values: { community?: string; days?: string; tag?: string; json?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({ options: { community: { type: "string" }, days: { type: "string" }, tag: { type: "string" }, json: { type: "boolean" }, help: { type: "boolean" } }, strict: true }));
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const days = values.days === undefined ? 30 : Number(values.days);
  if (!values.community || !Number.isInteger(days) || days < 1 || days > 366) {
    process.stderr.write(`${values.community ? "--days is a whole number of days from 1 to 366." : "--community is required."}\n${USAGE}\n`);
    return 2;
  }
  const tag = values.tag?.trim().replace(/^#/, "").toLowerCase() || undefined;
  return withContainer(async (container) => {
    const community = await findCommunity(container.store, values.community!);
    const { now } = await container.services.health.report(community.id, { days, tag });
    process.stdout.write(`${values.json ? JSON.stringify(now, null, 2) : text(now)}\n`);
    return 0;
  });
});
