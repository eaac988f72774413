/**
 * An HTTP server for browser examples: listening (rejecting with the listen error, such as
 * EADDRINUSE), closing with every connection, and one example alone on a server of its own (its
 * page at "/", 404 for anything else), as each example's own main runs it.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebApp } from "./web-app.js";

/** Listens on `host:port` (0 = any free port); resolves with the server's URL ("http://host:port/"). */
export function listen(http: Server, port: number, host: string): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    http.once("error", reject);
    http.listen(port, host, () => {
      http.off("error", reject);
      const a = http.address() as AddressInfo;
      const at = a.family === "IPv6" ? `[${a.address}]` : a.address;
      resolve(`http://${at}:${a.port}/`);
    });
  });
}

/** Closes the server and every connection it has (keep-alive ones included). */
export async function closeHttp(http: Server): Promise<void> {
  http.closeAllConnections();
  if (http.listening) await new Promise<void>((r) => http.close(() => r()));
}

export interface HostedApp<A extends WebApp> {
  readonly http: Server;
  readonly app: A;
  /** The page's URL. */
  readonly url: string;
  /** Closes the app, then the HTTP server. */
  close(): Promise<void>;
}

/** One app alone on an HTTP server of its own, mounted at prefix "". */
export async function hostApp<A extends WebApp>(
  port: number,
  host: string,
  mount: (http: Server) => Promise<A>,
): Promise<HostedApp<A>> {
  let app: A | undefined;
  const http = createServer((req, res) => {
    if (app?.serve(req, res) !== true) res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
  });
  app = await mount(http);
  const mounted = app;
  const close = async () => {
    try {
      await mounted.close();
    } finally {
      await closeHttp(http);
    }
  };
  try {
    const url = await listen(http, port, host);
    return { http, app: mounted, url, close };
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
}
