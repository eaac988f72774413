/**
 * Resume on another node (cluster mode, docs/cluster.md): two Tether nodes on one Redis
 * (REDIS_URL, default redis://127.0.0.1:6379, a namespace of the run's own). 1,000 players log
 * in on node A and drop; optionally A sends each 10 reliable pushes while they are away; then
 * each resumes, 20 at a time, on node B (the session is handed over from A) or, as the
 * baseline, on A itself. Measured per player: from the start of its connect to its ResumeResp
 * and every missed push received (connect, ClientHello, Resume, the handoff, the replay); p50
 * and p99, and loss or duplication of the replayed pushes.
 *
 * Not part of the default run (it needs Redis): `npm run bench -- cluster-resume`.
 */
import { randomBytes } from "node:crypto";
import { FrameType } from "@tether/protocol";
import { Redis } from "ioredis";
import { ServerProcess } from "../lib/process.js";
import { line, percentile, type Row, SetupError } from "../lib/report.js";
import { openMany, TetherLink } from "../load/links.js";

const PLAYERS = 1000;
const PARALLEL = 20;
export const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

interface ResumeTimes {
  readonly p50Ms: number;
  readonly p99Ms: number;
  readonly wrong: number;
}

async function measure(elsewhere: boolean, missed: number): Promise<ResumeTimes> {
  const namespace = `tether-bench-${randomBytes(6).toString("hex")}`;
  const flags = (id: string) => ["--redis", REDIS_URL, "--namespace", namespace, "--node-id", id];
  const a = await ServerProcess.start("tether", flags("a"));
  const b = await ServerProcess.start("tether", flags("b"));
  try {
    const first = await openMany(PLAYERS, (i) => TetherLink.open(a.url, i + 1));
    const serverEpoch = first[0]?.serverEpoch ?? "";
    for (const l of first) l.ws.terminate();
    if (missed > 0) await a.command(`push ${missed}`); // once every player is away
    const times: number[] = [];
    let wrong = 0;
    const target = elsewhere ? b : a;
    const second = await openMany(
      PLAYERS,
      async (i) => {
        const t0 = performance.now();
        const ids: number[] = [];
        let done: () => void = () => {};
        const all = new Promise<void>((r) => {
          done = r;
        });
        if (missed === 0) done();
        const link = await TetherLink.open(target.url, i + 1, {
          resumeFrom: { serverEpoch, lastApplied: 0 },
          onFrame: (f) => {
            if (f.type !== FrameType.PUSH || f.msgId !== 2001) return;
            ids.push(f.pushId);
            if (ids.length === missed) done();
          },
        });
        await all;
        times.push(performance.now() - t0);
        if (ids.some((id, k) => id !== k + 1)) wrong++;
        return link;
      },
      PARALLEL,
    );
    for (const l of second) l.ws.terminate();
    times.sort((x, y) => x - y);
    return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), wrong };
  } finally {
    await a.stop();
    await b.stop();
    await dropNamespace(namespace);
  }
}

/** Deletes a run's keys (a namespace of its own). */
export async function dropNamespace(namespace: string): Promise<void> {
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
}

/** Stops the scenario with a SetupError when no Redis answers at REDIS_URL. */
export async function checkRedis(): Promise<void> {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on("error", () => {});
  try {
    await redis.connect();
    await redis.ping();
  } catch {
    throw new SetupError(`the cluster scenarios need a Redis at ${REDIS_URL} (REDIS_URL)`);
  } finally {
    redis.disconnect();
  }
}

const describe = (t: ResumeTimes) =>
  `p50 ${t.p50Ms.toFixed(1)} ms, p99 ${t.p99Ms.toFixed(1)} ms${t.wrong === 0 ? "" : `; ${t.wrong} replays wrong`}`;

export async function clusterResume(): Promise<Row[]> {
  await checkRedis();
  const scenario = "cluster resume";
  const rows: Row[] = [];
  for (const missed of [0, 10]) {
    const here = await measure(false, missed);
    line({ scenario, node: "same", players: PLAYERS, missed, ...here });
    const there = await measure(true, missed);
    line({ scenario, node: "other", players: PLAYERS, missed, ...there });
    rows.push({
      scenario: `resume on another node, ${PLAYERS} players ${PARALLEL} at a time, ${missed} missed pushes each`,
      tether: `other node: ${describe(there)}; same node: ${describe(here)}`,
      ws: "(Tether only)",
      measure: "p99 vs same node",
      ratio: there.p99Ms / here.p99Ms,
      target: "exact replay",
      met: there.wrong === 0 && here.wrong === 0,
    });
  }
  return rows;
}
