/**
 * TCP connections of the server's own HTTP server that have not upgraded yet (sessions.md §9,
 * docs/security.md). Each counts until it upgrades or closes; at maxPendingHandshakes the
 * oldest is cut, so slow or stalled handshakes cannot keep fresh ones out, and `sweep` cuts
 * those older than handshakeTimeoutMs.
 */
import type { Duplex } from "node:stream";
import type { ServerCounters } from "./counters.js";
import type { TransportLimits } from "./options.js";

export class PendingHandshakes {
  /** Sockets by the time they were accepted, oldest first (a Map keeps insertion order). */
  private readonly sockets = new Map<Duplex, number>();
  private readonly forget = (socket: Duplex) => () => this.sockets.delete(socket);
  /** The close listener of each pending socket, removed when it upgrades. */
  private readonly listeners = new WeakMap<Duplex, () => void>();

  constructor(
    private readonly limits: Readonly<TransportLimits>,
    private readonly counters: ServerCounters,
  ) {}

  get size(): number {
    return this.sockets.size;
  }

  /** A socket was accepted. */
  add(socket: Duplex, now: number): void {
    if (this.sockets.size >= this.limits.maxPendingHandshakes) {
      const oldest = this.sockets.keys().next().value;
      if (oldest !== undefined) {
        this.sockets.delete(oldest);
        this.counters.refusedHandshakeOverflow++;
        oldest.destroy();
      }
    }
    this.sockets.set(socket, now);
    const onClose = this.forget(socket);
    this.listeners.set(socket, onClose);
    socket.once("close", onClose);
  }

  /** The socket became a WebSocket: it no longer counts. */
  upgraded(socket: Duplex | undefined): void {
    if (socket === undefined || !this.sockets.delete(socket)) return;
    const onClose = this.listeners.get(socket);
    if (onClose) socket.off("close", onClose); // an upgraded socket keeps nothing of this
  }

  /** Cuts the sockets past handshakeTimeoutMs. */
  sweep(now: number): void {
    for (const [socket, acceptedAt] of this.sockets) {
      if (now - acceptedAt < this.limits.handshakeTimeoutMs) break; // oldest first: the rest are younger
      this.sockets.delete(socket);
      this.counters.handshakeTimeouts++;
      socket.destroy();
    }
  }

  destroyAll(): void {
    for (const socket of this.sockets.keys()) socket.destroy();
    this.sockets.clear();
  }
}
