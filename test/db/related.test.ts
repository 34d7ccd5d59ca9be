import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RelatedModel } from "../../src/core/related/related-model";
import { runUnanswered } from "../../src/core/jobs/unanswered-job";
import { composeRoundup } from "../../src/core/roundups/compose-roundup";
import { bundledClusters } from "../../src/core/text-model/data/bundled-clusters";
import { bundledVectors } from "../../src/core/text-model/data/bundled-vectors";
import { prismaStore } from "../../src/db/prisma-store";
import type { Database } from "../../src/db/open-database";
import { SiteService } from "../../src/core/web/site-service";
import { PrismaSiteRepository } from "../../src/db/repositories/site-repository";
import model from "../../src/core/related/data/related-model.json" with { type: "json" };
import { coreHarness, privateTexts, publicPosts, type Posted } from "../support/core-harness";
import { testDatabase } from "../support/test-database";

let db: Database;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(async () => {
  await db?.close();
});

const shipped = RelatedModel.parse(model, "related-model.json");
/**
 * The shipped model with thresholds set for the test (the mechanism, not the calibration, is under
 * test here): a close paraphrase is above `before`, a question on the same topic above `thread`.
 */
const at = (before: number, thread: number) => ({ model: () => new RelatedModel(shipped.pair, before, thread), clusters: bundledClusters, vectors: bundledVectors });
const related = at(0.5, 0.05);
let n = 0;
const harness = (r = related) => coreHarness({ store: prismaStore(db.prisma), community: `R${++n}-${Date.now()}`, related: r });

/** Asks, answers and resolves a question as members would; returns the thread's id. */
const answered = async (h: ReturnType<typeof harness>, question: string, answer: string, asker = "ana", helper = "ben") => {
  const card = (await h.run(asker, `/ask ${question}`)).find((o) => o.anchor)!;
  const a = await h.actor(asker), b = await h.actor(helper);
  await h.app.threadReply(b, { threadRef: card.ref!, platformMessageId: `r-${card.ref}`, text: answer });
  await h.app.react(a, card.ref!, "✅");
  return card.anchor!.id;
};
const held = (out: Posted[]) => out.find((o) => o.message.title === "Answered before?");

describe("related answers on the database", () => {
  it("shows an earlier answer privately before a repeated question goes out; Post my question posts it; This answers it credits and posts nothing", async () => {
    const h = harness();
    const id = await answered(h, "How do I document a safety plan when a teen refuses to sign it? #safety",
      "Note that you reviewed the plan with her, record her refusal and her reasons, and give her a copy anyway.");
    const out = await h.run("cy", "/ask my teenage client won't sign her safety plan, how should I write it up in my notes?");
    expect(publicPosts(out)).toEqual([]);
    const note = held(out)!;
    expect(note.message.items?.[0]?.title).toMatch(/safety plan when a teen refuses/);
    expect(note.message.items?.[0]?.detail).toMatch(/answered by ben: Note that you reviewed/);
    const labels = note.message.buttons!.map((b) => b.label);
    expect(labels).toContain("This answers it");
    expect(labels).toContain("Post my question");
    const cy = await h.actor("cy");
    const answersIt = note.message.buttons!.find((b) => b.action === "answers-it")!;
    expect(answersIt.value).toMatch(new RegExp(`^t:${id}:[0-9a-f-]{36}$`));
    const thanks = await h.app.answersIt(cy, answersIt.value);
    expect(publicPosts(thanks.messages)).toEqual([]);
    expect(privateTexts(thanks.messages)[0]).toMatch(/ben get the credit/);
    // The choice is made once: a second press, or "Post my question" after it, changes nothing.
    expect(privateTexts((await h.app.answersIt(cy, answersIt.value)).messages)[0]).toMatch(/Already done/);
    expect(await h.store.related!.reusesBetween(cy.communityId, new Date(0), new Date(Date.now() + 86_400_000 * 30))).toBe(1);
    const posted = await h.deliver(cy, await h.app.postQuestion(cy, { channelId: "general" }, note.message.buttons!.find((b) => b.action === "post-question")!.value));
    expect(publicPosts(posted)).toEqual([]);
    expect(privateTexts(posted)[0]).toMatch(/Already done/);
    const shown = await db.prisma.$queryRaw<{ tier: string; choice: string; chosen_ref: string }[]>`SELECT tier, choice, chosen_ref::text FROM related_suggestions WHERE community_id = ${cy.communityId}::uuid`;
    expect(shown).toEqual([{ tier: "before", choice: "yes", chosen_ref: id }]);
  });

  it("This answers it after Post my question on the same card changes nothing: no credit, no reuse counted, the question stays open", async () => {
    const h = harness();
    await answered(h, "How do I document a safety plan when a teen refuses to sign it? #safety", "Note that you reviewed the plan with her and record her refusal.");
    const note = held(await h.run("cy", "/ask my teenage client won't sign her safety plan, how should I write it up in my notes?"))!;
    const cy = await h.actor("cy");
    const posted = await h.deliver(cy, await h.app.postQuestion(cy, { channelId: "general" }, note.message.buttons!.find((b) => b.action === "post-question")!.value));
    expect(publicPosts(posted)).toHaveLength(1);
    const late = await h.app.answersIt(cy, note.message.buttons!.find((b) => b.action === "answers-it")!.value);
    expect(privateTexts(late.messages)[0]).toMatch(/Already done/);
    expect(await h.store.related!.reusesBetween(cy.communityId, new Date(0), new Date(Date.now() + 86_400_000 * 30))).toBe(0);
    const again = await h.deliver(cy, await h.app.postQuestion(cy, { channelId: "general" }, note.message.buttons!.find((b) => b.action === "post-question")!.value));
    expect(publicPosts(again)).toEqual([]);
    const open = await db.prisma.$queryRaw<{ open: number }[]>`SELECT count(*)::int AS open FROM threads WHERE community_id = ${cy.communityId}::uuid AND status = 'open'`;
    expect(open).toEqual([{ open: 1 }]);
    // Another member cannot choose on cy's card.
    const dee = await h.actor("dee");
    expect(privateTexts((await h.app.answersIt(dee, note.message.buttons!.find((b) => b.action === "answers-it")!.value)).messages)[0]).toMatch(/Only the member/);
  });

  it("below the confident tier the question posts at once with Maybe related links on its card; the asker credits one, or the resolve form names it", async () => {
    const h = harness(at(0.999, 0.05));
    const old = await answered(h, "How do I document a safety plan when a teen refuses to sign it? #safety", "Note that you reviewed the plan with her and record her refusal.");
    await h.run("dee", "/share https://example.org/teen-safety-plans #safety #youth Safety planning with teens: a template and how to document a refusal to sign");
    const out = await h.run("cy", "/ask my teenage client won't sign her safety plan, how should I write it up in my notes?");
    expect(held(out)).toBeUndefined();
    const card = publicPosts(out)[0]!;
    const links = (card.message.items ?? []).filter((i) => i.title.startsWith("Maybe related"));
    expect(links.length).toBeGreaterThanOrEqual(1);
    expect(links.some((l) => /safety plan when a teen refuses/.test(l.title))).toBe(true);
    expect(links.some((l) => l.url === "https://example.org/teen-safety-plans")).toBe(true);
    const credit = card.message.buttons!.find((b) => b.action === "answers-it" && b.value.startsWith(`t:${old}:`))!;
    expect(credit.label).toMatch(/^This answered it/);
    const cy = await h.actor("cy"), dee = await h.actor("dee");
    // Only the asker credits a link.
    expect(privateTexts((await h.app.answersIt(dee, credit.value)).messages)[0]).toMatch(/Only the member/);
    expect(privateTexts((await h.app.answersIt(cy, credit.value)).messages)[0]).toMatch(/Noted.*ben get the credit/);
    expect(privateTexts((await h.app.answersIt(cy, credit.value)).messages)[0]).toMatch(/Already done/);
    expect(await h.store.related!.reusesBetween(cy.communityId, new Date(0), new Date(Date.now() + 86_400_000 * 30))).toBe(1);

    // A second question: the resolve form names the earlier answer (its helper credited again).
    const out2 = await h.run("eve", "/ask a teen on my caseload refuses to sign the safety plan, what goes in the note?");
    const card2 = publicPosts(out2)[0]!;
    expect((card2.message.items ?? []).some((i) => i.title.startsWith("Maybe related"))).toBe(true);
    const eve = await h.actor("eve");
    await h.app.resolve(eve, card2.anchor!.id, { outcome: "resolved", helpers: ["ben"] });
    const rows = await db.prisma.$queryRaw<{ member: string; choice: string; chosen_ref: string | null }[]>`
      SELECT m.display_name AS member, s.choice, s.chosen_ref::text FROM related_suggestions s JOIN members m ON m.id = s.member_id WHERE s.community_id = ${cy.communityId}::uuid AND s.tier = 'thread' ORDER BY s.created_at, m.display_name`;
    expect(rows).toEqual([{ member: "cy", choice: "yes", chosen_ref: old }, { member: "eve", choice: "yes", chosen_ref: old }]);
    // Health counts what was shown, accepted and passed over.
    const counts = await h.services.related!.counts(cy.communityId, new Date(0), new Date(Date.now() + 86_400_000 * 30));
    expect(counts).toEqual({ shown: 2, accepted: 2, passed: 0 });
  });

  it("once a community has 30 choices its own calibration decides: thirty passed-over suggestions raise the bar for showing one before posting", async () => {
    const h = harness(at(0.5, 0.05));
    await answered(h, "How do I document a safety plan when a teen refuses to sign it? #safety", "Note that you reviewed the plan with her and record her refusal.");
    const question = "/ask my teenage client won't sign her safety plan, how should I write it up in my notes?";
    const cy = await h.actor("cy");
    const before = await h.services.related!.suggest(cy.communityId, question);
    expect(before.before.length).toBe(1);
    const p = before.before[0]!.modelProbability;
    // Thirty members passed over suggestions at about this confidence ("Post my question").
    for (let i = 0; i < 30; i++) {
      const m = await h.actor(`m${i}`);
      const id = await h.services.related!.shown(cy.communityId, m.memberId, "before", before.before);
      expect(await h.services.related!.choose(cy.communityId, m.memberId, id, "no", null)).not.toBe("done");
    }
    expect(await h.services.related!.calibration(cy.communityId)).not.toBeNull();
    const after = await h.services.related!.suggest(cy.communityId, question);
    expect(after.before).toEqual([]);
    expect(after.thread.map((x) => x.doc.id)).toEqual(before.before.map((x) => x.doc.id));
    expect(after.thread[0]!.probability).toBeLessThan(p);
    expect(held(await h.run("cy", question.slice(1).replace(/^ask /, "/ask ")))).toBeUndefined();
  });

  it("posts at once when nothing earlier is relevant, and for bad or odd input never fails", async () => {
    const h = harness();
    await answered(h, "How do I document a safety plan when a teen refuses to sign it?", "Record the refusal and give her a copy.");
    for (const q of ["Where can I find the county food pantry list?", "the and of to in", "🙂🙂🙂", "¿Dónde encuentro formularios de la corte en español?", "x ".repeat(995)]) {
      const out = await h.run("cy", `/ask ${q}`);
      expect(held(out), q.slice(0, 40)).toBeUndefined();
      expect(publicPosts(out), q.slice(0, 40)).toHaveLength(1);
    }
    // Too long for a question at all: the usual private answer, nothing posted, nothing searched.
    const long = await h.run("cy", `/ask ${"safety plan teen refuses to sign ".repeat(160)}`);
    expect(publicPosts(long)).toEqual([]);
    expect(privateTexts(long)[0]).toMatch(/characters/);
    const cy = await h.actor("cy");
    expect(await h.services.related!.find(cy.communityId, "")).toEqual([]);
    expect(await h.services.related!.find(cy.communityId, "word ".repeat(2_000))).toEqual([]);
  });

  it("suggests only this community's, only what passed the guard, never a forgotten member's words", async () => {
    const h1 = harness(), h2 = harness();
    await answered(h1, "How do I document a safety plan when a teen refuses to sign it?", "Record the refusal and give her a copy.");
    const elsewhere = await h2.run("cy", "/ask my teenage client won't sign her safety plan, how do I write it up?");
    expect(held(elsewhere)).toBeUndefined();
    // The asker forgets herself: her question is her words, and leaves the suggestions.
    const ana = await h1.actor("ana");
    await h1.run("ana", "/peerloop forget-me confirm");
    const after = await h1.run("cy", "/ask my teenage client won't sign her safety plan, how do I write it up?");
    expect(held(after)).toBeUndefined();
    expect(ana.memberId).toBeTruthy();
  });

  it("keeps a forgotten helper's answer out of the suggestion, and a resource that answers it gets the endorsement", async () => {
    const h = harness();
    await answered(h, "What should I bring when I call adult protective services about an older client losing money?", "Have dates, bank statements and what she told you.", "ana", "ben");
    await h.run("ben", "/peerloop forget-me confirm");
    const out = await h.run("cy", "/ask older client's grandson may be taking money from her bank account, what do I have ready before calling APS?");
    const note = held(out);
    expect(note).toBeDefined();
    expect(note!.message.items?.[0]?.detail ?? "").not.toMatch(/bank statements/);
    await h.run("dee", "/share https://example.org/roi-template #consent Release of information form template for sharing records with schools");
    const ask = await h.run("cy", "/ask Anyone have a release of information template to share records with a school?");
    const r = held(ask)!.message.buttons!.find((b) => b.action === "answers-it" && b.value.startsWith("r:"))!;
    const cy = await h.actor("cy");
    await h.app.answersIt(cy, r.value);
    const resource = await h.store.resources.findByUrl(cy.communityId, "https://example.org/roi-template");
    expect(resource?.endorsementCount).toBe(1);
  });

  it("tells the thread of a surfaced question it may have been answered before, lists related questions on its web page, and counts reuses in the roundup", async () => {
    const h = harness();
    const old = await answered(h, "How do I document a safety plan when a teen refuses to sign it?", "Record the refusal and give her a copy anyway.");
    const cy = await h.actor("cy");
    const card = (await h.deliver(cy, await h.app.postQuestion(cy, { channelId: "general" },
      held(await h.run("cy", "/ask my teenage client won't sign her safety plan, how do I write it up in the chart?"))!.message.buttons!.find((b) => b.action === "post-question")!.value))).find((o) => o.anchor)!;
    const community = (await h.store.communities.get(cy.communityId))!;
    const later = new Date(h.clock.now().getTime() + 30 * 3_600_000);
    await runUnanswered(h.store, h.services.notifications, community, later, h.services.related, (c, t) => `https://peerloop.example/c/${c}/questions/${t}`);
    const queued = await db.prisma.$queryRaw<{ message: { items?: { title: string; url?: string }[] } }[]>`SELECT message FROM outbox_messages WHERE community_id = ${cy.communityId}::uuid AND dedupe_key LIKE ${"%:unanswered:%"}`;
    const maybe = queued.flatMap((q) => q.message.items ?? []).find((i) => /Maybe answered before/.test(i.title));
    expect(maybe?.url).toBe(`https://peerloop.example/c/${cy.communityId}/questions/${old}`);
    const site = new SiteService(new PrismaSiteRepository(db.prisma), h.clock, h.services.related);
    const page = await site.question(cy.communityId, card.anchor!.id);
    expect(page?.related.map((r) => r.id)).toEqual([old]);
    await h.app.answersIt(cy, `t:${old}`);
    const roundup = await composeRoundup(h.store.roundups, community, new Date(h.clock.now().getTime() + 86_400_000));
    expect(roundup.counts.reused).toBe(1);
  });
});
