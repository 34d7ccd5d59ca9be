import { describe, expect, it } from "vitest";
import { relatedModelDir } from "../support/related-model-dir";
import { buttonNumber as button, shellForFile } from "../support/shell-session";

// The card before posting is shown for these asks whatever the shipped calibration says: the buttons are under test.
const session = shellForFile(() => ({ PEERLOOP_MODEL_DIR: relatedModelDir(0.5, 0.02) }));
/** The health page's "Answers reused", after the health job has read the community (as the admin, ana). */
const answersReused = async (): Promise<string> => {
  await session.shell.run(":jobs run health", /health figures/);
  const out = await session.shell.run("/peerloop health", /Charts and definitions: http\S+\n/);
  const link = /Charts and definitions: (http\S+)/.exec(out)![1]!;
  const signIn = await fetch(link, { redirect: "manual" });
  const page = await fetch(new URL(signIn.headers.get("location")!, link), { headers: { cookie: signIn.headers.get("set-cookie")!.split(";")[0]! } });
  return /data-figure="reused_answers">(\d+)</.exec(await page.text())![1]!;
};
const ALREADY = /Already done: you answered this message's buttons before, so nothing changed/;

describe("every button in the shell acts once per message and member", { timeout: 180_000 }, () => {
  it("This answers it after Post my question on the same card is already done, and the archive counts nothing", async () => {
    const asked = await session.shell.run("/ask Police department refuses to sign the U visa certification for my client, who else can certify? #immigration", /thread [0-9a-f]{6} │/);
    const ref = /thread ([0-9a-f]{6})/.exec(asked)![1]!;
    await session.shell.run(":as maria", /You are now maria/);
    await session.shell.run(`:reply ${ref} A prosecutor, a judge or the labor department can also sign the certification; ask the DA's victim witness unit first.`, /\(message reply-/);
    await session.shell.run(":as ana", /You are now ana/);
    await session.shell.run(`:react ${ref} ✅`, /│/);
    await session.shell.run(":as cy", /You are now cy/);
    const card = await session.shell.run("/ask the police won't certify my client's U visa form, can another agency sign the certification instead?", /Post my question\] → :press \d+/);
    const posted = await session.shell.run(`:press ${button(card, "Post my question")}`, /Question from cy/);
    expect(posted).toMatch(/thread [0-9a-f]{6} │ Question from cy/);
    const late = await session.shell.run(`:press ${button(card, "This answers it")}`, ALREADY);
    expect(late).not.toContain("Glad the archive had it");
    const again = await session.shell.run(`:press ${button(card, "Post my question")}`, ALREADY);
    expect(again).not.toContain("Question from cy");
    expect(session.shell.output.match(/Question from cy/g)).toHaveLength(1);
    // The roundup and health count only what happened: no answer was reused.
    await session.shell.run(":as ana", /You are now ana/);
    const roundup = await session.shell.run("/roundup", /│/);
    expect(roundup).not.toContain("Answered from the archive");
    expect(await answersReused()).toBe("0");
  });

  it("This answers it counts once when pressed twice", async () => {
    await session.shell.run(":as dev", /You are now dev/);
    const card = await session.shell.run("/ask who else can sign a U visa certification when the police department refuses?", /Post my question\] → :press \d+/);
    const first = await session.shell.run(`:press ${button(card, "This answers it")}`, /Glad the archive had it/);
    expect(first).toContain("maria get the credit");
    await session.shell.run(`:press ${button(card, "This answers it")}`, ALREADY);
    await session.shell.run(`:press ${button(card, "Post my question")}`, ALREADY);
    await session.shell.run(":as ana", /You are now ana/);
    const roundup = await session.shell.run("/roundup", /│/);
    expect(roundup).toMatch(/Answered from the archive\*?:? *1\b/);
    expect(await answersReused()).toBe("1");
  });

  it("Post as is pressed twice after a tone note shares once; Edit leaves the choice open", async () => {
    await session.shell.run(":as eve", /You are now eve/);
    const nudge = await session.shell.run("/share https://example.org/engagement-guide #engagement for clients who are just lazy freeloaders", /\[Edit\] → :press \d+/);
    await session.shell.run(`:press ${button(nudge, "Edit")}`, /Nothing was posted/);
    const shared = await session.shell.run(`:press ${button(nudge, "Post as is")}`, /#general › resource [0-9a-f]{6} │/);
    expect(shared).toContain("example.org/engagement-guide");
    const twice = await session.shell.run(`:press ${button(nudge, "Post as is")}`, ALREADY);
    expect(twice).not.toContain("shared again");
    expect(twice).not.toContain("example.org/engagement-guide");
  });

  it("Post anyway pressed twice posts one question; Endorse pressed twice endorses once", async () => {
    await session.shell.run(":as fay", /You are now fay/);
    const warning = await session.shell.run("/ask My client Maria Delgado (DOB 3/4/87) keeps missing appointments. Ideas? #housing", /Post anyway[^\]]*\] → :press \d+/);
    await session.shell.run(`:press ${button(warning, "Post anyway")}`, /Question from fay/);
    const twice = await session.shell.run(`:press ${button(warning, "Post anyway")}`, ALREADY);
    expect(twice).not.toContain("Question from fay");
    const card = await session.shell.run("/share https://example.org/housing-first #housing A plain guide", /Endorse[^\]]*\] → :press \d+/);
    await session.shell.run(":as gus", /You are now gus/);
    const endorsed = await session.shell.run(`:press ${button(card, "Endorse")}`, /│/);
    expect(endorsed).not.toMatch(ALREADY);
    expect(endorsed).toMatch(/endorse/i);
    await session.shell.run(`:press ${button(card, "Endorse")}`, ALREADY);
    // Another member's press on the same card is their own.
    await session.shell.run(":as hal", /You are now hal/);
    const other = await session.shell.run(`:press ${button(card, "Endorse")}`, /│/);
    expect(other).not.toMatch(ALREADY);
  });

  it("a failed press leaves the choice open: endorsing your own share says so each time, not already done", async () => {
    await session.shell.run(":as ivy", /You are now ivy/);
    const card = await session.shell.run("/share https://example.org/own-share #ethics Mine", /Endorse[^\]]*\] → :press \d+/);
    const first = await session.shell.run(`:press ${button(card, "Endorse")}`, /│/);
    const second = await session.shell.run(`:press ${button(card, "Endorse")}`, /│/);
    expect(second).not.toMatch(ALREADY);
    expect(second.replace(/\n+$/, "")).toBe(first.replace(/\n+$/, ""));
  });

  it("the Resolve button names the question by its short id, as the card does", async () => {
    await session.shell.run(":as jo", /You are now jo/);
    const card = await session.shell.run("/ask What do you keep in a home visit safety kit? #safety", /\[Resolve\] → :press \d+/);
    const ref = /thread ([0-9a-f]{6}) │/.exec(card)![1]!;
    const told = await session.shell.run(`:press ${button(card, "Resolve")}`, /:resolve/);
    expect(told).toContain(`:resolve ${ref} resolved @name`);
    expect(told).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
