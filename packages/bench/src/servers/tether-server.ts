/**
 * The Tether side of the benchmarks, on defaults except for limits a load test must lift
 * (connection and message rates, in-flight requests). For connect-storm (10,000 clients at
 * once) it also lifts the handshake limits the raw ws server does not have:
 * maxPendingHandshakes (default 1000, past which the OLDEST waiting socket is cut) to 20,000,
 * and handshakeTimeoutMs and authTimeoutMs (defaults 10 s and 15 s) to 60 s, so a socket that
 * waits its turn behind thousands of others is not cut.
 *
 * Routes: 1000 echoes its payload (raw bytes, no protobuf, like the ws baseline); 1002 subscribes
 * the caller to the topic "room". Pushes carry msgId 2000 (best effort) or 2001 (reliable).
 *
 * From the runner (stdin): `broadcast <n> [perTurn]` (best effort to every session, perTurn
 * broadcasts per event-loop turn, default 10), `publish <n> [perTurn]` (reliable to "room"),
 * `push <n>` (reliable to every session, once none is attached), `tick <hz> <seconds> <bytes>`
 * (every session its own best-effort update of <bytes>, through gateway.send, hz times a
 * second: see commands.ts tickPayload), `sendto <rate> <seconds> <players> [first]` (reliable
 * `gateway.sendToPlayer` of 64 bytes to players 1..<players> in turn, <rate> a second in all for
 * <seconds>, wherever their sessions are; each payload a tickPayload whose tick is its index,
 * from <first>, default 0; answers `done <issued> <sessions reached> <failed> <ms first to
 * last>` once every call has settled), `gc`. Prints `listening <port>` when ready.
 *
 * `--redis <url> --namespace <ns> --node-id <id> [--durability memory|log]`: a node of a cluster
 * (scenarios cluster-resume, cluster-push and cluster-latency).
 */
import { parseArgs } from "node:util";
import { createServer } from "@tether/server";
import { inBursts, paced, perTurnArg, serveCommands, stampedPayload, ticking, tickPayload } from "../lib/commands.js";

const { values: args } = parseArgs({
  options: {
    redis: { type: "string" },
    namespace: { type: "string" },
    "node-id": { type: "string" },
    durability: { type: "string" },
  },
});
const cluster =
  args.redis === undefined
    ? undefined
    : (await import("@tether/redis")).redisCluster({
        url: args.redis,
        namespace: args.namespace ?? "tether-bench",
        nodeId: args["node-id"] ?? "bench",
        durability: args.durability === "log" ? "log" : "memory",
      });

const server = createServer({
  port: 0,
  cluster,
  authenticator: { authenticate: (token) => ({ playerId: Number(token) }) },
  maxConnections: 1_000_000,
  connectionRatePerSec: 100_000,
  connectionBurst: 100_000,
  messageRatePerSec: 1_000_000,
  messageBurst: 1_000_000,
  maxInFlightReq: 1024,
  maxPendingHandshakes: 20_000,
  handshakeTimeoutMs: 60_000,
  authTimeoutMs: 60_000,
  metricsPath: false,
});
server.routeRaw(1000, (payload) => payload, { concurrent: true });
server.routeRaw(1002, async (_payload, ctx) => {
  await ctx.gateway.subscribe(ctx.sessionId as string, ["room"]);
});

const sessions = () => server.engine.store.values();

serveCommands({
  broadcast: async ([n, perTurn]) => {
    const each = perTurnArg(perTurn);
    await inBursts(Number(n), (i) => void server.gateway.broadcast(2000, stampedPayload(i), { compress: false }), each);
    return "done";
  },
  publish: async ([n, perTurn]) => {
    const each = perTurnArg(perTurn);
    await inBursts(Number(n), (i) => void server.gateway.publish(["room"], 2001, stampedPayload(i)), each);
    return "done";
  },
  push: async ([n]) => {
    while ([...sessions()].some((s) => s.attached)) await new Promise((r) => setTimeout(r, 5));
    await inBursts(Number(n), (i) => server.engine.pushMany(sessions(), 2001, stampedPayload(i)));
    return "done";
  },
  tick: async ([hz, seconds, bytes]) => {
    // What a game holds: the session and player of each connected client, then one
    // gateway.send of that player's own state per tick.
    const targets = await server.gateway.sessionInfo(await server.gateway.sessions());
    const size = Number(bytes);
    await ticking(Number(hz), Number(seconds), (k) => {
      for (const s of targets) {
        void server.gateway.send(s.sessionId, 2000, tickPayload(size, k, s.playerId), { reliable: false });
      }
    });
    return `done ${targets.length}`;
  },
  sendto: async ([rate, seconds, players, first]) => {
    const count = Number(players);
    const base = Number(first ?? 0);
    const total = Math.round(Number(rate) * Number(seconds));
    let issued = 0;
    let reached = 0;
    let failed = 0;
    let open = 0;
    let settle: () => void = () => {};
    const settled = new Promise<void>((r) => (settle = r));
    const done = () => {
      if (--open === 0 && issued === total) settle();
    };
    const ms = await paced(Number(rate), Number(seconds), (i) => {
      const player = (i % count) + 1;
      issued++;
      open++;
      server.gateway.sendToPlayer(player, 2001, tickPayload(64, base + i, player)).then(
        (n) => {
          reached += n;
          done();
        },
        () => {
          failed++;
          done();
        },
      );
    });
    if (open > 0) await settled;
    return `done ${issued} ${reached} ${failed} ${ms.toFixed(1)}`;
  },
});

await server.listen();
process.stdout.write(`listening ${server.port}\n`);
