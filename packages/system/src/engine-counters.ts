/** The session engine's counters (the server turns them into metrics). */

/** Counters the server turns into metrics. Monotonic unless named otherwise. */
export interface EngineCounters {
  protocolErrors: number;
  authFailures: number;
  reliablePushes: number;
  bestEffortPushes: number;
  replayedPushes: number;
  resumesOk: number;
  resumesFullSync: number;
  backpressureRejections: number;
  rateLimitRejections: number;
  requestTimeouts: number;
  /** Best-effort frames encoded for a fan-out (each then reused by every plain connection). */
  sharedFramesBuilt: number;
  /** Unacknowledged pushes evicted by a ring bound (monotonic). */
  evictedPushes: number;
  /** Requests refused because the bytes of requests waiting to run passed maxQueuedRequestBytes. */
  queuedBytesRejections: number;
  /** Queued requests dropped unstarted because their connection closed. */
  droppedQueuedRequests: number;
  /** Errors that escaped a callback the framework scheduled (each closed at most one connection). */
  internalErrors: number;
  /** Pushes refused because they would not fit the max_frame_bytes of the session's connection. */
  pushesTooLarge: number;
}

/** All counters at zero. */
export function newEngineCounters(): EngineCounters {
  return {
    protocolErrors: 0,
    authFailures: 0,
    reliablePushes: 0,
    bestEffortPushes: 0,
    replayedPushes: 0,
    resumesOk: 0,
    resumesFullSync: 0,
    backpressureRejections: 0,
    rateLimitRejections: 0,
    requestTimeouts: 0,
    sharedFramesBuilt: 0,
    evictedPushes: 0,
    queuedBytesRejections: 0,
    droppedQueuedRequests: 0,
    internalErrors: 0,
    pushesTooLarge: 0,
  };
}
