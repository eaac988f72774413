/**
 * What a node of the cluster has done, for `/metrics` (tether_cluster_*). Labels are bounded:
 * the kinds of cross-node calls are this package's own names, results one of four words.
 */
import type { ClusterStats } from "@tether/system";

export type CallResult = "ok" | "none" | "busy" | "refused";
export type HandoffResult = "handed" | "from-log" | "lost" | "given";

export class ClusterCounters {
  readonly handoffs: Record<HandoffResult, number> = { handed: 0, "from-log": 0, lost: 0, given: 0 };
  readonly calls: Record<string, number> = {};
  readonly forwarded = { sent: 0, taken: 0 };
  readonly log = { appends: 0, trims: 0 };

  call(kind: string, result: CallResult, n = 1): void {
    const key = `${kind} ${result}`;
    this.calls[key] = (this.calls[key] ?? 0) + n;
  }

  stats(redisUp: boolean): ClusterStats {
    return {
      redisUp,
      handoffs: { ...this.handoffs },
      calls: { ...this.calls },
      forwardedPushes: { ...this.forwarded },
      log: { ...this.log },
    };
  }
}
