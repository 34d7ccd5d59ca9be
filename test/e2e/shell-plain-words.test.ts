import { describe, expect, it } from "vitest";
import { buttonNumber, shellForFile } from "../support/shell-session";

const session = shellForFile();

/** The lines of one printed message: its first line and the indented ones under it. */
const block = (out: string, starts: RegExp): string[] => {
  const lines = out.split("\n");
  const at = lines.findIndex((l) => starts.test(l));
  expect(at, out).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > at && !l.startsWith(" "));
  return lines.slice(at, end < 0 ? undefined : end).filter(Boolean);
};

describe("what the shell prints reads right (issue 38)", { timeout: 180_000 }, () => {
  it("a reply over 2,000 characters is refused with /ask's message, not printed in the thread, not recorded", async () => {
    const asked = await session.shell.run("/ask How do you end a home visit that runs over? #visits", /thread [0-9a-f]{6} │/);
    const ref = /thread ([0-9a-f]{6})/.exec(asked)![1]!;
    await session.shell.run(":as maria", /You are now maria/);
    const long = await session.shell.run(`:reply ${ref} ${"a".repeat(5_000)}`, /│/);
    expect(long).toContain("Your reply is 5,000 characters; please keep it under 2,000.");
    expect(long).not.toContain(`thread ${ref} │ maria:`);
    const ok = await session.shell.run(`:reply ${ref} Name the time at the start, and leave the last ten minutes for next steps.`, /\(message reply-/);
    expect(ok).toContain(`thread ${ref} │ maria: Name the time`);
    // The asker's ✅ credits maria for one reply: the long one was never kept.
    await session.shell.run(":as ana", /You are now ana/);
    const roundup = await session.shell.run("/roundup", /│/);
    expect(roundup).toMatch(/Replies:? 1\b/);
  });

  it("/peerloop health: plural forms right, every line indented alike, its link labelled", async () => {
    const card = await session.shell.run("/share https://example.org/visit-checklist #visits A checklist", /Endorse[^\]]*\] → :press \d+/);
    await session.shell.run(":as maria", /You are now maria/);
    await session.shell.run(`:press ${buttonNumber(card, "Endorse")}`, /endorsed/);
    await session.shell.run(":as ana", /You are now ana/);
    const out = await session.shell.run("/peerloop health", /Library:[^\n]*\n[\s\S]*\n/);
    const lines = block(out, /Community health/);
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const line of lines.slice(1)) expect(line, out).toMatch(/^ {2}\S/);
    expect(out).toContain("Library: 1 share, 1 endorsement, ");
    expect(out).not.toMatch(/\b1 (shares|endorsements)\b/);
    expect(lines.some((l) => /^ {2}https?:/.test(l))).toBe(false);
  });

  it("/peerloop web prints labelled links, and search results start with words, not a token URL", async () => {
    const web = block(await session.shell.run("/peerloop web", /Community health: http/), /Your link to the library/);
    expect(web.some((l) => /^ {2}Open the library: http:\/\/127\.0\.0\.1:\d+\/c\/[0-9a-f-]{36}\/login\?t=/.test(l))).toBe(true);
    expect(web.some((l) => /^ {2}Community health: http/.test(l))).toBe(true);
    expect(web.some((l) => /^ {2}http/.test(l))).toBe(false);
    const found = block(await session.shell.run("/resources checklist", /visit-checklist/), /Resources for checklist/);
    expect(found.slice(1).some((l) => /^ {2}http/.test(l))).toBe(false);
    expect(found.join("\n")).toMatch(/Browse the whole library on the web: http/);
  });
});
