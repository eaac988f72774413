/**
 * Prometheus metrics (prom-client) on a registry of the server's own, so two servers can run in
 * one process. Most values are read from the server's counters at scrape time (no bookkeeping
 * on hot paths); requests are observed as they complete. Labels are bounded: a msgId label is
 * the msgId of a registered route or a system request, anything else is "other"; result codes
 * are the system codes, "ok", or "game" for game codes.
 */

import { errorCodeName, GAME_ERROR_CODE_MIN } from "@tether/protocol";
import { Counter, Gauge, Histogram, Registry } from "prom-client";

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
];

export class ServerMetrics {
  readonly registry = new Registry();
  private readonly requests: Counter<"msg_id" | "result">;
  private readonly latency: Histogram<"msg_id">;

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
        for (const reason of ["capacity", "rate", "origin", "hook", "draining"] as const) {
          this.inc({ reason }, r[`refused_${reason}`] ?? 0);
        }
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
    this.requests = new Counter({
      name: "tether_requests_total",
      help: "Game requests answered, by msgId of registered routes and result",
      labelNames: ["msg_id", "result"] as const,
      registers: [this.registry],
    });
    this.latency = new Histogram({
      name: "tether_request_duration_seconds",
      help: "Game request handling time",
      labelNames: ["msg_id"] as const,
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
  }

  /** Called by the session layer when a game request was answered. */
  observeRequest(msgId: number, code: number, durationMs: number): void {
    const msg_id = this.source.knownMsgId(msgId) ? String(msgId) : "other";
    const result = code === 0 ? "ok" : code >= GAME_ERROR_CODE_MIN ? "game" : (errorCodeName(code) ?? "other");
    this.requests.inc({ msg_id, result });
    this.latency.observe({ msg_id }, durationMs / 1000);
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
