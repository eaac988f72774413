/**
 * Game tick: 1,000 authenticated clients; the server sends each one its OWN 100-byte best-effort
 * state update 20 times a second for 10 s: 1,000 distinct payloads per tick, not a broadcast
 * (the `tick <hz> <seconds> <bytes>` command of both servers: Tether one `gateway.send(sessionId,
 * 2000, payload, { reliable: false })` per session, the way a game reaches a player; ws one
 * `send` per socket). Each payload carries its send time (sub-millisecond wall clock), its tick
 * and its player, so a client checks that it got its own update.
 *
 * A 2 s warm-up at the same rate runs first and is not counted. Measured over the 10 s: the
 * server's CPU time, the p50 and p99 lag (receipt minus send time), and updates lost or
 * delivered to the wrong client. The lag's tail comes from a few ticks that a garbage
 * collection pause (of the server or of the load generator) delays as a whole, so one run's
 * p99 moves by several milliseconds from run to run for either server: each side runs ROUNDS
 * times, alternating ws and Tether, and each figure is the median of its rounds.
 */
import { FrameType } from "@tether/protocol";
import { preciseNow, readTickPayload } from "../lib/commands.js";
import { type ServerKind, ServerProcess } from "../lib/process.js";
import { line, medians, percentile, type Row, until } from "../lib/report.js";
import { openMany, TetherLink, WsLink } from "../load/links.js";

const CLIENTS = 1000;
const HZ = 20;
const SECONDS = 10;
const WARMUP_SECONDS = 2;
const BYTES = 100;
const LAG_ALLOWANCE_MS = 5;
const ROUNDS = 3;

export interface GameTickResult {
  readonly cpuSeconds: number;
  readonly p50LagMs: number;
  readonly p99LagMs: number;
  readonly maxLagMs: number;
  readonly delivered: number;
  readonly expected: number;
  readonly misrouted: number;
}

async function measure(kind: ServerKind): Promise<GameTickResult> {
  const server = await ServerProcess.start(kind);
  let counting = false;
  let delivered = 0;
  let misrouted = 0;
  const lags: number[] = [];
  const onUpdate = (player: number, bytes: Uint8Array) => {
    const now = preciseNow();
    if (!counting) return;
    const u = readTickPayload(bytes);
    if (u.player !== player || bytes.length !== BYTES) misrouted++;
    delivered++;
    lags.push(now - u.sentAt);
  };
  const links = await openMany<TetherLink | WsLink>(
    CLIENTS,
    (i) =>
      kind === "ws"
        ? WsLink.open(server.url, i + 1, { onBestEffort: (p) => onUpdate(i + 1, p) })
        : TetherLink.open(server.url, i + 1, {
            onFrame: (f) => {
              if (f.type === FrameType.PUSH && f.msgId === 2000) onUpdate(i + 1, f.payload);
            },
          }),
    200,
  );
  try {
    await server.command(`tick ${HZ} ${WARMUP_SECONDS} ${BYTES}`);
    await until(200);
    counting = true;
    const cpu0 = server.cpuSeconds();
    const answer = await server.command(`tick ${HZ} ${SECONDS} ${BYTES}`);
    const cpuSeconds = server.cpuSeconds() - cpu0;
    await until(300); // the last tick's updates arrive
    counting = false;
    if (answer !== `done ${CLIENTS}`) throw new Error(`${kind} server ticked: ${answer}`);
    lags.sort((a, b) => a - b);
    return {
      cpuSeconds,
      p50LagMs: percentile(lags, 50),
      p99LagMs: percentile(lags, 99),
      maxLagMs: lags[lags.length - 1] ?? 0,
      delivered,
      expected: CLIENTS * HZ * SECONDS,
      misrouted,
    };
  } finally {
    for (const l of links) l.ws.terminate();
    await server.stop();
  }
}

const describe = (r: GameTickResult) =>
  `${r.cpuSeconds.toFixed(2)} s server CPU, lag p50 ${r.p50LagMs.toFixed(2)} ms, p99 ${r.p99LagMs.toFixed(2)} ms, max ${r.maxLagMs.toFixed(1)} ms${r.delivered === r.expected ? "" : `; ${r.delivered} of ${r.expected} delivered`}${r.misrouted === 0 ? "" : `; ${r.misrouted} to the wrong client`}`;

export async function gameTick(): Promise<Row[]> {
  const scenario = "game tick";
  const shape = { clients: CLIENTS, hz: HZ, seconds: SECONDS, bytes: BYTES };
  const runs: Record<ServerKind, GameTickResult[]> = { ws: [], tether: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const kind of ["ws", "tether"] as const) {
      const r = await measure(kind);
      runs[kind].push(r);
      line({ scenario, target: kind, round, ...shape, ...r });
    }
  }
  // Deliveries must be complete in every round, not in the median one.
  const worst = (rs: GameTickResult[]) => ({
    delivered: Math.min(...rs.map((r) => r.delivered - r.expected)) + (rs[0]?.expected ?? 0),
    misrouted: Math.max(...rs.map((r) => r.misrouted)),
  });
  const ws = { ...medians(runs.ws), ...worst(runs.ws) };
  const t = { ...medians(runs.tether), ...worst(runs.tether) };
  const correct = t.delivered === t.expected && t.misrouted === 0;
  const cpu = t.cpuSeconds / ws.cpuSeconds;
  const name = `game tick, ${CLIENTS} clients x own ${BYTES}-byte update at ${HZ} Hz for ${SECONDS} s (median of ${ROUNDS})`;
  return [
    {
      scenario: `${name}: server CPU`,
      tether: describe(t),
      ws: describe(ws),
      measure: "CPU",
      ratio: cpu,
      target: "<= 1.2x",
      met: correct && cpu <= 1.2,
    },
    {
      scenario: `${name}: p99 lag`,
      tether: `p99 ${t.p99LagMs.toFixed(2)} ms (${(t.p99LagMs - ws.p99LagMs).toFixed(2)} ms more than ws)`,
      ws: `p99 ${ws.p99LagMs.toFixed(2)} ms`,
      measure: "p99 lag",
      ratio: t.p99LagMs / ws.p99LagMs,
      target: `<= ws + ${LAG_ALLOWANCE_MS} ms`,
      met: correct && t.p99LagMs <= ws.p99LagMs + LAG_ALLOWANCE_MS,
    },
  ];
}
