/**
 * @tether/system: the transport-free session layer. A server feeds it bytes through
 * `SessionEngine.connect(info, sink).receive(bytes)`; it answers through the sink.
 */
export { type Clock, ManualClock, systemClock, type TimerHandle } from "./clock.js";
export { Connection, type ConnectionSink, type ConnectionState, errorResponse, toTetherError } from "./connection.js";
export { type Decoder, decodePayload } from "./decode-payload.js";
export type { CachedResponse, DedupLimits } from "./dedup-cache.js";
export { DedupCache } from "./dedup-cache.js";
export { checkGameMsgId, type EngineCounters, type EngineOptions, SessionEngine } from "./engine.js";
export { type HelloContext, type HelloOutcome, negotiateHello } from "./handshake.js";
export type { ConnectionView, SessionEndReason, SessionHooks, SessionView } from "./hooks.js";
export { SerialLane } from "./lane.js";
export { type LogFields, type Logger, silentLogger } from "./logger.js";
export {
  checkIntegerOption,
  checkLimits,
  DEFAULT_LIMITS,
  DEFAULTS,
  InvalidOptionError,
  LIMIT_NAMES,
  resolveOptions,
  type SessionLimits,
  type SessionOptions,
} from "./options.js";
export type { PushOptions } from "./push.js";
export { type PushBody, PushRing, type PushWindow, type RingEntry } from "./push-ring.js";
export type { ResumeOutcome } from "./resume.js";
export type { HandlerResult, RequestContext, RequestHandler, Route, RouteOptions } from "./routes.js";
export { Session } from "./session.js";
export {
  MAX_SESSION_DATA_KEY_LENGTH,
  MAX_SESSION_DATA_KEYS,
  MAX_SESSION_DATA_VALUE_LENGTH,
  sessionDataProblem,
} from "./session-data.js";
export { MemorySessionStore, type SessionStore } from "./session-store.js";
export {
  type AuthResult,
  type ConnectionInfo,
  checkAuthResult,
  denyAllAuthenticator,
  type SnapshotProvider,
  type SnapshotResult,
  sessionKeyOf,
  type TokenAuthenticator,
} from "./spi.js";
