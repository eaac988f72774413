/** Results of the Tether-vs-ws scenarios: JSON lines as they come, a markdown table at the end. */

export interface Row {
  readonly scenario: string;
  readonly tether: string;
  readonly ws: string;
  /** What the ratio compares, e.g. "CPU/req". */
  readonly measure: string;
  readonly ratio: number;
  /** The target, e.g. "<= 1.3x"; empty when the issue sets none. */
  readonly target: string;
  readonly met: boolean | undefined;
}

/** The machine cannot run a scenario (a limit too low): run.ts prints the message alone and exits 1. */
export class SetupError extends Error {}

export function line(record: object): void {
  console.log(JSON.stringify(record));
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Each numeric figure's median over several runs of a measure (runs of one side). */
export function medians<T extends Record<keyof T, number>>(runs: readonly T[]): T {
  const first = runs[0];
  if (first === undefined) throw new Error("medians of no runs");
  const out = {} as Record<keyof T, number>;
  for (const key of Object.keys(first) as (keyof T)[]) {
    const sorted = runs.map((r) => r[key]).sort((a, b) => a - b);
    out[key] = sorted[Math.floor(sorted.length / 2)] as number;
  }
  return out as T;
}

export function markdown(rows: readonly Row[]): string {
  const out = ["| scenario | Tether | raw ws | ratio | target |", "|---|---|---|---|---|"];
  for (const r of rows) {
    const verdict = r.met === undefined ? "" : r.met ? " (met)" : " (**not met**)";
    out.push(
      `| ${r.scenario} | ${r.tether} | ${r.ws} | ${r.measure} ${r.ratio.toFixed(2)}x | ${r.target || "-"}${verdict} |`,
    );
  }
  return out.join("\n");
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
export const until = (ms: number) => new Promise((r) => setTimeout(r, ms));
