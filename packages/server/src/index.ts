/**
 * @tether/server: the Tether WebSocket server on `ws`.
 *
 * This entry is the public surface: createServer and the server, its options and limits, the
 * Gateway and its types, typed routes. The parts the server is built of (the local gateway,
 * the metrics registry, the topic index, the rate limiter) are in `@tether/server/internal`.
 */
export type { ServerCounters } from "./counters.js";
export type {
  BulkItem,
  DataNotify,
  Gateway,
  GatewayPushOptions,
  MetricsSnapshot,
  PublishItem,
  SessionInfo,
} from "./gateway.js";
export {
  type ServerLimits,
  type ServerOptions,
  TRANSPORT_DEFAULTS,
  type TransportLimits,
  type UpgradeDecision,
  type UpgradeInfo,
  type UpgradeRefusal,
} from "./options.js";
export { createServer, type ServerContext, TetherServer } from "./server.js";
/** A token bucket, for per-address limits in onConnectionOpen (docs/security.md). */
export { TokenBucket } from "./token-bucket.js";
export type { TopicLimits } from "./topics.js";
export type { Decoder, Encoder, MessageType } from "./typed-routes.js";
