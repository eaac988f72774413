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
  /**
   * After a PING, no frame for this long means the link is dead. Default 10 000 ms; 5 000 ms in
   * browsers, where a dead link is then noticed within 10 s (with `pingAfterSilenceMs`).
   */
  heartbeatTimeoutMs: number;
  /**
   * The client sends a PING after this much silence from the server (a sign of life answers it).
   * Default: the server's heartbeat interval (from its ClientHelloResp); 5 000 ms in browsers, where
   * networks drop silently (one small frame every 5 s of silence: a little traffic and battery).
   */
  pingAfterSilenceMs: number | undefined;
  /**
   * In browsers: reconnect at once on the page's `online` event and when a hidden tab becomes
   * visible, instead of waiting out the backoff. Default true.
   */
  pageSignals: boolean;
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
  pingAfterSilenceMs: undefined,
  pageSignals: true,
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
  // In a browser page a dead link is noticed within 10 s by default (docs/client.md §8.5).
  const page = typeof (globalThis as { document?: unknown }).document === "object";
  const o: ClientOptions = {
    ...CLIENT_DEFAULTS,
    ...(page ? { heartbeatTimeoutMs: 5_000, pingAfterSilenceMs: 5_000 } : {}),
    store: partial.store ?? memoryStore(),
    ...partial,
  };
  for (const k of ["requestTimeoutMs", "ackDelayMs", "ackBatch", "maxQueuedRequests", "heartbeatTimeoutMs"] as const) {
    positive(k, o[k]);
  }
  if (o.pingAfterSilenceMs !== undefined) positive("pingAfterSilenceMs", o.pingAfterSilenceMs);
  positive("reconnect.minDelayMs", o.reconnect.minDelayMs);
  positive("reconnect.maxDelayMs", o.reconnect.maxDelayMs);
  return o;
}
