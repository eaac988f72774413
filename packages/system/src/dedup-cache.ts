/**
 * The request dedup cache of a session (sessions.md §7): completed responses by seq, bounded by
 * count and age, and requests still in flight, which a repeated seq joins instead of running
 * twice (and instead of being refused with BACKPRESSURE, as CivGenesis does).
 */
import type { Clock } from "./clock.js";

/** What a RESP carries, cached so a repeated seq gets the same answer. */
export interface CachedResponse {
  readonly msgId: number;
  readonly flags: number;
  readonly payload: Uint8Array;
}

export interface DedupLimits {
  readonly dedupMaxEntries: number;
  readonly dedupTtlMs: number;
}

/** Someone waiting for the response of an in-flight seq. */
export type DedupWaiter = (response: CachedResponse) => void;

interface Done {
  readonly kind: "done";
  readonly response: CachedResponse;
  readonly at: number;
}

interface InFlight {
  readonly kind: "in-flight";
  readonly waiters: DedupWaiter[];
}

export type DedupLookup = { kind: "new" } | { kind: "done"; response: CachedResponse } | { kind: "joined" };

export class DedupCache {
  private readonly done = new Map<number, Done>();
  private readonly inFlight = new Map<number, InFlight>();

  constructor(
    private readonly limits: DedupLimits,
    private readonly clock: Clock,
  ) {}

  get size(): number {
    return this.done.size;
  }

  /** Whether `seq` is in flight or answered (and not expired). */
  has(seq: number): boolean {
    if (this.inFlight.has(seq)) return true;
    const d = this.done.get(seq);
    return d !== undefined && this.clock.now() - d.at < this.limits.dedupTtlMs;
  }

  /**
   * Looks `seq` up. A completed seq returns its response; an in-flight one registers `waiter`
   * (called once when it completes) and returns "joined"; an unknown one starts in flight.
   */
  begin(seq: number, waiter: DedupWaiter): DedupLookup {
    const d = this.done.get(seq);
    if (d !== undefined) {
      if (this.clock.now() - d.at < this.limits.dedupTtlMs) return { kind: "done", response: d.response };
      this.done.delete(seq);
    }
    const f = this.inFlight.get(seq);
    if (f !== undefined) {
      f.waiters.push(waiter);
      return { kind: "joined" };
    }
    this.inFlight.set(seq, { kind: "in-flight", waiters: [] });
    return { kind: "new" };
  }

  /** Records the response of `seq` (when `cache`) and answers every joined waiter. */
  complete(seq: number, response: CachedResponse, cache: boolean): void {
    const f = this.inFlight.get(seq);
    this.inFlight.delete(seq);
    if (cache && this.limits.dedupMaxEntries > 0) {
      this.done.set(seq, { kind: "done", response, at: this.clock.now() });
      this.trim();
    }
    if (f) for (const w of f.waiters) w(response);
  }

  /** Forgets everything (a new client instance restarts its seq counter). */
  clear(): void {
    this.done.clear();
    // In-flight entries stay: their handlers are still running and will complete them.
  }

  /**
   * Keeps at most dedupMaxEntries, dropping the oldest. Expiry by age is checked on lookup, so
   * this runs only when the count bound is passed (cheap on the hot path).
   */
  private trim(): void {
    if (this.done.size <= this.limits.dedupMaxEntries) return;
    const now = this.clock.now();
    for (const [seq, d] of this.done) {
      if (this.done.size <= this.limits.dedupMaxEntries && now - d.at < this.limits.dedupTtlMs) break;
      this.done.delete(seq);
    }
  }
}
