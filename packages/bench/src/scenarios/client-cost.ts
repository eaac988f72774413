/**
 * Client cost: the CPU a client spends, the real TetherClient (@tether/client in Node) against a
 * raw ws client doing the same work, each in a process of its own on the load generator's core
 * (clients/client-cost.ts), so the /proc CPU time of that process over a phase is the client's
 * cost: its JavaScript, its garbage collection and its socket I/O.
 *
 * (a) Requests: 50,000 echo requests of 64 bytes, 16 in flight (Tether route 1000 / the raw
 *     server's binary echo), after 5,000 not counted: client CPU per request.
 * (b) Pushes: 50,000 reliable pushes of 64 bytes, published by the server (`publish`, 10 per
 *     turn: Tether numbered pushes the TetherClient acknowledges itself; ws numbered messages
 *     acknowledged `a<seq>` like WsLink) in chunks of 1,000, each chunk sent once the client holds
 *     the previous one (so neither server queues more than a chunk), after 2 chunks not counted:
 *     client CPU per push. Reported, no target.
 *
 * Each side runs ROUNDS times, alternating ws and Tether; the median of each figure is reported.
 */
import { ClientProcess, type ServerKind, ServerProcess } from "../lib/process.js";
import { line, medians, type Row } from "../lib/report.js";

const REQUESTS = 50_000;
const WARMUP_REQUESTS = 5_000;
const IN_FLIGHT = 16;
const PUSHES = 50_000;
const CHUNK = 1000;
const WARMUP_CHUNKS = 2;
const ROUNDS = 3;

export interface ClientCostResult {
  readonly cpuUsPerRequest: number;
  readonly requestsPerSec: number;
  readonly cpuUsPerPush: number;
  readonly pushesPerSec: number;
}

async function measure(kind: ServerKind): Promise<ClientCostResult> {
  const server = await ServerProcess.start(kind);
  const client = await ClientProcess.start("client-cost.js", [kind, server.url]).catch(async (e: unknown) => {
    await server.stop();
    throw e;
  });
  try {
    await client.command(`requests ${WARMUP_REQUESTS} ${IN_FLIGHT}`);
    let cpu0 = client.cpuSeconds();
    const answer = await client.command(`requests ${REQUESTS} ${IN_FLIGHT}`);
    const requestCpu = client.cpuSeconds() - cpu0;
    const requestMs = Number(/^done ([\d.]+)$/.exec(answer)?.[1] ?? Number.NaN);

    let total = 0;
    const chunk = async () => {
      total += CHUNK;
      const held = client.command(`pushes ${total}`);
      await server.command(`publish ${CHUNK} 10`);
      await held;
    };
    for (let k = 0; k < WARMUP_CHUNKS; k++) await chunk();
    cpu0 = client.cpuSeconds();
    const t0 = performance.now();
    for (let k = 0; k < PUSHES / CHUNK; k++) await chunk();
    const pushMs = performance.now() - t0;
    const pushCpu = client.cpuSeconds() - cpu0;
    return {
      cpuUsPerRequest: (requestCpu / REQUESTS) * 1e6,
      requestsPerSec: REQUESTS / (requestMs / 1000),
      cpuUsPerPush: (pushCpu / PUSHES) * 1e6,
      pushesPerSec: PUSHES / (pushMs / 1000),
    };
  } finally {
    await client.stop();
    await server.stop();
  }
}

export async function clientCost(): Promise<Row[]> {
  const scenario = "client cost";
  const shape = { requests: REQUESTS, inFlight: IN_FLIGHT, pushes: PUSHES };
  const runs: Record<ServerKind, ClientCostResult[]> = { ws: [], tether: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const kind of ["ws", "tether"] as const) {
      const r = await measure(kind);
      runs[kind].push(r);
      line({ scenario, target: kind === "ws" ? "ws client" : "TetherClient", round, ...shape, ...r });
    }
  }
  const ws = medians(runs.ws);
  const t = medians(runs.tether);
  const reqRatio = t.cpuUsPerRequest / ws.cpuUsPerRequest;
  return [
    {
      scenario: `client cost, ${REQUESTS} requests of 64 B, ${IN_FLIGHT} in flight (median of ${ROUNDS})`,
      tether: `TetherClient ${t.cpuUsPerRequest.toFixed(1)} µs client CPU/req, ${t.requestsPerSec.toFixed(0)} req/s`,
      ws: `raw ws client ${ws.cpuUsPerRequest.toFixed(1)} µs client CPU/req, ${ws.requestsPerSec.toFixed(0)} req/s`,
      measure: "client CPU/req",
      ratio: reqRatio,
      target: "<= 1.5x",
      met: reqRatio <= 1.5,
    },
    {
      scenario: `client cost, ${PUSHES} reliable pushes of 64 B with ACKs (median of ${ROUNDS})`,
      tether: `TetherClient ${t.cpuUsPerPush.toFixed(1)} µs client CPU/push, ${t.pushesPerSec.toFixed(0)} pushes/s`,
      ws: `raw ws client ${ws.cpuUsPerPush.toFixed(1)} µs client CPU/push, ${ws.pushesPerSec.toFixed(0)} pushes/s`,
      measure: "client CPU/push",
      ratio: t.cpuUsPerPush / ws.cpuUsPerPush,
      target: "",
      met: undefined,
    },
  ];
}
