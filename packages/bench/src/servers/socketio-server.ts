/**
 * The peer anchor of the cluster scenarios: a Socket.IO server (`socket.io`, on its defaults)
 * with the Redis Streams adapter (`@socket.io/redis-streams-adapter`, the adapter Socket.IO
 * documents for a cluster that loses nothing across a Redis blip), one process per node. Clients
 * connect with `socket.io-client` over WebSocket only.
 *
 * From the runner (stdin): `broadcast <n> [perTurn]`: `io.emit("m", sentAt, index, filler)` to
 * every client of every node, perTurn emits per event-loop turn (sentAt is `Date.now()`, as in
 * Tether's stamped payload; the packet is about 70 bytes of JSON text, next to Tether's 64-byte
 * payload); `gc`. Prints `listening <port>` when ready.
 *
 * `--redis <url> --namespace <ns>`: the stream and the pub/sub channels are named after `ns`, so
 * a run's keys go with its namespace.
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { parseArgs } from "node:util";
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import { Server } from "socket.io";
import { inBursts, perTurnArg, serveCommands } from "../lib/commands.js";

const { values: args } = parseArgs({
  options: { redis: { type: "string" }, namespace: { type: "string" } },
});
const namespace = args.namespace ?? "socketio-bench";
const redis = new Redis(args.redis ?? "redis://127.0.0.1:6379");
const http = createServer();
const io = new Server(http, {
  serveClient: false,
  // The payload is plain JSON: the adapter's documented fast path skips its binary checks.
  adapter: createAdapter(redis, {
    streamName: `${namespace}:socket.io`,
    channelPrefix: `${namespace}:socket.io`,
    onlyPlaintext: true,
  }),
});

/** Filler that brings the emitted packet to about 70 bytes, close to Tether's 64-byte payload. */
const FILLER = "x".repeat(40);

serveCommands({
  broadcast: async ([n, perTurn]) => {
    const each = perTurnArg(perTurn);
    await inBursts(Number(n), (i) => io.emit("m", Date.now(), i, FILLER), each);
    return "done";
  },
});

await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
await redis.ping();
process.stdout.write(`listening ${(http.address() as AddressInfo).port}\n`);
