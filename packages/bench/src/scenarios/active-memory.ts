/**
 * Active memory: 1,000 connections, each authenticated (Tether: hello + Login through TetherLink,
 * a session; ws: `login`, a player record), each makes 2,000 echo requests of 64 bytes, 8 in
 * flight (Tether: route 1000; ws: a binary message echoed), then falls quiet. The server's
 * resident memory after a full garbage collection once the burst is over, minus the same before
 * the connections, per session: what a session that has worked costs, not only an idle one.
 *
 * TetherLink sends `ackSeq` on every REQ and ACK like the reference client (the seq below its
 * oldest unanswered request), so the server may forget the answers the client holds instead of
 * keeping up to dedupMaxEntries of them per session. The server CPU per request over the burst
 * is reported too (no target).
 */
import { FrameType } from "@tether/protocol";
import { type ServerKind, ServerProcess } from "../lib/process.js";
import { kib, line, mib, type Row, until } from "../lib/report.js";
import { openMany, TetherLink, WsLink } from "../load/links.js";

const SESSIONS = 1000;
const REQUESTS = 2000;
const IN_FLIGHT = 8;
const ALLOWANCE_BYTES = 4 * 1024;
/** The burst must end within this; it takes 20-60 s here. */
const BURST_LIMIT_MS = 85_000;

export interface ActiveMemoryResult {
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly bytesPerSession: number;
  /** JavaScript heap in use per session (part of the resident memory). */
  readonly heapBytesPerSession: number;
  /** JavaScript heap reserved per session (in use or not; what the heap holds of the RSS). */
  readonly heapTotalBytesPerSession: number;
  /** Memory outside the heap that V8 accounts for (ArrayBuffer backing stores...) per session. */
  readonly externalBytesPerSession: number;
  readonly burstMs: number;
  readonly answered: number;
  readonly expected: number;
  readonly cpuUsPerRequest: number;
}

/** One connection's burst: `REQUESTS` requests, `IN_FLIGHT` at a time, `send` sending one. */
class Burst {
  private sent = 0;
  private answered = 0;

  constructor(
    private readonly send: () => void,
    private readonly onDone: () => void,
  ) {}

  start(): void {
    for (let k = 0; k < IN_FLIGHT; k++) this.next();
  }

  answer(): void {
    if (++this.answered === REQUESTS) this.onDone();
    else this.next();
  }

  get count(): number {
    return this.answered;
  }

  private next(): void {
    if (this.sent >= REQUESTS) return;
    this.sent++;
    this.send();
  }
}

async function measure(kind: ServerKind): Promise<ActiveMemoryResult> {
  const server = await ServerProcess.start(kind);
  const before = await server.settledMemory();
  const payload = new Uint8Array(64).fill(7);
  let finished = 0;
  let finish: () => void = () => {};
  const allDone = new Promise<void>((r) => (finish = r));
  const done = () => {
    if (++finished === SESSIONS) finish();
  };
  const bursts: Burst[] = [];
  const links = await openMany<TetherLink | WsLink>(
    SESSIONS,
    async (i) => {
      if (kind === "ws") {
        const link = await WsLink.open(server.url, i + 1);
        const burst = new Burst(() => link.ws.send(payload), done);
        link.onBestEffort = () => burst.answer(); // every binary message is an echo here
        bursts.push(burst);
        return link;
      }
      const link = await TetherLink.open(server.url, i + 1);
      const burst = new Burst(() => link.sendRequest(1000, link.nextSeq(), payload), done);
      link.onFrame = (f) => {
        if (f.type === FrameType.RESP && f.msgId === 1000) burst.answer();
      };
      bursts.push(burst);
      return link;
    },
    200,
  );
  const cpu0 = server.cpuSeconds();
  const t0 = performance.now();
  for (const b of bursts) b.start();
  await Promise.race([allDone, until(BURST_LIMIT_MS)]);
  const burstMs = performance.now() - t0;
  const cpu = server.cpuSeconds() - cpu0;
  const answered = bursts.reduce((n, b) => n + b.count, 0);
  await until(500); // quiet: ACK timers and late writes settle
  const after = await server.settledMemory();
  for (const l of links) l.ws.terminate();
  await server.stop();
  return {
    rssBefore: before.rss,
    rssAfter: after.rss,
    bytesPerSession: (after.rss - before.rss) / SESSIONS,
    heapBytesPerSession: (after.heap - before.heap) / SESSIONS,
    heapTotalBytesPerSession: (after.heapTotal - before.heapTotal) / SESSIONS,
    externalBytesPerSession: (after.external - before.external) / SESSIONS,
    burstMs,
    answered,
    expected: SESSIONS * REQUESTS,
    cpuUsPerRequest: (cpu / Math.max(1, answered)) * 1e6,
  };
}

const describe = (r: ActiveMemoryResult) =>
  `${kib(r.bytesPerSession)}/session, of which JS heap ${kib(r.heapBytesPerSession)} in use, ${kib(r.heapTotalBytesPerSession)} reserved, ${kib(r.externalBytesPerSession)} external (RSS ${mib(r.rssBefore)} -> ${mib(r.rssAfter)}); burst ${(r.burstMs / 1000).toFixed(1)} s, ${r.cpuUsPerRequest.toFixed(1)} µs CPU/req${r.answered === r.expected ? "" : `; only ${r.answered} of ${r.expected} answered`}`;

export async function activeMemory(): Promise<Row[]> {
  const scenario = "active memory";
  const shape = { sessions: SESSIONS, requests: REQUESTS, inFlight: IN_FLIGHT };
  const ws = await measure("ws");
  line({ scenario, target: "ws", ...shape, ...ws });
  const t = await measure("tether");
  line({ scenario, target: "tether", ...shape, ...t });
  const extra = t.bytesPerSession - ws.bytesPerSession;
  return [
    {
      scenario: `active memory, ${SESSIONS} sessions x ${REQUESTS} echo requests (64 B, ${IN_FLIGHT} in flight), then quiet`,
      tether: `${describe(t)}; ${kib(extra)} more than ws`,
      ws: describe(ws),
      measure: "bytes/session",
      ratio: t.bytesPerSession / ws.bytesPerSession,
      target: "<= ws + 4 KiB",
      met: extra <= ALLOWANCE_BYTES && t.answered === t.expected && ws.answered === ws.expected,
    },
  ];
}
