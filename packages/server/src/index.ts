/**
 * @tether/server: the Tether WebSocket server on `ws`.
 */

export { metricsSnapshot, type ServerCounters } from "./counters.js";
export type {
  BulkItem,
  DataNotify,
  Gateway,
  GatewayPushOptions,
  MetricsSnapshot,
  PublishItem,
  SessionInfo,
} from "./gateway.js";
export { type GatewayHost, LocalGateway } from "./local-gateway.js";
export { type MetricsSource, ServerMetrics } from "./metrics.js";
export {
  checkTransportLimits,
  resolveServerOptions,
  type ServerLimits,
  type ServerOptions,
  TRANSPORT_DEFAULTS,
  type TransportLimits,
  type UpgradeDecision,
  type UpgradeInfo,
  type UpgradeRefusal,
} from "./options.js";
export {
  createServer,
  type ServerContext,
  TetherServer,
} from "./server.js";
export { TokenBucket } from "./token-bucket.js";
export { TopicIndex } from "./topics.js";
export { type Decoder, decodeRequest, type Encoder, type MessageType, typedHandler } from "./typed-routes.js";
