/**
 * `@tether/protocol/node`: Node-only fast paths behind the same interfaces as the browser-safe
 * main entry. Use them on servers; they produce bytes the browser path accepts.
 */
export { nodeCrypto } from "./node-crypto.js";
export { nodeGzip } from "./node-gzip.js";
