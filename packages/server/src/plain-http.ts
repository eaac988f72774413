/**
 * The server's own HTTP listener: listening with its backlog, and what it answers to requests
 * that are not WebSocket upgrades (Prometheus text at the metrics path, the health check at the
 * health path, 426 Upgrade Required to anything else).
 */
import type { Server as HttpServer, IncomingMessage, ServerResponse } from "node:http";
import type { ServerMetrics } from "./metrics.js";

export function plainHttpAnswer(
  paths: { readonly metricsPath: string | false; readonly healthPath: string | false },
  metrics: ServerMetrics,
  /** True from the moment close() starts draining: the health check answers 503. */
  draining: () => boolean,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    // One answer per connection: the socket closes after it instead of lingering as a keep-alive.
    res.shouldKeepAlive = false;
    const at = req.method === "GET" ? req.url?.split("?")[0] : undefined;
    if (paths.healthPath !== false && at === paths.healthPath) {
      const out = draining();
      res.writeHead(out ? 503 : 200, { "Content-Type": "text/plain" }).end(out ? "draining\n" : "ok\n");
      return;
    }
    if (paths.metricsPath !== false && at === paths.metricsPath) {
      metrics.text().then(
        (text) => res.writeHead(200, { "Content-Type": metrics.contentType }).end(text),
        () => res.writeHead(500).end(),
      );
      return;
    }
    res.writeHead(426, { "Content-Type": "text/plain" }).end("WebSocket upgrade required\n");
  };
}

/** Listens; rejects with the listen error (EADDRINUSE...). */
export function listenOn(
  http: HttpServer,
  at: { readonly port: number; readonly host: string; readonly backlog: number },
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    http.once("error", reject);
    http.listen({ port: at.port, host: at.host, backlog: at.backlog }, () => {
      http.off("error", reject);
      resolve();
    });
  });
}
