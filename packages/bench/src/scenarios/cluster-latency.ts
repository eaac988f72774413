/**
 * Cross-node push latency (cluster mode, docs/cluster.md): two Tether nodes, each in its own
 * process and pinned as lib/cluster-nodes.ts does (A on the last core, B on the core below, with
 * the load generator), on one Redis (REDIS_URL, default redis://127.0.0.1:6379, a namespace of
 * the round's own, deleted at the end). 100 players log in on node B and acknowledge like the
 * reference client; node A's gateway sends them reliable 64-byte pushes with `sendToPlayer`, the
 * players in turn, at a steady 10,000 a second in all (the `sendto` command of tether-server.ts):
 * 1 s of warm-up, every push of it awaited, then 5 s measured. As the same-node baseline, in the
 * same run and with the same two processes, node B sends to its own players (node A up and
 * idle): the receiving side is the same, only the sending node changes. Each payload carries its
 * index, its player and its send time (`performance.timeOrigin + performance.now()`, comparable
 * between processes of one machine); the load generator records receipt minus send time.
 *
 * Reported: p50, p99 and max latency; the achieved send rate (pushes issued over the time from
 * the first to the last, as intervals); pushes delivered against issued, each exactly once and
 * to its own player; the sessions that sendToPlayer said it reached (one per push); where the
 * CPU went. Each side runs ROUNDS times, alternating, fresh processes and namespace each time;
 * each round waits for a quiet machine before its measured phase and is run again when other
 * processes shared it (awaitQuiet, CpuWindow, cleanRound). Each figure is the median of the
 * kept rounds; the delivery checks hold in every attempt.
 *
 * Not part of the default run (it needs Redis): `npm run bench -- cluster-latency`, or the
 * `cluster` group.
 */
import { FrameType } from "@tether/protocol";
import {
  awaitQuiet,
  type CpuUse,
  CpuWindow,
  cleanRound,
  describeCpu,
  newNamespace,
  startNodes,
  stopNodes,
} from "../lib/cluster-nodes.js";
import { preciseNow, readTickPayload } from "../lib/commands.js";
import type { ServerProcess } from "../lib/process.js";
import { line, medians, percentile, type Row, until } from "../lib/report.js";
import { openMany, TetherLink } from "../load/links.js";
import { checkRedis } from "./cluster-resume.js";

const PLAYERS = 100;
const RATE = 10_000;
const WARMUP_SECONDS = 1;
const SECONDS = 5;
const ROUNDS = 3;
/** How long the load generator waits for the last pushes of a phase once its sender is done. */
const DRAIN_MS = 10_000;
/** How long a `sendto` may take beyond its sending time before the run gives up on it. */
const ANSWER_MS = 30_000;

export interface LatencyResult {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  readonly sendRate: number;
  readonly issued: number;
  readonly delivered: number;
  readonly reached: number;
  readonly failed: number;
  readonly duplicated: number;
  readonly misrouted: number;
  /** CPU seconds over the measured phase and its drain: node A, node B, load generator, Redis. */
  readonly cpuA: number;
  readonly cpuB: number;
  readonly cpuLoad: number;
  readonly cpuRedis: number;
  /** The share of the machine that other processes took (lib/cluster-nodes.ts). */
  readonly otherShare: number;
}

/** What the clients got of one phase: pushes whose index is at least `first`. */
class Receipts {
  readonly seen = new Set<number>();
  readonly lags: number[] = [];
  duplicated = 0;
  misrouted = 0;

  constructor(readonly first: number) {}

  take(player: number, bytes: Uint8Array, now: number): void {
    const p = readTickPayload(bytes);
    if (p.tick < this.first) return;
    if (p.player !== player) this.misrouted++;
    if (this.seen.has(p.tick)) {
      this.duplicated++;
      return;
    }
    this.seen.add(p.tick);
    this.lags.push(now - p.sentAt);
  }
}

/** Sends `seconds` of pushes from `sender`, indices from `first`; waits until all are in or DRAIN_MS. */
async function phase(sender: ServerProcess, seconds: number, first: number, receipts: Receipts) {
  let timer: NodeJS.Timeout | undefined;
  const answer = await Promise.race([
    sender.command(`sendto ${RATE} ${seconds} ${PLAYERS} ${first}`),
    new Promise<string>((r) => (timer = setTimeout(() => r("no answer"), seconds * 1000 + ANSWER_MS))),
  ]);
  clearTimeout(timer);
  const m = /^done (\d+) (\d+) (\d+) ([\d.]+)$/.exec(answer);
  if (!m) throw new Error(`sendto answered: ${answer}`);
  const [issued, reached, failed, ms] = m.slice(1).map(Number) as [number, number, number, number];
  const end = Date.now() + DRAIN_MS;
  while (receipts.seen.size < issued - failed && Date.now() < end) await until(10);
  await until(200); // a duplicate would come now
  return { issued, reached, failed, ms };
}

async function measure(crossNode: boolean): Promise<{ figures: LatencyResult; cpu: CpuUse }> {
  const namespace = newNamespace();
  const nodes = await startNodes("tether", 2, namespace);
  let links: TetherLink[] = [];
  try {
    const [a, b] = nodes as [ServerProcess, ServerProcess];
    const sender = crossNode ? a : b;
    const measured = Math.round(RATE * WARMUP_SECONDS);
    let receipts = new Receipts(0);
    links = await openMany(PLAYERS, (i) =>
      TetherLink.open(b.url, i + 1, {
        onFrame: (f) => {
          if (f.type === FrameType.PUSH && f.msgId === 2001) receipts.take(i + 1, f.payload, preciseNow());
        },
      }),
    );
    const warm = await phase(sender, WARMUP_SECONDS, 0, receipts);
    if (receipts.seen.size !== warm.issued) {
      throw new Error(`warm-up: ${receipts.seen.size} of ${warm.issued} pushes delivered (${warm.failed} failed)`);
    }
    receipts = new Receipts(measured);
    await awaitQuiet();
    const window = new CpuWindow(nodes);
    await window.start();
    const run = await phase(sender, SECONDS, measured, receipts);
    const cpu = await window.stop();
    const lags = receipts.lags.sort((x, y) => x - y);
    const figures: LatencyResult = {
      p50Ms: percentile(lags, 50),
      p99Ms: percentile(lags, 99),
      maxMs: lags[lags.length - 1] ?? 0,
      sendRate: (run.issued - 1) / (run.ms / 1000),
      issued: run.issued,
      delivered: receipts.seen.size,
      reached: run.reached,
      failed: run.failed,
      duplicated: receipts.duplicated,
      misrouted: receipts.misrouted,
      cpuA: cpu.nodes[0] ?? 0,
      cpuB: cpu.nodes[1] ?? 0,
      cpuLoad: cpu.load,
      cpuRedis: cpu.redis,
      otherShare: cpu.otherShare,
    };
    return { figures, cpu };
  } finally {
    for (const l of links) l.ws.terminate();
    await stopNodes(nodes, namespace);
  }
}

/** True when every push of every attempt was sent, reached its session and arrived once, to its player. */
const exact = (rs: readonly LatencyResult[]) =>
  rs.every(
    (r) =>
      r.delivered === r.issued && r.reached === r.issued && r.failed === 0 && r.duplicated === 0 && r.misrouted === 0,
  );

const describe = (r: LatencyResult, all: readonly LatencyResult[]) => {
  const complete = all.every((x) => x.delivered === x.issued);
  const counts = complete
    ? `${all[0]?.issued ?? 0} of ${all[0]?.issued ?? 0} in each of ${all.length} attempts`
    : all.map((x) => `${x.delivered} of ${x.issued}`).join(", ");
  const wrong = all.reduce((n, x) => n + x.duplicated + x.misrouted + x.failed + (x.issued - x.reached), 0);
  return `p50 ${r.p50Ms.toFixed(2)} ms, p99 ${r.p99Ms.toFixed(2)} ms, max ${r.maxMs.toFixed(1)} ms, ${r.sendRate.toFixed(0)} pushes/s sent, CPU node A ${r.cpuA.toFixed(2)} s + B ${r.cpuB.toFixed(2)} s, load generator ${r.cpuLoad.toFixed(2)} s, Redis ${r.cpuRedis.toFixed(2)} s; delivered ${counts}${wrong === 0 ? "" : `; ${wrong} failed, unreached, duplicated or misrouted`}`;
};

export async function clusterLatency(): Promise<Row[]> {
  await checkRedis();
  const scenario = "cluster latency";
  const shape = { players: PLAYERS, rate: RATE, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS };
  /** The kept round of each side (cleanRound), and every attempt (for the delivery checks). */
  const runs: Record<"cross" | "same", LatencyResult[]> = { cross: [], same: [] };
  const attempts: Record<"cross" | "same", LatencyResult[]> = { cross: [], same: [] };
  for (let round = 1; round <= ROUNDS; round++) {
    const order = round % 2 === 1 ? (["cross", "same"] as const) : (["same", "cross"] as const);
    for (const side of order) {
      const { figures } = await cleanRound(
        () => measure(side === "cross"),
        ({ figures, cpu }, attempt) => {
          attempts[side].push(figures);
          const node = side === "cross" ? "other" : "same";
          line({ scenario, node, round, attempt, ...shape, ...figures, cpu: describeCpu(cpu) });
        },
      );
      runs[side].push(figures);
    }
  }
  const cross = medians(runs.cross);
  const same = medians(runs.same);
  return [
    {
      scenario: `sendToPlayer, reliable, ${RATE} pushes/s to ${PLAYERS} players for ${SECONDS} s (median of ${ROUNDS}): from another node vs the same node`,
      tether: `other node: ${describe(cross, attempts.cross)}; same node: ${describe(same, attempts.same)}`,
      ws: "(Tether only)",
      measure: "p99 vs same node",
      ratio: cross.p99Ms / same.p99Ms,
      target: "every push delivered once",
      met: exact(attempts.cross) && exact(attempts.same),
    },
  ];
}
