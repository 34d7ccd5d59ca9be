import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startShellWithWeb } from "../support/shell-session";
import type { ShellSession } from "../support/shell-session";

let shell: ShellSession;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ shell, cleanup } = await startShellWithWeb(() => ({ LOG_LEVEL: "warn" })));
  await shell.run(":help", /:quit/);
}, 90_000);
afterAll(async () => {
  await shell?.close();
  await cleanup?.();
});

/** The number `:press` takes for the last button labelled `label` in `out`. */
const button = (out: string, label: string): string => {
  const all = [...out.matchAll(new RegExp(`\\[${label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}[^\\]]*\\] → :press (\\d+)`, "g"))];
  expect(all.length, out).toBeGreaterThan(0);
  return all.at(-1)![1]!;
};
const ALREADY = /Already done: you answered this message's buttons before, so nothing changed/;

describe("every button in the shell acts once per message and member", () => {
  it("This answers it after Post my question on the same card is already done, and the archive counts nothing", async () => {
    const asked = await shell.run("/ask Police department refuses to sign the U visa certification for my client, who else can certify? #immigration", /thread [0-9a-f]{6} │/);
    const ref = /thread ([0-9a-f]{6})/.exec(asked)![1]!;
    await shell.run(":as maria", /You are now maria/);
    await shell.run(`:reply ${ref} A prosecutor, a judge or the labor department can also sign the certification; ask the DA's victim witness unit first.`, /\(message reply-/);
    await shell.run(":as ana", /You are now ana/);
    await shell.run(`:react ${ref} ✅`, /│/);
    await shell.run(":as cy", /You are now cy/);
    const card = await shell.run("/ask the police won't certify my client's U visa form, can another agency sign the certification instead?", /Post my question\] → :press \d+/);
    const posted = await shell.run(`:press ${button(card, "Post my question")}`, /Question from cy/);
    expect(posted).toMatch(/thread [0-9a-f]{6} │ Question from cy/);
    const late = await shell.run(`:press ${button(card, "This answers it")}`, ALREADY);
    expect(late).not.toContain("Glad the archive had it");
    const again = await shell.run(`:press ${button(card, "Post my question")}`, ALREADY);
    expect(again).not.toContain("Question from cy");
    expect(shell.output.match(/Question from cy/g)).toHaveLength(1);
    // The roundup and health count only what happened: no answer was reused.
    await shell.run(":as ana", /You are now ana/);
    const roundup = await shell.run("/roundup", /│/);
    expect(roundup).not.toContain("Answered from the archive");
    const health = await shell.run("/peerloop health", /Answers reused|│[\s\S]*\n(?=\S)/);
    expect(health).not.toMatch(/Answers reused:? [1-9]/);
  });

  it("This answers it counts once when pressed twice", async () => {
    await shell.run(":as dev", /You are now dev/);
    const card = await shell.run("/ask who else can sign a U visa certification when the police department refuses?", /Post my question\] → :press \d+/);
    const first = await shell.run(`:press ${button(card, "This answers it")}`, /Glad the archive had it/);
    expect(first).toContain("maria get the credit");
    await shell.run(`:press ${button(card, "This answers it")}`, ALREADY);
    await shell.run(`:press ${button(card, "Post my question")}`, ALREADY);
    await shell.run(":as ana", /You are now ana/);
    const roundup = await shell.run("/roundup", /│/);
    expect(roundup).toMatch(/Answered from the archive\*?:? *1\b/);
  });

  it("Post as is pressed twice after a tone note shares once; Edit leaves the choice open", async () => {
    await shell.run(":as eve", /You are now eve/);
    const nudge = await shell.run("/share https://example.org/engagement-guide #engagement for clients who are just lazy freeloaders", /\[Edit\] → :press \d+/);
    await shell.run(`:press ${button(nudge, "Edit")}`, /Nothing was posted/);
    const shared = await shell.run(`:press ${button(nudge, "Post as is")}`, /#general › resource [0-9a-f]{6} │/);
    expect(shared).toContain("example.org/engagement-guide");
    const twice = await shell.run(`:press ${button(nudge, "Post as is")}`, ALREADY);
    expect(twice).not.toContain("shared again");
    expect(twice).not.toContain("example.org/engagement-guide");
  });

  it("Post anyway pressed twice posts one question; Endorse pressed twice endorses once", async () => {
    await shell.run(":as fay", /You are now fay/);
    const warning = await shell.run("/ask My client Maria Delgado (DOB 3/4/87) keeps missing appointments. Ideas? #housing", /Post anyway[^\]]*\] → :press \d+/);
    await shell.run(`:press ${button(warning, "Post anyway")}`, /Question from fay/);
    const twice = await shell.run(`:press ${button(warning, "Post anyway")}`, ALREADY);
    expect(twice).not.toContain("Question from fay");
    const card = await shell.run("/share https://example.org/housing-first #housing A plain guide", /Endorse[^\]]*\] → :press \d+/);
    await shell.run(":as gus", /You are now gus/);
    const endorsed = await shell.run(`:press ${button(card, "Endorse")}`, /│/);
    expect(endorsed).not.toMatch(ALREADY);
    expect(endorsed).toMatch(/endorse/i);
    await shell.run(`:press ${button(card, "Endorse")}`, ALREADY);
    // Another member's press on the same card is their own.
    await shell.run(":as hal", /You are now hal/);
    const other = await shell.run(`:press ${button(card, "Endorse")}`, /│/);
    expect(other).not.toMatch(ALREADY);
  });

  it("a failed press leaves the choice open: endorsing your own share says so each time, not already done", async () => {
    await shell.run(":as ivy", /You are now ivy/);
    const card = await shell.run("/share https://example.org/own-share #ethics Mine", /Endorse[^\]]*\] → :press \d+/);
    const first = await shell.run(`:press ${button(card, "Endorse")}`, /│/);
    const second = await shell.run(`:press ${button(card, "Endorse")}`, /│/);
    expect(second).not.toMatch(ALREADY);
    expect(second.replace(/\n+$/, "")).toBe(first.replace(/\n+$/, ""));
  });

  it("the Resolve button names the question by its short id, as the card does", async () => {
    await shell.run(":as jo", /You are now jo/);
    const card = await shell.run("/ask What do you keep in a home visit safety kit? #safety", /\[Resolve\] → :press \d+/);
    const ref = /thread ([0-9a-f]{6}) │/.exec(card)![1]!;
    const told = await shell.run(`:press ${button(card, "Resolve")}`, /:resolve/);
    expect(told).toContain(`:resolve ${ref} resolved @name`);
    expect(told).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
  });
});
