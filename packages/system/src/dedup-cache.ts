/**
 * The request dedup cache of a session (sessions.md §7): completed responses by seq, bounded by
 * count and age, and requests still in flight, which a repeated seq joins instead of running
 * twice (and instead of being refused with BACKPRESSURE, as CivGenesis does). Its maps are made
 * on first use, so an idle session pays nothing for them.
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
  readonly response: CachedResponse;
  readonly at: number;
}

/** `lookup` of a seq that is running: join it. */
export const IN_FLIGHT = "in-flight";

export class DedupCache {
  private done: Map<number, Done> | undefined;
  /** seq -> the waiters that joined it (null until one does). */
  private inFlight: Map<number, DedupWaiter[] | null> | undefined;

  constructor(
    private readonly limits: DedupLimits,
    private readonly clock: Clock,
  ) {}

  get size(): number {
    return this.done?.size ?? 0;
  }

  /** Whether `seq` is in flight or answered (and not expired). */
  has(seq: number): boolean {
    return this.inFlight?.has(seq) === true || this.lookup(seq) !== undefined;
  }

  /** The cached response of `seq`, IN_FLIGHT when it is running, or undefined when unknown. */
  lookup(seq: number): CachedResponse | typeof IN_FLIGHT | undefined {
    if (this.inFlight?.has(seq)) return IN_FLIGHT;
    const d = this.done?.get(seq);
    if (d === undefined) return undefined;
    if (this.clock.now() - d.at < this.limits.dedupTtlMs) return d.response;
    this.done?.delete(seq);
    return undefined;
  }

  /** Marks `seq` in flight (after a lookup that found nothing). */
  start(seq: number): void {
    this.inFlight ??= new Map();
    this.inFlight.set(seq, null);
  }

  /** Adds `waiter` to the in-flight `seq`; it is called once, when `seq` completes. */
  join(seq: number, waiter: DedupWaiter): void {
    const map = this.inFlight;
    if (map === undefined || !map.has(seq)) return;
    const waiters = map.get(seq);
    if (waiters) waiters.push(waiter);
    else map.set(seq, [waiter]);
  }

  /** Records the response of `seq` (when `cache`) and answers every joined waiter. */
  complete(seq: number, response: CachedResponse, cache: boolean): void {
    const waiters = this.inFlight?.get(seq);
    this.inFlight?.delete(seq);
    if (cache && this.limits.dedupMaxEntries > 0) {
      this.done ??= new Map();
      this.done.set(seq, { response, at: this.clock.now() });
      if (this.done.size > this.limits.dedupMaxEntries) this.trim(this.done);
    }
    if (waiters) for (const w of waiters) w(response);
  }

  /** Forgets everything (a new client instance restarts its seq counter). */
  clear(): void {
    this.done?.clear();
    // In-flight entries stay: their handlers are still running and will complete them.
  }

  /**
   * Keeps at most dedupMaxEntries, dropping the oldest. Expiry by age is checked on lookup, so
   * this runs only when the count bound is passed (cheap on the hot path).
   */
  private trim(done: Map<number, Done>): void {
    const now = this.clock.now();
    for (const [seq, d] of done) {
      if (done.size <= this.limits.dedupMaxEntries && now - d.at < this.limits.dedupTtlMs) break;
      done.delete(seq);
    }
  }
}
