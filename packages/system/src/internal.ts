/**
 * @tether/system/internal: the public surface plus the classes the engine is built of, for
 * transports (the server), session stores and tests. Not a stable API: it follows the engine.
 */

export { Connection, errorResponse, toTetherError } from "./connection.js";
export { decodePayload } from "./decode-payload.js";
export { type CachedResponse, type DedupAnswer, DedupCache, type DedupLimits } from "./dedup-cache.js";
export { type HelloContext, type HelloOutcome, negotiateHello } from "./handshake.js";
export * from "./index.js";
export { SerialLane } from "./lane.js";
export { checkIntegerOption, checkLimits, LIMIT_NAMES, resolveOptions } from "./options.js";
export { type PushBody, PushRing, type RingEntry } from "./push-ring.js";
export type { Route } from "./routes.js";
export { Session } from "./session.js";
export { sessionDataProblem } from "./session-data.js";
export { exportSession, importSession } from "./session-state.js";
export { checkAuthResult, sessionKeyOf } from "./spi.js";
