/**
 * Events the session layer reports to game code. Hooks run synchronously; an exception in a
 * hook is logged and never breaks the session layer.
 */
import type { Connection } from "./connection.js";
import type { ResumeOutcome } from "./resume.js";
import type { Session } from "./session.js";

export type SessionEndReason = "logout" | "kicked" | "taken-over" | "replaced" | "expired" | "shutdown";

export interface SessionHooks {
  /** A Login (or a Resume that found nothing) created a session. */
  onSessionStart?(session: Session): void;
  /** A connection resumed a session (OK or NEED_FULL_SYNC). */
  onSessionResume?(session: Session, outcome: ResumeOutcome): void;
  /** A session ended; its ring is gone. */
  onSessionEnd?(session: Session, reason: SessionEndReason): void;
  /** A connection closed (`code` is the close code, as sent or as seen). */
  onConnectionClose?(connection: Connection, code: number): void;
}
