/**
 * Client options: one interface, every field documented with unit and default, one DEFAULTS
 * object; callers pass a Partial (url and token are required).
 */
import { type CryptoProvider, nobleCrypto } from "@tether/protocol";
import { type Clock, systemClock } from "./clock.js";
import { type ClientStore, memoryStore } from "./store.js";
import type { TransportFactory } from "./transport.js";

export type CipherName = "CHACHA20_POLY1305" | "AES_256_GCM";

export interface EncryptionOptions {
  /** Ciphers to offer, in preference order. Default both. */
  readonly ciphers?: readonly CipherName[];
  /** The server's Ed25519 public key: its signature must verify, or the connection is refused. */
  readonly serverPublicKey?: Uint8Array;
  /** Refuse to connect unsealed. Default true when `encryption` is set. */
  readonly required?: boolean;
}

export interface ClientOptions {
  /** The server's WebSocket URL, e.g. ws://127.0.0.1:8081/ws. */
  url: string;
  /** The token, or a function called on every (re)connect that returns one. */
  token: string | (() => string | Promise<string>);
  /** Offer GZIP. Default true. */
  compression: boolean;
  /** App-layer encryption; off by default (use TLS). */
  encryption: EncryptionOptions | undefined;
  /** Where lastAppliedPushId, the client instance and the seq counter live. Default memoryStore(). */
  store: ClientStore;
  /** Backoff between reconnects (full jitter). Default 500 .. 20 000 ms. */
  reconnect: { readonly minDelayMs: number; readonly maxDelayMs: number };
  /** A request without an answer after this rejects with REQUEST_TIMEOUT. Default 10 000 ms. */
  requestTimeoutMs: number;
  /** ACKs wait this long to be batched. Default 200 ms. */
  ackDelayMs: number;
  /** ...or until this many pushes wait for one. Default 64. */
  ackBatch: number;
  /** Requests held while disconnected or over the in-flight cap. Default 256. */
  maxQueuedRequests: number;
  /** After a PING, no frame for this long means the link is dead. Default 10 000 ms. */
  heartbeatTimeoutMs: number;
  /** Makes the WebSocket. Default: the global WebSocket. */
  transport: TransportFactory | undefined;
  /** Crypto primitives. Default noble (browser-safe). */
  crypto: CryptoProvider;
  /** Sent in ClientHello.client_version. */
  clientVersion: string;
  /** Randomness for backoff (tests pass a fixed one). Default Math.random. */
  random: () => number;
  /** Time for the heartbeat, backoff, ACK batching and timeouts (tests pass a manual one). Default systemClock. */
  clock: Clock;
}

export const CLIENT_DEFAULTS: Readonly<Omit<ClientOptions, "url" | "token" | "store">> = Object.freeze({
  compression: true,
  encryption: undefined,
  reconnect: { minDelayMs: 500, maxDelayMs: 20_000 },
  requestTimeoutMs: 10_000,
  ackDelayMs: 200,
  ackBatch: 64,
  maxQueuedRequests: 256,
  heartbeatTimeoutMs: 10_000,
  transport: undefined,
  crypto: nobleCrypto,
  clientVersion: "@tether/client 0.1.0",
  random: Math.random,
  clock: systemClock,
});

function positive(name: string, v: unknown): void {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0)
    throw new TypeError(`option ${name} must be a non-negative number`);
}

export function resolveClientOptions(
  partial: Partial<ClientOptions> & Pick<ClientOptions, "url" | "token">,
): ClientOptions {
  if (typeof partial?.url !== "string" || !/^wss?:\/\//.test(partial.url)) {
    throw new TypeError("option url must be a ws:// or wss:// URL");
  }
  if (typeof partial.token !== "string" && typeof partial.token !== "function") {
    throw new TypeError("option token must be a string or a function");
  }
  const o: ClientOptions = { ...CLIENT_DEFAULTS, store: partial.store ?? memoryStore(), ...partial };
  for (const k of ["requestTimeoutMs", "ackDelayMs", "ackBatch", "maxQueuedRequests", "heartbeatTimeoutMs"] as const) {
    positive(k, o[k]);
  }
  positive("reconnect.minDelayMs", o.reconnect.minDelayMs);
  positive("reconnect.maxDelayMs", o.reconnect.maxDelayMs);
  return o;
}
