/**
 * Starts Tether servers for a test file and cleans up after each test: every server started is
 * closed, every raw client opened is destroyed. The factory decides which server (the conformance
 * server from its command line, say) and gets `--port 0` first in `argv`.
 */
import type { ServerOptions, TetherServer } from "@tether/server";
import { afterEach } from "vitest";
import { WsClient } from "./ws-client.js";

/** Builds a server (not yet listening) from command-line flags and extra server options. */
export type ServerFactory = (argv: readonly string[], options: Partial<ServerOptions>) => TetherServer;

export interface ServerKit {
  /** Starts a server from its command-line flags. */
  start(...argv: string[]): Promise<TetherServer>;
  /** Starts a server with some server options of the test's own (a logger, say). */
  startWith(options: Partial<ServerOptions>, ...argv: string[]): Promise<TetherServer>;
  /** Forgets a server the test closed itself. */
  forget(server: TetherServer): void;
  /** Opens a raw-frame client on the server, destroyed after the test. */
  client(server: TetherServer): Promise<WsClient>;
  /** A raw-frame client logged in as `p:<id>`. */
  player(server: TetherServer, id: number): Promise<WsClient>;
}

/** Call once at the top of a test file's support module: registers the cleanup with `afterEach`. */
export function serverKit(create: ServerFactory): ServerKit {
  const servers: TetherServer[] = [];
  const clients: WsClient[] = [];

  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy();
    await Promise.all(servers.splice(0).map((s) => s.close({ drainMs: 0 })));
  });

  const startWith = async (options: Partial<ServerOptions>, ...argv: string[]): Promise<TetherServer> => {
    const server = create(["--port", "0", ...argv], options);
    await server.listen();
    servers.push(server);
    return server;
  };
  const client = async (server: TetherServer): Promise<WsClient> => {
    const c = await WsClient.open(server.url);
    clients.push(c);
    return c;
  };
  return {
    start: (...argv) => startWith({}, ...argv),
    startWith,
    forget(server) {
      const i = servers.indexOf(server);
      if (i >= 0) servers.splice(i, 1);
    },
    client,
    async player(server, id) {
      const c = await client(server);
      await c.login(`p:${id}`);
      return c;
    },
  };
}

/** The conformance server's command line, as its flag parser reads it. */
export interface EchoFlagsLike {
  readonly server: Partial<ServerOptions>;
  readonly snapshots: boolean;
}

/**
 * The kit of the conformance server, from its factory and flag parser: the built package for
 * other packages' suites, its sources for its own.
 */
export function echoKit(
  createEchoServer: (options: { server: Partial<ServerOptions>; snapshots: boolean }) => TetherServer,
  parseFlags: (argv: readonly string[]) => EchoFlagsLike,
): ServerKit {
  return serverKit((argv, options) => {
    const flags = parseFlags(argv);
    return createEchoServer({ server: { ...flags.server, ...options }, snapshots: flags.snapshots });
  });
}
