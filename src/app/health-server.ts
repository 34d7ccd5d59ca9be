import http, { type IncomingMessage, type ServerResponse } from "node:http";

/** GET /healthz: 200 with JSON while the database answers, 503 when it does not. */
export const healthHandler = (healthy: () => Promise<boolean>) => async (_req: IncomingMessage, res: ServerResponse) => {
  const ok = await healthy().catch(() => false);
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok ? "up" : "down" }));
};

/** What must hold before this replica takes traffic: the database answers, every configured door is connected. */
export type Readiness = () => Promise<Record<string, boolean>>;

/** GET /readyz: 200 when every check holds, else 503, with each check's state (for a load balancer). */
export const readyHandler = (ready: Readiness) => async (_req: IncomingMessage, res: ServerResponse) => {
  const checks = await ready().catch(() => ({ database: false }));
  const ok = Object.values(checks).every(Boolean);
  res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
  res.end(JSON.stringify({ status: ok ? "ready" : "not ready", ...checks }));
};

/** A handler that serves some paths and returns false for the rest (the web pages). */
export type ExtraRoutes = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

/**
 * The health endpoints and the web pages on their own server, when no Slack HTTP server owns the
 * port (Discord only, and the shell).
 */
export const startHealthServer = (port: number, healthy: () => Promise<boolean>, ready: Readiness, web?: ExtraRoutes, host?: string): Promise<http.Server> =>
  new Promise((resolve, reject) => {
    const health = healthHandler(healthy);
    const readiness = readyHandler(ready);
    const server = http.createServer((req, res) => {
      if (req.method === "GET" && req.url?.split("?")[0] === "/readyz") return void readiness(req, res);
      if (req.method === "GET" && req.url?.split("?")[0] === "/healthz") return void health(req, res);
      void (async () => {
        if (web && (await web(req, res))) return;
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
        req.resume();
      })().catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
    });
    server.once("error", reject);
    // No host: every interface (a platform door behind its load balancer); the shell passes 127.0.0.1.
    if (host) server.listen(port, host, () => resolve(server));
    else server.listen(port, () => resolve(server));
  });
