import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import type { Readable } from "node:stream";

export interface Sent {
  statusCode: number;
  headers: http.IncomingHttpHeaders;
  body: Readable & { destroy(): void };
}

/**
 * One HTTP exchange with Node's own client (already loaded by the bot's server: no second HTTP stack
 * in memory). Connections are checked by `lookup` as they are made; `signal` ends everything.
 */
export class HttpSender {
  private readonly agents: { http: http.Agent; https: https.Agent };

  constructor(lookup: LookupFunction, private readonly timeoutMs: number) {
    const options = { keepAlive: true, keepAliveMsecs: 1_000, maxSockets: 4, maxTotalSockets: 32, lookup, timeout: timeoutMs };
    this.agents = { http: new http.Agent(options), https: new https.Agent(options) };
  }

  send(url: URL, method: string, headers: Record<string, string>, signal: AbortSignal): Promise<Sent> {
    return new Promise((resolve, reject) => {
      const secure = url.protocol === "https:";
      const req = (secure ? https : http).request(url, {
        method, headers, signal, agent: secure ? this.agents.https : this.agents.http, timeout: this.timeoutMs,
        // A response's headers are bounded like its body.
        maxHeaderSize: 64 * 1024,
      }, (res) => resolve({ statusCode: res.statusCode ?? 0, headers: res.headers, body: res }));
      req.on("timeout", () => req.destroy(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })));
      req.on("error", reject);
      req.end();
    });
  }

  close(): void {
    this.agents.http.destroy();
    this.agents.https.destroy();
  }
}
