/**
 * The server's request path without sockets: frames fed to a real TetherServer's session engine
 * (metrics hook, gateway context and all) through a Connection whose sink only counts bytes.
 * 100 sessions x 8 requests per turn, plaintext and sealed. Measures what Tether adds on top of
 * the transport, in microseconds per request; run with `--cpu-prof` to profile it alone.
 *   node packages/bench/dist/micro/request-path.js
 */
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  ClientHelloResp,
  type ConnectionCodec,
  decodeFrame,
  encodeFrame,
  FrameType,
  LoginReq,
  SystemMsgId,
} from "@tether/protocol";
import { createServer } from "@tether/server";
import type { Connection } from "@tether/system/internal";
import { machine } from "../harness.js";
import { clientHello, codecAfterHello } from "../load/links.js";

const SESSIONS = 100;
const IN_FLIGHT = 8;
const ROUNDS = Number(process.env.ROUNDS ?? 1000);

const turn = () => new Promise<void>((r) => setImmediate(r));

async function run(cipher: AeadAlgorithm | undefined): Promise<number> {
  const server = createServer({
    authenticator: { authenticate: (token) => ({ playerId: Number(token) }) },
    maxInFlightReq: 1024,
    metricsPath: false,
  });
  server.routeRaw(1000, (payload) => payload, { concurrent: true });
  const clients: { conn: Connection; codec: ConnectionCodec; seq: number }[] = [];
  let answered = 0;
  for (let i = 0; i < SESSIONS; i++) {
    const inbox: Uint8Array[] = [];
    const conn = server.engine.connect(
      { connId: `c${i}`, remoteAddress: "127.0.0.1", secure: false, headers: {}, query: "" },
      { send: (bytes) => void inbox.push(bytes), close: () => {} },
    );
    const hello = clientHello(cipher);
    conn.receive(
      encodeFrame({ type: FrameType.REQ, msgId: SystemMsgId.CLIENT_HELLO, seq: 1, payload: hello.helloBytes }),
    );
    const codec = codecAfterHello(hello, ClientHelloResp.decode(decodeFrame(inbox.shift() as Uint8Array).payload));
    const login = LoginReq.encode({ token: String(i + 1) }).finish();
    conn.receive(codec.encode({ type: FrameType.REQ, msgId: SystemMsgId.LOGIN, seq: 2, payload: login }));
    while (inbox.length === 0) await turn();
    codec.decode(inbox.shift() as Uint8Array);
    // From here on the client only counts the server's answers (they are not opened).
    (conn as unknown as { sink: { send(b: Uint8Array): void } }).sink.send = () => void answered++;
    clients.push({ conn, codec, seq: 2 });
  }
  const payload = new Uint8Array(64).fill(7);
  // Requests are encoded (and sealed) ahead, a chunk of rounds at a time, outside the timing.
  const CHUNK = 50;
  let us = 0;
  for (let start = 0; start < ROUNDS; start += CHUNK) {
    const frames = clients.map((c) =>
      Array.from({ length: CHUNK * IN_FLIGHT }, () =>
        c.codec.encode({ type: FrameType.REQ, msgId: 1000, seq: ++c.seq, payload }),
      ),
    );
    const cpu0 = process.cpuUsage();
    for (let round = 0; round < CHUNK; round++) {
      for (let i = 0; i < SESSIONS; i++) {
        const conn = (clients[i] as (typeof clients)[number]).conn;
        const mine = frames[i] as Uint8Array[];
        for (let k = 0; k < IN_FLIGHT; k++) conn.receive(mine[round * IN_FLIGHT + k] as Uint8Array);
      }
      await turn();
    }
    const cpu = process.cpuUsage(cpu0);
    us += cpu.user + cpu.system;
  }
  if (answered !== SESSIONS * ROUNDS * IN_FLIGHT) throw new Error(`answered ${answered}`);
  await server.close({ drainMs: 0 });
  return us / answered;
}

console.log(machine());
for (const [name, cipher] of [
  ["plaintext", undefined],
  ["chacha20-poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305 as AeadAlgorithm],
  ["aes-256-gcm", CipherAlgorithm.CIPHER_AES_256_GCM as AeadAlgorithm],
] as const) {
  const us = await run(cipher);
  console.log(JSON.stringify({ bench: "request path", variant: name, cpuUsPerRequest: Number(us.toFixed(2)) }));
}
