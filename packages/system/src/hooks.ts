/**
 * Events the session layer reports to game code. Hooks run synchronously; an exception in a
 * hook is logged and never breaks the session layer.
 */
import type { ConnectionInfo } from "./spi.js";

/** How a Resume ended (onSessionResume). */
export interface ResumeOutcome {
  readonly result: "ok" | "need-full-sync";
  readonly replayed: number;
  /** Why a full sync is needed (for logs and tests). */
  readonly why?: "no-session" | "epoch" | "ahead" | "snapshot-pending" | "evicted" | "too-large" | "owner-lost";
}

/**
 * What hooks see of a session: read-only. Game code changes sessions through the Gateway
 * (setSessionData, subscribe, send, kick), never by writing the session layer's state.
 */
export interface SessionView {
  readonly sessionId: string;
  readonly playerId: number;
  readonly deviceId: string | undefined;
  readonly sessionEpoch: number;
  /** When it was created (ms since the epoch). */
  readonly createdAt: number;
  readonly data: ReadonlyMap<string, string>;
  readonly topics: ReadonlySet<string>;
  /** A connection is attached. */
  readonly attached: boolean;
  readonly ended: boolean;
  readonly lastIssuedPushId: number;
  readonly lastAckedPushId: number;
  readonly stateRevision: number;
  /** When its connection went (ms since the epoch), while detached. */
  readonly detachedAt: number | undefined;
}

/** What hooks see of a connection: read-only. */
export interface ConnectionView {
  readonly connId: string;
  readonly info: ConnectionInfo;
  readonly authenticated: boolean;
  readonly closeCode: number;
}

/**
 * Why a session ended: `logout` (the client logged out), `kicked` (game code), `taken-over` (a
 * Login kicked the connection holding it), `replaced` (a Login found it detached, or on the
 * same connection), `expired` (detached past sessionTtlMs).
 */
export type SessionEndReason = "logout" | "kicked" | "taken-over" | "replaced" | "expired";

export interface SessionHooks {
  /** A Login (or a Resume that found nothing) created a session; its connection is attached. */
  onSessionStart?(session: SessionView): void;
  /** A connection resumed a session (OK or NEED_FULL_SYNC). */
  onSessionResume?(session: SessionView, outcome: ResumeOutcome): void;
  /** A session ended; its ring is gone. */
  onSessionEnd?(session: SessionView, reason: SessionEndReason): void;
  /**
   * A game request was answered: its msgId, the result code (0 = success) and how long it took.
   * For metrics; a one-way notify reports too (0, or the code of what its handler threw).
   */
  onRequestComplete?(msgId: number, code: number, durationMs: number): void;
  /** A connection closed (`code` is the close code, as sent or as seen). */
  onConnectionClose?(connection: ConnectionView, code: number): void;
}
