/**
 * @tether/server/internal: the public surface plus the parts the server is built of, for
 * tests and for those who assemble their own server. Not a stable API.
 */

export { metricsSnapshot, newServerCounters } from "./counters.js";
export * from "./index.js";
export { type GatewayHost, LocalGateway } from "./local-gateway.js";
export { type MetricsSource, ServerMetrics } from "./metrics.js";
export { checkTransportLimits, resolveServerOptions } from "./options.js";
export { TopicIndex } from "./topics.js";
export { decodeRequest, typedHandler } from "./typed-routes.js";
