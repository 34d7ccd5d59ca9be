import http from "node:http";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

export type Route = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** A local web site for the fetcher's tests: routes by path, every request recorded. */
export class FakeWeb {
  readonly seen: SeenRequest[] = [];
  private readonly routes = new Map<string, Route>();
  private server!: http.Server;
  base = "";

  route(path: string, handler: Route): this {
    this.routes.set(path, handler);
    return this;
  }

  /** A fixed answer. */
  page(path: string, body: string, headers: Record<string, string> = { "content-type": "text/html; charset=utf-8" }, status = 200): this {
    return this.route(path, (_req, res) => {
      res.writeHead(status, headers);
      res.end(body);
    });
  }

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const path = (req.url ?? "/").split("?")[0]!;
      this.seen.push({ method: req.method ?? "GET", path: req.url ?? "/", headers: req.headers, at: Date.now() });
      const handler = this.routes.get(path);
      if (handler) return handler(req, res);
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    });
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  url(path: string): string {
    return `${this.base}${path}`;
  }

  requests(path: string): SeenRequest[] {
    return this.seen.filter((s) => s.path.split("?")[0] === path);
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((r) => this.server.close(r));
  }
}
