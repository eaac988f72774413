/**
 * Request/response on cluster nodes: 100 connections x 8 requests in flight, 64-byte payloads,
 * each client on its own node (client i on node i mod n), route 1000 echoing the payload (no
 * Redis on the path: a request is served where its session lives). One node (a cluster of one)
 * against two nodes with the clients split between them; 1 s warm-up, 3 s measured, three
 * rounds alternating, the median round of each side (by requests/s) reported.
 *
 * Reported: requests per second, p50/p99 latency, server CPU per request (all nodes), the load
 * generator's CPU per request, where the machine's CPU went, the node-bound projection (the
 * requests over the busiest node's CPU seconds) and the machine ceiling (lib/cluster-nodes.ts).
 * A round that other processes shared is run again (cleanRound).
 *
 * On request: `npm run bench -- cluster-req-resp` (or the `cluster` group). Needs Redis.
 */
import { FrameType } from "@tether/protocol";
import {
  awaitQuiet,
  type CpuUse,
  CpuWindow,
  cleanRound,
  describeCpu,
  machineCeiling,
  newNamespace,
  nodeBoundRate,
  scalingTarget,
  startNodes,
  stopNodes,
} from "../lib/cluster-nodes.js";
import { line, percentile, type Row, until } from "../lib/report.js";
import { openMany, TetherLink } from "../load/links.js";
import { checkRedis } from "./cluster-resume.js";

const CLIENTS = 100;
const IN_FLIGHT = 8;
const WARMUP_MS = 1000;
const MEASURE_MS = 3000;
const ROUNDS = 3;
const TARGET = 1.6;

export interface ReqRespFigures {
  readonly requestsPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly serverCpuUsPerRequest: number;
  readonly loadCpuUsPerRequest: number;
  readonly nodeBoundPerSec: number;
  /** All cores over the CPU per request of the nodes, the load generator and Redis. */
  readonly machineCeilingPerSec: number;
  readonly machineBusy: number;
  /** The share of the machine that other processes took (lib/cluster-nodes.ts). */
  readonly otherShare: number;
}

async function round(nodeCount: number): Promise<{ figures: ReqRespFigures; cpu: CpuUse }> {
  const namespace = newNamespace();
  const nodes = await startNodes("tether", nodeCount, namespace);
  const links: TetherLink[] = [];
  try {
    const payload = new Uint8Array(64).fill(7);
    let measuring = false;
    let running = true;
    let done = 0;
    const latencies: number[] = [];
    links.push(...(await openMany(CLIENTS, (i) => TetherLink.open(nodes[i % nodes.length]?.url ?? "", i + 1))));
    await awaitQuiet();
    for (const link of links) {
      const sent = new Map<number, number>();
      const fire = () => {
        const seq = link.nextSeq();
        sent.set(seq, performance.now());
        link.sendRequest(1000, seq, payload);
      };
      link.onFrame = (f) => {
        if (f.type !== FrameType.RESP) return;
        if (measuring) {
          done++;
          latencies.push(performance.now() - (sent.get(f.seq) ?? 0));
        }
        sent.delete(f.seq);
        if (running) fire();
      };
      for (let k = 0; k < IN_FLIGHT; k++) fire();
    }
    await until(WARMUP_MS);
    const window = new CpuWindow(nodes);
    await window.start();
    measuring = true;
    await until(MEASURE_MS);
    measuring = false;
    const cpu = await window.stop();
    running = false;
    latencies.sort((a, b) => a - b);
    const figures: ReqRespFigures = {
      requestsPerSec: done / cpu.seconds,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      serverCpuUsPerRequest: (cpu.nodes.reduce((a, b) => a + b, 0) / Math.max(1, done)) * 1e6,
      loadCpuUsPerRequest: (cpu.load / Math.max(1, done)) * 1e6,
      nodeBoundPerSec: nodeBoundRate(done, cpu),
      machineCeilingPerSec: machineCeiling(done, cpu),
      machineBusy: cpu.machineBusy,
      otherShare: cpu.otherShare,
    };
    return { figures, cpu };
  } finally {
    for (const link of links) link.ws.terminate();
    await stopNodes(nodes, namespace);
  }
}

const k = (n: number) => `${(n / 1000).toFixed(1)}k`;

const describe = (r: ReqRespFigures) =>
  `${k(r.requestsPerSec)} req/s, p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, server ${r.serverCpuUsPerRequest.toFixed(1)} µs CPU/req (load generator ${r.loadCpuUsPerRequest.toFixed(1)} µs), machine ${(r.machineBusy * 100).toFixed(0)}% busy (others ${(r.otherShare * 100).toFixed(0)}%), node-bound ${k(r.nodeBoundPerSec)}/s, machine ceiling ${k(r.machineCeilingPerSec)}/s`;

/** The median round by requests per second. */
function median(runs: readonly ReqRespFigures[]): ReqRespFigures {
  const sorted = [...runs].sort((a, b) => a.requestsPerSec - b.requestsPerSec);
  return sorted[Math.floor(sorted.length / 2)] as ReqRespFigures;
}

export async function clusterReqResp(): Promise<Row[]> {
  await checkRedis();
  const runs: Record<1 | 2, ReqRespFigures[]> = { 1: [], 2: [] };
  for (let r = 1; r <= ROUNDS; r++) {
    for (const nodes of [1, 2] as const) {
      const { figures } = await cleanRound(
        () => round(nodes),
        ({ figures, cpu }, attempt) =>
          line({
            scenario: "cluster req/resp",
            nodes,
            round: r,
            attempt,
            clients: CLIENTS,
            ...figures,
            cpu: describeCpu(cpu),
          }),
      );
      runs[nodes].push(figures);
    }
  }
  const one = median(runs[1]);
  const two = median(runs[2]);
  const ratio = two.requestsPerSec / one.requestsPerSec;
  return [
    {
      scenario: `req/resp on the client's node (${CLIENTS} connections x ${IN_FLIGHT} in flight, 64 B echo, median of ${ROUNDS}): two nodes vs one`,
      tether: `two nodes: ${describe(two)}; one node: ${describe(one)}; node-bound two vs one ${(two.nodeBoundPerSec / one.nodeBoundPerSec).toFixed(2)}x`,
      ws: "(Tether only)",
      measure: "req/s two vs one node",
      ratio,
      ...scalingTarget(ratio, TARGET, true),
    },
  ];
}
