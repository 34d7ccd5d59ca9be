import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ShellSession } from "../support/shell-session";
import { databaseEnv } from "../support/test-database";

/** The welcome in the local shell (issue 36): `:join NAME`, numbered choices, `/peerloop start`, `/peerloop welcome`. */
let shell: ShellSession;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  const db = await databaseEnv();
  cleanup = db.cleanup;
  shell = new ShellSession({ ...db.env, PEERLOOP_SHELL_USER: "ana", PORT: "0", PEERLOOP_SCHEDULER: "false" });
}, 60_000);
afterAll(async () => {
  await shell?.close();
  await cleanup?.();
});

/** The :press number the shell printed for a button's label. */
const press = (out: string, label: string): string => {
  const m = new RegExp(`\\[${label.replace(/[.*+?^${}()|[\]\\#]/g, "\\$&")}\\] → (:press \\d+)`).exec(out);
  if (!m) throw new Error(`no button "${label}" in:\n${out}`);
  return m[1]!;
};

describe("the welcome in the shell", () => {
  it("welcomes a member who joins once, walks the steps with numbered buttons, and confirms what they chose", async () => {
    await shell.run("/share https://example.org/guide #ethics Plain summary", /resource [0-9a-f]{6}/);
    await shell.run("/share https://example.org/plan #safety A template", /resource [0-9a-f]{6}/);
    await shell.run("/peerloop welcome text Glad you're here: say hello in #general", /Your line: Glad you're here/);

    const joined = await shell.run(":join maria", /\[Skip\] → :press \d+/);
    expect(joined).toContain("maria joined the community. You are now maria.");
    expect(joined).toMatch(/✉ DM to maria │ Welcome to Local community, maria/);
    expect(joined).toContain("> Glad you're here: say hello in #general");
    expect(joined).toMatch(/1 · Your interests/);

    // Two topics of one list at once, as a multi-select would.
    const ethics = press(joined, "#ethics").split(" ")[1], safety = press(joined, "#safety").split(" ")[1];
    const afterInterests = await shell.run(`:press ${ethics} ${safety}`, /\[Skip\] → :press \d+/);
    // Nobody has helped yet and no publisher is trusted: straight to notifications, saying why.
    expect(afterInterests).toMatch(/4 · How news reaches you/);
    expect(afterInterests).toContain("Nobody has been credited with help on these topics lately.");
    const again = await shell.run(press(joined, "#ethics"), /nothing changed/);
    expect(again).toContain('You already answered "interests" in this welcome; nothing changed.');

    const afterNotify = await shell.run(press(afterInterests, "Weekly digest"), /\[Got it\]/);
    expect(afterNotify).toContain("Never post a detail that could identify a client");
    const afterNorms = await shell.run(press(afterNotify, "Got it"), /\[Introduce myself\]/);
    const done = await shell.run(press(afterNorms, "Introduce myself"), /First step: introduce yourself/);
    expect(done).toMatch(/✔ You're set up/);
    expect(done).toContain("Topics: #ethics #safety");
    expect(done).toContain("Notifications: a weekly digest");
    expect(done).toContain("Norms: read");

    const me = await shell.run("/peerloop me", /Quiet hours/);
    expect(me).toContain("Following: #ethics #safety");
    expect(me).toContain("Notifications: in a weekly digest");

    // Joining again (another channel, a second event) sends nothing; /peerloop start opens it again.
    const second = await shell.run(":join maria", /You are now maria\./);
    expect(second).not.toContain("Welcome to");
    const start = await shell.run("/peerloop start", /\[Skip\] → :press \d+/);
    expect(start).toMatch(/\(only you\) │ Welcome to Local community, maria/);
  }, 120_000);

  it("lets only organisers switch it off, and then welcomes nobody", async () => {
    await shell.run(":as ana", /You are now ana/);
    const off = await shell.run("/peerloop welcome off", /Welcome: off/);
    expect(off).toContain("nobody is welcomed");
    const joined = await shell.run(":join leo", /You are now leo\./);
    expect(joined).not.toContain("Welcome to");
    const refused = await shell.run("/peerloop welcome on", /admins/);
    expect(refused).toContain("Only the community's admins can change the welcome.");
    const bad = await shell.run(":as ana", /You are now ana/).then(() => shell.run("/peerloop welcome norms not-a-link", /✖/));
    expect(bad).toContain("Give the norms' longer version as a link");
  }, 120_000);
});
