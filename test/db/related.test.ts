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

const related = { model: () => RelatedModel.parse(model, "related-model.json"), clusters: bundledClusters, vectors: bundledVectors };
let n = 0;
const harness = () => coreHarness({ store: prismaStore(db.prisma), community: `R${++n}-${Date.now()}`, related });

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
    expect(answersIt.value).toBe(`t:${id}`);
    const thanks = await h.app.answersIt(cy, answersIt.value);
    expect(publicPosts(thanks.messages)).toEqual([]);
    expect(privateTexts(thanks.messages)[0]).toMatch(/ben get the credit/);
    // Counted once, however often it is pressed.
    await h.app.answersIt(cy, answersIt.value);
    expect(await h.store.related!.reusesBetween(cy.communityId, new Date(0), new Date(Date.now() + 86_400_000 * 30))).toBe(1);
    const posted = await h.deliver(cy, await h.app.postQuestion(cy, { channelId: "general" }, note.message.buttons!.find((b) => b.action === "post-question")!.value));
    expect(publicPosts(posted)).toHaveLength(1);
    expect(publicPosts(posted)[0]!.message.quote).toMatch(/won't sign her safety plan/);
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
