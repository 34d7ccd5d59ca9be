import { spawn } from "node:child_process";
import path from "node:path";
import { HealthService } from "../core/health/health-service";
import { systemClock } from "../core/shared/clock";
import { openDatabase } from "../db/open-database";
import { prismaStore } from "../db/prisma-store";
import { healthPage } from "../adapters/web/web-health-page";
import { ms } from "./stats";

const ROOT = path.resolve(import.meta.dirname, "../..");

const timed = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
  const at = performance.now();
  const value = await work();
  return [value, performance.now() - at];
};

/**
 * Community health at the big community (issue 26: the page p95 <= 300 ms, the CLI <= 2 s): the
 * health job's first run (the backfill) and a later one, then the page's figures and HTML for 7, 30
 * and 90 days, all tags and one, and `npm run health -- --json` as an operator runs it.
 */
export const benchHealth = async (url: string, big: string, runs: number, say: (line: string) => void): Promise<void> => {
  const db = await openDatabase({ url, poolMax: 4, migrate: true });
  try {
    const store = prismaStore(db.prisma);
    const health = new HealthService(store, systemClock);
    const [first, backfill] = await timed(() => health.refresh(big));
    const [again, incremental] = await timed(() => health.refresh(big));
    say(`Health job (rollups, then the 7/30/90-day figures kept for the page): first run (backfill) read ${first.questions} questions and ${first.days} member-days in ${ms(backfill)}; the next run ${again.questions} and ${again.days} in ${ms(incremental)}`);
    const afresh: number[] = [];
    for (const v of [{ days: 7 }, { days: 30 }, { days: 90 }, { days: 90, tag: "ethics" }]) afresh.push((await timed(() => store.health!.figures({ communityId: big, to: new Date(), ...v }, "UTC")))[1]);
    say(`Figures computed afresh (what the job does per window, and a tag's first view): 7 days ${ms(afresh[0]!)}, 30 days ${ms(afresh[1]!)}, 90 days ${ms(afresh[2]!)}, 90 days #ethics ${ms(afresh[3]!)}`);
    const community = (await store.communities.get(big))!;
    const ctx = { community, base: `/c/${big}`, viewer: { memberId: "x", name: "Admin", isAdmin: true } };
    const variants: { days: number; tag?: string }[] = [{ days: 7 }, { days: 30 }, { days: 90 }, { days: 30, tag: "ethics" }, { days: 90, tag: "safety" }];
    for (const v of variants) await health.report(big, v); // the first statements' planning
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const v = variants[i % variants.length]!;
      const [, t] = await timed(async () => String(healthPage(ctx, (await health.report(big, { ...v, previous: false })).now)));
      times.push(t);
    }
    times.sort((a, b) => a - b);
    const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
    say(`Health page (kept figures and HTML; 7/30/90 days, all tags and two tags after their first view), ${runs} renders: p50 ${ms(q(0.5))}, p95 ${ms(q(0.95))}, max ${ms(times.at(-1)!)} (target p95 <= 300 ms)`);
  } finally {
    await db.close();
  }
  const cli: number[] = [];
  for (let i = 0; i < 3; i++) {
    const at = performance.now();
    const code = await new Promise<number | null>((resolve) => {
      const child = spawn(process.execPath, ["dist/cli/health.js", "--community", big, "--days", "90", "--json"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: "warn" }, stdio: ["ignore", "ignore", "inherit"] });
      child.on("close", resolve);
    });
    if (code !== 0) throw new Error(`npm run health exited with ${code}`);
    cli.push(performance.now() - at);
  }
  say(`npm run health -- --days 90 --json (a new process: start, connect, figures, exit), 3 runs: ${cli.map(ms).join(", ")} (target <= 2 s)`);
};
