import http from "node:http";

/** GET /healthz when no Slack HTTP server owns the port (Discord only): 200 when the database answers. */
export const startHealthServer = (port: number, healthy: () => Promise<boolean>): Promise<http.Server> =>
  new Promise((resolve, reject) => {
    const server = http.createServer(async (req, res) => {
      if (req.method !== "GET" || req.url?.split("?")[0] !== "/healthz") {
        res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ error: "not found" }));
        return;
      }
      const ok = await healthy().catch(() => false);
      res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
      res.end(JSON.stringify({ status: ok ? "ok" : "unavailable", database: ok ? "up" : "down" }));
    });
    server.once("error", reject);
    server.listen(port, () => resolve(server));
  });
