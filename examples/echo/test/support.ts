/** Starts the conformance server in-process from its real command-line flags, and cleans up. */
import { tether } from "@tether/protocol/gen/echo";
import type { ServerOptions, TetherServer } from "@tether/server";
import { afterEach } from "vitest";
import { WsClient } from "../../../packages/server/test/ws-client.js";
import { createEchoServer } from "../src/echo-server.js";
import { parseFlags } from "../src/flags.js";

export const echo = tether.echo;
const servers: TetherServer[] = [];
const clients: WsClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close({ drainMs: 0 })));
});

export async function startEcho(...argv: string[]): Promise<TetherServer> {
  const flags = parseFlags(["--port", "0", ...argv]);
  const server = createEchoServer({ server: flags.server, snapshots: flags.snapshots });
  await server.listen();
  servers.push(server);
  return server;
}

/** Starts the conformance server with some server options of the test's own (a logger, say). */
export async function startEchoWith(options: Partial<ServerOptions>, ...argv: string[]): Promise<TetherServer> {
  const flags = parseFlags(["--port", "0", ...argv]);
  const server = createEchoServer({ server: { ...flags.server, ...options }, snapshots: flags.snapshots });
  await server.listen();
  servers.push(server);
  return server;
}

/** Forgets a server the test closed itself. */
export function forget(server: TetherServer): void {
  const i = servers.indexOf(server);
  if (i >= 0) servers.splice(i, 1);
}

export async function client(server: TetherServer): Promise<WsClient> {
  const c = await WsClient.open(server.url);
  clients.push(c);
  return c;
}

export async function player(server: TetherServer, id: number): Promise<WsClient> {
  const c = await client(server);
  await c.login(`p:${id}`);
  return c;
}

export const enc = (s: string) => new TextEncoder().encode(s);
export { errorOf, isError } from "../../../packages/protocol/test/support/frame-client.js";
export { WsClient };
