/**
 * Resume storm: 1,000 players log in, all drop at once, the server sends each 100 reliable
 * pushes while they are away, and all come back at once (Tether: Resume with last applied 0;
 * ws: `resume <player> 0`, a per-player buffer replayed). Measured: the time from the first
 * reconnect until every player holds its 100 pushes, the server's peak resident memory over the
 * storm, and loss or duplication (each player must see ids 1..100 once each, in order, with the
 * matching payload).
 */
import { FrameType } from "@tether/protocol";
import { readStamp } from "../lib/commands.js";
import { type ServerKind, ServerProcess } from "../lib/process.js";
import { line, mib, type Row } from "../lib/report.js";
import { openMany, TetherLink, WsLink } from "../load/links.js";

const PLAYERS = 1000;
const MISSED = 100;

export interface ResumeStormResult {
  readonly catchUpMs: number;
  readonly peakRss: number;
  readonly lost: number;
  readonly duplicated: number;
  readonly outOfOrder: number;
}

async function measure(kind: ServerKind): Promise<ResumeStormResult> {
  const server = await ServerProcess.start(kind);
  const first = await openMany<TetherLink | WsLink>(PLAYERS, (i) =>
    kind === "ws" ? WsLink.open(server.url, i + 1) : TetherLink.open(server.url, i + 1),
  );
  const serverEpoch = first[0] instanceof TetherLink ? first[0].serverEpoch : "";
  await server.settledRss();
  server.resetPeakRss();
  for (const l of first) l.ws.terminate();
  await server.command(`push ${MISSED}`); // once every player is away
  const seen = Array.from({ length: PLAYERS }, () => [] as number[]);
  let duplicated = 0;
  let outOfOrder = 0;
  let caughtUp = 0;
  let finish: () => void = () => {};
  const finished = new Promise<void>((r) => (finish = r));
  const onPush = (player: number, id: number, payload: Uint8Array) => {
    const ids = seen[player] as number[];
    if (ids.includes(id)) duplicated++;
    else if (id !== ids.length + 1 || readStamp(payload).index !== id - 1) outOfOrder++;
    ids.push(id);
    if (ids.length === MISSED && ++caughtUp === PLAYERS) finish();
  };
  const t0 = performance.now();
  const second = await openMany<TetherLink | WsLink>(
    PLAYERS,
    (i) =>
      kind === "ws"
        ? WsLink.open(server.url, i + 1, { lastApplied: 0, onReliable: (seq, p) => onPush(i, seq, p) })
        : TetherLink.open(server.url, i + 1, {
            resumeFrom: { serverEpoch, lastApplied: 0 },
            onFrame: (f) => {
              if (f.type === FrameType.PUSH && f.msgId === 2001) onPush(i, f.pushId, f.payload);
            },
          }),
    PLAYERS,
  );
  await Promise.race([finished, new Promise((r) => setTimeout(r, 60_000))]);
  const catchUpMs = performance.now() - t0;
  const peakRss = server.peakRss();
  const lost = seen.reduce((n, ids) => n + Math.max(0, MISSED - new Set(ids).size), 0);
  for (const l of second) l.ws.terminate();
  await server.stop();
  return { catchUpMs, peakRss, lost, duplicated, outOfOrder };
}

const describe = (r: ResumeStormResult) =>
  `all caught up in ${r.catchUpMs.toFixed(0)} ms, peak RSS ${mib(r.peakRss)}, ${r.lost} lost, ${r.duplicated} duplicated, ${r.outOfOrder} out of order`;

export async function resumeStorm(): Promise<Row[]> {
  const ws = await measure("ws");
  line({ scenario: "resume storm", target: "ws", players: PLAYERS, missed: MISSED, ...ws });
  const t = await measure("tether");
  line({ scenario: "resume storm", target: "tether", players: PLAYERS, missed: MISSED, ...t });
  return [
    {
      scenario: `resume storm, ${PLAYERS} players x ${MISSED} missed pushes`,
      tether: describe(t),
      ws: describe(ws),
      measure: "catch-up time",
      ratio: t.catchUpMs / ws.catchUpMs,
      target: "zero loss and duplication",
      met: t.lost === 0 && t.duplicated === 0 && t.outOfOrder === 0,
    },
  ];
}
