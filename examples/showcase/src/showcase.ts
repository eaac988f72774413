/**
 * The browser examples on one HTTP server: each app mounted under its prefix (its page at
 * `${prefix}/`, its Tether server at `${prefix}/ws`), the landing page at `/` linking to each,
 * and 404 for everything else. An upgrade on a path no app owns is refused with 404 (each app's
 * Tether server ignores paths other than its own, so nobody else would answer it).
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import type { Duplex } from "node:stream";
import { fileURLToPath } from "node:url";
import { closeHttp, listen, staticFiles, type WebApp } from "@tether/web-host";
import { renderLanding } from "./landing-page.js";

// The built landing page lives in dist/web (from src/ in tests and dist/ at run time alike).
const webDir = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");
const PREFIX = /^\/[a-z0-9][a-z0-9-]*$/;

/** Mounts one example on the shared HTTP server (e.g. `(http) => mountChat(http, "/chat")`). */
export type Mount = (http: Server) => Promise<WebApp>;

export interface ShowcaseOptions {
  /** Listen port; 0 picks a free one. Default 8080. */
  readonly port: number;
  /** Listen address. Default "127.0.0.1". */
  readonly host: string;
  /** The examples, in the landing page's order; each needs its own prefix like "/chat". */
  readonly apps: readonly Mount[];
}

const DEFAULTS: Readonly<ShowcaseOptions> = Object.freeze({ port: 8080, host: "127.0.0.1", apps: [] });

export interface Showcase {
  readonly http: Server;
  readonly apps: readonly WebApp[];
  /** The landing page: `http://host:port/`. */
  readonly url: string;
  /** Closes every app, then the HTTP server. */
  close(): Promise<void>;
}

/** The path of a request target ("/a?b" or an absolute URL), as the Tether server reads it. */
function pathOf(target: string): string {
  if (target.startsWith("/")) {
    const q = target.indexOf("?");
    return q < 0 ? target : target.slice(0, q);
  }
  try {
    return new URL(target).pathname;
  } catch {
    return "";
  }
}

async function closeAll(apps: readonly WebApp[]): Promise<void> {
  const results = await Promise.allSettled(apps.map((a) => a.close()));
  const failed = results.find((r): r is PromiseRejectedResult => r.status === "rejected");
  if (failed) throw failed.reason;
}

function landing(apps: readonly WebApp[]): (req: IncomingMessage, res: ServerResponse) => boolean {
  const assets = staticFiles(webDir, ["style.css"], "");
  return (req, res) => {
    if (pathOf(req.url ?? "") !== "/") return assets(req, res); // its own "/" is never reached
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    let template: string;
    try {
      template = readFileSync(join(webDir, "index.html"), "utf8");
    } catch {
      res.writeHead(500, { "Content-Type": "text/plain" }).end("build the examples first: npm run build\n");
      return true;
    }
    res
      .writeHead(200, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-cache" })
      .end(renderLanding(template, apps));
    return true;
  };
}

export async function startShowcase(options: Partial<ShowcaseOptions> = {}): Promise<Showcase> {
  const { port, host, apps: mounts } = { ...DEFAULTS, ...options };
  const apps: WebApp[] = [];
  const serveLanding = landing(apps);
  const http = createServer((req, res) => {
    for (const app of apps) if (app.serve(req, res)) return;
    if (!serveLanding(req, res)) res.writeHead(404, { "Content-Type": "text/plain" }).end("not found\n");
  });
  const socketPaths = new Set<string>();
  http.on("upgrade", (req: IncomingMessage, socket: Duplex) => {
    if (socketPaths.has(pathOf(req.url ?? ""))) return; // that app's Tether server answers it
    socket.on("error", () => {});
    socket.end("HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
  });

  const close = async () => {
    try {
      await closeAll(apps);
    } finally {
      await closeHttp(http);
    }
  };
  try {
    for (const mount of mounts) {
      const app = await mount(http);
      apps.push(app);
      if (!PREFIX.test(app.prefix) || socketPaths.has(`${app.prefix}/ws`))
        throw new Error(`"${app.prefix}" is not a prefix of its own like "/chat"`);
      socketPaths.add(`${app.prefix}/ws`);
    }
    const url = await listen(http, port, host);
    return { http, apps, url, close };
  } catch (e) {
    await close().catch(() => {});
    throw e;
  }
}
