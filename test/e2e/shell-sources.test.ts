import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FakeWeb } from "../support/fake-web";
import { ShellSession } from "../support/shell-session";
import { databaseEnv } from "../support/test-database";

/** `/source`, link previews and `:jobs run sources|links` in the local shell, against a local site. */
const web = new FakeWeb();
let shell: ShellSession;
let cleanup: () => Promise<void>;
const items: string[] = [];
let pageUp = true;

beforeAll(async () => {
  await web.start();
  web.page("/", `<html><head><title>Field Notes</title><link rel="alternate" type="application/atom+xml" href="/atom.xml"></head></html>`);
  web.route("/atom.xml", (_q, res) => {
    res.writeHead(200, { "content-type": "application/atom+xml" });
    res.end(`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Field Notes</title>${items.map((t, i) =>
      `<entry><id>urn:fn:${i}</id><title>${t}</title><link href="${web.base}/notes/${i}"/><updated>2026-11-0${i + 1}T00:00:00Z</updated></entry>`).join("")}</feed>`);
  });
  for (const i of [0, 1]) web.page(`/notes/${i}`, `<title>Note ${i}</title>`);
  web.route("/guide", (_q, res) => {
    if (!pageUp) return void (res.writeHead(410), res.end());
    res.writeHead(200, { "content-type": "text/html" });
    res.end(`<html><head><meta property="og:title" content="Crisis Line Scripts"><meta property="og:site_name" content="Hotline Hub"></head></html>`);
  });
  const db = await databaseEnv();
  cleanup = db.cleanup;
  shell = new ShellSession({ ...db.env, PEERLOOP_SHELL_USER: "ana", PORT: "0", PEERLOOP_FETCH_ALLOW: "127.0.0.1", PEERLOOP_FETCH_HOST_GAP_MS: "0", PEERLOOP_SCHEDULER: "false" });
}, 60_000);
afterAll(async () => {
  await shell?.close();
  await web.stop();
  await cleanup?.();
});

describe("sources, previews and link health in the shell", () => {
  it("updates a shared card with its preview, adds a source, and runs the sources and links jobs", async () => {
    const shared = await shell.run(`/share ${web.url("/guide")} #crisis`, /› [0-9a-f]{6} \(updated\) │ Crisis Line Scripts/);
    expect(shared).toMatch(/#general › resource [0-9a-f]{6} │ guide \(127\.0\.0\.1\)/);

    expect(await shell.run(`/source add ${web.url("/")} #practice`, /Source added/)).toContain("Field Notes");
    expect(await shell.run("/source list", /Sources \(1\)/)).toContain("not read yet");
    items.push("Home visit checklist");
    expect(await shell.run(":jobs run sources", /delivered \d+/)).toContain("Field Notes: 1 new (first read: added quietly)");
    items.push("Documentation that helps");
    const second = await shell.run(":jobs run sources", /delivered \d+/);
    expect(second).toContain("Field Notes: 1 new");
    expect(second).toMatch(/#general │ Documentation that helps\n\s+New from Field Notes/);
    expect(await shell.run("/resources documentation", /Resources for documentation/)).toContain("from Field Notes");

    pageUp = false;
    expect(await shell.run(":jobs run links", /delivered \d+/)).toMatch(/checked 3 links: 2 answer, 1 failed this time/);
    const broken = await shell.run(":jobs run links", /delivered \d+/);
    expect(broken).toMatch(/link broken: Crisis Line Scripts/);
    expect(broken).toMatch(/✉ DM to ana │ ⚠ A link you shared seems to be broken\n.*failed two checks in a row: the page is gone \(HTTP 410\)/);
    expect(await shell.run("/source remove Field Notes", /Source removed/)).toContain("stays in the library");
  }, 120_000);
});
