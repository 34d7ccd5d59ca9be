import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prismaStore } from "../../src/db/prisma-store";
import type { Database } from "../../src/db/open-database";
import { coreHarness } from "../support/core-harness";
import { runEntry } from "../support/run-cli";
import { testDatabase } from "../support/test-database";

let db: Database & { url?: string };
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

const seed = async (name: string, at: string) => {
  const h = coreHarness({ store: prismaStore(db.prisma), community: name, now: at });
  await h.run("ana", `/share https://example.org/${name} #ethics`);
  await h.run("ana", "/ask Still open? #ethics");
  return (await h.actor("ana")).communityId;
};

const jobs = (args: string[], env: NodeJS.ProcessEnv = {}) => runEntry("src/cli/jobs-cli.ts", args, { DATABASE_URL: db.url, ...env });

describe.skipIf(!process.env.DATABASE_URL)("jobs as separate processes on one PostgreSQL", () => {
  it("three roundup processes started at once post exactly one roundup per community", async () => {
    const ids = await Promise.all(["c-one", "c-two", "c-three"].map((n) => seed(n, "2026-11-25T10:00:00Z")));
    const runs = await Promise.all([1, 2, 3].map(() => jobs(["run", "roundup", "--now", "2026-11-30T09:00:00Z"])));
    for (const r of runs) expect(r.code, r.err).toBe(0);
    const printed = runs.map((r) => r.out).join("\n");
    for (const n of ["c-one", "c-two", "c-three"]) expect(printed.match(new RegExp(`https://example.org/${n}\\b`, "g"))).toHaveLength(1);
    const rows = await db.prisma.outboxMessage.findMany({ where: { communityId: { in: ids }, dedupeKey: { contains: ":roundup:" } } });
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(await db.prisma.jobRun.count({ where: { communityId: { in: ids }, job: "roundup" } })).toBe(3);
  });

  it("a run killed after claiming but before posting is completed by the next run, once", async () => {
    const id = await seed("c-crash", "2026-12-02T10:00:00Z");
    const args = ["run", "roundup", "--now", "2026-12-07T09:00:00Z", "--community", id];
    const killed = await jobs(args, { PEERLOOP_FAULT: "exit-after-claim" });
    expect(killed.code).toBe(86);
    expect(killed.out).not.toContain("This week in");
    expect(await db.prisma.outboxMessage.count({ where: { communityId: id, status: "pending" } })).toBe(1);
    const next = await jobs(args);
    expect(next.out).toContain("roundup 2026-W50 was already posted");
    expect(next.out.match(/This week in/g)).toHaveLength(1);
    expect(next.out).toContain("delivered 1,");
    const again = await jobs(args);
    expect(again.out).not.toContain("This week in");
    expect(await db.prisma.outboxMessage.findMany({ where: { communityId: id }, select: { status: true } })).toEqual([{ status: "sent" }]);
  });

  it("surfaces only the unanswered question, and a rerun at the same time surfaces nothing new", async () => {
    const h = coreHarness({ store: prismaStore(db.prisma), community: "c-unanswered", now: "2026-11-10T10:00:00Z" });
    const [lonely] = await h.run("ana", "/ask Nobody answered me? #youth");
    const [answered] = await h.run("ana", "/ask Somebody answered me? #youth");
    await h.app.threadReply(await h.actor("ben"), { threadRef: answered!.ref!, platformMessageId: "m-b", text: "Here" });
    const id = (await h.actor("ana")).communityId;
    const first = await jobs(["run", "unanswered", "--now", "2026-11-12T10:00:00Z", "--community", id]);
    expect(first.out).toContain("surfaced (step 1): Nobody answered me?");
    expect(first.out).not.toContain("Somebody answered me?");
    expect(first.out).toContain(`thread ${lonely!.ref}`);
    const second = await jobs(["run", "unanswered", "--now", "2026-11-12T10:00:00Z", "--community", id]);
    expect(second.out).toContain("nothing due");
    expect(second.out).toContain("delivered 0,");
  });

  it("explains bad arguments", async () => {
    const r = await jobs(["run", "weekly"]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Unknown job "weekly"/);
    const n = await jobs(["run", "roundup", "--now", "tomorrow"]);
    expect(n.err).toMatch(/--now "tomorrow" is not a date/);
  });
});
