/**
 * tether_cluster_* metrics (cluster.md, Redis outages; docs/metrics.md): whether Redis answers,
 * handoffs by result, cross-node calls by kind and result, forwarded pushes, and the push log's
 * appends and trims. Registered only in cluster mode; read from the cluster at scrape time.
 * Labels are bounded by the cluster's own kinds and results.
 */
import type { ClusterStats } from "@tether/system";
import { Counter, Gauge, type Registry } from "prom-client";

export function registerClusterMetrics(registry: Registry, read: () => ClusterStats | undefined): void {
  const registers = [registry];
  new Gauge({
    name: "tether_cluster_redis_up",
    help: "1 while the cluster's Redis answers, 0 while it does not",
    registers,
    collect() {
      this.set(read()?.redisUp === true ? 1 : 0);
    },
  });
  new Counter({
    name: "tether_cluster_handoffs_total",
    help: "Sessions moved between nodes, by result (handed, from-log, lost, given)",
    labelNames: ["result"] as const,
    registers,
    collect() {
      this.reset();
      for (const [result, n] of Object.entries(read()?.handoffs ?? {})) this.inc({ result }, n);
    },
  });
  new Counter({
    name: "tether_cluster_calls_total",
    help: "Gateway calls sent to other nodes, by kind and result (ok, none, busy, refused)",
    labelNames: ["kind", "result"] as const,
    registers,
    collect() {
      this.reset();
      for (const [key, n] of Object.entries(read()?.calls ?? {})) {
        const [kind = "", result = ""] = key.split(" ");
        this.inc({ kind, result }, n);
      }
    },
  });
  new Counter({
    name: "tether_cluster_forwarded_pushes_total",
    help: "Pushes sent to the node that owns their session (sent), and taken from other nodes (taken)",
    labelNames: ["direction"] as const,
    registers,
    collect() {
      const s = read();
      this.reset();
      this.inc({ direction: "sent" }, s?.forwardedPushes.sent ?? 0);
      this.inc({ direction: "taken" }, s?.forwardedPushes.taken ?? 0);
    },
  });
  new Counter({
    name: "tether_cluster_log_appends_total",
    help: "Reliable pushes appended to their session's Redis stream (durability log)",
    registers,
    collect() {
      this.reset();
      this.inc(read()?.log.appends ?? 0);
    },
  });
  new Counter({
    name: "tether_cluster_log_trims_total",
    help: "Trims of session streams by ACKs and ring bounds (durability log)",
    registers,
    collect() {
      this.reset();
      this.inc(read()?.log.trims ?? 0);
    },
  });
}
