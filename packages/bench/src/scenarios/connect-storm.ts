/**
 * Connect storm: 10,000 clients connect and authenticate (Tether: WebSocket, ClientHello and
 * Login through TetherLink; ws: WebSocket and `login <player>`). First all 10,000 at once: every
 * connect starts in the same event-loop turn (no cap in the load generator). Then again with
 * 1,000 connecting at a time (each finished client starts the next).
 *
 * Measured: the time from the first connect until every client is in, the server's CPU time
 * over that window divided by the clients (CPU per new session), and each client's connect time
 * (from the start of its connect to its login answered), p50 and p99. Reported beside them: the
 * load generator's own CPU per client, and the machine's listen-queue overflows over the storm
 * (`ListenOverflows` in /proc/net/netstat). Both servers listen with a backlog of 4096 (Tether's
 * default; the raw ws server is given the same), which the kernel caps at net.core.somaxconn:
 * when the queue is full, the kernel drops SYNs and the client retries after 1 s, 3 s, 7 s...,
 * so the all-in time moves in such steps; the overflows column says whether it happened.
 *
 * Server CPU per session moves by a third from run to run for either server on a shared
 * machine, so each mode runs ROUNDS times, alternating ws and Tether, and each figure is the
 * median of its rounds (every round must get every client in).
 *
 * The bench's Tether server lifts its handshake limits for this (tether-server.ts:
 * maxPendingHandshakes 20,000, handshakeTimeoutMs and authTimeoutMs 60 s); the raw ws server
 * has no such caps. The runner and the servers need an open-files limit (`ulimit -n`) above
 * the clients: the scenario stops at once with a message when it is lower.
 */
import { readFileSync } from "node:fs";
import { openFilesLimit, type ServerKind, ServerProcess } from "../lib/process.js";
import { line, medians, percentile, type Row, SetupError, until } from "../lib/report.js";
import { openMany, TetherLink, WsLink } from "../load/links.js";

const CLIENTS = 10_000;
/** Clients connecting at a time: all of them, then 1,000. */
const PARALLEL = [CLIENTS, 1000] as const;
const ROUNDS = 3;
/** Every client must be in within this. */
const STORM_LIMIT_MS = 80_000;
/** Descriptors besides the sockets (files, pipes, the listening socket, libuv's). */
const SPARE_FILES = 200;

export interface ConnectStormResult {
  readonly allInMs: number;
  readonly cpuUsPerSession: number;
  readonly p50ConnectMs: number;
  readonly p99ConnectMs: number;
  /** CPU of this process (the load generator) per client over the storm. */
  readonly loadGeneratorCpuUsPerClient: number;
  /** SYNs dropped because a listen queue was full, machine-wide, over the storm. */
  readonly listenOverflows: number;
  readonly connected: number;
  readonly failed: number;
}

function checkOpenFiles(pid: number | "self", who: string): void {
  const limit = openFilesLimit(pid);
  if (limit < CLIENTS + SPARE_FILES) {
    throw new SetupError(
      `connect-storm needs ${CLIENTS + SPARE_FILES} open files in the ${who}, but its limit (ulimit -n) is ${limit}: ` +
        `raise it (e.g. \`ulimit -n ${2 * CLIENTS}\`) before \`npm run bench\``,
    );
  }
}

/** The machine's TcpExt ListenOverflows counter (NaN when /proc/net/netstat is not there). */
function listenOverflows(): number {
  try {
    const [names, values] = readFileSync("/proc/net/netstat", "utf8")
      .split("\n")
      .filter((l) => l.startsWith("TcpExt:"))
      .map((l) => l.split(/\s+/));
    return Number(values?.[names?.indexOf("ListenOverflows") ?? -1] ?? Number.NaN);
  } catch {
    return Number.NaN;
  }
}

async function measure(kind: ServerKind, parallel: number): Promise<ConnectStormResult> {
  checkOpenFiles("self", "load generator");
  const server = await ServerProcess.start(kind);
  const links: (TetherLink | WsLink)[] = [];
  try {
    checkOpenFiles(server.pid, `${kind} server`);
    const times: number[] = [];
    let failed = 0;
    const open = async (i: number) => {
      const started = performance.now();
      try {
        const link = await (kind === "ws" ? WsLink.open(server.url, i + 1) : TetherLink.open(server.url, i + 1));
        times.push(performance.now() - started);
        links.push(link);
      } catch {
        failed++;
      }
    };
    await server.settledRss();
    const overflows0 = listenOverflows();
    const cpu0 = server.cpuSeconds();
    const own0 = process.cpuUsage();
    const t0 = performance.now();
    await Promise.race([openMany(CLIENTS, open, parallel), until(STORM_LIMIT_MS)]);
    const allInMs = performance.now() - t0;
    const cpu = server.cpuSeconds() - cpu0;
    const own = process.cpuUsage(own0);
    times.sort((a, b) => a - b);
    return {
      allInMs,
      cpuUsPerSession: (cpu / Math.max(1, times.length)) * 1e6,
      p50ConnectMs: percentile(times, 50),
      p99ConnectMs: percentile(times, 99),
      loadGeneratorCpuUsPerClient: (own.user + own.system) / CLIENTS,
      listenOverflows: listenOverflows() - overflows0,
      connected: times.length,
      failed,
    };
  } finally {
    for (const l of links) l.ws.terminate();
    await server.stop();
  }
}

const describe = (r: ConnectStormResult) =>
  `all in after ${r.allInMs.toFixed(0)} ms, ${r.cpuUsPerSession.toFixed(0)} µs server CPU per session, connect p50 ${r.p50ConnectMs.toFixed(0)} ms, p99 ${r.p99ConnectMs.toFixed(0)} ms (load generator ${r.loadGeneratorCpuUsPerClient.toFixed(0)} µs CPU per client; ${r.listenOverflows} listen-queue overflows)${r.connected === CLIENTS ? "" : `; only ${r.connected} of ${CLIENTS} in, ${r.failed} failed`}`;

export async function connectStorm(): Promise<Row[]> {
  const scenario = "connect storm";
  const rows: Row[] = [];
  for (const parallel of PARALLEL) {
    const runs: Record<ServerKind, ConnectStormResult[]> = { ws: [], tether: [] };
    for (let round = 1; round <= ROUNDS; round++) {
      for (const kind of ["ws", "tether"] as const) {
        const r = await measure(kind, parallel);
        runs[kind].push(r);
        line({ scenario, target: kind, round, clients: CLIENTS, parallel, ...r });
      }
    }
    const ws = medians(runs.ws);
    const t = medians(runs.tether);
    const complete = [...runs.ws, ...runs.tether].every((r) => r.connected === CLIENTS);
    const cpu = t.cpuUsPerSession / ws.cpuUsPerSession;
    const allIn = t.allInMs / ws.allInMs;
    const name = `connect storm, ${CLIENTS} clients ${parallel === CLIENTS ? "at once" : `${parallel} at a time`} (median of ${ROUNDS})`;
    rows.push(
      {
        scenario: `${name}: server CPU per new session`,
        tether: describe(t),
        ws: describe(ws),
        measure: "CPU/session",
        ratio: cpu,
        target: "<= 2x",
        met: complete && cpu <= 2,
      },
      {
        scenario: `${name}: time until all are in`,
        tether: `${(t.allInMs / 1000).toFixed(2)} s`,
        ws: `${(ws.allInMs / 1000).toFixed(2)} s`,
        measure: "all-in time",
        ratio: allIn,
        target: "<= 2x",
        met: complete && allIn <= 2,
      },
    );
  }
  return rows;
}
