/**
 * Serves a built page (a directory of files) under a path prefix: `${prefix}/` is index.html,
 * `${prefix}/<name>` each listed file, and `${prefix}` itself redirects (302) to `${prefix}/` so
 * that the page's relative URLs resolve under the prefix. Nothing else is served, so no path from
 * a request ever reaches the file system. A page that was not built answers 500 with how to
 * build it.
 */
import { readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";

const TYPES: Record<string, string> = {
  html: "text/html; charset=utf-8",
  js: "text/javascript; charset=utf-8",
  css: "text/css; charset=utf-8",
  svg: "image/svg+xml",
};

export type StaticFiles = (req: IncomingMessage, res: ServerResponse) => boolean;

export function staticFiles(dir: string, files: readonly string[], prefix: string): StaticFiles {
  const routes = new Map<string, string>([[`${prefix}/`, "index.html"]]);
  for (const f of files) routes.set(`${prefix}/${f}`, f);
  return (req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    const url = req.url ?? "";
    const q = url.indexOf("?");
    const path = q < 0 ? url : url.slice(0, q);
    if (prefix !== "" && path === prefix) {
      res.writeHead(302, { Location: `${prefix}/${q < 0 ? "" : url.slice(q)}` }).end();
      return true;
    }
    const file = routes.get(path);
    if (file === undefined) return false;
    try {
      const body = readFileSync(join(dir, file));
      const type = TYPES[file.split(".").pop() ?? ""] ?? "application/octet-stream";
      res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-cache" }).end(body);
    } catch {
      res.writeHead(500, { "Content-Type": "text/plain" }).end("build the examples first: npm run build\n");
    }
    return true;
  };
}
