/// <reference lib="dom" />
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signToken } from "../../src/adapters/web/web-tokens";
import { renderEmail } from "../../src/adapters/email/email-render";
import { emailDigest } from "../../src/core/email/email-messages";
import { browserMissing, launchChromium } from "../support/browser";
import { ROOT } from "../support/run-cli";
import { ShellSession } from "../support/shell-session";
import { freePort } from "../support/start-bot";
import { databaseEnv } from "../support/test-database";

const SECRET = "browser-test-secret-0123456789-abcdef";
const HOSTILE = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> works for teens`;
let shell: ShellSession;
let browser: Browser;
let base: string;
let link: string;
let cleanup: () => Promise<void>;
const consoleProblems: string[] = [];

const skip = browserMissing();
if (skip) console.warn(`web-browser.test.ts skipped: ${skip}`);

/** WCAG contrast ratio of two computed rgb() colours. */
const contrast = (a: string, b: string) => {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number).map((v) => {
      const s = v / 255;
      return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

const newPage = async (): Promise<Page> => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && consoleProblems.push(m.text()));
  page.on("dialog", (d) => (consoleProblems.push(`dialog: ${d.message()}`), void d.dismiss()));
  return page;
};

describe.skipIf(Boolean(skip))("the library in a real browser (issue 13)", () => {
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const db = await databaseEnv();
    cleanup = db.cleanup;
    shell = new ShellSession({ ...db.env, PEERLOOP_SHELL_USER: "ana", PORT: String(port), PEERLOOP_SCHEDULER: "false", PEERLOOP_WEB_SECRET: SECRET });
    await shell.run(`/share https://example.org/hostile #youth ${HOSTILE}`, /resource/);
    await shell.run("/share https://example.org/consent-guide #ethics A plain-language guide to informed consent", /resource/);
    for (let i = 1; i <= 22; i++) await shell.run(`/share https://example.org/handout-${i} #handouts Group handout number ${i}`, /resource/);
    const out = await shell.run("/peerloop web", /login\?t=\S+/);
    link = /(http:\/\/\S+\/login\?t=\S+)/.exec(out)![1]!;
    await shell.webReady(base);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await cleanup?.();
  });

  it("a signed link signs the member in; search, tag filters, paging and a resource page work without JavaScript", async () => {
    const page = await newPage();
    const response = await page.goto(link);
    expect(response!.status()).toBe(200);
    expect(new URL(page.url()).search).toBe(""); // the sign-in token has left the address bar
    expect(response!.headers()["content-security-policy"]).toContain("default-src 'none'");
    await expect(page.locator("h1").textContent()).resolves.toBe("Library");
    await expect(page.locator("#summary").textContent()).resolves.toContain("1–20 of 24 resources");

    await page.getByRole("link", { name: "Next →" }).click();
    await expect(page.locator("#summary").textContent()).resolves.toContain("21–24 of 24");

    await page.getByLabel("Search the library").fill("consent");
    await page.getByRole("button", { name: "Search" }).click();
    await expect(page.locator("ol.results > li").count()).resolves.toBe(1);
    await expect(page.locator("ol.results h2").textContent()).resolves.toContain("consent guide");

    await page.getByLabel("Search the library").fill("");
    await page.getByLabel("#youth").check();
    await page.getByRole("button", { name: "Search" }).click();
    expect(new URL(page.url()).searchParams.getAll("tag")).toEqual(["youth"]);
    await expect(page.locator("ol.results > li").count()).resolves.toBe(1);

    await page.locator("ol.results h2 a").click();
    await expect(page.locator("h1").textContent()).resolves.toBe("hostile (example.org)");
    await expect(page.locator("main").textContent()).resolves.toContain("Shared by ana");
    await page.context().close();
  }, 120_000);

  it("shows a hostile note as text: nothing it holds runs", async () => {
    const page = await newPage();
    await page.goto(link);
    await page.goto(`${new URL(page.url()).pathname}?tag=youth`.replace(/^/, base));
    await expect(page.locator("blockquote").first().textContent()).resolves.toBe(HOSTILE);
    await expect(page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(page.locator("main img").count()).resolves.toBe(0);
    expect(consoleProblems).toEqual([]);
    await page.context().close();
  }, 60_000);

  it("refuses an expired and a forged link with a clear page, and members-only pages to a stranger", async () => {
    const page = await newPage();
    const [, communityId] = /\/c\/([^/]+)\//.exec(link)!;
    const claims = JSON.parse(Buffer.from(new URL(link).searchParams.get("t")!.split(".")[1]!, "base64url").toString());
    const expired = signToken(SECRET, { ...claims, e: Math.floor(Date.now() / 1000) - 60 });
    let res = await page.goto(`${base}/c/${communityId}/login?t=${expired}`);
    expect(res!.status()).toBe(403);
    await expect(page.locator("main").textContent()).resolves.toContain("This link has expired");

    const forged = signToken("some-other-secret-0123456789-abcdefgh", { ...claims });
    res = await page.goto(`${base}/c/${communityId}/login?t=${forged}`);
    expect(res!.status()).toBe(403);
    await expect(page.locator("main").textContent()).resolves.toContain("isn't valid");

    res = await page.goto(`${base}/c/${communityId}/`);
    expect(res!.status()).toBe(401);
    await expect(page.locator("main").textContent()).resolves.toContain("/peerloop web");
    await expect(page.locator("ol.results").count()).resolves.toBe(0);
    await page.context().close();
  }, 60_000);

  it("is usable by keyboard and screen reader: skip link first, the search within a few Tabs, landmarks, labels, contrast", async () => {
    const page = await newPage();
    await page.goto(link);
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Skip to content");
    let reached = false;
    for (let i = 0; i < 8 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.id === "q");
    }
    expect(reached).toBe(true);
    await page.keyboard.type("handout 7");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=handout/);
    await expect(page.locator("ol.results > li").count()).resolves.toBeGreaterThan(0);

    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
    for (const landmark of ["header", "nav", "main", "footer", "form[role=search]"]) await expect(page.locator(landmark).count()).resolves.toBeGreaterThan(0);
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll("input, select")].filter((e) => !(e as HTMLInputElement).labels?.length).length);
    expect(unlabelled).toBe(0);
    const colours = await page.evaluate(() => {
      const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
      const bg = getComputedStyle(document.body).backgroundColor;
      return { bg, text: style("body").color, meta: style(".meta").color, link: style("ol.results a").color };
    });
    for (const fg of [colours.text, colours.meta, colours.link]) expect(contrast(fg, colours.bg)).toBeGreaterThanOrEqual(4.5);
    // Readable on a phone: nothing wider than the screen.
    await expect(page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1)).resolves.toBe(true);
    if (process.env.PEERLOOP_SCREENSHOT) {
      mkdirSync(path.join(ROOT, "test/screenshots"), { recursive: true });
      await page.setViewportSize({ width: 1000, height: 900 });
      await page.goto(`${base}${new URL(page.url()).pathname}`);
      await page.screenshot({ path: path.join(ROOT, "test/screenshots/library.png") });
    }
    await page.context().close();
  }, 60_000);

  it("a public library shows member names as the community chooses", async () => {
    await shell.run("/peerloop settings web-access public", /public/);
    await shell.run("/peerloop settings web-names initials", /initials/);
    const page = await newPage();
    const [, communityId] = /\/c\/([^/]+)\//.exec(link)!;
    const res = await page.goto(`${base}/c/${communityId}/?tag=ethics`);
    expect(res!.status()).toBe(200);
    await expect(page.locator("ol.results .meta").first().textContent()).resolves.toContain("Shared by A. on");
    const feed = await page.request.get(`${base}/c/${communityId}/feeds/resources.atom`);
    expect(feed.headers()["content-type"]).toContain("application/atom+xml");
    expect(await feed.text()).toContain("<name>A.</name>");
    await page.context().close();
  }, 60_000);

  it("an email digest renders in a real browser: member text as text, nothing fetched from anywhere", async () => {
    const items = [
      { id: "1", communityId: "c", memberId: "m", kind: "resource" as const, refId: "r1", summary: "Maria shared Safety planning with teens https://example.org/safety-plan", createdAt: new Date() },
      { id: "2", communityId: "c", memberId: "m", kind: "thread" as const, refId: "r2", summary: "Ben asked: How do you explain mandated reporting to a new client? <script>alert(1)</script>", createdAt: new Date() },
      { id: "3", communityId: "c", memberId: "m", kind: "resource" as const, refId: "r3", summary: "Cy shared Motivational interviewing primer https://example.org/mi", createdAt: new Date() },
    ];
    const mail = renderEmail(emailDigest("Riverside Social Work Network", items, "weekly", "https://peerloop.example.org/c/abc/"), {
      communityName: "Riverside Social Work Network", unsubscribeUrl: "https://peerloop.example.org/email/unsubscribe?t=v1.sample",
    });
    const page = await newPage();
    const requests: string[] = [];
    page.on("request", (r) => void (r.url().startsWith("data:") || r.url() === "about:blank" || requests.push(r.url())));
    await page.setViewportSize({ width: 640, height: 560 });
    await page.setContent(mail.html);
    await expect(page.locator("body").textContent()).resolves.toContain("<script>alert(1)</script>");
    await expect(page.locator("a", { hasText: "Unsubscribe" }).getAttribute("href")).resolves.toBe("https://peerloop.example.org/email/unsubscribe?t=v1.sample");
    expect(requests).toEqual([]);
    if (process.env.PEERLOOP_SCREENSHOT) await page.screenshot({ path: path.join(ROOT, "test/screenshots/email-digest.png"), fullPage: true });
    await page.context().close();
  }, 60_000);
});
