import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { HealthService } from "../../src/core/health/health-service";
import { healthLines } from "../../src/core/health/health-text";
import { composeRoundup, roundupMessage } from "../../src/core/roundups/compose-roundup";
import { fixedClock } from "../../src/core/shared/clock";
import type { Database } from "../../src/db/open-database";
import { prismaStore } from "../../src/db/prisma-store";
import { testDatabase } from "../support/test-database";

let db: Database;
beforeAll(async () => void (db = await testDatabase()));
afterAll(async () => db?.close());

const T = new Date("2026-11-30T18:00:00Z"); // a Monday, noon in Chicago
const H = 3_600_000, D = 24 * H;
const at = (ms: number) => new Date(T.getTime() + ms);

/**
 * A community built by hand, whose figures are known: six questions in the last 7 days (one asked 15
 * hours ago, late on Sunday in Chicago), one older open one, replies at chosen minutes, a deleted
 * reply, a forgotten helper, a helper who is not listed, surfacings, a nudge, shares, endorsements.
 */
const build = async () => {
  const store = prismaStore(db.prisma);
  const c = await store.communities.upsert("shell", `health-${Date.now()}-${Math.random()}`, "Health test");
  await db.prisma.$executeRaw`UPDATE communities SET time_zone = 'America/Chicago' WHERE id = ${c.id}::uuid`;
  const m: Record<string, string> = {};
  for (const name of ["ana", "ben", "cy", "dee", "eve", "fay", "gus"]) {
    m[name] = (await store.members.upsert(c.id, `u-${name}`, name, false)).id;
    await db.prisma.$executeRaw`UPDATE members SET created_at = ${at(name === "fay" ? -2 * D : -60 * D)} WHERE id = ${m[name]}::uuid`;
  }
  await db.prisma.$executeRaw`UPDATE members SET listed = false WHERE id = ${m.cy}::uuid`;
  let k = 0;
  const thread = async (created: Date, opts: { tags?: string[]; resolvedAt?: Date; nudgedAt?: Date } = {}) => {
    const id = crypto.randomUUID();
    await db.prisma.$executeRaw`INSERT INTO threads (id, community_id, kind, text, tags, asker_id, status, resolved_at, nudged_at, created_at)
      VALUES (${id}::uuid, ${c.id}::uuid, 'question', ${`Question ${++k}?`}, ${opts.tags ?? []}::text[], ${m.ana}::uuid,
        ${opts.resolvedAt ? "resolved" : "open"}::"ThreadStatus", ${opts.resolvedAt ?? null}, ${opts.nudgedAt ?? null}, ${created})`;
    return { id, created };
  };
  const reply = async (t: { id: string; created: Date }, who: string, minutes: number, opts: { followUp?: boolean; deleted?: boolean } = {}) => {
    const when = new Date(t.created.getTime() + minutes * 60_000);
    await db.prisma.$executeRaw`INSERT INTO replies (id, community_id, thread_id, author_id, platform_message_id, text, is_follow_up, created_at, deleted_at)
      VALUES (${crypto.randomUUID()}::uuid, ${c.id}::uuid, ${t.id}::uuid, ${m[who]}::uuid, ${`p${++k}`}, 'an answer', ${opts.followUp ?? false}, ${when}, ${opts.deleted ? at(-1 * H) : null})`;
  };
  const surfaced = (t: { id: string; created: Date }, hours: number) =>
    db.prisma.$executeRaw`INSERT INTO thread_surfacings (thread_id, step, surfaced_at) VALUES (${t.id}::uuid, 1, ${new Date(t.created.getTime() + hours * H)})`;

  const q1 = await thread(at(-6 * D), { tags: ["ethics"], nudgedAt: at(-5 * D), resolvedAt: at(-4 * D) });
  await reply(q1, "ben", 60);
  const q2 = await thread(at(-5 * D), { tags: ["ethics"] });
  await reply(q2, "cy", 120);
  await reply(q2, "ben", 200);
  const q3 = await thread(at(-4 * D));
  await reply(q3, "dee", 10, { deleted: true }); // deleted: not the first reply
  await reply(q3, "ben", 24 * 60); // exactly 24 hours: within
  const q4 = await thread(at(-3 * D));
  await reply(q4, "ana", 30, { followUp: true }); // the asker's own: not an answer
  await surfaced(q4, 30);
  const q5 = await thread(at(-2 * D));
  await surfaced(q5, 5);
  await reply(q5, "dee", 600); // 5 h after the surfacing
  await reply(q5, "gus", 700);
  await thread(at(-15 * H)); // q6: Sunday 21:00 in Chicago, under 24 h old
  await thread(at(-20 * D)); // before the window, still open
  await store.members.forget(c.id, m.dee!, at(-1 * H));
  const resource = async (created: Date, tags: string[], broken = false) => {
    const id = crypto.randomUUID();
    await db.prisma.$executeRaw`INSERT INTO resources (id, community_id, url, original_url, tags, sharer_id, created_at, link_status)
      VALUES (${id}::uuid, ${c.id}::uuid, ${`https://example.org/${id}`}, ${`https://example.org/${id}`}, ${tags}::text[], ${m.ben}::uuid, ${created}, ${broken ? "broken" : "ok"})`;
    return id;
  };
  const r1 = await resource(at(-3 * D), ["ethics"]);
  await resource(at(-1 * D), ["housing"], true);
  const r0 = await resource(at(-30 * D), ["ethics"]);
  for (const [r, who, when] of [[r1, "fay", at(-1 * D)], [r1, "gus", at(-2 * D)], [r0, "eve", at(-25 * D)]] as const) {
    await db.prisma.$executeRaw`INSERT INTO endorsements (resource_id, member_id, created_at) VALUES (${r}::uuid, ${m[who]}::uuid, ${when})`;
  }
  for (const who of ["eve", "ana"]) await db.prisma.$executeRaw`INSERT INTO subscriptions (community_id, member_id, tag) VALUES (${c.id}::uuid, ${m[who]}::uuid, 'ethics')`;
  await db.prisma.$executeRaw`INSERT INTO answer_reuses (id, community_id, member_id, thread_id, created_at) VALUES (${crypto.randomUUID()}::uuid, ${c.id}::uuid, ${m.eve}::uuid, ${q1.id}::uuid, ${at(-1 * D)})`;
  for (let i = 0; i < 3; i++) await store.health!.countWebOpen(c.id, "2026-11-29");
  await store.health!.countWebOpen(c.id, "2026-10-01");
  return { store, c, m, q2 };
};

describe("community health on a hand-built community (issue 26)", () => {
  it("counts, medians and shares match what was built", async () => {
    const { store, c } = await build();
    const health = new HealthService(store, fixedClock(T));
    const { now: r } = await health.report(c.id, { days: 7 });
    expect(r).toMatchObject({
      questions_asked: 6, questions_answered: 4, questions_resolved: 1,
      answered_within_24h_share: 0.8, // q1..q5 are at least a day old; q1, q2, q3 (exactly 24 h) and q5 within
      median_first_reply_minutes: 360, // 60, 120, 600, 1440
      p90_first_reply_minutes: 1188,
      open_backlog: 6,
      surfaced_then_answered_share: 0.5, nudged_then_resolved_share: 1,
      helpers: 4, top3_helper_share: 0.833, // ben 3, cy 1, dee 1, gus 1
      shares: 2, endorsements: 2, web_opens: 3, broken_links: 1, reused_answers: 1,
      active_members: 5, new_members: 1, quiet_following: 1,
    });
    expect(r.backlog_by_age.map((b) => b.count)).toEqual([1, 1, 3, 1, 0]);
    // Names only for helpers who may be listed: cy chose not to be, dee was forgotten.
    expect(r.top_helpers[0]).toEqual({ name: "ben", answers: 3 });
    expect(r.top_helpers.slice(1).map((h) => h.name).sort()).toEqual(["gus", null, null].sort());
    // Weeks start on Monday in Chicago: Sunday 21:00 there (Monday 03:00 UTC) belongs to the week before.
    expect(r.weekly).toEqual([{ week: "2026-11-23", asked: 6, answered: 4, resolved: 1, medianFirstReplyMinutes: 360 }]);
    expect(r.window).toEqual({ days: 7, from: at(-7 * D).toISOString(), to: T.toISOString(), tag: null });
  });

  it("narrows question, helper and library figures to a tag; member figures stay community-wide", async () => {
    const { store, c } = await build();
    const { now: r } = await new HealthService(store, fixedClock(T)).report(c.id, { days: 7, tag: "ethics" });
    expect(r).toMatchObject({ questions_asked: 2, questions_answered: 2, questions_resolved: 1, helpers: 2, shares: 1, endorsements: 2, broken_links: 0, web_opens: null, active_members: 5 });
    expect(r.open_backlog).toBe(1);
  });

  it("the job's later runs read new replies and deletions; the previous period gives the arrows", async () => {
    const { store, c, m, q2 } = await build();
    const clock = fixedClock(T);
    const health = new HealthService(store, clock);
    await health.refresh(c.id);
    // A reply deleted after the first run: q2's first reply is now ben's at 200 minutes.
    await db.prisma.$executeRaw`UPDATE replies SET deleted_at = ${at(10 * 60_000)} WHERE thread_id = ${q2.id}::uuid AND author_id = ${m.cy}::uuid`;
    const later = fixedClock(at(H));
    await new HealthService(store, later).refresh(c.id);
    const { now, before } = await new HealthService(store, later).report(c.id, { days: 7, previous: true });
    expect(now.median_first_reply_minutes).toBe(400); // 60, 200, 600, 1440
    expect(now.helpers).toBe(3);
    expect(before!.questions_asked).toBe(0);
    const lines = healthLines(now, before!);
    expect(lines).toHaveLength(5);
    expect(lines[0]).toBe("Questions: 6 asked ↑ from 0, 4 answered, 1 resolved.");
    expect(lines[1]).toContain("first reply median 6.7 h");
  });

  it("the roundup's last line: questions, answered, median first reply", async () => {
    const { store, c } = await build();
    const community = (await store.communities.get(c.id))!;
    const message = roundupMessage(await composeRoundup(store.roundups, community, T), community.name);
    expect(message.fields!.at(-1)).toEqual({ label: "Feedback loop", value: "6 questions, 4 answered, median first reply 6 h" });
  });
});
