import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AddressPolicy, isPublicUnicast } from "../../src/adapters/fetch/address-policy";
import { SafeFetcher } from "../../src/adapters/fetch/safe-fetch";
import { userAgent } from "../../src/adapters/fetch/create-fetcher";
import { webReader } from "../../src/adapters/fetch/web-reader";
import { FakeWeb } from "../support/fake-web";

const web = new FakeWeb();
// The test site is on 127.0.0.1: let only that address through, as PEERLOOP_FETCH_ALLOW=127.0.0.1 does.
const fetcher = new SafeFetcher({ policy: AddressPolicy.fromList("127.0.0.1"), userAgent: userAgent("https://peerloop.example.org"), hostGapMs: 0, timeoutMs: 5_000 });
const strict = new SafeFetcher({ policy: AddressPolicy.fromList(undefined), userAgent: userAgent(), hostGapMs: 0 });

beforeAll(async () => {
  await web.start();
  web.page("/og", `<!doctype html><html><head><title>Plain title</title>
    <meta property="og:title" content="Safety planning with youth &amp; families">
    <meta property="og:description" content="A practice guide.">
    <meta property="og:site_name" content="Practice Hub"></head><body>x</body></html>`);
  web.page("/plain", "<html><head><title>\n  Trauma-informed   supervision \n</title><meta name=description content='Notes for supervisors'></head></html>");
  web.page("/broken-html", "<html><head><title>Unclosed <b>title<meta property=og:site_name content=Odd><div><div><p>");
  web.page("/latin1", Buffer.from("<html><head><title>Caf\xe9 cr\xe8me</title></head></html>", "latin1").toString("latin1"), { "content-type": "text/html; charset=iso-8859-1" });
  web.route("/latin1-bytes", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=iso-8859-1" });
    res.end(Buffer.from([...Buffer.from("<title>Caf"), 0xe9, ...Buffer.from("</title>")]));
  });
  web.route("/bad-bytes", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=no-such-charset" });
    res.end(Buffer.from([0x3c, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e, 0xff, 0xfe, 0xc3, 0x28, 0x3c, 0x2f, 0x74, 0x69, 0x74, 0x6c, 0x65, 0x3e]));
  });
  web.route("/slow-headers", () => { /* never answers */ });
  web.route("/slow-body", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const timer = setInterval(() => res.write("<p>drip</p>"), 200);
    res.on("close", () => clearInterval(timer));
  });
  web.route("/huge-declared", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-length": String(50 * 1024 * 1024) });
    res.write("<html>");
    setTimeout(() => res.destroy(), 2_000);
  });
  web.route("/huge-chunked", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html" });
    const block = "x".repeat(64 * 1024);
    let sent = 0;
    const more = () => {
      while (sent < 400 && res.write(block)) sent++;
      if (sent < 400) res.once("drain", more);
      else res.end();
    };
    more();
  });
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41));
  web.route("/gzip-bomb", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip", "content-length": String(bomb.length) });
    res.end(bomb);
  });
  web.route("/gzip-ok", (_q, res) => {
    res.writeHead(200, { "content-type": "text/html", "content-encoding": "gzip" });
    res.end(gzipSync("<title>Compressed page</title>"));
  });
  web.route("/loop", (_q, res) => (res.writeHead(302, { location: "/loop2" }), res.end()));
  web.route("/loop2", (_q, res) => (res.writeHead(302, { location: "/loop" }), res.end()));
  web.route("/hop1", (_q, res) => (res.writeHead(301, { location: "/hop2" }), res.end()));
  web.route("/hop2", (_q, res) => (res.writeHead(302, { location: "/og" }), res.end()));
  for (const [path, target] of [["/to-loopback", "http://127.0.0.2:1/x"], ["/to-localhost", "http://localhost/x"], ["/to-metadata", "http://169.254.169.254/latest/meta-data/"],
    ["/to-mapped", "http://[::ffff:127.0.0.1]/x"], ["/to-file", "file:///etc/passwd"], ["/to-private", "http://10.0.0.1/"], ["/to-v6-loopback", "http://[::1]/"]]) {
    web.route(path!, (_q, res) => (res.writeHead(302, { location: target }), res.end()));
  }
  web.route("/teapot", (_q, res) => (res.writeHead(429, { "retry-after": "120" }), res.end()));
  web.page("/pdf", "%PDF-1.4 binary", { "content-type": "application/pdf" });
});
afterAll(async () => {
  await web.stop();
  await fetcher.close();
  await strict.close();
});

describe("the safe fetcher", () => {
  it("reads OpenGraph first, then <title> and description, and names Peerloop in its User-Agent", async () => {
    const reader = webReader(fetcher);
    expect((await reader.preview(web.url("/og"))).preview).toEqual({ title: "Safety planning with youth & families", description: "A practice guide.", siteName: "Practice Hub" });
    expect((await reader.preview(web.url("/plain"))).preview).toEqual({ title: "Trauma-informed supervision", description: "Notes for supervisors", siteName: null });
    const ua = web.requests("/og")[0]!.headers["user-agent"]!;
    expect(ua).toMatch(/^Peerloop\/\d+\.\d+\.\d+ \(.*\+https:\/\/peerloop\.example\.org\)$/);
  });

  it("survives malformed HTML, unknown charsets and broken bytes", async () => {
    const reader = webReader(fetcher);
    const broken = (await reader.preview(web.url("/broken-html"))).preview!;
    expect(broken.title).toContain("Unclosed");
    expect((await reader.preview(web.url("/latin1-bytes"))).preview!.title).toBe("Café");
    const bad = (await reader.preview(web.url("/bad-bytes"))).preview!;
    expect(bad.title).toContain("\uFFFD");
  });

  it("follows up to 3 redirects and refuses a loop", async () => {
    const ok = await fetcher.fetch(web.url("/hop1"));
    expect(ok.ok && ok.url).toBe(web.url("/og"));
    const loop = await fetcher.fetch(web.url("/loop"));
    expect(loop).toMatchObject({ ok: false, failure: "too-many-redirects" });
    expect(web.requests("/loop").length + web.requests("/loop2").length).toBe(4);
  });

  it.each(["/to-loopback", "/to-localhost", "/to-metadata", "/to-mapped", "/to-private", "/to-v6-loopback"])("re-checks a redirect %s and refuses the private address", async (path) => {
    const res = await fetcher.fetch(web.url(path));
    expect(res).toMatchObject({ ok: false, failure: "blocked" });
  });

  it("refuses other schemes, credentials, and private addresses without the allow list", async () => {
    expect(await fetcher.fetch(web.url("/to-file"))).toMatchObject({ ok: false, failure: "bad-url" });
    expect(await fetcher.fetch("ftp://example.org/x")).toMatchObject({ ok: false, failure: "bad-url" });
    expect(await fetcher.fetch("http://user:pw@example.org/")).toMatchObject({ ok: false, failure: "bad-url" });
    for (const url of [web.url("/og"), "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://100.100.100.200/", "http://0.0.0.0:80/", "http://224.0.0.1/", "http://localhost/"]) {
      expect(await strict.fetch(url), url).toMatchObject({ ok: false, failure: "blocked" });
    }
  });

  it("checks names after resolution: a name for a loopback address is refused", async () => {
    const lookup = AddressPolicy.fromList(undefined).lookup() as unknown as (h: string, o: object, cb: (e: Error | null, a?: unknown) => void) => void;
    const error = await new Promise<Error | null>((resolve) => lookup("localhost", { all: true }, (e) => resolve(e)));
    expect(error?.message).toMatch(/private or reserved/);
    expect(isPublicUnicast("93.184.215.14")).toBe(true);
    expect(["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "fc00::1", "::ffff:10.0.0.1", "255.255.255.255"].filter(isPublicUnicast)).toEqual([]);
  });

  it("bounds time: a server that never answers, and one that drips, cost 5 s at most", async () => {
    for (const path of ["/slow-headers", "/slow-body"]) {
      const started = Date.now();
      const res = await fetcher.fetch(web.url(path));
      expect(res).toMatchObject({ ok: false, failure: "timeout" });
      expect(Date.now() - started).toBeLessThan(9_000);
    }
  }, 30_000);

  it("bounds size: a declared 50 MB, a streamed 25 MB and a gzip bomb stop at 2 MB", async () => {
    for (const path of ["/huge-declared", "/huge-chunked", "/gzip-bomb"]) {
      const before = process.memoryUsage().rss;
      expect(await fetcher.fetch(web.url(path)), path).toMatchObject({ ok: false, failure: "too-large" });
      expect(process.memoryUsage().rss - before).toBeLessThan(64 * 1024 * 1024);
    }
    const ok = await fetcher.fetch(web.url("/gzip-ok"));
    expect(ok.ok && ok.body).toBe("<title>Compressed page</title>");
  }, 30_000);

  it("reports a 429 with its Retry-After, and does not read binary documents", async () => {
    expect(await fetcher.fetch(web.url("/teapot"))).toMatchObject({ ok: false, failure: "http", status: 429, retryAfterMs: 120_000 });
    const pdf = await fetcher.fetch(web.url("/pdf"));
    expect(pdf).toMatchObject({ ok: true, status: 200, body: "" });
    expect(await fetcher.fetch("http://no-such-host.invalid/")).toMatchObject({ ok: false });
  });

  it("reaches nothing on the internet when public fetching is off (PEERLOOP_FETCH_PUBLIC=false)", async () => {
    const closed = new AddressPolicy(["127.0.0.1"], false);
    expect(closed.addressAllowed("127.0.0.1")).toBe(true);
    expect(closed.addressAllowed("93.184.215.14")).toBe(false);
    const onlyLocal = new SafeFetcher({ policy: closed, userAgent: userAgent(), hostGapMs: 0 });
    expect(await onlyLocal.fetch("http://93.184.215.14/")).toMatchObject({ ok: false, failure: "blocked" });
    expect(await onlyLocal.fetch(web.url("/plain"))).toMatchObject({ ok: true });
    await onlyLocal.close();
    expect(new AddressPolicy([], true).addressAllowed("93.184.215.14")).toBe(true);
  });

  it("paces requests to one host", async () => {
    const paced = new SafeFetcher({ policy: AddressPolicy.fromList("127.0.0.1"), userAgent: userAgent(), hostGapMs: 300 });
    const start = web.requests("/plain").length;
    await Promise.all([paced.fetch(web.url("/plain")), paced.fetch(web.url("/plain")), paced.fetch(web.url("/plain"))]);
    const times = web.requests("/plain").slice(start).map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(3);
    expect(times[2]! - times[0]!).toBeGreaterThanOrEqual(550);
    await paced.close();
  });
});

describe("feed documents", () => {
  it("keeps a summary's words: tags dropped, entities decoded once, scripts left out", async () => {
    const { readFeedDocument } = await import("../../src/adapters/fetch/feed-read");
    const feed = readFeedDocument(`<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><link>https://a.example/</link>
<item><title>One</title><link>https://a.example/1</link><description>&lt;p&gt;Safety &amp;amp; planning&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p&gt;for&amp;nbsp;teens&lt;/p&gt;</description></item></channel></rss>`, "https://a.example/feed");
    expect(feed.items[0]!.summary).toBe("Safety & planning for teens");
  });
});
