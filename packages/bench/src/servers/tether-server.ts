/**
 * The Tether side of the benchmarks: route 1000 echoes its payload (raw bytes, no protobuf, like
 * the ws baseline); route 1001 with payload "<n>" broadcasts n best-effort pushes (8-byte send
 * time + 56 bytes) to every session. Prints `listening <port>` when ready.
 */
import { createServer } from "@tether/server";

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
server.routeRaw(1001, (payload) => {
  let left = Number(new TextDecoder().decode(payload));
  const burst = () => {
    for (let i = 0; i < 10 && left > 0; i++, left--) {
      const msg = new Uint8Array(64);
      new DataView(msg.buffer).setFloat64(0, Date.now(), true);
      server.broadcast(2000, msg, { compress: false });
    }
    if (left > 0) setImmediate(burst);
  };
  setImmediate(burst);
});
await server.listen();
process.stdout.write(`listening ${server.port}\n`);
// A clean exit on SIGTERM lets `node --cpu-prof` write its profile.
process.on("SIGTERM", () => process.exit(0));
