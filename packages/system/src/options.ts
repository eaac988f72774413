/**
 * Options of the session layer: one interface with every field documented (unit and default),
 * one DEFAULTS object, validated once. Callers pass a Partial; their object is never mutated.
 */
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  CompressionAlgorithm,
  type CryptoProvider,
  DEFAULT_COMPRESSION_MIN_BYTES,
  ED25519_SEED_BYTES,
  ErrorCode,
  fflateGzip,
  isAeadAlgorithm,
  MIN_MAX_FRAME_BYTES,
  nobleCrypto,
  type PayloadCompressor,
  TetherError,
} from "@tether/protocol";
import { type Clock, systemClock } from "./clock.js";
import type { SessionHooks } from "./hooks.js";
import { type Logger, silentLogger } from "./logger.js";
import { denyAllAuthenticator, type SnapshotProvider, type TokenAuthenticator } from "./spi.js";

/** Limits that can be read and changed at runtime; a change applies at once. */
export interface SessionLimits {
  /** Unanswered requests allowed per connection; more get BACKPRESSURE at once. Default 64. */
  maxInFlightReq: number;
  /** A handler still running after this gets REQUEST_TIMEOUT. Default 10 000 ms. */
  requestTimeoutMs: number;
  /** Ring bound: unacknowledged reliable pushes per session. Default 2000. */
  maxBufferedPushCount: number;
  /** Ring bound: age of an unacknowledged push. Default 60 000 ms. */
  maxBufferedPushAgeMs: number;
  /** Ring bound: payload bytes of unacknowledged pushes per session. Default 1 MiB. */
  maxBufferedPushBytes: number;
  /** A session without a connection lives this long. Default 120 000 ms. */
  sessionTtlMs: number;
  /** Completed responses kept per session for dedup. Default 1024. */
  dedupMaxEntries: number;
  /**
   * Bytes of completed responses kept per session for dedup (payload + 96 each); the newest
   * answer is kept whatever its size. Default 256 KiB.
   */
  dedupMaxBytes: number;
  /** How long a completed response stays in the dedup cache. Default 60 000 ms. */
  dedupTtlMs: number;
  /** Largest frame, and largest inflated payload. Default 1 MiB. */
  maxFrameBytes: number;
  /** Rejected Login/Resume tokens allowed per connection; the next one closes it with 4503. Default 5. */
  maxAuthFailures: number;
  /**
   * Payload bytes of requests waiting to run, per session (its serial queue) and per connection
   * (behind a system request); a request that would pass it gets BACKPRESSURE. A lone waiting
   * request is always admitted. Default 1 MiB.
   */
  maxQueuedRequestBytes: number;
}

export interface SessionOptions extends SessionLimits {
  /** Validates tokens. Default: every token is rejected with UNAUTHORIZED. */
  authenticator: TokenAuthenticator;
  /** Builds Sync snapshots. Default none: Sync answers SYNC_UNSUPPORTED. */
  snapshotProvider: SnapshotProvider | undefined;
  /** Compression allow-list in preference order; empty = off. Default [GZIP]. */
  compression: CompressionAlgorithm[];
  /** Payloads shorter than this are never compressed. Default 256 bytes. */
  compressionMinBytes: number;
  /** The GZIP implementation. Default fflate; Node servers pass nodeGzip. */
  compressor: PayloadCompressor;
  /** AEAD allow-list in preference order; empty = no app-layer encryption. */
  ciphers: AeadAlgorithm[];
  /** Refuse connections that do not seal (TLS counts as sealed). Default false. */
  requireEncryption: boolean;
  /** 32-byte Ed25519 seed; when set the server signs its key share. Default none. */
  signingKey: Uint8Array | undefined;
  /** Crypto primitives. Default noble; Node servers pass nodeCrypto. */
  crypto: CryptoProvider;
  /** The first frame must be a ClientHello. Default false. */
  requireHello: boolean;
  /** Announced in ClientHelloResp; enforced by the transport. Default 25 000 ms. */
  heartbeatIntervalMs: number;
  /**
   * Compatibility with clients built for CivGenesis (docs/protocol.md, "CivGenesis clients"):
   * `"civgenesis"` numbers and buffers every push (best-effort ones too, without
   * ACK_REQUIRED), sends no Disconnect push, clamps an ACK above the last issued pushId instead
   * of closing, and answers a COMPRESS request on a connection without compression with
   * UNSUPPORTED_PROTOCOL instead of closing. Default `"none"`.
   */
  compat: "none" | "civgenesis";
  /** Whether a Login kicks a connection holding the session, unless told otherwise. Default true. */
  kickExistingSession: boolean;
  /** This process's epoch id. Default: random. */
  serverEpoch: string | undefined;
  clock: Clock;
  logger: Logger;
  hooks: SessionHooks;
}

export const DEFAULT_LIMITS: Readonly<SessionLimits> = Object.freeze({
  maxInFlightReq: 64,
  requestTimeoutMs: 10_000,
  maxBufferedPushCount: 2000,
  maxBufferedPushAgeMs: 60_000,
  maxBufferedPushBytes: 1024 * 1024,
  sessionTtlMs: 120_000,
  dedupMaxEntries: 1024,
  dedupMaxBytes: 256 * 1024,
  dedupTtlMs: 60_000,
  maxFrameBytes: 1024 * 1024,
  maxAuthFailures: 5,
  maxQueuedRequestBytes: 1024 * 1024,
});

export const DEFAULTS: Readonly<SessionOptions> = Object.freeze({
  ...DEFAULT_LIMITS,
  authenticator: denyAllAuthenticator,
  snapshotProvider: undefined,
  compression: [CompressionAlgorithm.COMPRESSION_GZIP],
  compressionMinBytes: DEFAULT_COMPRESSION_MIN_BYTES,
  compressor: fflateGzip,
  ciphers: [CipherAlgorithm.CIPHER_CHACHA20_POLY1305, CipherAlgorithm.CIPHER_AES_256_GCM] as AeadAlgorithm[],
  requireEncryption: false,
  signingKey: undefined,
  crypto: nobleCrypto,
  requireHello: false,
  heartbeatIntervalMs: 25_000,
  kickExistingSession: true,
  compat: "none",
  serverEpoch: undefined,
  clock: systemClock,
  logger: silentLogger,
  hooks: {},
});

/**
 * A bad option or call argument: the one error class, TetherError, with code BAD_REQUEST (1012)
 * and `option` (also in `detail.option`) naming the field or argument.
 */
export class InvalidOptionError extends TetherError {
  constructor(
    readonly option: string,
    message: string,
  ) {
    super(ErrorCode.BAD_REQUEST, `option ${option}: ${message}`, { detail: { option } });
    this.name = "InvalidOptionError";
  }
}

const LIMIT_RULES: Record<keyof SessionLimits, { min: number; max: number }> = {
  maxInFlightReq: { min: 1, max: 1_000_000 },
  requestTimeoutMs: { min: 1, max: 2 ** 31 - 1 },
  maxBufferedPushCount: { min: 0, max: 10_000_000 },
  maxBufferedPushAgeMs: { min: 0, max: 2 ** 31 - 1 },
  maxBufferedPushBytes: { min: 0, max: 2 ** 40 },
  sessionTtlMs: { min: 0, max: 2 ** 31 - 1 },
  dedupMaxEntries: { min: 0, max: 1_000_000 },
  dedupMaxBytes: { min: 0, max: 2 ** 40 },
  dedupTtlMs: { min: 0, max: 2 ** 31 - 1 },
  maxFrameBytes: { min: MIN_MAX_FRAME_BYTES, max: 2 ** 31 - 1 },
  maxAuthFailures: { min: 1, max: 1_000_000 },
  maxQueuedRequestBytes: { min: 0, max: 2 ** 40 },
};

export const LIMIT_NAMES = Object.keys(LIMIT_RULES) as (keyof SessionLimits)[];

/** An integer option within `rule`, or InvalidOptionError naming it. */
export function checkIntegerOption(name: string, value: unknown, rule: { min: number; max: number }): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < rule.min || value > rule.max) {
    throw new InvalidOptionError(name, `must be an integer in ${rule.min}..${rule.max}`);
  }
  return value;
}

/** Checks a patch of limits; returns a clean copy holding only known limits. */
export function checkLimits(patch: unknown): Partial<SessionLimits> {
  if (typeof patch !== "object" || patch === null) throw new InvalidOptionError("limits", "must be an object");
  const out: Partial<SessionLimits> = {};
  for (const [name, value] of Object.entries(patch)) {
    const rule = LIMIT_RULES[name as keyof SessionLimits];
    if (rule === undefined) throw new InvalidOptionError(name, "is not a limit");
    out[name as keyof SessionLimits] = checkIntegerOption(name, value, rule);
  }
  return out;
}

function checkList<T extends number>(name: string, list: unknown, ok: (x: number) => boolean): T[] {
  if (!Array.isArray(list) || !list.every((x) => typeof x === "number" && ok(x))) {
    throw new InvalidOptionError(name, "has an unsupported entry");
  }
  return [...new Set(list as T[])];
}

/** Merges `partial` over DEFAULTS and validates the result. */
export function resolveOptions(partial: Partial<SessionOptions> = {}): SessionOptions {
  if (typeof partial !== "object" || partial === null) throw new InvalidOptionError("options", "must be an object");
  const limitPatch: Record<string, unknown> = {};
  for (const name of LIMIT_NAMES) if (partial[name] !== undefined) limitPatch[name] = partial[name];
  const o: SessionOptions = { ...DEFAULTS, ...partial, ...checkLimits(limitPatch) };
  o.compression = checkList("compression", o.compression, (x) => x === CompressionAlgorithm.COMPRESSION_GZIP);
  o.ciphers = checkList("ciphers", o.ciphers, isAeadAlgorithm);
  if (!Number.isInteger(o.compressionMinBytes) || o.compressionMinBytes < 0) {
    throw new InvalidOptionError("compressionMinBytes", "must be a non-negative integer");
  }
  if (!Number.isInteger(o.heartbeatIntervalMs) || o.heartbeatIntervalMs < 1) {
    throw new InvalidOptionError("heartbeatIntervalMs", "must be a positive integer");
  }
  if (
    o.signingKey !== undefined &&
    (!(o.signingKey instanceof Uint8Array) || o.signingKey.length !== ED25519_SEED_BYTES)
  ) {
    throw new InvalidOptionError("signingKey", "must be a 32-byte Ed25519 seed");
  }
  if (typeof o.authenticator?.authenticate !== "function") {
    throw new InvalidOptionError("authenticator", "must have an authenticate(token, info) method");
  }
  if (o.snapshotProvider !== undefined && typeof o.snapshotProvider.snapshot !== "function") {
    throw new InvalidOptionError("snapshotProvider", "must have a snapshot(playerId, revision) method");
  }
  if (o.compat !== "none" && o.compat !== "civgenesis") {
    throw new InvalidOptionError("compat", 'must be "none" or "civgenesis"');
  }
  if (o.serverEpoch !== undefined && (typeof o.serverEpoch !== "string" || o.serverEpoch.length === 0)) {
    throw new InvalidOptionError("serverEpoch", "must be a non-empty string");
  }
  return o;
}
