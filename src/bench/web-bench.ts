import { spawn } from "node:child_process";
import { rmSync, statSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { createContainer } from "../app/container";
import { startHealthServer } from "../app/health-server";
import { jsonLogger } from "../app/json-logger";
import { webRoutesFor } from "../app/web-routes";
import { loadConfig } from "../config";
import { ROOT } from "./processes";
import { ms, percentile, rssMb, table } from "./stats";

/** The pages a member opens, rotating: the library's first page, searches, sorts, a tag, a later page, a resource. */
const pagesFor = (base: string, resourceIds: string[]) => [
  ["library, newest", `${base}/`],
  ["search, best match", `${base}/?q=safety`],
  ["search, two words", `${base}/?q=trauma+housing`],
  ["most endorsed", `${base}/?sort=endorsed`],
  ["tag filter", `${base}/?tag=t3`],
  ["search + tag, page 3", `${base}/?q=guide&tag=t3&page=3`],
  ["page 10, newest", `${base}/?page=10`],
  ["resource page", ...resourceIds.slice(0, 20).map((id) => `${base}/resources/${id}`)],
] as const;

/**
 * Library pages at scale (issue 13: p95 <= 50 ms server time at 200,000 resources), timed as a
 * browser would see them on loopback, and the streamed export of the same community (<= 30 s, flat memory).
 */
export const benchWeb = async (databaseUrl: string, communityId: string, deadline: number, say: (line: string) => void, requests = 400): Promise<void> => {
  const config = loadConfig({ ...process.env, DATABASE_URL: databaseUrl, PORT: "0", PEERLOOP_WEB_SECRET: "bench-secret-0123456789-abcdefghijklmnop" });
  const container = await createContainer(config, jsonLogger("error"));
  await container.store.communities.updateSettings(communityId, { webAccess: "public" });
  const server = await startHealthServer(0, () => container.db.ping(), async () => ({}), webRoutesFor(container));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sample = await container.site.newest(communityId, 20);
  const pages = pagesFor(`${origin}/c/${communityId}`, sample.hits.map((h) => h.id));
  const times = new Map<string, number[]>();
  const all: number[] = [];
  try {
    for (const [, url] of pages) await (await fetch(url)).text(); // warm-up: first queries compile
    for (let i = 0; i < requests && Date.now() < deadline; i++) {
      const [name, ...urls] = pages[i % pages.length]!;
      const url = urls[Math.floor(i / pages.length) % urls.length]!;
      const t = performance.now();
      const res = await fetch(url);
      await res.text();
      const took = performance.now() - t;
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      all.push(took);
      times.set(name, [...(times.get(name) ?? []), took]);
    }
  } finally {
    await new Promise((r) => server.close(r));
    await container.close();
  }
  const rows = [...times.entries()].map(([name, t]) => {
    t.sort((a, b) => a - b);
    return [name, t.length, ms(percentile(t, 0.5)), ms(percentile(t, 0.95))];
  });
  all.sort((a, b) => a - b);
  rows.push(["all pages", all.length, ms(percentile(all, 0.5)), ms(percentile(all, 0.95))]);
  say("Web library at scale (request to last byte on loopback; target p95 <= 50 ms)");
  say(table(["page", "requests", "p50", "p95"], rows));
  for (const format of ["json", "csv"] as const) {
    const out = path.join(os.tmpdir(), `peerloop-bench-export.${format}`);
    const r = await timedExport(databaseUrl, communityId, format, out);
    const size = statSync(out).size;
    rmSync(out, { force: true });
    say(`Export ${format}: ${(r.seconds).toFixed(1)} s, ${(size / 1e6).toFixed(0)} MB written, peak RSS ${r.peakRss.toFixed(0)} MB, RSS sampled ${r.samples.map((s) => s.toFixed(0)).join(" → ")} MB (target <= 30 s, flat memory)`);
  }
};

/** `npm run export` as an operator runs it (compiled, its heap capped as package.json does), with its RSS sampled every 250 ms. */
const timedExport = (databaseUrl: string, communityId: string, format: string, out: string) =>
  new Promise<{ seconds: number; peakRss: number; samples: number[] }>((resolve, reject) => {
    const began = performance.now();
    const child = spawn(process.execPath, ["--max-old-space-size=128", path.join(ROOT, "dist/cli/export.js"), "--community", communityId, "--format", format, "--out", out], {
      cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "error" }, stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr!.on("data", (d) => (err += d));
    const samples: number[] = [];
    const timer = setInterval(() => void rssMb(child.pid!).then((v) => v > 0 && samples.push(v), () => undefined), 250);
    child.on("close", (code) => {
      clearInterval(timer);
      if (code !== 0) return reject(new Error(`export failed (${code}): ${err}`));
      const step = Math.max(1, Math.floor(samples.length / 8));
      resolve({ seconds: (performance.now() - began) / 1000, peakRss: Math.max(...samples), samples: samples.filter((_, i) => i % step === 0) });
    });
  });
