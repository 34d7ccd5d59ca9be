import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShellSession } from "../support/shell-session";
import { databaseEnv } from "../support/test-database";
import { freePort } from "../support/start-bot";

let shell: ShellSession;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const db = await databaseEnv();
  cleanup = db.cleanup;
  shell = new ShellSession({ ...db.env, PEERLOOP_SHELL_USER: "ana", PORT: String(await freePort()), PEERLOOP_SCHEDULER: "false" });
}, 60_000);
afterAll(async () => {
  await shell?.close();
  await cleanup?.();
});

const later = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
/** The number a button was given on the screen, e.g. "[Not for me] → :press 7" under the message starting with `head`. */
const buttonOf = (out: string, head: string, label: string): string => {
  const from = out.indexOf(head);
  expect(from, `${head} in:\n${out}`).toBeGreaterThanOrEqual(0);
  const m = new RegExp(`\\[${label}\\] → :press (\\d+)`).exec(out.slice(from));
  expect(m, `${label} under ${head}`).not.toBeNull();
  return m![1]!;
};

describe("ask the people who know, in the shell door", () => {
  it("offers a waiting question by DM to the member who helped with its tag and a follower; the job's buttons are numbered and pressable", async () => {
    await shell.run(":as maria", /now maria/);
    await shell.run(":as ben", /now ben/);
    await shell.run("/follow #iep", /You now follow #iep/);
    await shell.run(":as ana", /now ana/);
    const asked = await shell.run("/ask How do you write a measurable IEP goal? #iep", /:press \d+/);
    const first = /thread ([0-9a-f]{6}) │ Question from ana/.exec(asked)![1]!;
    await shell.run(":as maria", /now maria/);
    await shell.run(`:reply ${first} We start from the baseline and use SMART goals.`, /message reply-/);
    await shell.run(":as ana", /now ana/);
    await shell.run(`:resolve ${first} resolved @maria -- SMART goals`, /resolved|Resolved|closed/);

    await shell.run(":as cy", /now cy/);
    await shell.run("/ask Any templates for IEP transition plans? #iep", /Question from cy/);
    // Too early: 2 hours have not passed.
    const early = await shell.run(":jobs run route", /delivered \d+/);
    expect(early).not.toContain("Could you help");

    const run = await shell.run(`:jobs run route --now ${later(3)}`, /delivered \d+/);
    expect(run).toContain("✉ DM to maria │ Could you help with this question?");
    expect(run).toContain("You're asked because you helped with 1 question on #iep.");
    expect(run).toContain("> Any templates for IEP transition plans?");
    expect(run).toContain("✉ DM to ben │ Could you help with this question?");
    expect(run).toContain("You're asked because you follow #iep.");
    expect(run).not.toContain("DM to cy"); // the asker
    expect(run).not.toContain("DM to ana"); // neither helped nor follows
    expect(run).not.toContain("(button)");
    const mariaBlock = run.slice(run.indexOf("✉ DM to maria"));
    const open = buttonOf(mariaBlock, "✉ DM to maria", "Open the thread");
    const notForMe = buttonOf(mariaBlock, "✉ DM to maria", "Not for me");
    const bensNo = buttonOf(run.slice(run.indexOf("✉ DM to ben")), "✉ DM to ben", "Not for me");

    // A button acts for whoever presses it, on their own invitation: someone who was not invited changes nothing.
    await shell.run(":as ana", /now ana/);
    expect(await shell.run(`:press ${notForMe}`, /\(only you\)/)).toContain("That invitation was for someone else, so nothing changed.");
    await shell.run(":as maria", /now maria/);
    const opened = await shell.run(`:press ${open}`, /Open the thread/);
    expect(opened).toContain("The question you were asked about");
    expect(opened).toContain("> Any templates for IEP transition plans?");
    expect(opened).toContain("(in #general)");
    expect(await shell.run(`:press ${notForMe}`, /\(only you\)/)).toContain("Thanks for saying so. You won't be asked about this question again.");
    expect(await shell.run(`:press ${notForMe}`, /\(only you\)/)).toContain("You already said this question isn't for you; nothing changed.");

    // Each member once: a second run invites nobody again.
    const again = await shell.run(`:jobs run route --now ${later(4)}`, /delivered \d+/);
    expect(again).not.toContain("Could you help");

    // Ben turns invitations off; his own button still answers.
    await shell.run(":as ben", /now ben/);
    expect(await shell.run(`:press ${bensNo}`, /\(only you\)/)).toContain("Thanks for saying so.");
    expect(await shell.run("/notify invites off", /\(only you\)/)).toContain("Got it: no more invitations to answer questions.");
    expect(await shell.run("/notify invites", /\(only you\)/)).toContain("You get no invitations to answer questions.");
    expect(await shell.run("/notify invites lots", /\(only you\)/)).toContain("Give how many invitations a week you're happy to get (1 to 14), or off");
    expect(await shell.run("/notify invites 3", /\(only you\)/)).toContain("Got it: at most 3 invitations a week");
  }, 180_000);
});
