/**
 * Events the session layer reports to game code. Hooks run synchronously; an exception in a
 * hook is logged and never breaks the session layer.
 */
import type { Connection } from "./connection.js";
import type { ResumeOutcome } from "./resume.js";
import type { Session } from "./session.js";

/**
 * Why a session ended: `logout` (the client logged out), `kicked` (game code), `taken-over` (a
 * Login kicked the connection holding it), `replaced` (a Login found it detached, or on the
 * same connection), `expired` (detached past sessionTtlMs).
 */
export type SessionEndReason = "logout" | "kicked" | "taken-over" | "replaced" | "expired";

export interface SessionHooks {
  /** A Login (or a Resume that found nothing) created a session; its connection is attached. */
  onSessionStart?(session: Session): void;
  /** A connection resumed a session (OK or NEED_FULL_SYNC). */
  onSessionResume?(session: Session, outcome: ResumeOutcome): void;
  /** A session ended; its ring is gone. */
  onSessionEnd?(session: Session, reason: SessionEndReason): void;
  /**
   * A game request was answered: its msgId, the result code (0 = success) and how long it took.
   * For metrics; a one-way notify reports too (0, or the code of what its handler threw).
   */
  onRequestComplete?(msgId: number, code: number, durationMs: number): void;
  /** A connection closed (`code` is the close code, as sent or as seen). */
  onConnectionClose?(connection: Connection, code: number): void;
}
