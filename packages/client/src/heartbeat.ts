/**
 * Liveness while `ready` (docs/client.md §8.5): any message from the server is a sign of life;
 * after the server's heartbeat interval of silence the client sends a PING, and if nothing at
 * all arrives within `heartbeatTimeoutMs` of it the link is dead. Checked every quarter of the
 * smaller of the two times, at least 20 ms apart.
 */
import type { Clock, TimerHandle } from "./clock.js";

export interface HeartbeatLink {
  ping(): void;
  /** Nothing came back in time: close the link (and reconnect). */
  dead(): void;
}

const MIN_CHECK_EVERY_MS = 20;

export class Heartbeat {
  private timer: TimerHandle | undefined;
  private lastHeard = 0;
  private pingSentAt: number | undefined;

  constructor(private readonly clock: Clock) {}

  /** A message arrived from the server. */
  heard(): void {
    this.lastHeard = this.clock.now();
    this.pingSentAt = undefined;
  }

  /** Sends a PING now (unless one is out): the link answers within the timeout, or is dead. */
  probe(): void {
    if (this.timer === undefined || this.pingSentAt !== undefined || this.link === undefined) return;
    this.pingSentAt = this.clock.now();
    this.link.ping();
  }

  private link: HeartbeatLink | undefined;

  start(link: HeartbeatLink, intervalMs: number, timeoutMs: number): void {
    this.stop();
    this.heard();
    this.link = link;
    const every = Math.max(MIN_CHECK_EVERY_MS, Math.min(intervalMs, timeoutMs) / 4);
    const check = (): void => {
      // Re-armed first: dead() closes the link, whose close handler stops this timer.
      this.timer = this.clock.setTimer(every, check);
      const now = this.clock.now();
      if (this.pingSentAt !== undefined) {
        if (now - this.pingSentAt >= timeoutMs) link.dead();
      } else if (now - this.lastHeard >= intervalMs) {
        this.pingSentAt = now;
        link.ping();
      }
    };
    this.timer = this.clock.setTimer(every, check);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.link = undefined;
  }
}
