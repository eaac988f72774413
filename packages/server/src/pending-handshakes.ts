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
  /**
   * Each pending socket with when it was accepted and its close listener (removed when it
   * upgrades), oldest first: a Map keeps insertion order.
   */
  private readonly sockets = new Map<Duplex, { readonly at: number; readonly onClose: () => void }>();

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
    const onClose = () => this.sockets.delete(socket);
    this.sockets.set(socket, { at: now, onClose });
    socket.once("close", onClose);
  }

  /** The socket became a WebSocket: it no longer counts. */
  upgraded(socket: Duplex | undefined): void {
    const pending = socket === undefined ? undefined : this.sockets.get(socket);
    if (socket === undefined || pending === undefined) return;
    this.sockets.delete(socket);
    socket.off("close", pending.onClose); // an upgraded socket keeps nothing of this
  }

  /** Cuts the sockets past handshakeTimeoutMs. */
  sweep(now: number): void {
    for (const [socket, { at }] of this.sockets) {
      if (now - at < this.limits.handshakeTimeoutMs) break; // oldest first: the rest are younger
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
