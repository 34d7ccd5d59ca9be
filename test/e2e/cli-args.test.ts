import { describe, expect, it } from "vitest";
import { runEntry } from "../support/run-cli";

describe("the CLIs parse their arguments strictly (issue 11, item 11)", () => {
  it("refuses a misspelt flag instead of running the job for every community", async () => {
    const run = await runEntry("src/cli/jobs-cli.ts", ["run", "unanswered", "--comunity", "X"], { DATABASE_URL: "" });
    expect(run.code).toBe(2);
    expect(run.err).toContain("Unknown option '--comunity'");
    expect(run.out).not.toContain("Running");
  }, 60_000);

  it("refuses an unknown job, a stray argument and an empty community", async () => {
    for (const args of [["run", "everything"], ["run", "roundup", "now"], ["run", "roundup", "--community", " "]]) {
      const run = await runEntry("src/cli/jobs-cli.ts", args, { DATABASE_URL: "" });
      expect(run.code, args.join(" ")).toBe(2);
      expect(run.err).toContain("Usage: npm run jobs");
    }
  }, 60_000);

  it("writes no Slack manifest with a name Slack would refuse", async () => {
    const run = await runEntry("src/cli/slack-manifest-cli.ts", ["--url", "https://bot.example.org/slack/events", "--name", "x".repeat(36), "--out", "/dev/null"], {});
    expect(run.code).toBe(2);
    expect(run.err).toContain("1 to 35 characters");
  }, 60_000);
});

describe.skipIf(!process.env.DATABASE_URL)("migrations are the release step on PostgreSQL (issue 12)", () => {
  it("a process on a database with pending migrations refuses to start and says what to run", async () => {
    const { withAdmin } = await import("../support/test-database");
    const base = process.env.DATABASE_URL!;
    const name = `peerloop_unmigrated_${Date.now()}`;
    await withAdmin(base, (c) => c.query(`CREATE DATABASE ${name}`));
    try {
      const u = new URL(base);
      u.pathname = `/${name}`;
      const run = await runEntry("src/cli/jobs-cli.ts", ["run", "unanswered"], { DATABASE_URL: u.toString() });
      expect(run.code).toBe(1);
      expect(run.err).toMatch(/migration\(s\) not applied .*npm run db:migrate/);
      const migrated = await runEntry("src/cli/jobs-cli.ts", ["run", "unanswered"], { DATABASE_URL: u.toString(), PEERLOOP_MIGRATE: "true" });
      expect(migrated.code, migrated.err).toBe(0);
      const again = await runEntry("src/cli/jobs-cli.ts", ["run", "unanswered"], { DATABASE_URL: u.toString() });
      expect(again.code, again.err).toBe(0);
    } finally {
      await withAdmin(base, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    }
  }, 90_000);
});
