/**
 * The setup shared by the gateway tests: a server with a test authenticator (tokens `p:<id>` and
 * `p:<id>:<device>`) and two routes, logged-in players, and what each test opened, closed by `closeAll`.
 */
import type { TetherClient } from "@tether/client";
import { WsClient } from "@tether/testkit";
import { createServer, type ServerOptions, type TetherServer } from "../../src/index.js";

export const servers: TetherServer[] = [];
export const sockets: WsClient[] = [];
export const sdkClients: TetherClient[] = [];
export const bytes = (s: string) => new TextEncoder().encode(s);
export const text = (b: Uint8Array) => new TextDecoder().decode(b);

export const authenticator = {
  authenticate(token: string) {
    const m = /^p:(\d+)(?::(.+))?$/.exec(token);
    if (!m) throw new Error("bad token");
    return m[2] ? { playerId: Number(m[1]), deviceId: m[2] } : { playerId: Number(m[1]) };
  },
};

export async function start(options: Partial<ServerOptions> = {}): Promise<TetherServer> {
  const server = createServer({ port: 0, authenticator, ...options });
  server.routeRaw(1000, (p) => p);
  server.routeRaw(1001, (_, ctx) => bytes(ctx.data.get("nick") ?? "none"));
  await server.listen();
  servers.push(server);
  return server;
}

export async function player(server: TetherServer, token: string): Promise<{ c: WsClient; sessionId: string }> {
  const c = await WsClient.open(server.url);
  sockets.push(c);
  const r = await c.login(token);
  return { c, sessionId: r.sessionId };
}

/** Closes every client, socket and server the test opened (for afterEach). */
export async function closeAll(): Promise<void> {
  for (const c of sdkClients.splice(0)) c.close();
  for (const c of sockets.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close({ drainMs: 0 })));
}
