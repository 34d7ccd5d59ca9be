import { describe, expect, it } from "vitest";
import { coreHarness, errorCode, keywordGuard, privateTexts, publicPosts } from "../support/core-harness";
import { memoryStore } from "../support/memory-store";

const askAs = async (h: ReturnType<typeof coreHarness>, who = "ana", text = "/ask How do you document a safety plan? #safety") => {
  const posted = await h.run(who, text);
  const card = publicPosts(posted)[0]!;
  return { card, ref: card.ref!, threadId: card.anchor!.id };
};

describe("/ask and /feedback", () => {
  it("posts a question card with a Resolve button and stores it open", async () => {
    const h = coreHarness();
    const { card, threadId } = await askAs(h);
    expect(card.message.quote).toBe("How do you document a safety plan?");
    expect(card.message.buttons?.[0]).toMatchObject({ action: "resolve", value: threadId });
    const t = await h.store.threads.get((await h.actor("ana")).communityId, threadId);
    expect(t).toMatchObject({ kind: "question", status: "open", tags: ["safety"], messageRef: "m1", threadRef: "m1" });
  });

  it("creates feedback requests too", async () => {
    const h = coreHarness();
    const { card } = await askAs(h, "ana", "/feedback My intake checklist #fostercare");
    expect(card.message.title).toBe("Feedback request from ana");
  });

  it.each(["/ask", "/ask    ", "/ask #safety", "/feedback"])("%j is refused with a clear message and nothing stored", async (line) => {
    const store = memoryStore();
    const h = coreHarness({ store });
    const posted = await h.run("ana", line);
    expect(errorCode(posted)).toBe("MISSING_OPTION");
    expect(privateTexts(posted)[0]).toMatch(/Usage: \/(ask|feedback)/);
    expect(store.state.threads).toHaveLength(0);
  });

  it("refuses a flagged question without storing it", async () => {
    const store = memoryStore();
    const h = coreHarness({ store, guard: keywordGuard });
    const posted = await h.run("ana", "/ask What would you do for CLIENTNAME? #ethics");
    expect(errorCode(posted)).toBeUndefined();
    expect(posted[0]!.message.title).toMatch(/may identify a client/);
    expect(store.state.threads).toHaveLength(0);
  });
});

describe("replies and resolution", () => {
  it("records peers' replies as feedback and the asker's as follow-ups, once per platform message", async () => {
    const h = coreHarness();
    const { ref, threadId } = await askAs(h);
    const ben = await h.actor("ben");
    const ana = await h.actor("ana");
    await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p1", text: "We use a template" });
    await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p1", text: "We use a template" }); // redelivery
    await h.app.threadReply(ana, { threadRef: ref, platformMessageId: "p2", text: "Thanks, which one?" });
    const t = await h.store.threads.get(ana.communityId, threadId);
    expect(t?.replyCount).toBe(1);
    expect((await h.store.threads.findReply(ana.communityId, "p2"))?.isFollowUp).toBe(true);
  });

  it("ignores messages in threads that are not Peerloop's", async () => {
    const h = coreHarness();
    const { ref } = await askAs(h);
    expect(await h.app.isQuestionThread("shell", "T-test", ref)).toBe(true);
    expect(await h.app.isQuestionThread("shell", "T-test", "unknown")).toBe(false);
    expect(await h.app.isQuestionThread("shell", "T-elsewhere", ref)).toBe(false);
    const out = await h.app.threadReply(await h.actor("ben"), { threadRef: "unknown", platformMessageId: "p1", text: "hi" });
    expect(out.messages).toHaveLength(0);
  });

  it("does not keep a flagged reply's text and tells its author privately", async () => {
    const store = memoryStore();
    const h = coreHarness({ store, guard: keywordGuard });
    const { ref } = await askAs(h);
    const out = await h.app.threadReply(await h.actor("ben"), { threadRef: ref, platformMessageId: "p1", text: "I saw CLIENTNAME too" });
    expect(out.messages[0]).toMatchObject({ to: { kind: "actor" } });
    expect(out.messages[0]!.message.fields).toEqual([{ label: "person name", value: '"CLIENTNAME" → try C. or "my client"' }]);
    expect(store.state.replies[0]?.text).toBeNull();
  });

  it("tells moderators, without quoting, when the community asks for it; edits are checked too", async () => {
    const store = memoryStore();
    const h = coreHarness({ store, guard: keywordGuard });
    const admin = await h.actor("ana", true);
    await h.run("ana", "/peerloop settings notify-moderators on", { admin: true });
    await h.run("ana", "/peerloop settings moderator-channel #mods", { admin: true });
    const { ref } = await askAs(h);
    const ben = await h.actor("ben");
    const out = await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p1", text: "I saw CLIENTNAME too" });
    const mods = out.messages.find((o) => o.to.kind === "post");
    expect(mods?.to).toEqual({ kind: "post", channelId: "mods" });
    expect(JSON.stringify(mods?.message)).not.toContain("CLIENTNAME");
    expect(mods?.message.text).toMatch(/reply by ben .* may identify a client/);

    await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p2", text: "fine" });
    const edit = await h.app.replyEdited(ben, "p2", "actually CLIENTNAME");
    expect(edit.messages[0]!.to.kind).toBe("actor");
    expect((await h.store.threads.findReply(admin.communityId, "p2"))?.text).toBeNull();
  });

  it("a deleted reply stops counting as an answer", async () => {
    const h = coreHarness();
    const { ref, threadId } = await askAs(h);
    const ben = await h.actor("ben");
    await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p1", text: "Try X" });
    await h.app.replyEdited(ben, "p1", "Try Y");
    expect((await h.store.threads.findReply(ben.communityId, "p1"))?.text).toBe("Try Y");
    await h.app.replyDeletedIn("shell", "T-test", "p1");
    expect((await h.store.threads.get(ben.communityId, threadId))?.replyCount).toBe(0);
  });

  it("a deletion known only by community and message id still un-counts the reply", async () => {
    const h = coreHarness({ community: "G-42" });
    const { ref, threadId } = await askAs(h);
    const ben = await h.actor("ben");
    await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p1", text: "Try X" });
    await h.app.replyDeletedIn("shell", "G-42", "p1");
    await h.app.replyDeletedIn("shell", "some-other-community", "p1");
    expect((await h.store.threads.get(ben.communityId, threadId))?.replyCount).toBe(0);
  });

  it("the asker's check mark resolves and credits the repliers; others' do nothing", async () => {
    const h = coreHarness();
    const { ref, threadId } = await askAs(h);
    const ben = await h.actor("ben");
    await h.app.threadReply(ben, { threadRef: ref, platformMessageId: "p1", text: "Use the state form" });
    expect((await h.app.react(ben, ref, "white_check_mark")).messages).toHaveLength(0);
    expect((await h.app.react(await h.actor("ana"), ref, "thumbsup")).messages).toHaveLength(0);
    const out = await h.app.react(await h.actor("ana"), ref, "✅");
    expect(out.messages[0]).toMatchObject({ to: { kind: "thread", threadRef: ref } });
    expect(out.messages[0]!.message.text).toMatch(/Thanks to ben/);
    expect(await h.store.threads.get(ben.communityId, threadId)).toMatchObject({ status: "resolved", outcome: "resolved" });
  });

  it("the resolve action takes an outcome, helpers and a note; only the asker may use it, once", async () => {
    const h = coreHarness();
    const { threadId } = await askAs(h);
    await h.actor("ben");
    expect(errorCode((await h.app.resolve(await h.actor("cy"), threadId, { outcome: "resolved" })).messages)).toBe("NOT_ASKER");
    expect(errorCode((await h.app.resolve(await h.actor("ana"), threadId, { outcome: "partly", helpers: ["nobody"] })).messages)).toBe("UNKNOWN_MEMBER");
    const ok = await h.app.resolve(await h.actor("ana"), threadId, { outcome: "partly", helpers: ["ben"], note: "Got a template" });
    expect(ok.messages[0]!.message.title).toBe("Question partly resolved");
    expect(ok.messages[0]!.message.quote).toBe("Got a template");
    expect(errorCode((await h.app.resolve(await h.actor("ana"), threadId, { outcome: "resolved" })).messages)).toBe("ALREADY_RESOLVED");
  });

  it("mark as answer credits that reply's author", async () => {
    const h = coreHarness();
    const { ref } = await askAs(h);
    await h.app.threadReply(await h.actor("ben"), { threadRef: ref, platformMessageId: "p1", text: "A" });
    await h.app.threadReply(await h.actor("cy"), { threadRef: ref, platformMessageId: "p2", text: "B" });
    expect(errorCode((await h.app.markAnswer(await h.actor("ben"), "p2")).messages)).toBe("NOT_ASKER");
    const out = await h.app.markAnswer(await h.actor("ana"), "p2");
    expect(out.messages[0]!.message.text).toBe("Thanks to cy for helping.");
  });
});

describe("a reply that arrives before its card's reference is recorded", () => {
  it("is still recognised when the card's thread is seconds old: the lookup waits a moment for posted()", async () => {
    const h = coreHarness();
    const ana = await h.actor("ana");
    const out = await h.app.command(ana, { channelId: "general" }, { command: "ask", input: { text: "How do you document a safety plan? #safety" } });
    const anchor = out.messages.find((m) => m.anchor)!.anchor!;
    // The platform accepted the card as "m-late"; its record is written 200 ms later.
    setTimeout(() => void h.app.posted(ana.communityId, anchor, "general", "m-late"), 200);
    await expect(h.app.isQuestionThread("shell", "T-test", "m-late", 1_000)).resolves.toBe(true);
    // An old thread is not waited for: not a card, answered at once.
    const started = Date.now();
    await expect(h.app.isQuestionThread("shell", "T-test", "m-unknown", 3_600_000)).resolves.toBe(false);
    expect(Date.now() - started).toBeLessThan(500);
  });
});
