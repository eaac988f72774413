/**
 * The arena's server: a Tether server attached to an HTTP server at `${prefix}/ws`, the page
 * under `${prefix}/`, and the authoritative world ticking 20 times a second. Positions go out
 * as a best-effort broadcast each tick; every reliable event is published to the "arena" topic
 * with the world revision as its `rev`; a Sync snapshot is the world at its revision.
 */
import { randomUUID } from "node:crypto";
import type { Server } from "node:http";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ErrorCode, TetherError } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/arena";
import { createServer, type ServerOptions, type TetherServer } from "@tether/server";
import { type HostedApp, hostApp, nicknameId, nicknameOf, staticFiles, type WebApp } from "@tether/web-host";
import { Msg } from "./arena-messages.js";
import { TICKS_PER_SECOND } from "./rules.js";
import type { ServerBots } from "./server-bots.js";
import type { World } from "./world.js";
import { localWorld, type Publisher, type WorldAccess, type WorldSetup } from "./world-access.js";

const arena = tether.arena;
const TOPIC = "arena";

// The built page lives in dist/web (from src/ in tests and dist/ at run time alike).
const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "dist", "web");

export interface ArenaOptions {
  /** Server bots playing from the start, 0..20. Default 3. */
  readonly bots?: number;
  /** The seed of the world's randomness (coins, spawn spots). Default 42. */
  readonly seed?: number;
  /** Milliseconds between ticks. Default 50 (20 ticks/s). */
  readonly tickMs?: number;
  /** This node's id in a cluster, shown by the page. Default "" (one node). */
  readonly nodeId?: string;
  /** The cluster demo's "kill this node": without it (the default) the page offers no such button. */
  readonly kill?: () => void;
  /**
   * Cluster mode: the world lives in Redis at `url`, keys under `namespace`, run by one node at
   * a time (world-host.ts). Give the Tether server its `cluster` option too. Default: the world
   * runs in this process.
   */
  readonly redis?: { readonly url: string; readonly namespace: string };
}

/** The world in Redis, loaded only in cluster mode (the embedded default never loads Redis code). */
async function hostedWorld(
  setup: WorldSetup,
  publisher: Publisher,
  redis: { readonly url: string; readonly namespace: string },
  nodeId: string,
): Promise<WorldAccess> {
  const { HostedWorld } = await import("./world-host.js");
  const hosted = new HostedWorld({ ...setup, ...redis, nodeId: nodeId || randomUUID() }, publisher);
  await hosted.start();
  return hosted;
}

export interface ArenaApp extends WebApp {
  /** The world as this node runs it (in cluster mode: only while it holds the world's lease). */
  readonly world: World;
  readonly bots: ServerBots;
}

export async function mountArena(
  http: Server,
  prefix: string,
  options: Partial<ServerOptions> = {},
  arenaOptions: ArenaOptions = {},
): Promise<ArenaApp> {
  const { seed = 42, tickMs = 1000 / TICKS_PER_SECOND, nodeId = "", kill, redis } = arenaOptions;
  let server: TetherServer | undefined;
  const publisher: Publisher = {
    // In order: each publish is numbered when it is called.
    event: async (rev, event) => {
      await server?.gateway.publish([TOPIC], Msg.EVENT, arena.WorldEvent.encode(event).finish(), { rev });
    },
    positions: (tick, positions) => {
      const push = arena.StatePush.encode({ tick, positions }).finish();
      server?.gateway.broadcast(Msg.POSITIONS, push, { compress: false }).catch(() => {});
    },
  };
  const setup = { seed, tickMs, bots: arenaOptions.bots ?? 3 };
  const world = redis ? await hostedWorld(setup, publisher, redis, nodeId) : localWorld(setup, publisher);
  const nameOf = (data: ReadonlyMap<string, string>) => data.get("name") ?? "?";

  server = createServer({
    server: http,
    path: `${prefix}/ws`,
    ...options,
    authenticator: {
      // The token is the nickname: a demo, not an identity system.
      authenticate(token) {
        const name = nicknameOf(token);
        return { playerId: nicknameId(name), data: { name } };
      },
    },
    snapshotProvider: {
      async snapshot() {
        const s = await world.snapshot();
        return { serverStateRevision: s.revision, snapshot: s.bytes };
      },
    },
    hooks: {
      ...options.hooks, // the caller's own hooks run too (after the arena's, for these two)
      onSessionStart: (s) => {
        void server?.gateway.subscribe(s.sessionId, [TOPIC]).catch(() => {});
        world.join(s.playerId, nameOf(s.data));
        options.hooks?.onSessionStart?.(s);
      },
      onSessionEnd: (s, reason) => {
        // Taken over or replaced: the player goes on in its new session.
        if (reason !== "taken-over" && reason !== "replaced") world.leave(s.playerId);
        options.hooks?.onSessionEnd?.(s, reason);
      },
    },
  });
  const tetherServer = server;

  tetherServer.notify(Msg.INPUT, arena.InputReq, (req, ctx) =>
    world.input(ctx.playerId as number, nameOf(ctx.data), req.dx, req.dy),
  );
  tetherServer.route(Msg.ZAP, arena.ZapReq, arena.ZapResp, async (_req, ctx) => {
    const r = await world.zap(ctx.playerId as number);
    if (!r) throw new TetherError(ErrorCode.BAD_REQUEST, "not in the arena");
    return r;
  });
  tetherServer.route(Msg.PING, arena.PingReq, arena.PingResp, () => ({ serverTimeMs: Date.now() }));
  tetherServer.route(Msg.HERE, arena.HereReq, arena.HereResp, (_req, ctx) => ({
    nodeId,
    canKill: kill !== undefined,
    playerId: ctx.playerId as number,
  }));
  // One-way, so that it is never retried on the node the client resumes on.
  if (kill !== undefined) tetherServer.notify(Msg.KILL, arena.Empty, () => kill());

  const serve = staticFiles(WEB_DIR, ["app.js", "style.css"], prefix);
  await tetherServer.listen();
  return {
    prefix,
    title: "Arena: a real-time game with a network lab",
    description:
      "Move, grab coins and zap the others in a canvas arena the server runs at 20 ticks a second. " +
      "The network lab shows your session, RTT and pushIds, and cuts your connection to show what the resume replays.",
    tether: tetherServer,
    world: world.runner.world,
    bots: world.runner.bots,
    serve,
    async close() {
      // The world first: nothing it reports may meet a Tether server that no longer publishes
      // (in cluster mode another node takes the world on while this one drains).
      await world.close();
      await tetherServer.close({ drainMs: 200, handoffMs: 1000 });
    },
  };
}

export type ArenaServer = HostedApp<ArenaApp>;

/** The arena on an HTTP server of its own (`npm run arena`, tests). */
export function startArena(
  port = 8082,
  host = "127.0.0.1",
  options: Partial<ServerOptions> = {},
  arenaOptions: ArenaOptions = {},
): Promise<ArenaServer> {
  return hostApp(port, host, (http) => mountArena(http, "", options, arenaOptions));
}
