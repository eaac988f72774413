/**
 * @tether/client: the Tether SDK for browsers, Node (with @tether/client/node) and game engines
 * (any WebSocket-like transport). Nothing here imports from Node.
 */
export { CloseCode, ErrorCode, isTetherError, TetherError } from "@tether/protocol";
export { type MessageType, TetherClient } from "./client.js";
export { type Clock, systemClock, type TimerHandle } from "./clock.js";
export type { ClientEvents, ClientState } from "./events.js";
export { type CipherName, CLIENT_DEFAULTS, type ClientOptions, type EncryptionOptions } from "./options.js";
export type { PushMeta } from "./push-pipeline.js";
export { backoffDelay } from "./reconnect-policy.js";
export { type ClientStore, localStorageStore, memoryStore, type StorageLike, type StoredState } from "./store.js";
export { globalTransport, type TransportFactory, type WebSocketLike } from "./transport.js";
