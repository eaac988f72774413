/**
 * Prometheus metrics (prom-client) on a registry of the server's own, so two servers can run in
 * one process. Most values are read from the server's counters at scrape time (no bookkeeping
 * on hot paths); requests are observed as they complete. Labels are bounded: a msgId label is
 * the msgId of a registered route or a system request, anything else is "other"; result codes
 * are the system codes, "ok", or "game" for game codes.
 */

import type { ClusterStats } from "@tether/system";
import { Counter, Gauge, Histogram, type MetricType, Registry } from "prom-client";
import { registerClusterMetrics } from "./cluster-metrics.js";
import type { MetricsSnapshot } from "./gateway.js";
import { LATENCY_BUCKETS, RequestStats, resultLabel } from "./request-stats.js";

export interface MetricsSource {
  /** The server's counters and gauges now. */
  read(): MetricsSnapshot;
  /** Whether a msgId may be a label value (a registered route or a system request). */
  knownMsgId(msgId: number): boolean;
  /** Cluster mode: what the cluster has done (tether_cluster_*). */
  readonly cluster?: () => ClusterStats | undefined;
}

type Read = (m: MetricsSnapshot) => number;

/** name -> [help, kind, the value in the snapshot] */
const SIMPLE: readonly [string, string, "counter" | "gauge", Read][] = [
  ["tether_connections_open", "Open WebSocket connections", "gauge", (m) => m.connections.open],
  ["tether_connections_opened_total", "Connections accepted", "counter", (m) => m.connections.opened],
  ["tether_sessions_attached", "Sessions with a connection", "gauge", (m) => m.sessions.attached],
  ["tether_sessions_detached", "Sessions waiting for a resume", "gauge", (m) => m.sessions.detached],
  ["tether_frames_in_total", "Frames received", "counter", (m) => m.frames.in],
  ["tether_frames_out_total", "Frames sent", "counter", (m) => m.frames.out],
  ["tether_bytes_in_total", "Bytes received", "counter", (m) => m.bytes.in],
  ["tether_bytes_out_total", "Bytes sent", "counter", (m) => m.bytes.out],
  ["tether_pushes_replayed_total", "Reliable pushes replayed after a resume", "counter", (m) => m.pushes.replayed],
  ["tether_pushes_evicted_total", "Unacknowledged pushes evicted by a ring bound", "counter", (m) => m.ring.evicted],
  ["tether_ring_entries", "Reliable pushes buffered in all rings", "gauge", (m) => m.ring.entries],
  ["tether_ring_bytes", "Payload bytes buffered in all rings", "gauge", (m) => m.ring.bytes],
  ["tether_slow_consumer_closes_total", "Connections closed 4001", "counter", (m) => m.closes.slowConsumer],
  ["tether_heartbeat_timeouts_total", "Connections closed 4000", "counter", (m) => m.closes.heartbeatTimeout],
  ["tether_auth_timeouts_total", "Connections closed 4003", "counter", (m) => m.closes.authTimeout],
  ["tether_rate_limited_total", "Requests answered RATE_LIMITED", "counter", (m) => m.rejections.rateLimited],
  ["tether_rate_abuse_closes_total", "Connections closed 4002", "counter", (m) => m.closes.rateAbuse],
  ["tether_backpressure_total", "Requests answered BACKPRESSURE", "counter", (m) => m.rejections.backpressure],
  ["tether_auth_failures_total", "Rejected tokens", "counter", (m) => m.rejections.authFailures],
  ["tether_protocol_errors_total", "Connections closed 4502", "counter", (m) => m.rejections.protocolErrors],
  [
    "tether_handshake_timeouts_total",
    "Sockets cut for not upgrading in time",
    "counter",
    (m) => m.closes.handshakeTimeout,
  ],
  [
    "tether_internal_errors_total",
    "Connections closed 1011: an error escaped framework code",
    "counter",
    (m) => m.closes.internalError,
  ],
  [
    "tether_queued_requests_dropped_total",
    "Queued requests dropped unstarted because their connection left",
    "counter",
    (m) => m.rejections.droppedQueuedRequests,
  ],
];

/** tether_connections_refused_total{reason} */
const REFUSED: readonly [string, Read][] = [
  ["capacity", (m) => m.connections.refused.capacity],
  ["rate", (m) => m.connections.refused.rate],
  ["origin", (m) => m.connections.refused.origin],
  ["hook", (m) => m.connections.refused.hook],
  ["draining", (m) => m.connections.refused.draining],
  ["handshake_overflow", (m) => m.connections.refused.handshakeOverflow],
];

/** tether_limit_rejections_total{limit} */
const LIMITS: readonly [string, Read][] = [
  ["queued_request_bytes", (m) => m.rejections.queuedRequestBytes],
  ["topic_name_bytes", (m) => m.rejections.topicNameBytes],
  ["topics_per_session", (m) => m.rejections.topicsPerSession],
  ["topics", (m) => m.rejections.topics],
  ["push_frame_bytes", (m) => m.rejections.pushesTooLarge],
];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly stats = new RequestStats();
  /** String labels of known msgIds (bounded like the routes). */
  private readonly labels = new Map<number, string>();

  /** The snapshot of the scrape in progress: one read of the server per scrape, not per series. */
  private scrape: MetricsSnapshot | undefined;

  constructor(private readonly source: MetricsSource) {
    const read = () => this.scrape ?? source.read();
    for (const [name, help, kind, key] of SIMPLE) {
      if (kind === "gauge") {
        new Gauge({
          name,
          help,
          registers: [this.registry],
          collect() {
            this.set(key(read()));
          },
        });
      } else {
        new Counter({
          name,
          help,
          registers: [this.registry],
          collect() {
            this.reset();
            this.inc(key(read()));
          },
        });
      }
    }
    new Counter({
      name: "tether_connections_refused_total",
      help: "Upgrades refused, by reason",
      labelNames: ["reason"] as const,
      registers: [this.registry],
      collect() {
        const m = read();
        this.reset();
        for (const [reason, value] of REFUSED) this.inc({ reason }, value(m));
      },
    });
    new Counter({
      name: "tether_limit_rejections_total",
      help: "Requests and subscriptions refused by a limit, by limit",
      labelNames: ["limit"] as const,
      registers: [this.registry],
      collect() {
        const m = read();
        this.reset();
        for (const [limit, value] of LIMITS) this.inc({ limit }, value(m));
      },
    });
    new Counter({
      name: "tether_pushes_issued_total",
      help: "Pushes issued, by kind",
      labelNames: ["kind"] as const,
      registers: [this.registry],
      collect() {
        const m = read();
        this.reset();
        this.inc({ kind: "reliable" }, m.pushes.reliable);
        this.inc({ kind: "best_effort" }, m.pushes.bestEffort);
      },
    });
    new Counter({
      name: "tether_resumes_total",
      help: "Resumes, by result",
      labelNames: ["result"] as const,
      registers: [this.registry],
      collect() {
        const m = read();
        this.reset();
        this.inc({ result: "ok" }, m.resumes.ok);
        this.inc({ result: "need_full_sync" }, m.resumes.fullSync);
      },
    });
    const stats = this.stats;
    new Counter({
      name: "tether_requests_total",
      help: "Game requests answered, by msgId of registered routes and result",
      labelNames: ["msg_id", "result"] as const,
      registers: [this.registry],
      collect() {
        this.reset();
        for (const [labels, n] of stats.counts()) this.inc(labels, n);
      },
    });
    new RequestLatency(stats, this.registry);
    if (source.cluster !== undefined) registerClusterMetrics(this.registry, source.cluster);
  }

  /** Called by the session layer when a game request was answered. */
  observeRequest(msgId: number, code: number, durationMs: number): void {
    const msgIdLabel = this.source.knownMsgId(msgId) ? this.msgIdLabel(msgId) : "other";
    this.stats.observe(msgIdLabel, resultLabel(code), durationMs / 1000);
  }

  private msgIdLabel(msgId: number): string {
    let label = this.labels.get(msgId);
    if (label === undefined) {
      label = String(msgId);
      this.labels.set(msgId, label);
    }
    return label;
  }

  /** The Prometheus text exposition. */
  async text(): Promise<string> {
    this.scrape = this.source.read();
    try {
      return await this.registry.metrics();
    } finally {
      this.scrape = undefined;
    }
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/**
 * The request-latency histogram, read from RequestStats at scrape time. prom-client's Registry
 * renders text from `getForPromString` when a metric has one (Histogram does), JSON from `get`;
 * both are answered here.
 */
class RequestLatency extends Histogram<"msg_id"> {
  static readonly NAME = "tether_request_duration_seconds";
  static readonly HELP = "Game request handling time";

  constructor(
    private readonly stats: RequestStats,
    registry: Registry,
  ) {
    super({
      name: RequestLatency.NAME,
      help: RequestLatency.HELP,
      labelNames: ["msg_id"] as const,
      buckets: [...LATENCY_BUCKETS],
      registers: [registry],
    });
  }

  override async get(): ReturnType<Histogram<"msg_id">["get"]> {
    return {
      name: RequestLatency.NAME,
      help: RequestLatency.HELP,
      // The runtime value is the string every prom-client metric carries; its typings declare
      // a numeric enum that the library itself never uses.
      type: "histogram" as unknown as MetricType,
      aggregator: "sum",
      collect: () => {},
      values: this.stats.histogramValues(RequestLatency.NAME),
    };
  }

  getForPromString(): ReturnType<Histogram<"msg_id">["get"]> {
    return this.get();
  }

  /** registry.resetMetrics() clears the request counts and latencies. */
  override reset(): void {
    super.reset();
    this.stats?.clear(); // undefined while prom-client's constructor runs
  }
}
