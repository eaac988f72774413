/**
 * Idle memory: 10,000 connections, each authenticated (Tether: hello + Login, a session; ws: a
 * `login` that gives the socket a player record), then nothing. The server's resident memory
 * after a full garbage collection, minus the same before the connections, per connection.
 */
import { type ServerKind, ServerProcess } from "../lib/process.js";
import { kib, line, mib, type Row } from "../lib/report.js";
import { openMany, TetherLink, WsLink } from "../load/links.js";

const CONNECTIONS = 10_000;
const ALLOWANCE_BYTES = 3 * 1024;

export interface IdleMemoryResult {
  readonly rssBefore: number;
  readonly rssAfter: number;
  readonly bytesPerConnection: number;
  /** JavaScript heap per connection (part of the resident memory). */
  readonly heapBytesPerConnection: number;
}

async function measure(kind: ServerKind): Promise<IdleMemoryResult> {
  const server = await ServerProcess.start(kind);
  const before = await server.settledMemory();
  const links = await openMany<TetherLink | WsLink>(
    CONNECTIONS,
    (i) => (kind === "ws" ? WsLink.open(server.url, i + 1) : TetherLink.open(server.url, i + 1)),
    200,
  );
  const after = await server.settledMemory();
  for (const l of links) l.ws.terminate();
  await server.stop();
  return {
    rssBefore: before.rss,
    rssAfter: after.rss,
    bytesPerConnection: (after.rss - before.rss) / CONNECTIONS,
    heapBytesPerConnection: (after.heap - before.heap) / CONNECTIONS,
  };
}

const describe = (r: IdleMemoryResult) =>
  `${kib(r.bytesPerConnection)}/conn, of which JS heap ${kib(r.heapBytesPerConnection)} (RSS ${mib(r.rssBefore)} -> ${mib(r.rssAfter)})`;

export async function idleMemory(): Promise<Row[]> {
  const ws = await measure("ws");
  line({ scenario: "idle memory", target: "ws", connections: CONNECTIONS, ...ws });
  const t = await measure("tether");
  line({ scenario: "idle memory", target: "tether", connections: CONNECTIONS, ...t });
  const extra = t.bytesPerConnection - ws.bytesPerConnection;
  return [
    {
      scenario: `idle memory, ${CONNECTIONS} authenticated connections`,
      tether: `${describe(t)}; ${kib(extra)} more than ws`,
      ws: describe(ws),
      measure: "bytes/conn",
      ratio: t.bytesPerConnection / ws.bytesPerConnection,
      target: "<= ws + 3 KiB",
      met: extra <= ALLOWANCE_BYTES,
    },
  ];
}
