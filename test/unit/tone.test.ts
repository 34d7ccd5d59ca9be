import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { detectTone } from "../../src/core/tone/detect-tone";
import { score, SETS } from "../tone-eval/run-tone-eval";
import { bundledTone } from "../../src/core/tone/data/bundled-tone";
import { createToneCheck } from "../../src/core/tone/create-tone-check";
import { coreHarness } from "../support/core-harness";

const flagged = (text: string) => detectTone(text);

describe("the tone check flags contempt, one rule at a time", () => {
  it.each([
    ["a dehumanizing label for clients", "the usual crackheads were in the lobby again", "client_disparagement", "crackheads"],
    ["a contemptuous adjective on people", "these entitled parents think we're an ATM", "client_disparagement", "entitled parents"],
    ["likening clients to objects", "my geriatric folks are basically furniture at this point", "client_disparagement", "basically furniture"],
    ["scare quotes at what a client claims", "lmao he 'forgot' his appointment for the 3rd time", "client_disparagement", "he 'forgot'"],
    ["an eye-roll at a client's choices", "teen client says she's bored of group 🙄", "client_disparagement", "🙄"],
    ["sarcasm at a client", "dad swears he's sober now. sure buddy", "client_disparagement", "sure buddy"],
    ["a put-down of a colleague", "my supervisor is a useless idiot", "colleague_disparagement", "useless"],
    ["a put-down of a mentioned colleague", "<@U0321> is dumb as a rock", "colleague_disparagement", "dumb as a rock"],
    ["a put-down of a named agency", "everyone at Brightpath Youth Services is incompetent", "colleague_disparagement", "incompetent"],
    ["contempt for the profession", "social work is a joke, we're glorified babysitters", "profession_disparagement", "glorified babysitters"],
    ["contempt for a licence", "LCSWs are just failed psychologists", "profession_disparagement", "failed psychologists"],
  ])("%s", (_rule, text, category, span) => {
    const r = flagged(text);
    expect(r.flagged).toBe(true);
    expect(r.category).toBe(category);
    expect(r.spans.map((s) => s.text).join(" | ")).toContain(span);
    for (const s of r.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
  });
});

describe("the tone check leaves the policy's hard negatives alone", () => {
  it.each([
    ["anger at systems, with swearing and a clown", "the county cut the flex fund AGAIN 🤡 I'm so fucking angry I could scream"],
    ["scare quotes at a policy", "DCFS 'streamlined' intake form: 14 pages 🙃"],
    ["burnout", "I'm so done. 9 yrs in child welfare and today I cried in my car. how do you keep going?"],
    ["grief", "lost a client to an overdose this week. grief is heavy and I keep replaying our last session"],
    ["hating the job, not the clients", "I hate this job some days. not the clients, never the clients."],
    ["critical debate about practice", "I think motivational interviewing is overused for folks in acute crisis. disagree?"],
    ["critique of the profession's history", "child welfare has too often functioned as surveillance of poor families; the critique deserves a hearing"],
    ["advocacy", "landlord illegally locked out a family on my caseload. who do I call for emergency legal aid??"],
    ["the system's label, blamed on the system", "the parent gets marked 'uncooperative' when the interpreter is cancelled. that's on us, not them"],
    ["humour that targets no one", "my love language is a fax machine that sends on the first try 📠❤️"],
    ["a neutral description of hard behaviour", "client yelled at me and threw a chair in the lobby today. how do I de-escalate earlier?"],
    ["a slur quoted to challenge it", "a coworker called our clients 'frequent flyers' in a meeting. how do I push back?"],
    ["a practice problem with a supervisor, neutrally", "my supervisor cancels supervision every week and I carry high-risk cases. how do I escalate?"],
    ["honest self-reflection", "I don't like one of my clients and I feel guilty. how do you work with that?"],
    ["feeling stupid oneself", "I felt so stupid after that court hearing. how do you prepare?"],
  ])("%s", (_family, text) => {
    expect(flagged(text)).toEqual({ flagged: false, category: null, spans: [] });
  });
});

describe("the tone check's frozen evaluation sets (regression: no worse than when recorded)", () => {
  // own-heldout(-2) are in the repository; the dev corpus only where ../shared is beside it.
  const floors: Record<string, { recall: number; fpr: number }> = {
    "own-heldout": { recall: 1, fpr: 0 },
    "own-heldout-2": { recall: 0.9, fpr: 0 },
    "dev-tune (d001-d080)": { recall: 1, fpr: 0 },
    "dev-heldout (d081-d160)": { recall: 0.93, fpr: 0 },
  };
  for (const [name, load] of Object.entries(SETS)) {
    it(name, () => {
      const s = score(load());
      expect(s.recall, s.errors.join("\n")).toBeGreaterThanOrEqual(floors[name]!.recall);
      expect(s.fpr, s.errors.join("\n")).toBeLessThanOrEqual(floors[name]!.fpr);
    });
  }
  it("finds the dev corpus when ../shared is beside the repository", () => {
    if (existsSync(path.resolve(import.meta.dirname, "../../../shared/tone/dev.jsonl"))) expect(Object.keys(SETS)).toHaveLength(4);
    else expect(Object.keys(SETS)).toHaveLength(2);
  });
});

describe("the tone CLI's nudge", () => {
  it("never flags an empty or whitespace message", () => {
    expect(flagged("").flagged).toBe(false);
    expect(flagged("   \n ").flagged).toBe(false);
  });
});

describe("the nudge in the core", () => {
  it("holds a flagged question with Post as is and Edit; Post as is posts it; tone-check off lets it through", async () => {
    const h = coreHarness({ tone: createToneCheck(bundledTone) });
    const ana = await h.actor("ana", true);
    const held = await h.app.command(ana, { channelId: "general" }, { command: "ask", input: { text: "how do I deal with these lazy freeloaders? #engagement" } });
    expect(held.messages).toHaveLength(1);
    expect(held.messages[0]!.to).toEqual({ kind: "actor" });
    const buttons = held.messages[0]!.message.buttons!;
    expect(buttons.map((b) => b.action)).toEqual(["post-as-is", "edit"]);
    const posted = await h.app.postAsIs(ana, { channelId: "general" }, buttons[0]!.value);
    expect(posted.messages.some((m) => m.to.kind === "channel" && m.message.quote?.includes("lazy freeloaders"))).toBe(true);
    await h.app.command(ana, { channelId: "general" }, { command: "peerloop", input: { text: "settings tone-check off" } });
    const through = await h.app.command(ana, { channelId: "general" }, { command: "ask", input: { text: "more lazy freeloaders today #engagement" } });
    expect(through.messages.some((m) => m.to.kind === "channel")).toBe(true);
  });

  it("never blocks: a post too long for a Post as is button is posted, with the note after the fact", async () => {
    const h = coreHarness({ tone: createToneCheck(bundledTone) });
    const ana = await h.actor("ana");
    // Long enough that a "Post as is" button cannot carry it (the check itself is tested elsewhere).
    const long = "these lazy freeloaders think the agency is their personal ATM, gimme gimme 🙄 ".repeat(22);
    const out = await h.app.command(ana, { channelId: "general" }, { command: "ask", input: { text: long } });
    expect(out.messages.some((m) => m.to.kind === "channel")).toBe(true);
    const note = out.messages.find((m) => m.to.kind === "actor")!;
    expect(note.message.text).toContain("It is posted");
    expect(note.message.buttons ?? []).toEqual([]);
  });
});
