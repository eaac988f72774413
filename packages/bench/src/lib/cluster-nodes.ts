/**
 * What the cluster scaling scenarios share: nodes started in a namespace of their own, one per
 * core, and the CPU accounting of a measured window.
 *
 * Pinning: node A (index 0) runs on the last core, as every bench server does; node B on the
 * core below it. On a 2-core machine node B therefore shares core 0 with the load generator
 * (pinned there by run.ts), and Redis floats over both: two nodes, Redis and the load generator
 * on two cores. Each window reports where the CPU went (each node, the load generator, Redis,
 * and whatever else ran on the machine), so a figure that was bounded by the cores says so.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { cpus } from "node:os";
import { Redis } from "ioredis";
import { dropNamespace, REDIS_URL } from "../scenarios/cluster-resume.js";
import { type PeerKind, ServerProcess } from "./process.js";

export const newNamespace = () => `tether-bench-${randomBytes(6).toString("hex")}`;

/** The core of node `i`: the last core for node A, then downwards. */
export const nodeCore = (i: number) => String(Math.max(0, cpus().length - 1 - i));

/**
 * Starts `count` nodes of one cluster (Tether nodes "a", "b"... with `extra` flags, or Socket.IO
 * nodes) in `namespace`, node i on nodeCore(i).
 */
export async function startNodes(
  kind: "tether" | PeerKind,
  count: number,
  namespace: string,
  extra: readonly string[] = [],
): Promise<ServerProcess[]> {
  const nodes: ServerProcess[] = [];
  for (let i = 0; i < count; i++) {
    const id = String.fromCharCode(97 + i);
    const args =
      kind === "tether"
        ? ["--redis", REDIS_URL, "--namespace", namespace, "--node-id", id, ...extra]
        : ["--redis", REDIS_URL, "--namespace", namespace];
    nodes.push(await ServerProcess.start(kind, args, nodeCore(i)));
  }
  return nodes;
}

/** Machine-wide busy and total jiffies (all cores) from /proc/stat. */
function machineJiffies(): { busy: number; total: number } {
  const fields = (readFileSync("/proc/stat", "utf8").split("\n")[0] ?? "").trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: total - idle, total };
}

/** Redis's own CPU seconds (user + system), from INFO cpu. */
async function redisCpuSeconds(redis: Redis): Promise<number> {
  const info = await redis.info("cpu");
  const field = (name: string) => Number(new RegExp(`^${name}:([\\d.]+)`, "m").exec(info)?.[1] ?? 0);
  return field("used_cpu_user") + field("used_cpu_sys");
}

/**
 * Waits (up to `maxMs`) until the machine is quiet: less than a tenth of all cores busy over
 * 300 ms. Called before each measured window, while the scenario's own processes are idle, so
 * a build or a test run elsewhere on the machine does not land in a round. Resolves with the
 * milliseconds waited (`maxMs` or more: it never got quiet, and the round's "other" CPU says how
 * much it shared).
 */
export async function awaitQuiet(maxMs = 20_000): Promise<number> {
  const t0 = performance.now();
  while (performance.now() - t0 < maxMs) {
    const before = machineJiffies();
    await new Promise((r) => setTimeout(r, 300));
    const after = machineJiffies();
    if ((after.busy - before.busy) / Math.max(1, after.total - before.total) < 0.1) break;
  }
  return performance.now() - t0;
}

export interface CpuUse {
  /** CPU seconds of each node over the window. */
  readonly nodes: readonly number[];
  /** CPU seconds of the load generator (this process). */
  readonly load: number;
  readonly redis: number;
  /** CPU seconds of everything else on the machine (other processes, the kernel's own work). */
  readonly other: number;
  /** Share of the whole machine (all cores) that was busy, 0..1. */
  readonly machineBusy: number;
  /** Share of the whole machine taken by `other`, 0..1. */
  readonly otherShare: number;
  readonly seconds: number;
}

/** CPU accounting of a measured window: `start()` before, `stop()` after. */
export class CpuWindow {
  private readonly redis = new Redis(REDIS_URL, { lazyConnect: true });
  private nodeCpu0: number[] = [];
  private load0 = process.cpuUsage();
  private redis0 = 0;
  private machine0 = machineJiffies();
  private t0 = 0;

  constructor(private readonly nodes: readonly ServerProcess[]) {}

  async start(): Promise<void> {
    this.redis0 = await redisCpuSeconds(this.redis);
    this.nodeCpu0 = this.nodes.map((n) => n.cpuSeconds());
    this.load0 = process.cpuUsage();
    this.machine0 = machineJiffies();
    this.t0 = performance.now();
  }

  async stop(): Promise<CpuUse> {
    const seconds = (performance.now() - this.t0) / 1000;
    const machine = machineJiffies();
    const loadUsage = process.cpuUsage(this.load0);
    const nodes = this.nodes.map((n, i) => n.cpuSeconds() - (this.nodeCpu0[i] ?? 0));
    const redis = (await redisCpuSeconds(this.redis)) - this.redis0;
    this.redis.disconnect();
    const load = (loadUsage.user + loadUsage.system) / 1e6;
    const busy = (machine.busy - this.machine0.busy) / 100; // USER_HZ
    const total = (machine.total - this.machine0.total) / 100;
    const other = Math.max(0, busy - load - redis - nodes.reduce((a, b) => a + b, 0));
    const share = (x: number) => (total > 0 ? x / total : 0);
    return { nodes, load, redis, other, machineBusy: share(busy), otherShare: share(other), seconds };
  }
}

/** Other processes may take this share of the machine in a kept round (see cleanRound). */
const OTHERS_MAX = 0.1;
const ATTEMPTS = 3;

/**
 * Runs a round until other processes took at most a tenth of the machine during its measured
 * window, three attempts at most, and keeps the first clean one or else the cleanest. `log`
 * sees every attempt (its JSON line carries the attempt and its otherShare), so nothing is hidden.
 */
export async function cleanRound<T extends { readonly cpu: CpuUse }>(
  run: () => Promise<T>,
  log: (result: T, attempt: number) => void,
): Promise<T> {
  let best: T | undefined;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    const result = await run();
    log(result, attempt);
    if (result.cpu.otherShare <= OTHERS_MAX) return result;
    if (best === undefined || result.cpu.otherShare < best.cpu.otherShare) best = result;
  }
  return best as T;
}

/**
 * What the whole machine could serve at the window's CPU costs with every core busy: all cores
 * over the CPU seconds per operation of the nodes, the load generator and Redis together.
 */
export const machineCeiling = (ops: number, cpu: CpuUse) =>
  (cpus().length * ops) / Math.max(1e-9, cpu.load + cpu.redis + cpu.nodes.reduce((a, b) => a + b, 0));

/**
 * Operations per second if each node had a core of its own and nothing else ran there: the
 * operations over the busiest node's CPU seconds. A projection from the measured CPU, not a
 * measurement; it leaves out the load generator and Redis, which need cores of their own too.
 */
export const nodeBoundRate = (ops: number, cpu: CpuUse) => ops / Math.max(1e-9, ...cpu.nodes);

/**
 * The cores a measured two-node scaling ratio needs before it is judged against its target: one
 * per node, one for the load generator, one for Redis. On fewer, the row shows the ratio and
 * says it was not judged (a missing delivery still fails it).
 */
const SCALING_CORES = 4;

export function scalingTarget(
  ratio: number,
  target: number,
  complete: boolean,
): { target: string; met: boolean | undefined } {
  if (!complete) return { target: `>= ${target}x`, met: false };
  if (cpus().length >= SCALING_CORES) return { target: `>= ${target}x`, met: ratio >= target };
  return {
    target: `>= ${target}x, not judged on ${cpus().length} cores (it needs ${SCALING_CORES}: a core per node, the load generator, Redis)`,
    met: undefined,
  };
}

/** "node CPU a 1.23 s + b 1.01 s, load generator 1.5 s, Redis 0.1 s, other 0.0 s; machine 97% busy" */
export function describeCpu(cpu: CpuUse): string {
  const nodes = cpu.nodes.map((s, i) => `${String.fromCharCode(97 + i)} ${s.toFixed(2)} s`).join(" + ");
  return `CPU over ${cpu.seconds.toFixed(1)} s: node ${nodes}, load generator ${cpu.load.toFixed(2)} s, Redis ${cpu.redis.toFixed(2)} s, other ${cpu.other.toFixed(2)} s; machine ${(cpu.machineBusy * 100).toFixed(0)}% busy`;
}

/** Stops the nodes and deletes the run's keys. */
export async function stopNodes(nodes: readonly ServerProcess[], namespace: string): Promise<void> {
  await Promise.all(nodes.map((n) => n.stop()));
  await dropNamespace(namespace);
}
