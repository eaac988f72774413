/**
 * Broadcast across cluster nodes (docs/cluster.md): 1,000 clients spread evenly over the nodes
 * (client i on node i mod n), node A broadcasts 64-byte best-effort messages, one per
 * event-loop turn (`gateway.broadcast`, what a game does), and every client counts what it
 * receives. Three configurations, in the same run, three rounds each, alternating; each figure
 * is the median of its rounds:
 *
 * - Tether, one node (a cluster of one: the same server and options as below);
 * - Tether, two nodes (A on the last core, B on the core below; nodes share Redis);
 * - the peer anchor: Socket.IO with the Redis Streams adapter on two nodes, pinned the same way
 *   (`io.emit` on node A reaching the clients of both; servers/socketio-server.ts), its clients
 *   `socket.io-client` over WebSocket.
 *
 * Reported: deliveries per second (from the broadcast command to the last receipt), the p99 lag
 * from send to receipt, server CPU per delivery (all nodes), the load generator's CPU per
 * delivery, where the machine's CPU went (lib/cluster-nodes.ts), the node-bound projection (the
 * deliveries over the busiest node's CPU seconds: what the nodes alone would allow with a core
 * each) and the machine ceiling (all cores over the CPU per delivery of the nodes, the load
 * generator and Redis: what this machine could give at those costs). A round that other
 * processes shared is run again (cleanRound).
 *
 * On request: `npm run bench -- cluster-broadcast` (or the `cluster` group). Needs Redis.
 */
import { FrameType } from "@tether/protocol";
import { io as connectSocketIo, type Socket } from "socket.io-client";
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
import { readStamp } from "../lib/commands.js";
import { line, medians, percentile, type Row } from "../lib/report.js";
import { openMany, TetherLink } from "../load/links.js";
import { checkRedis } from "./cluster-resume.js";

const CLIENTS = 1000;
const MESSAGES = 600;
const ROUNDS = 3;
/** A round that has not delivered everything by then ends with what it has (and the row says so). */
const ROUND_LIMIT_MS = 60_000;
/** The two-node target of the issue (deliveries/s, two nodes against one). */
const TARGET = 1.6;

export interface BroadcastFigures {
  readonly deliveriesPerSec: number;
  readonly p99LagMs: number;
  readonly delivered: number;
  readonly expected: number;
  readonly serverCpuUsPerDelivery: number;
  readonly loadCpuUsPerDelivery: number;
  readonly nodeBoundPerSec: number;
  /** All cores over the CPU per delivery of the nodes, the load generator and Redis. */
  readonly machineCeilingPerSec: number;
  readonly machineBusy: number;
  /** The share of the machine that other processes took (lib/cluster-nodes.ts). */
  readonly otherShare: number;
}

type Config = "tether-1" | "tether-2" | "socketio-2";
const SETUPS: Record<Config, { readonly kind: "tether" | "socketio"; readonly nodes: number }> = {
  "tether-1": { kind: "tether", nodes: 1 },
  "tether-2": { kind: "tether", nodes: 2 },
  "socketio-2": { kind: "socketio", nodes: 2 },
};

/** Receipts of one round: count, lag, the time of the last one. */
class Receipts {
  readonly lags: number[] = [];
  received = 0;
  last = 0;
  private finish: () => void = () => {};
  readonly done = new Promise<void>((r) => {
    this.finish = r;
  });

  constructor(readonly expected: number) {}

  got(sentAt: number): void {
    this.last = Date.now();
    this.lags.push(this.last - sentAt);
    if (++this.received === this.expected) this.finish();
  }
}

function openSocketIo(url: string, receipts: Receipts): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connectSocketIo(url, { transports: ["websocket"], forceNew: true, reconnection: false });
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
    socket.on("m", (sentAt: number) => receipts.got(sentAt));
  });
}

async function round(config: Config): Promise<{ figures: BroadcastFigures; cpu: CpuUse }> {
  const namespace = newNamespace();
  const { kind, nodes: count } = SETUPS[config];
  const nodes = await startNodes(kind, count, namespace);
  const receipts = new Receipts(CLIENTS * MESSAGES);
  const closers: (() => void)[] = [];
  try {
    await openMany(CLIENTS, async (i) => {
      const url = (nodes[i % nodes.length] ?? nodes[0])?.url ?? "";
      if (kind === "socketio") {
        const socket = await openSocketIo(url, receipts);
        closers.push(() => socket.disconnect());
        return;
      }
      const link = await TetherLink.open(url, i + 1, {
        onFrame: (f) => {
          if (f.type === FrameType.PUSH && f.msgId === 2000) receipts.got(readStamp(f.payload).sentAt);
        },
      });
      closers.push(() => link.ws.terminate());
    });
    await awaitQuiet();
    const window = new CpuWindow(nodes);
    await window.start();
    const t0 = Date.now();
    await nodes[0]?.command(`broadcast ${MESSAGES} 1`);
    let limit: NodeJS.Timeout | undefined;
    await Promise.race([receipts.done, new Promise((r) => (limit = setTimeout(r, ROUND_LIMIT_MS)))]);
    clearTimeout(limit);
    const cpu = await window.stop();
    const delivered = Math.max(1, receipts.received);
    receipts.lags.sort((a, b) => a - b);
    const serverCpu = cpu.nodes.reduce((a, b) => a + b, 0);
    const figures: BroadcastFigures = {
      deliveriesPerSec: receipts.received / ((receipts.last - t0) / 1000),
      p99LagMs: percentile(receipts.lags, 99),
      delivered: receipts.received,
      expected: receipts.expected,
      serverCpuUsPerDelivery: (serverCpu / delivered) * 1e6,
      loadCpuUsPerDelivery: (cpu.load / delivered) * 1e6,
      nodeBoundPerSec: nodeBoundRate(receipts.received, cpu),
      machineCeilingPerSec: machineCeiling(receipts.received, cpu),
      machineBusy: cpu.machineBusy,
      otherShare: cpu.otherShare,
    };
    return { figures, cpu };
  } finally {
    for (const close of closers) close();
    await stopNodes(nodes, namespace);
  }
}

const k = (n: number) => `${(n / 1000).toFixed(1)}k`;

export const describeBroadcast = (r: BroadcastFigures) =>
  `${k(r.deliveriesPerSec)} deliveries/s, p99 lag ${r.p99LagMs.toFixed(0)} ms, server ${r.serverCpuUsPerDelivery.toFixed(2)} µs CPU/delivery (load generator ${r.loadCpuUsPerDelivery.toFixed(2)} µs), machine ${(r.machineBusy * 100).toFixed(0)}% busy (others ${(r.otherShare * 100).toFixed(0)}%), node-bound ${k(r.nodeBoundPerSec)}/s, machine ceiling ${k(r.machineCeilingPerSec)}/s${r.delivered === r.expected ? "" : `, only ${r.delivered} of ${r.expected} delivered`}`;

export async function clusterBroadcast(): Promise<Row[]> {
  await checkRedis();
  const scenario = "cluster broadcast";
  const runs: Record<Config, BroadcastFigures[]> = { "tether-1": [], "tether-2": [], "socketio-2": [] };
  for (let r = 1; r <= ROUNDS; r++) {
    for (const config of ["tether-1", "tether-2", "socketio-2"] as const) {
      const { figures } = await cleanRound(
        () => round(config),
        ({ figures, cpu }, attempt) =>
          line({
            scenario,
            config,
            round: r,
            attempt,
            clients: CLIENTS,
            messages: MESSAGES,
            ...figures,
            cpu: describeCpu(cpu),
          }),
      );
      runs[config].push(figures);
    }
  }
  const median = (config: Config) => {
    const m = medians(runs[config]);
    return { ...m, delivered: Math.min(...runs[config].map((x) => x.delivered)) };
  };
  const one = median("tether-1");
  const two = median("tether-2");
  const sio = median("socketio-2");
  const complete = (r: BroadcastFigures) => r.delivered === r.expected;
  const ratio = two.deliveriesPerSec / one.deliveriesPerSec;
  const projected = two.nodeBoundPerSec / one.nodeBoundPerSec;
  const what = `${CLIENTS} clients x ${MESSAGES} best-effort broadcasts from node A, one per turn, median of ${ROUNDS}`;
  return [
    {
      scenario: `broadcast across nodes (${what}): two nodes vs one`,
      tether: `two nodes: ${describeBroadcast(two)}; one node: ${describeBroadcast(one)}; node-bound two vs one ${projected.toFixed(2)}x`,
      ws: "(Tether only)",
      measure: "deliveries/s two vs one node",
      ratio,
      ...scalingTarget(ratio, TARGET, complete(one) && complete(two)),
    },
    {
      scenario: `broadcast across two nodes (${what}): Tether vs Socket.IO + Redis Streams adapter`,
      tether: describeBroadcast(two),
      ws: `Socket.IO: ${describeBroadcast(sio)}`,
      measure: "deliveries/s vs Socket.IO",
      ratio: two.deliveriesPerSec / sio.deliveriesPerSec,
      target: "",
      met: complete(two) && complete(sio) ? undefined : false,
    },
  ];
}
