/**
 * The server's own counters (the transport's: upgrades, frames, bytes, closes) and the one
 * typed snapshot that gateway.metrics() and the Prometheus series are both read from.
 */
import type { EngineCounters, SessionStore } from "@tether/system/internal";
import type { MetricsSnapshot } from "./gateway.js";
import type { TopicRefusals } from "./topics.js";

/** Monotonic counters of the transport. */
export interface ServerCounters {
  connectionsOpened: number;
  refusedCapacity: number;
  refusedRate: number;
  refusedOrigin: number;
  refusedByHook: number;
  refusedDraining: number;
  /** Sockets cut because maxPendingHandshakes were waiting (the oldest goes). */
  refusedHandshakeOverflow: number;
  /** Sockets cut for not upgrading within handshakeTimeoutMs. */
  handshakeTimeouts: number;
  slowConsumerCloses: number;
  heartbeatTimeouts: number;
  authTimeouts: number;
  rateAbuseCloses: number;
  framesIn: number;
  framesOut: number;
  bytesIn: number;
  bytesOut: number;
}

export function newServerCounters(): ServerCounters {
  return {
    connectionsOpened: 0,
    refusedCapacity: 0,
    refusedRate: 0,
    refusedOrigin: 0,
    refusedByHook: 0,
    refusedDraining: 0,
    refusedHandshakeOverflow: 0,
    handshakeTimeouts: 0,
    slowConsumerCloses: 0,
    heartbeatTimeouts: 0,
    authTimeouts: 0,
    rateAbuseCloses: 0,
    framesIn: 0,
    framesOut: 0,
    bytesIn: 0,
    bytesOut: 0,
  };
}

/** Where a snapshot is read from. */
export interface SnapshotSources {
  readonly counters: Readonly<ServerCounters>;
  readonly engine: { readonly metrics: Readonly<EngineCounters>; readonly store: SessionStore };
  readonly topicRefusals: Readonly<TopicRefusals>;
  readonly connectionsOpen: number;
}

/** Every counter and gauge, typed (the gauges are summed over the sessions that exist now). */
export function metricsSnapshot(src: SnapshotSources): MetricsSnapshot {
  let attached = 0;
  let entries = 0;
  let bytes = 0;
  for (const s of src.engine.store.values()) {
    if (s.attached) attached++;
    entries += s.ring.size;
    bytes += s.ring.byteSize;
  }
  const c = src.counters;
  const m = src.engine.metrics;
  const t = src.topicRefusals;
  return {
    connections: {
      open: src.connectionsOpen,
      opened: c.connectionsOpened,
      refused: {
        capacity: c.refusedCapacity,
        rate: c.refusedRate,
        origin: c.refusedOrigin,
        hook: c.refusedByHook,
        draining: c.refusedDraining,
        handshakeOverflow: c.refusedHandshakeOverflow,
      },
    },
    sessions: { attached, detached: src.engine.store.size - attached },
    frames: { in: c.framesIn, out: c.framesOut },
    bytes: { in: c.bytesIn, out: c.bytesOut },
    pushes: { reliable: m.reliablePushes, bestEffort: m.bestEffortPushes, replayed: m.replayedPushes },
    resumes: { ok: m.resumesOk, fullSync: m.resumesFullSync },
    ring: { entries, bytes, evicted: m.evictedPushes },
    closes: {
      slowConsumer: c.slowConsumerCloses,
      heartbeatTimeout: c.heartbeatTimeouts,
      authTimeout: c.authTimeouts,
      rateAbuse: c.rateAbuseCloses,
      handshakeTimeout: c.handshakeTimeouts,
      internalError: m.internalErrors,
    },
    rejections: {
      rateLimited: m.rateLimitRejections,
      backpressure: m.backpressureRejections,
      authFailures: m.authFailures,
      protocolErrors: m.protocolErrors,
      queuedRequestBytes: m.queuedBytesRejections,
      droppedQueuedRequests: m.droppedQueuedRequests,
      topicNameBytes: t.nameTooLong,
      topicsPerSession: t.perSession,
      topics: t.total,
      pushesTooLarge: m.pushesTooLarge,
    },
  };
}
