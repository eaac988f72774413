/**
 * The client of the client-cost scenario, in a process of its own so that its /proc CPU time is
 * the client's cost alone: `node client-cost.js <tether|ws> <url>`.
 *
 * - tether: the real TetherClient of @tether/client, in Node through `nodeTransport`, on its
 *   defaults (GZIP offered, no app-layer encryption, ACKs after 64 pushes or 200 ms); it logs in
 *   as player 1 and subscribes to "room" (route 1002). A request is `requestRaw(1000, payload)`.
 * - ws: what a developer writes on plain `ws` for the same: `login 1` and `sub`, a request is a
 *   binary message whose promise the next binary message resolves (the raw server answers in
 *   order), a reliable push is `seq || payload` acknowledged `a<seq>` after 64 pushes or 200 ms
 *   (load/links.ts AckPolicy, the reference client's rule). Requests and pushes never overlap in
 *   this scenario, so a binary message is an answer while a request waits, else a push.
 *
 * Prints `ready` once logged in. Commands (stdin): `requests <n> <inFlight>`: n requests of 64
 * bytes, inFlight at a time, answered `done <ms>`; `pushes <total>`: answered `done` once
 * `total` reliable pushes (msgId 2001 on Tether) have arrived since the start.
 */
import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { serveCommands } from "../lib/commands.js";
import { AckPolicy, openSocket } from "../load/links.js";

interface BenchClient {
  request(payload: Uint8Array): Promise<Uint8Array>;
}

let pushes = 0;
let pushWaiter: { readonly total: number; readonly resolve: () => void } | undefined;

function pushed(): void {
  pushes++;
  if (pushWaiter !== undefined && pushes >= pushWaiter.total) {
    pushWaiter.resolve();
    pushWaiter = undefined;
  }
}

async function tetherClient(url: string): Promise<BenchClient> {
  const client = new TetherClient({ url, token: "1", transport: nodeTransport });
  client.onPushRaw(2001, () => pushed());
  await client.connect();
  await client.requestRaw(1002); // subscribe to "room"
  return { request: (payload) => client.requestRaw(1000, payload) };
}

async function wsClient(url: string): Promise<BenchClient> {
  const ws = await openSocket(url);
  const waiting: ((data: Buffer) => void)[] = [];
  const acks = new AckPolicy((seq) => ws.send(`a${seq}`));
  ws.on("message", (data: Buffer, isBinary) => {
    if (!isBinary || waiting.length > 0) {
      waiting.shift()?.(data);
      return;
    }
    acks.received(data.readUInt32LE(0));
    pushed();
  });
  ws.on("close", () => acks.stop());
  const send = (data: Uint8Array | string) =>
    new Promise<Buffer>((resolve) => {
      waiting.push(resolve);
      ws.send(data);
    });
  await send("login 1");
  await send("sub");
  return { request: send };
}

async function requests(client: BenchClient, n: number, inFlight: number): Promise<number> {
  const payload = new Uint8Array(64).fill(7);
  let started = 0;
  const t0 = performance.now();
  const worker = async () => {
    while (started < n) {
      started++;
      await client.request(payload);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, worker));
  return performance.now() - t0;
}

const [kind, url = ""] = process.argv.slice(2);
const client = kind === "tether" ? await tetherClient(url) : await wsClient(url);
serveCommands({
  requests: async ([n, inFlight]) => `done ${(await requests(client, Number(n), Number(inFlight))).toFixed(1)}`,
  pushes: ([total]) =>
    new Promise<string>((resolve) => {
      if (pushes >= Number(total)) return resolve("done");
      pushWaiter = { total: Number(total), resolve: () => resolve("done") };
    }),
});
process.stdout.write("ready\n");
