/**
 * The one error table of Tether (sessions.md §10) and the error class every package throws.
 *
 * System codes are 1001..9999; games use 10000 and above. Tests and callers compare codes,
 * never message text.
 */

export const ErrorCode = {
  /** A frame breaks protocol.md §2 (or fails to open, or inflates past the limit). */
  INVALID_FRAME: 1001,
  /** Version, compression or cipher cannot be agreed. */
  UNSUPPORTED_PROTOCOL: 1002,
  /** The token was rejected. */
  UNAUTHORIZED: 1003,
  /** The msgId needs an authenticated session. */
  NEED_LOGIN: 1004,
  /** Too many requests in flight on the connection. Retryable. */
  BACKPRESSURE: 1005,
  /** Server overloaded or draining. Retryable. */
  SERVER_BUSY: 1006,
  /** The session changed under the request. */
  SESSION_EXPIRED: 1007,
  /** The handler did not finish in time. Retryable. */
  REQUEST_TIMEOUT: 1008,
  /** No route for the msgId. */
  NOT_FOUND: 1009,
  /** Message rate exceeded. Retryable. */
  RATE_LIMITED: 1010,
  /** A payload is over a limit. */
  PAYLOAD_TOO_LARGE: 1011,
  /** The payload does not decode. */
  BAD_REQUEST: 1012,
  /** The server has no snapshot provider. */
  SYNC_UNSUPPORTED: 1013,
  /** A handler threw something other than a TetherError. */
  INTERNAL: 1014,
  /** Login without kick while another connection holds the session. */
  SESSION_CONFLICT: 1015,
} as const;

export type ErrorCodeName = keyof typeof ErrorCode;
export type SystemErrorCode = (typeof ErrorCode)[ErrorCodeName];

/** The first code that belongs to the game. */
export const GAME_ERROR_CODE_MIN = 10000;

const RETRYABLE: ReadonlySet<number> = new Set([
  ErrorCode.BACKPRESSURE,
  ErrorCode.SERVER_BUSY,
  ErrorCode.REQUEST_TIMEOUT,
  ErrorCode.RATE_LIMITED,
]);

const NAMES: ReadonlyMap<number, ErrorCodeName> = new Map(
  (Object.entries(ErrorCode) as [ErrorCodeName, number][]).map(([name, code]) => [code, name]),
);

/** The name of a system code (`"INVALID_FRAME"`), or undefined for a game or unknown code. */
export function errorCodeName(code: number): ErrorCodeName | undefined {
  return NAMES.get(code);
}

/** The default retry rule of a system code (game codes default to not retryable). */
export function isRetryableCode(code: number): boolean {
  return RETRYABLE.has(code);
}

export interface TetherErrorOptions {
  /** Defaults to the system table's rule for the code. */
  retryable?: boolean;
  /** Small string map sent to the client in `Error.detail`. Never put secrets here. */
  detail?: Readonly<Record<string, string>>;
  cause?: unknown;
}

/**
 * An error with a stable numeric code. Thrown by the codec for bad input, by game handlers to
 * answer a request with an error, and by the client when a request fails.
 */
export class TetherError extends Error {
  readonly code: number;
  readonly retryable: boolean;
  readonly detail: Readonly<Record<string, string>>;

  constructor(code: number, message: string, options: TetherErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = "TetherError";
    this.code = code;
    this.retryable = options.retryable ?? isRetryableCode(code);
    this.detail = options.detail ?? {};
  }
}

/**
 * True for anything shaped like a TetherError (a numeric `code`, a boolean `retryable`, a
 * string `message`). Checks shape, not `instanceof`, so errors from another copy of the package
 * (two bundles, a worker) still match.
 */
export function isTetherError(x: unknown): x is TetherError {
  if (typeof x !== "object" || x === null) return false;
  const e = x as { code?: unknown; retryable?: unknown; message?: unknown; detail?: unknown };
  return (
    typeof e.code === "number" &&
    typeof e.retryable === "boolean" &&
    typeof e.message === "string" &&
    typeof e.detail === "object" &&
    e.detail !== null
  );
}

/**
 * Every INVALID_FRAME names the rule it broke in `detail.rule`, one of these. Stable: tests and
 * clients (which skip frames of an unknown type) compare against them.
 */
export const FrameRule = {
  TYPE_MISSING: "type-missing",
  TYPE_UNKNOWN: "type-unknown",
  TAG_REPEATED: "tag-repeated",
  TOO_MANY_ITEMS: "too-many-items",
  TRUNCATED: "truncated",
  VARINT_NOT_MINIMAL: "varint-not-minimal",
  VARINT_TOO_LARGE: "varint-too-large",
  NUMBER_LENGTH: "number-length",
  MSG_ID_RANGE: "msg-id-range",
  MSG_ID_MISSING: "msg-id-missing",
  PUSH_ID_MISMATCH: "push-id-mismatch",
  ERROR_FLAG_NOT_RESP: "error-flag-not-resp",
  SEALED_PAYLOAD_MISSING: "sealed-payload-missing",
  SEAL_OPEN_FAILED: "seal-open-failed",
  NOT_SEALED: "not-sealed",
  INFLATE_FAILED: "inflate-failed",
  INFLATE_LIMIT: "inflate-limit",
  FIELD_RANGE: "field-range",
  /** A RESP or PUSH sent by a client (they travel server to client only). */
  WRONG_DIRECTION: "wrong-direction",
  /** An ACK (or ackPushId) above the last pushId the session issued. */
  ACK_ABOVE_ISSUED: "ack-above-issued",
  /** A COMPRESS frame on a connection that agreed no compression; the error's cause is the frame. */
  COMPRESSION_NOT_AGREED: "compression-not-agreed",
  /** A WebSocket text message (Tether frames are binary messages). */
  TEXT_MESSAGE: "text-message",
} as const;

export type FrameRuleName = (typeof FrameRule)[keyof typeof FrameRule];

/** An INVALID_FRAME error naming the broken rule. */
export function invalidFrame(rule: FrameRuleName, message: string, cause?: unknown): TetherError {
  return new TetherError(ErrorCode.INVALID_FRAME, message, {
    detail: { rule },
    ...(cause === undefined ? {} : { cause }),
  });
}
