/**
 * A tiny benchmark harness: runs an operation in batches until a time budget is spent and
 * reports operations per second. Results go to stdout as JSON lines and a markdown table.
 */
import { cpus, totalmem } from "node:os";

export interface BenchResult {
  readonly group: string;
  readonly name: string;
  readonly opsPerSec: number;
  /** Bytes processed per op, when meaningful (for MB/s). */
  readonly bytes?: number;
}

export interface BenchOptions {
  /** Time spent measuring each case. Default 600 ms. */
  readonly measureMs?: number;
  /** Time spent warming up first. Default 150 ms. */
  readonly warmupMs?: number;
}

let sink = 0;

/** Keeps results alive so the optimiser cannot drop the work. */
export function consume(x: { length: number } | number): void {
  sink += typeof x === "number" ? x : x.length;
}

function runFor(op: () => void, ms: number): { ops: number; ns: bigint } {
  let ops = 0;
  let batch = 1;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(ms) * 1_000_000n;
  let now = start;
  while (now < deadline) {
    for (let i = 0; i < batch; i++) op();
    ops += batch;
    if (batch < 1 << 16) batch *= 2;
    now = process.hrtime.bigint();
  }
  return { ops, ns: now - start };
}

export function bench(
  group: string,
  name: string,
  op: () => void,
  opts: BenchOptions & { bytes?: number } = {},
): BenchResult {
  runFor(op, opts.warmupMs ?? 150);
  const { ops, ns } = runFor(op, opts.measureMs ?? 600);
  const result: BenchResult = {
    group,
    name,
    opsPerSec: (ops * 1e9) / Number(ns),
    ...(opts.bytes === undefined ? {} : { bytes: opts.bytes }),
  };
  console.log(JSON.stringify({ ...result, sink: sink % 2 }));
  return result;
}

export function machine(): string {
  const cpu = cpus()[0]?.model ?? "unknown CPU";
  return `${cpus().length} x ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

function fmt(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)} M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)} k`;
  return n.toFixed(0);
}

export function markdownTable(results: readonly BenchResult[]): string {
  const lines = ["| group | case | ops/s | MB/s |", "|---|---|---:|---:|"];
  for (const r of results) {
    const mbs = r.bytes === undefined ? "" : ((r.opsPerSec * r.bytes) / 1e6).toFixed(1);
    lines.push(`| ${r.group} | ${r.name} | ${fmt(r.opsPerSec)} | ${mbs} |`);
  }
  return lines.join("\n");
}
