/**
 * The raw `ws` baseline: the same work as the Tether server with no framework in between.
 * Echo: every binary message is sent back. Fan-out: a text message "broadcast <n>" makes the
 * server send n messages (8-byte send time + 56 bytes) to every client.
 * Prints `listening <port>` when ready.
 */
import { type WebSocket, WebSocketServer } from "ws";

const wss = new WebSocketServer({ host: "127.0.0.1", port: 0, perMessageDeflate: false, maxPayload: 1 << 20 });
const clients = new Set<WebSocket>();
wss.on("connection", (ws) => {
  clients.add(ws);
  ws.on("close", () => clients.delete(ws));
  ws.on("message", (data, isBinary) => {
    if (isBinary) {
      ws.send(data as Buffer);
      return;
    }
    const m = /^broadcast (\d+)$/.exec(String(data));
    if (!m) return;
    let left = Number(m[1]);
    const burst = () => {
      for (let i = 0; i < 10 && left > 0; i++, left--) {
        const msg = Buffer.alloc(64);
        msg.writeDoubleLE(Date.now(), 0);
        for (const c of clients) c.send(msg);
      }
      if (left > 0) setImmediate(burst);
    };
    burst();
  });
});
wss.on("listening", () => {
  const a = wss.address();
  process.stdout.write(`listening ${typeof a === "object" && a !== null ? a.port : a}\n`);
});
