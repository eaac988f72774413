/**
 * Game request counts and latencies, kept in plain arrays as requests complete and handed to
 * prom-client only when /metrics is scraped. Observing through prom-client directly costs a
 * label hash and several allocations per request (about 6% of a busy server's CPU).
 */
import { errorCodeName, GAME_ERROR_CODE_MIN } from "@tether/protocol";

/** Upper bounds of the latency buckets, in seconds. */
export const LATENCY_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] as const;

interface Series {
  /** Requests by result label. */
  readonly results: Map<string, number>;
  /** Requests per bucket (not cumulative); the last slot counts those above every bound. */
  readonly buckets: Float64Array;
  sum: number;
  count: number;
}

export interface LabelledValue {
  readonly labels: Record<string, string | number>;
  readonly value: number;
  readonly metricName?: string;
}

/** The result label of a code: "ok", a system code's name, or "game" for game codes. */
export function resultLabel(code: number): string {
  if (code === 0) return "ok";
  return code >= GAME_ERROR_CODE_MIN ? "game" : (errorCodeName(code) ?? "other");
}

export class RequestStats {
  /** By msg_id label; bounded, since labels are registered routes, system requests or "other". */
  private readonly series = new Map<string, Series>();

  clear(): void {
    this.series.clear();
  }

  observe(msgIdLabel: string, result: string, seconds: number): void {
    let s = this.series.get(msgIdLabel);
    if (s === undefined) {
      s = { results: new Map(), buckets: new Float64Array(LATENCY_BUCKETS.length + 1), sum: 0, count: 0 };
      this.series.set(msgIdLabel, s);
    }
    s.results.set(result, (s.results.get(result) ?? 0) + 1);
    let i = 0;
    while (i < LATENCY_BUCKETS.length && seconds > (LATENCY_BUCKETS[i] as number)) i++;
    s.buckets[i] = (s.buckets[i] as number) + 1;
    s.sum += seconds;
    s.count++;
  }

  /** Counts by (msg_id, result). */
  *counts(): IterableIterator<[Record<"msg_id" | "result", string>, number]> {
    for (const [msg_id, s] of this.series) for (const [result, n] of s.results) yield [{ msg_id, result }, n];
  }

  /** The values of a Prometheus histogram named `name`: cumulative buckets, sum and count. */
  histogramValues(name: string): LabelledValue[] {
    const out: LabelledValue[] = [];
    for (const [msg_id, s] of this.series) {
      let cumulative = 0;
      for (let i = 0; i <= LATENCY_BUCKETS.length; i++) {
        cumulative += s.buckets[i] as number;
        const le = i < LATENCY_BUCKETS.length ? (LATENCY_BUCKETS[i] as number) : "+Inf";
        out.push({ labels: { le, msg_id }, value: cumulative, metricName: `${name}_bucket` });
      }
      out.push({ labels: { msg_id }, value: s.sum, metricName: `${name}_sum` });
      out.push({ labels: { msg_id }, value: s.count, metricName: `${name}_count` });
    }
    return out;
  }
}
