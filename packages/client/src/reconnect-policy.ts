/**
 * When the client reconnects, and how long it waits first (docs/client.md §8.3, §8.4): the
 * closes it decides itself, what a close code means for it, and full-jitter backoff.
 */
import { CloseCode, shouldReconnect } from "@tether/protocol";
import type { Clock, TimerHandle } from "./clock.js";

/**
 * The first code of the range that reconnects (4000-4499). The server's heartbeat timeout has
 * the same value; the client's own reasons below are named for what they are, and the wire
 * carries 4000 as it always did.
 */
const RECONNECT_AND_RESUME = 4000;

/** The closes the client starts itself: the code sent to the server and the reason reported. */
export const LocalClose = {
  /** close() by the app: the session lives on, no reconnect. */
  CLOSED_BY_APP: { code: 1000, reason: "closed by the app" },
  /** The heartbeat's PING got nothing back within heartbeatTimeoutMs. */
  DEAD_LINK: { code: CloseCode.HEARTBEAT_TIMEOUT, reason: "dead link" },
  /** A reliable pushId was skipped inside one connection: a resume replays what is missing. */
  PUSH_GAP: { code: RECONNECT_AND_RESUME, reason: "gap in reliable pushes" },
  /** A system request (ClientHello, Resume, Sync) got no answer within requestTimeoutMs. */
  NO_ANSWER: { code: RECONNECT_AND_RESUME, reason: "no answer during the handshake" },
  /** A step of the attempt failed with an error that is not a refusal. */
  ATTEMPT_FAILED: { code: RECONNECT_AND_RESUME, reason: "connection attempt failed" },
} as const satisfies Record<string, { readonly code: number; readonly reason: string }>;

/** What a close means: 1006, 1012 and 4000-4499 reconnect; 4500 and 4501 end it with `kicked`. */
export type AfterClose = "reconnect" | "kicked" | "closed";

export function afterClose(code: number): AfterClose {
  if (shouldReconnect(code)) return "reconnect";
  if (code === CloseCode.SESSION_TAKEN_OVER || code === CloseCode.KICKED) return "kicked";
  return "closed";
}

/** Full-jitter exponential backoff: a random delay in [0, min(max, min * 2^attempt)]. */
export function backoffDelay(attempt: number, minDelayMs: number, maxDelayMs: number, random: () => number): number {
  const cap = Math.min(maxDelayMs, minDelayMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * cap);
}

export interface BackoffOptions {
  readonly reconnect: { readonly minDelayMs: number; readonly maxDelayMs: number };
  readonly random: () => number;
  readonly clock: Clock;
}

/** Counts the attempts since the last `ready` and runs the next one after its drawn delay. */
export class Backoff {
  private attempt = 0;
  private timer: TimerHandle | undefined;

  constructor(private readonly o: BackoffOptions) {}

  /** Schedules `run`; returns the attempt's number (from 1) and its delay. */
  schedule(run: () => void): { readonly attempt: number; readonly delayMs: number } {
    const { minDelayMs, maxDelayMs } = this.o.reconnect;
    const delayMs = backoffDelay(this.attempt, minDelayMs, maxDelayMs, this.o.random);
    this.attempt++;
    this.timer?.cancel();
    this.timer = this.o.clock.setTimer(delayMs, run, true);
    return { attempt: this.attempt, delayMs };
  }

  /** Ready, or a fresh connect(): the next delay is drawn from the smallest range again. */
  reset(): void {
    this.attempt = 0;
  }

  cancel(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }
}
