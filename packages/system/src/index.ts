/**
 * @tether/system: the transport-free session layer. A server feeds it bytes through
 * `SessionEngine.connect(info, sink).receive(bytes)`; it answers through the sink.
 *
 * This entry is the public surface: the engine, its options and limits, the SPIs, hooks and
 * their read-only views, routes, clocks and logging. The classes the engine is built of (the
 * connection, the session, the ring, the dedup cache, the handshake) are in
 * `@tether/system/internal`, for transports, stores and tests.
 */
export { type Clock, ManualClock, systemClock, type TimerHandle } from "./clock.js";
export {
  type Cluster,
  type ClusterHost,
  type ClusterStats,
  type LoginClaim,
  localCluster,
  type NodeCounts,
  type TakeOver,
} from "./cluster.js";
export type {
  ClusterGateway,
  DataNotify,
  GatewayHere,
  SessionCall,
  SessionInfo,
  SessionRef,
  TopicChange,
  TopicMembers,
} from "./cluster-gateway.js";
export type { ConnectionSink, ConnectionState } from "./connection.js";
export type { Decoder } from "./decode-payload.js";
export { checkGameMsgId, type EngineOptions, SessionEngine } from "./engine.js";
export type { EngineCounters } from "./engine-counters.js";
export type { ConnectionView, ResumeOutcome, SessionEndReason, SessionHooks, SessionView } from "./hooks.js";
export { type LogFields, type Logger, silentLogger } from "./logger.js";
export {
  DEFAULT_LIMITS,
  DEFAULTS,
  InvalidOptionError,
  type SessionLimits,
  type SessionOptions,
} from "./options.js";
export type { PushOptions, PushWindow } from "./push-ring.js";
export type { HandlerResult, RequestContext, RequestHandler, RouteOptions } from "./routes.js";
export {
  MAX_SESSION_DATA_KEY_LENGTH,
  MAX_SESSION_DATA_KEYS,
  MAX_SESSION_DATA_VALUE_LENGTH,
} from "./session-data.js";
export type { MovedPush, SessionState } from "./session-state.js";
export { MemorySessionStore, type SessionStore } from "./session-store.js";
export {
  type AuthResult,
  type ConnectionInfo,
  denyAllAuthenticator,
  type SnapshotProvider,
  type SnapshotResult,
  type TokenAuthenticator,
} from "./spi.js";
