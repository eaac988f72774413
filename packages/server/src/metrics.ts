/**
 * Prometheus metrics (prom-client) on a registry of the server's own, so two servers can run in
 * one process. Most values are read from the server's counters at scrape time (no bookkeeping
 * on hot paths); requests are observed as they complete. Labels are bounded: a msgId label is
 * the msgId of a registered route or a system request, anything else is "other"; result codes
 * are the system codes, "ok", or "game" for game codes.
 */

import { Counter, Gauge, Histogram, type MetricType, Registry } from "prom-client";
import { LATENCY_BUCKETS, RequestStats, resultLabel } from "./request-stats.js";

export interface MetricsSource {
  /** A snapshot of the server's counters and gauges. */
  read(): Readonly<Record<string, number>>;
  /** Whether a msgId may be a label value (a registered route or a system request). */
  knownMsgId(msgId: number): boolean;
}

/** name -> [help, kind, key in MetricsSource.read()] */
const SIMPLE: readonly [string, string, "counter" | "gauge", string][] = [
  ["tether_connections_open", "Open WebSocket connections", "gauge", "connectionsOpen"],
  ["tether_connections_opened_total", "Connections accepted", "counter", "connectionsOpened"],
  ["tether_sessions_attached", "Sessions with a connection", "gauge", "sessionsAttached"],
  ["tether_sessions_detached", "Sessions waiting for a resume", "gauge", "sessionsDetached"],
  ["tether_frames_in_total", "Frames received", "counter", "framesIn"],
  ["tether_frames_out_total", "Frames sent", "counter", "framesOut"],
  ["tether_bytes_in_total", "Bytes received", "counter", "bytesIn"],
  ["tether_bytes_out_total", "Bytes sent", "counter", "bytesOut"],
  ["tether_pushes_replayed_total", "Reliable pushes replayed after a resume", "counter", "replayedPushes"],
  ["tether_pushes_evicted_total", "Unacknowledged pushes evicted by a ring bound", "counter", "evictedPushes"],
  ["tether_ring_entries", "Reliable pushes buffered in all rings", "gauge", "ringEntries"],
  ["tether_ring_bytes", "Payload bytes buffered in all rings", "gauge", "ringBytes"],
  ["tether_slow_consumer_closes_total", "Connections closed 4001", "counter", "slowConsumerCloses"],
  ["tether_heartbeat_timeouts_total", "Connections closed 4000", "counter", "heartbeatTimeouts"],
  ["tether_auth_timeouts_total", "Connections closed 4003", "counter", "authTimeouts"],
  ["tether_rate_limited_total", "Requests answered RATE_LIMITED", "counter", "rateLimited"],
  ["tether_rate_abuse_closes_total", "Connections closed 4002", "counter", "rateAbuseCloses"],
  ["tether_backpressure_total", "Requests answered BACKPRESSURE", "counter", "backpressure"],
  ["tether_auth_failures_total", "Rejected tokens", "counter", "authFailures"],
  ["tether_protocol_errors_total", "Connections closed 4502", "counter", "protocolErrors"],
  ["tether_handshake_timeouts_total", "Sockets cut for not upgrading in time", "counter", "handshakeTimeouts"],
  [
    "tether_internal_errors_total",
    "Connections closed 1011: an error escaped framework code",
    "counter",
    "internalErrors",
  ],
  [
    "tether_queued_requests_dropped_total",
    "Queued requests dropped unstarted because their connection left",
    "counter",
    "droppedQueuedRequests",
  ],
];

/** Label values of tether_limit_rejections_total and their keys in MetricsSource.read(). */
const LIMITS = [
  "queued_request_bytes",
  "topic_name_bytes",
  "topics_per_session",
  "topics",
  "push_frame_bytes",
] as const;

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly stats = new RequestStats();
  /** String labels of known msgIds (bounded like the routes). */
  private readonly labels = new Map<number, string>();

  constructor(private readonly source: MetricsSource) {
    for (const [name, help, kind, key] of SIMPLE) {
      if (kind === "gauge") {
        new Gauge({
          name,
          help,
          registers: [this.registry],
          collect() {
            this.set(source.read()[key] ?? 0);
          },
        });
      } else {
        new Counter({
          name,
          help,
          registers: [this.registry],
          collect() {
            this.reset();
            this.inc(source.read()[key] ?? 0);
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
        const r = source.read();
        this.reset();
        for (const reason of ["capacity", "rate", "origin", "hook", "draining", "handshake_overflow"] as const) {
          this.inc({ reason }, r[`refused_${reason}`] ?? 0);
        }
      },
    });
    new Counter({
      name: "tether_limit_rejections_total",
      help: "Requests and subscriptions refused by a limit, by limit",
      labelNames: ["limit"] as const,
      registers: [this.registry],
      collect() {
        const r = source.read();
        this.reset();
        for (const limit of LIMITS) this.inc({ limit }, r[`limit_${limit}`] ?? 0);
      },
    });
    new Counter({
      name: "tether_pushes_issued_total",
      help: "Pushes issued, by kind",
      labelNames: ["kind"] as const,
      registers: [this.registry],
      collect() {
        const r = source.read();
        this.reset();
        this.inc({ kind: "reliable" }, r.reliablePushes ?? 0);
        this.inc({ kind: "best_effort" }, r.bestEffortPushes ?? 0);
      },
    });
    new Counter({
      name: "tether_resumes_total",
      help: "Resumes, by result",
      labelNames: ["result"] as const,
      registers: [this.registry],
      collect() {
        const r = source.read();
        this.reset();
        this.inc({ result: "ok" }, r.resumesOk ?? 0);
        this.inc({ result: "need_full_sync" }, r.resumesFullSync ?? 0);
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
  text(): Promise<string> {
    return this.registry.metrics();
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
