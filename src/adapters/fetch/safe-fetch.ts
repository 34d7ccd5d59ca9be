import { isIP } from "node:net";
import { brotliDecompressSync, gunzipSync, inflateSync, inflateRawSync } from "node:zlib";
import type { Readable } from "node:stream";
import type { FetchFailure, FetchRequest, FetchResult, Fetcher } from "../../core/sources/fetch-types";
import { AddressPolicy } from "./address-policy";
import { decodeBody } from "./decode-body";
import { HostPacer } from "./host-pacer";
import { HttpSender } from "./http-send";

export interface SafeFetchOptions {
  policy: AddressPolicy;
  userAgent: string;
  timeoutMs?: number;
  maxBytes?: number;
  maxRedirects?: number;
  /** Least time between two requests to one host. */
  hostGapMs?: number;
}

const TEXTUAL = /^(text\/|application\/([\w.+-]*\+)?(xml|json)\b|application\/xhtml)/i;

class FetchError extends Error {
  constructor(readonly failure: FetchFailure, message: string, readonly status?: number, readonly retryAfterMs?: number) {
    super(message);
  }
}

/**
 * The one way Peerloop reaches the web. http(s) only; 5 s for the whole exchange; at most 2 MB read
 * (after decompression, so a gzip bomb stops at 2 MB); at most 3 redirects, each URL checked again;
 * private and metadata addresses refused after DNS resolution; each host paced; and a User-Agent
 * that names Peerloop. It never throws: every problem is a FetchResult with a reason.
 */
export class SafeFetcher implements Fetcher {
  private readonly http: HttpSender;
  private readonly pacer: HostPacer;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly maxRedirects: number;

  constructor(private readonly opts: SafeFetchOptions) {
    this.timeoutMs = opts.timeoutMs ?? 5_000;
    this.maxBytes = opts.maxBytes ?? 2 * 1024 * 1024;
    this.maxRedirects = opts.maxRedirects ?? 3;
    this.pacer = new HostPacer(opts.hostGapMs ?? 1_000);
    this.http = new HttpSender(opts.policy.lookup(), this.timeoutMs);
  }

  async fetch(url: string, req: FetchRequest = {}): Promise<FetchResult> {
    let current = url;
    // The 5 s start once this host's turn comes (waiting politely for it is not the site's slowness).
    let signal: AbortSignal | undefined;
    try {
      for (let hop = 0; ; hop++) {
        const target = this.check(current);
        await this.pacer.wait(target.host, signal);
        signal ??= AbortSignal.timeout(this.timeoutMs);
        const res = await this.http.send(target, req.method ?? "GET", {
          "user-agent": this.opts.userAgent,
          accept: req.accept ?? "*/*",
          "accept-encoding": "gzip, deflate, br",
          ...(req.etag ? { "if-none-match": req.etag } : {}),
          ...(req.lastModified ? { "if-modified-since": req.lastModified } : {}),
        }, signal);
        const header = (name: string) => {
          const v = res.headers[name];
          return Array.isArray(v) ? (v[0] ?? null) : (v ?? null);
        };
        if ([301, 302, 303, 307, 308].includes(res.statusCode)) {
          await drain(res.body);
          const location = header("location");
          if (!location) throw new FetchError("http", `redirect ${res.statusCode} without a Location`, res.statusCode);
          if (hop >= this.maxRedirects) throw new FetchError("too-many-redirects", `more than ${this.maxRedirects} redirects`);
          current = new URL(location, target).toString();
          continue;
        }
        const etag = header("etag"), lastModified = header("last-modified");
        const contentType = header("content-type") ?? "";
        if (res.statusCode === 304) {
          await drain(res.body);
          return { ok: true, status: 304, url: target.toString(), contentType, body: "", etag, lastModified };
        }
        if (res.statusCode < 200 || res.statusCode > 299) {
          await drain(res.body);
          throw new FetchError("http", `HTTP ${res.statusCode}`, res.statusCode, retryAfter(header("retry-after")));
        }
        const declared = Number(header("content-length") ?? NaN);
        if (req.method === "HEAD" || !TEXTUAL.test(contentType)) {
          await drain(res.body);
          return { ok: true, status: res.statusCode, url: target.toString(), contentType, body: "", etag, lastModified };
        }
        if (Number.isFinite(declared) && declared > this.maxBytes) {
          res.body.destroy();
          throw new FetchError("too-large", `the document is ${declared} bytes (at most ${this.maxBytes} are read)`);
        }
        const raw = await this.readCapped(res.body);
        const bytes = this.decompress(raw, header("content-encoding"));
        return { ok: true, status: res.statusCode, url: target.toString(), contentType, body: decodeBody(bytes, contentType), etag, lastModified };
      }
    } catch (error) {
      return { ok: false, url: current, ...describe(error, signal) };
    }
  }

  async close(): Promise<void> {
    this.http.close();
  }

  /** A URL the fetcher may request: http(s), no credentials, and no literal private address. */
  private check(url: string): URL {
    let u: URL;
    try {
      u = new URL(url);
    } catch {
      throw new FetchError("bad-url", "not a URL");
    }
    if (u.protocol !== "http:" && u.protocol !== "https:") throw new FetchError("bad-url", `only http and https links are fetched, not ${u.protocol}`);
    if (u.username || u.password) throw new FetchError("bad-url", "links with a user name or password are not fetched");
    const host = u.hostname.replace(/^\[|\]$/g, "");
    // A literal address is never looked up, so it is checked here; names are checked as they resolve.
    if (isIP(host) && !this.opts.policy.addressAllowed(host)) throw new FetchError("blocked", `refused: ${host} is a private or reserved address, or not on the allowed list`);
    if (!isIP(host) && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host) && !this.opts.policy.hostAllowed(host)) {
      throw new FetchError("blocked", `refused: ${host} is a local name`);
    }
    u.hash = "";
    return u;
  }

  private async readCapped(body: Readable): Promise<Buffer> {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of body) {
      size += chunk.length;
      if (size > this.maxBytes) {
        body.destroy();
        throw new FetchError("too-large", `more than ${this.maxBytes} bytes`);
      }
      chunks.push(chunk);
    }
    return Buffer.concat(chunks);
  }

  /** Decompresses within the same cap: a small bomb stops at maxBytes of output, not in memory exhaustion. */
  private decompress(raw: Buffer, encoding: string | null): Buffer {
    const enc = (encoding ?? "").trim().toLowerCase();
    const limit = { maxOutputLength: this.maxBytes };
    try {
      if (enc === "" || enc === "identity") return raw;
      if (enc === "gzip" || enc === "x-gzip") return gunzipSync(raw, limit);
      if (enc === "br") return brotliDecompressSync(raw, limit);
      if (enc === "deflate") {
        try {
          return inflateSync(raw, limit);
        } catch (error) {
          if (error instanceof RangeError) throw error;
          return inflateRawSync(raw, limit); // servers that send raw deflate
        }
      }
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") throw new FetchError("too-large", `more than ${this.maxBytes} bytes once decompressed`);
      throw new FetchError("network", `a damaged ${enc} body`);
    }
    throw new FetchError("network", `an unknown content encoding (${enc.slice(0, 20)})`);
  }
}

/** Reads and drops a body we do not want (a redirect's, an error page's), up to 64 kB, then cuts the connection. */
const drain = async (body: Readable): Promise<void> => {
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > 64 * 1024) break;
    }
  } catch { /* a broken body costs nothing more */ }
  if (!body.readableEnded) body.destroy();
};

/** Retry-After in seconds or as an HTTP date, in milliseconds (capped at a week). */
export const retryAfter = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value.trim()) ? Number(value.trim()) * 1000 : Date.parse(value) - Date.now();
  return Number.isFinite(seconds) && seconds >= 0 ? Math.min(seconds, 7 * 86_400_000) : undefined;
};

const describe = (error: unknown, signal: AbortSignal | undefined): { failure: FetchFailure; message: string; status?: number; retryAfterMs?: number } => {
  if (error instanceof FetchError) return { failure: error.failure, message: error.message, status: error.status, retryAfterMs: error.retryAfterMs };
  const e = error as NodeJS.ErrnoException & { cause?: NodeJS.ErrnoException };
  const code = e?.code ?? e?.cause?.code;
  if (code === "PEERLOOP_BLOCKED" || e?.cause?.code === "PEERLOOP_BLOCKED") return { failure: "blocked", message: (e.cause ?? e).message };
  if (signal?.aborted || code === "ETIMEDOUT" || e?.name === "TimeoutError" || e?.name === "AbortError") {
    return { failure: "timeout", message: "no complete answer within 5 seconds" };
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "ENODATA") return { failure: "dns", message: "the host does not resolve" };
  return { failure: "network", message: String(e?.message ?? error).slice(0, 200) };
};
