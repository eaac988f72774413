/**
 * Fan-out: 1,000 connections; the server sends 2,000 messages of 64 bytes to every one (1,000
 * when reliable), first ONE message per event-loop turn (each broadcast written to the sockets
 * before the next is issued: no batching across messages), then TEN per turn (what a server
 * that batches a turn's writes gains from it). Best effort: Tether `broadcast`, the ws server
 * one `send` per socket. Reliable: every connection subscribed to one topic, Tether `publish`
 * (numbered, kept until acknowledged), the ws server a numbered copy per player kept until its
 * ACK; clients ACK like the reference client. Deliveries per second and the p99 lag from send
 * to receipt; one row per per-turn count, each with the same target. Each side runs three rounds,
 * alternating, and each figure is the median of its rounds.
 */
import { FrameType } from "@tether/protocol";
import type { WebSocket } from "ws";
import { readStamp } from "../lib/commands.js";
import { type ServerKind, ServerProcess } from "../lib/process.js";
import { line, medians, percentile, type Row } from "../lib/report.js";
import { openMany, TetherLink, WsLink } from "../load/links.js";

const CLIENTS = 1000;

export interface FanOutResult {
  readonly deliveriesPerSec: number;
  readonly p99LagMs: number;
  readonly delivered: number;
  readonly expected: number;
}

/** Deliveries per second move by a fifth between runs for either server: medians of this many. */
const ROUNDS = 3;

/** Messages issued per event-loop turn, one row each, in this order. */
const PER_TURN = [1, 10] as const;

/** One fan-out run; `args` reach the server's command line (cluster-push starts cluster nodes). */
export async function measureFanOut(
  kind: ServerKind,
  reliable: boolean,
  messages: number,
  perTurn: number,
  args: readonly string[] = [],
): Promise<FanOutResult & { readonly serverCpuSeconds: number }> {
  const server = await ServerProcess.start(kind, args);
  const lags: number[] = [];
  const expected = CLIENTS * messages;
  let received = 0;
  let last = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  const onMessage = (bytes: Uint8Array) => {
    last = Date.now();
    lags.push(last - readStamp(bytes).sentAt);
    if (++received === expected) finish();
  };
  const sockets: WebSocket[] = await openMany(CLIENTS, async (i) => {
    if (kind === "ws") {
      const link = await WsLink.open(
        server.url,
        i + 1,
        reliable ? { onReliable: (_seq, p) => onMessage(p) } : { onBestEffort: onMessage },
      );
      if (reliable) await link.command("sub");
      return link.ws;
    }
    const link = await TetherLink.open(server.url, i + 1, {
      onFrame: (f) => {
        if (f.type === FrameType.PUSH && f.msgId >= 2000) onMessage(f.payload);
      },
    });
    if (reliable) await link.call(1002, new Uint8Array(0));
    return link.ws;
  });
  const t0 = Date.now();
  const cpu0 = server.cpuSeconds();
  await server.command(`${reliable ? "publish" : "broadcast"} ${messages} ${perTurn}`);
  await Promise.race([finished, new Promise((r) => setTimeout(r, 120_000))]);
  const serverCpuSeconds = server.cpuSeconds() - cpu0;
  const elapsed = (last - t0) / 1000;
  for (const ws of sockets) ws.terminate();
  await server.stop();
  lags.sort((a, b) => a - b);
  return {
    deliveriesPerSec: received / elapsed,
    p99LagMs: percentile(lags, 99),
    delivered: received,
    expected,
    serverCpuSeconds,
  };
}

const describe = (r: FanOutResult) =>
  `${r.deliveriesPerSec.toFixed(0)} deliveries/s, p99 lag ${r.p99LagMs.toFixed(0)} ms${r.delivered === r.expected ? "" : `, only ${r.delivered} of ${r.expected} delivered`}`;

export async function fanOut(reliable: boolean): Promise<Row[]> {
  const name = reliable ? "topic publish, reliable with ACKs" : "broadcast, best effort";
  const messages = reliable ? 1000 : 2000;
  const floor = reliable ? 0.7 : 0.9;
  const rows: Row[] = [];
  for (const perTurn of PER_TURN) {
    const scenario = `${name}, ${perTurn} per turn`;
    const runs: Record<ServerKind, FanOutResult[]> = { ws: [], tether: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of ["ws", "tether"] as const) {
        const { serverCpuSeconds: _, ...r } = await measureFanOut(kind, reliable, messages, perTurn);
        runs[kind].push(r);
        line({ scenario, target: kind, round, clients: CLIENTS, messages, perTurn, ...r });
      }
    }
    const ws = medians(runs.ws);
    const t = { ...medians(runs.tether), delivered: Math.min(...runs.tether.map((r) => r.delivered)) };
    const ratio = t.deliveriesPerSec / ws.deliveriesPerSec;
    rows.push({
      scenario: `${name} (${CLIENTS} x ${messages}, ${perTurn === 1 ? "one" : perTurn} per turn, median of ${ROUNDS})`,
      tether: describe(t),
      ws: describe(ws),
      measure: "deliveries/s",
      ratio,
      target: `>= ${floor}x`,
      met: ratio >= floor && t.delivered === t.expected,
    });
  }
  return rows;
}
