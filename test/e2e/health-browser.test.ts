/// <reference lib="dom" />
import path from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { HealthReport } from "../../src/core/health/health-types";
import { browserMissing, launchChromium } from "../support/browser";
import { ROOT, runEntry } from "../support/run-cli";
import { ShellSession } from "../support/shell-session";
import { freePort } from "../support/start-bot";
import { databaseEnv } from "../support/test-database";

let shell: ShellSession;
let browser: Browser;
let base: string;
let env: NodeJS.ProcessEnv;
let cleanup: () => Promise<void>;
const skip = browserMissing();

const asked = async (who: string, question: string) => {
  await shell.run(`:as ${who}`, new RegExp(`You are now ${who}`));
  const out = await shell.run(`/ask ${question}`, /› (question|thread) (\w+)|:press/);
  return /› (?:question|thread) (\w+)/.exec(out)![1]!;
};

describe.skipIf(Boolean(skip))("the community-health page in a real browser (issue 26)", () => {
  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    const db = await databaseEnv();
    cleanup = db.cleanup;
    env = { ...db.env, PEERLOOP_SHELL_USER: "ana", PORT: String(port), PEERLOOP_SCHEDULER: "false", PEERLOOP_WEB_SECRET: "health-test-secret-0123456789-abcdef" };
    shell = new ShellSession(env);
    await shell.run("/follow #ethics", /follow/);
    const q1 = await asked("bo", "#ethics How do you explain mandated reporting to a family on the first visit?");
    const q2 = await asked("bo", "#ethics What do you say when a client asks to see your case notes?");
    await asked("dee", "#housing Which shelters in the county take teenage boys?");
    await shell.run(":as cy", /You are now cy/);
    await shell.run(`:reply ${q1} I give a one-page handout before we start and read it together.`, /\n/);
    await shell.run(`:reply ${q2} Our policy lets them read them with a supervisor present.`, /\n/);
    await shell.run(":as bo", /You are now bo/);
    await shell.run(`:react ${q1} ✅`, /resolved|Resolved|closed/i);
    await shell.run("/share https://example.org/mandated-reporting-handout #ethics", /resource/);
    await shell.run(":as ana", /You are now ana/);
    await shell.run(":jobs run health", /health figures: read 3 questions/);
    await shell.webReady(base);
    browser = await launchChromium();
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await shell?.close();
    await cleanup?.();
  });

  it("/peerloop health gives an admin five lines and the page's link; the page draws SVG charts with tables, and its numbers match npm run health --json", async () => {
    const out = await shell.run("/peerloop health", /login\?t=\S+/);
    expect(out).toContain("Questions: 3 asked");
    expect(out).toMatch(/Helpers: 1\b/);
    const link = /(http:\/\/\S+\/login\?t=\S+)/.exec(out)![1]!;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on("console", (m) => /Content Security Policy|Refused to/i.test(m.text()) && problems.push(m.text()));
    const response = await page.goto(link);
    expect(response!.status()).toBe(200);
    expect(new URL(page.url()).pathname).toMatch(/\/c\/[\w-]+\/health$/);
    await expect(page.locator("h1").textContent()).resolves.toBe("Community health");
    expect(await page.locator("svg.chart").count()).toBe(4);
    expect(await page.locator("svg.chart title").first().textContent()).toContain("Questions asked, answered and resolved");
    expect(await page.locator("svg.chart rect").count()).toBeGreaterThan(4);
    expect(await page.locator("table.figures").count()).toBe(4);
    const figure = (key: string) => page.locator(`dd[data-figure="${key}"]`).textContent();
    await expect(figure("questions_asked")).resolves.toBe("3");
    await expect(figure("questions_answered")).resolves.toBe("2");
    await expect(figure("questions_resolved")).resolves.toBe("1");
    await expect(figure("helpers")).resolves.toBe("1");
    await expect(figure("shares")).resolves.toBe("1");
    expect(problems).toEqual([]);
    const csv = await page.request.get(`${new URL(page.url()).pathname}.csv?days=30`.replace(/^/, base));
    expect(csv.status()).toBe(200);
    expect(csv.headers()["content-type"]).toMatch(/^text\/csv/);
    expect((await csv.text()).split("\n")[0]).toBe("week,asked,answered,resolved,median_first_reply_minutes");
    if (process.env.PEERLOOP_SCREENSHOT) await page.screenshot({ path: path.join(ROOT, "test/screenshots/health.png"), fullPage: true });
    if (process.env.DATABASE_URL) {
      const cli = await runEntry("src/cli/health-cli.ts", ["--community", "Local community", "--days", "30", "--json"], env);
      expect(cli.code, cli.err).toBe(0);
      const json = JSON.parse(cli.out) as HealthReport;
      for (const key of ["questions_asked", "questions_answered", "questions_resolved", "helpers", "shares", "endorsements", "active_members", "open_backlog"] as const) {
        await expect(figure(key), key).resolves.toBe(String(json[key]));
      }
      expect(json).toMatchObject({ questions_asked: 3, questions_answered: 2, questions_resolved: 1, helpers: 1, top3_helper_share: 1, shares: 1, open_backlog: 2 });
      expect(Object.keys(json)).toEqual(expect.arrayContaining(["answered_within_24h_share", "median_first_reply_minutes", "p90_first_reply_minutes", "surfaced_then_answered_share", "endorsements", "active_members"]));
    }
    await context.close();
  }, 120_000);

  it("the charts' axes read right in Chromium: each label sits on its gridline, bars reach the gridline of their value, counts tick in whole numbers (issue 38)", async () => {
    const out = await shell.run("/peerloop health", /login\?t=\S+/);
    const link = /(http:\/\/\S+\/login\?t=\S+)/.exec(out)![1]!;
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    await page.goto(link);
    // The intro reads as a sentence, and an admin finds the page in the site menu.
    expect(await page.locator("main p.meta").first().textContent()).toMatch(/^The 30 days to /);
    expect(await page.locator('nav.site a[aria-current="page"]').textContent()).toBe("Health");
    const charts = await page.locator("svg.chart").evaluateAll((svgs) => svgs.map((svg) => ({
      title: svg.querySelector("title")!.textContent!,
      ticks: [...svg.querySelectorAll("g.tick")].map((g) => ({ value: Number(g.getAttribute("data-value")), label: g.querySelector("text")!.textContent!,
        line: g.querySelector("line")!.getBoundingClientRect().top, text: g.querySelector("text")!.getBoundingClientRect() })),
      bars: [...svg.querySelectorAll("rect[data-value]")].map((r) => ({ value: Number(r.getAttribute("data-value")), top: r.getBoundingClientRect().top, bottom: r.getBoundingClientRect().bottom })),
    })));
    const [questions, time] = charts;
    // The questions chart: whole-number labels 0…max, each label on its own gridline.
    expect(questions!.title).toContain("Questions asked");
    const max = Math.max(...questions!.bars.map((b) => b.value));
    expect(max).toBe(3);
    expect(questions!.ticks.map((t) => t.label)).toEqual(["0", "1", "2", "3"]);
    for (const t of questions!.ticks) {
      expect(Number(t.label)).toBe(t.value);
      expect(Math.abs((t.text.top + t.text.bottom) / 2 - t.line)).toBeLessThan(4);
    }
    // Every bar's top is at its value's gridline (a bar of 2 reads 2), its bottom at 0's.
    const at = (v: number) => questions!.ticks.find((t) => t.value === v)!.line;
    for (const bar of questions!.bars.filter((b) => b.value > 0)) {
      expect(Math.abs(bar.top - at(bar.value)), `bar of ${bar.value}`).toBeLessThan(1.5);
      expect(Math.abs(bar.bottom - at(0))).toBeLessThan(1.5);
    }
    // The time chart: replies came within minutes here, so it reads in minutes, on evenly spaced nice ticks.
    expect(time!.title).toMatch(/in minutes$/);
    const values = time!.ticks.map((t) => Number(t.label));
    expect(values[0]).toBe(0);
    const steps = values.slice(1).map((v, i) => v - values[i]!);
    expect(new Set(steps.map((s) => s.toFixed(6))).size).toBe(1);
    expect([1, 2, 5].some((m) => Number((steps[0]! / 10 ** Math.floor(Math.log10(steps[0]!))).toFixed(6)) === m)).toBe(true);
    expect(Math.max(...values)).toBeGreaterThanOrEqual(Math.max(...time!.bars.map((b) => b.value)));
    await context.close();
  }, 60_000);

  it("refuses members who are not admins (403), visitors (401), and /peerloop health in chat", async () => {
    await shell.run(":as cy", /You are now cy/);
    expect(await shell.run("/peerloop health", /NOT_ADMIN/)).toContain("Only workspace or server admins");
    const out = await shell.run("/peerloop web", /login\?t=\S+/);
    expect(out).not.toContain("Community health");
    const link = /(http:\/\/\S+\/login\?t=\S+)/.exec(out)![1]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    // A member's menu has no Health entry (the page is for admins).
    expect(await page.locator("nav.site a").allTextContents()).toEqual(["Library", "Questions", "Roundups"]);
    const health = await page.goto(`${new URL(page.url()).origin}${new URL(page.url()).pathname.replace(/\/$/, "")}/health`);
    expect(health!.status()).toBe(403);
    expect(await page.locator("body").textContent()).toContain("Only the community's admins");
    const csv = await page.request.get(`${page.url()}.csv`);
    expect(csv.status()).toBe(403);
    await context.close();
    const stranger = await fetch(page.url());
    expect(stranger.status).toBe(401);
    await shell.run(":as ana", /You are now ana/);
  }, 60_000);
});
