/**
 * WebSocket close codes (sessions.md §11), with the reconnect rule next to them:
 * 1006 (abnormal), 1012 and 4000-4499 mean "reconnect and resume"; 4500-4999 mean "do not,
 * unless the app says so". Before every close it initiates, the server sends a Disconnect push
 * carrying the same code.
 */
export const CloseCode = {
  /** Abnormal closure seen by a client (no close frame): network loss. Reconnect. */
  ABNORMAL: 1006,
  /** Frame too large. */
  FRAME_TOO_LARGE: 1009,
  /**
   * The server failed while handling this connection (an error escaped a callback). Only this
   * connection is closed; the client does not reconnect on its own (a bug may repeat).
   */
  INTERNAL_ERROR: 1011,
  /** Server shutting down. Reconnect. */
  SERVER_SHUTDOWN: 1012,
  /** Heartbeat timeout. Reconnect. */
  HEARTBEAT_TIMEOUT: 4000,
  /** Slow consumer: too many bytes queued to the socket. Reconnect and resume. */
  SLOW_CONSUMER: 4001,
  /** Sustained rate-limit abuse. Reconnect (with backoff). */
  RATE_LIMIT_ABUSE: 4002,
  /** Not authenticated in time. Reconnect. */
  AUTH_TIMEOUT: 4003,
  /** Session taken over by a newer login. Do not reconnect. */
  SESSION_TAKEN_OVER: 4500,
  /** Kicked by game code. Do not reconnect. */
  KICKED: 4501,
  /** Protocol error (bad frame, failed seal, text message). Do not reconnect. */
  PROTOCOL_ERROR: 4502,
  /** Unauthorized. Do not reconnect. */
  UNAUTHORIZED: 4503,
  /** Logged out. Do not reconnect. */
  LOGGED_OUT: 4504,
} as const;

export type CloseCodeName = keyof typeof CloseCode;

/** True when a client should reconnect (and resume) after the connection closed with `code`. */
export function shouldReconnect(code: number): boolean {
  return code === CloseCode.ABNORMAL || code === CloseCode.SERVER_SHUTDOWN || (code >= 4000 && code <= 4499);
}
