/**
 * A browser example mounted on a shared HTTP server: its page under `prefix` and its Tether
 * server on `${prefix}/ws`. `npm start` mounts several on one port behind a landing page; each
 * example's own main mounts one at prefix "".
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TetherServer } from "@tether/server";

export interface WebApp {
  /** "" or a path like "/chat" (no trailing slash). */
  readonly prefix: string;
  /** A line for the landing page. */
  readonly title: string;
  /** A sentence or two under the title on the landing page's card. */
  readonly description?: string;
  readonly tether: TetherServer;
  /** Answers a request for one of the page's files; false when the request is not for one. */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
  /** Drains the Tether server (the HTTP server is the caller's). */
  close(): Promise<void>;
}
