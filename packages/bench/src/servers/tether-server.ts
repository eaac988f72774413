/**
 * The Tether side of the benchmarks, on defaults except for limits a load test must lift
 * (connection and message rates, in-flight requests).
 *
 * Routes: 1000 echoes its payload (raw bytes, no protobuf, like the ws baseline); 1002 subscribes
 * the caller to the topic "room". Pushes carry msgId 2000 (best effort) or 2001 (reliable).
 *
 * From the runner (stdin): `broadcast <n>` (best effort to every session), `publish <n>`
 * (reliable to "room"), `push <n>` (reliable to every session, once none is attached), `gc`.
 * Prints `listening <port>` when ready.
 */
import { createServer } from "@tether/server";
import { inBursts, serveCommands, stampedPayload } from "../lib/commands.js";

const server = createServer({
  port: 0,
  authenticator: { authenticate: (token) => ({ playerId: Number(token) }) },
  maxConnections: 1_000_000,
  connectionRatePerSec: 100_000,
  connectionBurst: 100_000,
  messageRatePerSec: 1_000_000,
  messageBurst: 1_000_000,
  maxInFlightReq: 1024,
  metricsPath: false,
});
server.routeRaw(1000, (payload) => payload, { concurrent: true });
server.routeRaw(1002, async (_payload, ctx) => {
  await ctx.gateway.subscribe(ctx.sessionId as string, ["room"]);
});

const sessions = () => server.engine.store.values();

serveCommands({
  broadcast: async ([n]) => {
    await inBursts(Number(n), (i) => void server.gateway.broadcast(2000, stampedPayload(i), { compress: false }));
    return "done";
  },
  publish: async ([n]) => {
    await inBursts(Number(n), (i) => void server.gateway.publish(["room"], 2001, stampedPayload(i)));
    return "done";
  },
  push: async ([n]) => {
    while ([...sessions()].some((s) => s.attached)) await new Promise((r) => setTimeout(r, 5));
    await inBursts(Number(n), (i) => server.engine.pushMany(sessions(), 2001, stampedPayload(i)));
    return "done";
  },
});

await server.listen();
process.stdout.write(`listening ${server.port}\n`);
