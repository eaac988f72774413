/**
 * The raw `ws` baseline: the work of each scenario with no framework in between, written the
 * way a developer would on plain `ws` (one `send` per message).
 *
 * From clients:
 * - a binary message is a request: echoed back (opened and sealed again with `--cipher <name>`);
 * - `login <player>` binds the socket to a player (the "authenticated" state: a record per
 *   player with its reliable stream), answered `ok`;
 * - `resume <player> <lastSeq>` rebinds a player and replays its unacknowledged messages;
 * - `sub` joins the one topic; `a<seq>` acknowledges reliable messages up to seq.
 * Reliable messages are `seq (u32 LE) || payload`, kept until acknowledged.
 *
 * From the runner (stdin): `broadcast <n> [perTurn]` (best effort to every socket, perTurn
 * broadcasts per event-loop turn, default 10), `publish <n> [perTurn]` (reliable to the topic),
 * `push <n>` (reliable to every player, once none is connected), `tick <hz> <seconds> <bytes>`
 * (every connected player its own best-effort update of <bytes>, one `send` each, hz times a
 * second: see commands.ts tickPayload), `gc`.
 */
import { WebSocket, WebSocketServer } from "ws";
import { type BaselineCipher, CounterAead } from "../lib/aead.js";
import { inBursts, perTurnArg, serveCommands, stampedPayload, ticking, tickPayload } from "../lib/commands.js";

interface Player {
  socket: WebSocket | undefined;
  nextSeq: number;
  unacked: Buffer[];
  unackedFirstSeq: number;
}

const cipherArg = process.argv.indexOf("--cipher");
const cipher = cipherArg > 0 ? (process.argv[cipherArg + 1] as BaselineCipher) : undefined;

const players = new Map<number, Player>();
const playerOf = new Map<WebSocket, Player>();
const topic = new Set<Player>();
// The listen queue of Tether's default (options.ts `backlog`), so a connect storm meets the same kernel queue.
const wss = new WebSocketServer({
  host: "127.0.0.1",
  port: 0,
  backlog: 4096,
  perMessageDeflate: false,
  maxPayload: 1 << 20,
});

function sendReliable(p: Player, payload: Uint8Array): void {
  const msg = Buffer.allocUnsafe(4 + payload.length);
  msg.writeUInt32LE(p.nextSeq++, 0);
  msg.set(payload, 4);
  p.unacked.push(msg);
  if (p.socket?.readyState === WebSocket.OPEN) p.socket.send(msg);
}

function ack(p: Player, seq: number): void {
  const drop = Math.min(p.unacked.length, seq - p.unackedFirstSeq + 1);
  if (drop <= 0) return;
  p.unacked.splice(0, drop);
  p.unackedFirstSeq += drop;
}

wss.on("connection", (ws) => {
  const aead = cipher ? new CounterAead(cipher, "server") : undefined;
  ws.on("close", () => {
    const p = playerOf.get(ws);
    playerOf.delete(ws);
    if (p?.socket === ws) p.socket = undefined;
  });
  ws.on("message", (data: Buffer, isBinary) => {
    if (isBinary) {
      ws.send(aead ? aead.seal(aead.open(data)) : data);
      return;
    }
    const text = data.toString();
    if (text.charCodeAt(0) === 97 /* a */) {
      const p = playerOf.get(ws);
      if (p) ack(p, Number(text.slice(1)));
      return;
    }
    const [cmd, a = "0", b = "0"] = text.split(" ");
    if (cmd === "login" || cmd === "resume") {
      const id = Number(a);
      let p = players.get(id);
      if (p === undefined || cmd === "login") {
        p = { socket: undefined, nextSeq: 1, unacked: [], unackedFirstSeq: 1 };
        players.set(id, p);
      }
      p.socket = ws;
      playerOf.set(ws, p);
      ws.send("ok");
      if (cmd === "resume") {
        ack(p, Number(b));
        for (const m of p.unacked) ws.send(m);
      }
    } else if (cmd === "sub") {
      const p = playerOf.get(ws);
      if (p) topic.add(p);
      ws.send("ok");
    }
  });
});

serveCommands({
  broadcast: async ([n, perTurn]) => {
    const each = perTurnArg(perTurn);
    await inBursts(
      Number(n),
      (i) => {
        const msg = stampedPayload(i);
        for (const c of wss.clients) c.send(msg);
      },
      each,
    );
    return "done";
  },
  publish: async ([n, perTurn]) => {
    const each = perTurnArg(perTurn);
    await inBursts(
      Number(n),
      (i) => {
        const msg = stampedPayload(i);
        for (const p of topic) sendReliable(p, msg);
      },
      each,
    );
    return "done";
  },
  push: async ([n]) => {
    while ([...players.values()].some((p) => p.socket !== undefined)) await new Promise((r) => setTimeout(r, 5));
    await inBursts(Number(n), (i) => {
      const msg = stampedPayload(i);
      for (const p of players.values()) sendReliable(p, msg);
    });
    return "done";
  },
  tick: async ([hz, seconds, bytes]) => {
    const size = Number(bytes);
    let targets = 0;
    await ticking(Number(hz), Number(seconds), (k) => {
      targets = 0;
      for (const [id, p] of players) {
        if (p.socket?.readyState !== WebSocket.OPEN) continue;
        p.socket.send(tickPayload(size, k, id));
        targets++;
      }
    });
    return `done ${targets}`;
  },
});

wss.on("listening", () => {
  const a = wss.address();
  process.stdout.write(`listening ${typeof a === "object" && a !== null ? a.port : a}\n`);
});
