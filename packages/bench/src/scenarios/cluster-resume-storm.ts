/**
 * 1,000 clients moving to another node at once (cluster mode, docs/cluster.md): two Tether nodes
 * on one Redis, node A on the last core and node B on the core below. 1,000 players log in on
 * node A and all drop; A sends each 10 reliable pushes while they are away; then all 1,000
 * reconnect in the same turn to node B with Resume (last applied 0), so B takes 1,000 sessions
 * over from A at once. Baseline: the same storm back onto node A itself (no handoff). Three
 * rounds of each, alternating; p50/p99 are the medians of the rounds' figures (a round that other
 * processes shared is run again, cleanRound; failures and inexact replays count over every
 * attempt, kept or not).
 *
 * Measured per client, from the start of its connect to the last of its 10 replayed pushes
 * (connect, ClientHello, Resume, the handoff, the replay); a Resume answered other than OK, or a
 * client not done within 30 s, counts as failed. Every replay is checked exact: pushIds 1..10
 * in order, each with the payload sent under it, nothing more (a further 200 ms is given for
 * duplicates to show).
 *
 * On request: `npm run bench -- cluster-resume-storm` (or the `cluster` group). Needs Redis.
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
import { readStamp } from "../lib/commands.js";
import { line, percentile, type Row, until } from "../lib/report.js";
import { openMany, TetherLink } from "../load/links.js";
import { checkRedis } from "./cluster-resume.js";

const PLAYERS = 1000;
const MISSED = 10;
const ROUNDS = 3;
const CLIENT_LIMIT_MS = 30_000;

export interface StormFigures {
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** From the first connect until every client holds its replay. */
  readonly allInMs: number;
  readonly failed: number;
  readonly wrong: number;
  /** CPU of the node the clients came back to, per client (ms). */
  readonly targetCpuMsPerClient: number;
}

interface Moved {
  readonly ms: number;
  readonly ok: boolean;
  /** pushId and payload index of every reliable push received, in order. */
  readonly got: readonly (readonly [number, number])[];
}

/** One client's Resume on `url`, timed until its MISSED replayed pushes are in. */
async function resumeOne(
  url: string,
  playerId: number,
  serverEpoch: string,
  links: TetherLink[],
  deadline: Promise<false>,
): Promise<Moved> {
  const t0 = performance.now();
  const got: [number, number][] = [];
  let replayed: () => void = () => {};
  const all = new Promise<void>((r) => {
    replayed = r;
  });
  const opening = TetherLink.open(url, playerId, {
    resumeFrom: { serverEpoch, lastApplied: 0 },
    onFrame: (f) => {
      if (f.type !== FrameType.PUSH || f.msgId !== 2001) return;
      got.push([f.pushId, readStamp(f.payload).index]);
      if (got.length === MISSED) replayed();
    },
  });
  opening.then(
    (link) => links.push(link),
    () => {},
  );
  const ok = await Promise.race([opening.then(() => all).then(() => true), deadline]).catch(() => false);
  return { ms: performance.now() - t0, ok, got };
}

const exact = (got: Moved["got"]) =>
  got.length === MISSED && got.every(([id, index], k) => id === k + 1 && index === k);

async function storm(elsewhere: boolean): Promise<{ figures: StormFigures; cpu: CpuUse }> {
  const namespace = newNamespace();
  const [a, b] = await startNodes("tether", 2, namespace);
  const links: TetherLink[] = [];
  try {
    if (a === undefined || b === undefined) throw new Error("two nodes did not start");
    const first = await openMany(PLAYERS, (i) => TetherLink.open(a.url, i + 1));
    const serverEpoch = first[0]?.serverEpoch ?? "";
    for (const l of first) l.ws.terminate();
    await a.command(`push ${MISSED}`); // once every player is away
    const target = elsewhere ? b : a;
    await awaitQuiet();
    const window = new CpuWindow([a, b]);
    await window.start();
    const t0 = performance.now();
    let stopClock: NodeJS.Timeout | undefined;
    const deadline = new Promise<false>((r) => {
      stopClock = setTimeout(() => r(false), CLIENT_LIMIT_MS);
    });
    const moved = await Promise.all(
      Array.from({ length: PLAYERS }, (_, i) => resumeOne(target.url, i + 1, serverEpoch, links, deadline)),
    );
    clearTimeout(stopClock);
    const allInMs = performance.now() - t0;
    const cpu = await window.stop();
    await until(200); // duplicates, if any, arrive now
    const times = moved.filter((m) => m.ok).map((m) => m.ms);
    times.sort((x, y) => x - y);
    const figures: StormFigures = {
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      allInMs,
      failed: moved.filter((m) => !m.ok).length,
      wrong: moved.filter((m) => m.ok && !exact(m.got)).length,
      targetCpuMsPerClient: ((cpu.nodes[elsewhere ? 1 : 0] ?? 0) / PLAYERS) * 1000,
    };
    return { figures, cpu };
  } finally {
    for (const l of links) l.ws.terminate();
    await stopNodes(
      [a, b].filter((n) => n !== undefined),
      namespace,
    );
  }
}

const median = (xs: readonly number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)] ?? 0;

/** The storms of one side: medians of the kept rounds; failures and inexact replays of every attempt. */
async function side(elsewhere: boolean, round: number, all: StormFigures[], kept: StormFigures[]): Promise<void> {
  const node = elsewhere ? "other" : "same";
  const { figures } = await cleanRound(
    () => storm(elsewhere),
    ({ figures, cpu }, attempt) => {
      all.push(figures);
      line({
        scenario: "cluster resume storm",
        node,
        round,
        attempt,
        players: PLAYERS,
        ...figures,
        cpu: describeCpu(cpu),
      });
    },
  );
  kept.push(figures);
}

function summary(kept: readonly StormFigures[], all: readonly StormFigures[]): StormFigures & { clients: number } {
  return {
    p50Ms: median(kept.map((r) => r.p50Ms)),
    p99Ms: median(kept.map((r) => r.p99Ms)),
    allInMs: median(kept.map((r) => r.allInMs)),
    targetCpuMsPerClient: median(kept.map((r) => r.targetCpuMsPerClient)),
    failed: all.reduce((n, r) => n + r.failed, 0),
    wrong: all.reduce((n, r) => n + r.wrong, 0),
    clients: all.length * PLAYERS,
  };
}

const describe = (s: ReturnType<typeof summary>) =>
  `p50 ${s.p50Ms.toFixed(0)} ms, p99 ${s.p99Ms.toFixed(0)} ms, all in after ${s.allInMs.toFixed(0)} ms, ${s.targetCpuMsPerClient.toFixed(2)} ms CPU per client on the node they came to; ${s.failed} failed, ${s.wrong} replays not exact (of ${s.clients})`;

export async function clusterResumeStorm(): Promise<Row[]> {
  await checkRedis();
  const there: StormFigures[] = [];
  const thereAll: StormFigures[] = [];
  const here: StormFigures[] = [];
  const hereAll: StormFigures[] = [];
  for (let r = 1; r <= ROUNDS; r++) {
    await side(false, r, hereAll, here);
    await side(true, r, thereAll, there);
  }
  const other = summary(there, thereAll);
  const same = summary(here, hereAll);
  return [
    {
      scenario: `resume on another node, ${PLAYERS} clients at once, ${MISSED} missed pushes each (median of ${ROUNDS})`,
      tether: `other node: ${describe(other)}; same node: ${describe(same)}`,
      ws: "(Tether only)",
      measure: "p99 vs same node",
      ratio: other.p99Ms / Math.max(1e-9, same.p99Ms),
      target: "every replay exact",
      met: other.failed === 0 && other.wrong === 0 && same.failed === 0 && same.wrong === 0,
    },
  ];
}
