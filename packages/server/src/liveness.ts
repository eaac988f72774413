/**
 * The sweeper (sessions.md §3, §8): one timer (on the injected clock) for every connection and pending
 * handshake. It cuts sockets past handshakeTimeoutMs, closes connections that have not
 * authenticated within authTimeoutMs (4003), pings connections silent for heartbeatIntervalMs
 * and closes those that do not answer within heartbeatTimeoutMs (4000).
 */
import { CloseCode } from "@tether/protocol";
import type { SessionEngine, TimerHandle } from "@tether/system/internal";
import type { ServerCounters } from "./counters.js";
import type { TransportLimits } from "./options.js";
import type { PendingHandshakes } from "./pending-handshakes.js";
import type { SocketLink } from "./socket-link.js";

export class Liveness {
  private timer: TimerHandle | undefined;

  constructor(
    private readonly engine: SessionEngine,
    private readonly limits: Readonly<TransportLimits>,
    private readonly counters: ServerCounters,
    private readonly links: () => Iterable<SocketLink>,
    private readonly pending: PendingHandshakes,
  ) {}

  /** (Re)starts the sweeper at a quarter of the shortest deadline (the limits may have changed). */
  start(): void {
    this.stop();
    const t = this.limits;
    const every = Math.max(
      20,
      Math.floor(Math.min(t.heartbeatIntervalMs, t.heartbeatTimeoutMs, t.authTimeoutMs, t.handshakeTimeoutMs) / 4),
    );
    const tick = () => {
      this.sweep();
      this.timer = this.engine.clock.setTimer(every, tick);
    };
    this.timer = this.engine.clock.setTimer(every, tick);
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  sweep(): void {
    const now = this.engine.clock.now();
    this.pending.sweep(now);
    for (const l of this.links()) {
      if (l.closing || !l.conn.open) continue;
      this.engine.guard(l.conn, "liveness", () => this.check(l, now));
    }
  }

  private check(l: SocketLink, now: number): void {
    const t = this.limits;
    if (!l.conn.authenticated && now - l.openedAt >= t.authTimeoutMs) {
      this.counters.authTimeouts++;
      l.conn.close(CloseCode.AUTH_TIMEOUT, "not authenticated in time");
    } else if (l.pingSentAt > 0) {
      if (now - l.pingSentAt >= t.heartbeatTimeoutMs) {
        this.counters.heartbeatTimeouts++;
        l.conn.close(CloseCode.HEARTBEAT_TIMEOUT, "heartbeat timeout");
      }
    } else if (now - l.lastSeen >= t.heartbeatIntervalMs) {
      l.pingSentAt = now;
      l.ws.ping();
    }
  }
}
