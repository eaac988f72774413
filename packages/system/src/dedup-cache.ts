/**
 * The request dedup cache of a session (sessions.md §7): completed responses by seq, bounded by
 * count and age, and requests still in flight, which a repeated seq joins instead of running
 * twice (and instead of being refused with BACKPRESSURE, as CivGenesis does). Its maps are made
 * on first use, so an idle session pays nothing for them.
 */
import { allocBytes } from "@tether/protocol";
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

/** An entry still running: the waiters that joined it (null until one does). */
class Running {
  waiters: DedupWaiter[] | null = null;
}

/** `lookup` of a seq that is running: join it. */
export const IN_FLIGHT = "in-flight";

export class DedupCache {
  /** Every known seq: running, or done with its response. */
  private entries: Map<number, Done | Running> | undefined;
  private doneCount = 0;
  /**
   * Seqs in the order they started, from `head` on: the eviction order. (Walking the map from
   * its start instead would step over every entry deleted since its last rehash.)
   */
  private order: number[] = [];
  private head = 0;

  constructor(
    private readonly limits: DedupLimits,
    private readonly clock: Clock,
  ) {}

  /** Completed responses held. */
  get size(): number {
    return this.doneCount;
  }

  /** Whether `seq` is in flight or answered (and not expired). */
  has(seq: number): boolean {
    return this.lookup(seq) !== undefined;
  }

  /** The cached response of `seq`, IN_FLIGHT when it is running, or undefined when unknown. */
  lookup(seq: number): CachedResponse | typeof IN_FLIGHT | undefined {
    const e = this.entries?.get(seq);
    if (e === undefined) return undefined;
    if (e instanceof Running) return IN_FLIGHT;
    if (this.clock.now() - e.at < this.limits.dedupTtlMs) return e.response;
    this.forget(seq);
    return undefined;
  }

  /** Marks `seq` in flight (after a lookup that found nothing). */
  start(seq: number): void {
    this.entries ??= new Map();
    if (this.order.length - this.head > 2 * this.entries.size + 64) {
      // Mostly seqs answered without caching (or already dropped): start the order afresh.
      this.order = [...this.entries.keys()];
      this.head = 0;
    }
    this.entries.set(seq, new Running());
    this.order.push(seq);
  }

  /** Adds `waiter` to the in-flight `seq`; it is called once, when `seq` completes. */
  join(seq: number, waiter: DedupWaiter): void {
    const e = this.entries?.get(seq);
    if (!(e instanceof Running)) return;
    if (e.waiters) e.waiters.push(waiter);
    else e.waiters = [waiter];
  }

  /** Records the response of `seq` (when `cache`) and answers every joined waiter. */
  complete(seq: number, response: CachedResponse, cache: boolean): void {
    const entries = this.entries;
    const e = entries?.get(seq);
    const waiters = e instanceof Running ? e.waiters : null;
    if (entries !== undefined && cache && this.limits.dedupMaxEntries > 0) {
      entries.set(seq, { response: compact(response), at: this.clock.now() }); // keeps its place in start order
      if (e === undefined || e instanceof Running) this.doneCount++;
      if (this.doneCount > this.limits.dedupMaxEntries) this.trim(entries);
    } else if (e instanceof Running) {
      entries?.delete(seq);
    }
    if (waiters) for (const w of waiters) w(response);
  }

  /** Forgets everything (a new client instance restarts its seq counter). */
  clear(): void {
    const entries = this.entries;
    if (entries === undefined) return;
    // In-flight entries stay: their handlers are still running and will complete them.
    for (const [seq, e] of entries) if (!(e instanceof Running)) entries.delete(seq);
    this.doneCount = 0;
    this.order = [...entries.keys()];
    this.head = 0;
  }

  private forget(seq: number): void {
    if (this.entries?.delete(seq)) this.doneCount--;
  }

  /**
   * Drops the oldest completed responses until dedupMaxEntries are left. A seq still running is
   * passed over (it goes to the back). Expiry by age is checked on lookup.
   */
  private trim(entries: Map<number, Done | Running>): void {
    const order = this.order;
    let steps = order.length - this.head;
    while (this.doneCount > this.limits.dedupMaxEntries && steps-- > 0) {
      const seq = order[this.head++] as number;
      const e = entries.get(seq);
      if (e === undefined) continue; // already forgotten
      if (e instanceof Running) {
        order.push(seq);
        continue;
      }
      entries.delete(seq);
      this.doneCount--;
    }
    if (this.head > 1024 && this.head * 2 > order.length) {
      this.order = order.slice(this.head);
      this.head = 0;
    }
  }
}

/**
 * A response kept for minutes should not pin a much larger buffer: a small payload that is a
 * view into a big one (a socket read of up to 64 KiB) is copied into a pooled slab. Views into
 * pools of 16 KiB or less (ours, Node's Buffer pool) are kept as they are.
 */
function compact(response: CachedResponse): CachedResponse {
  const p = response.payload;
  if (p.length === 0 || p.length > 2048 || p.buffer.byteLength <= 16 * 1024) return response;
  const copy = allocBytes(p.length);
  copy.set(p);
  return { msgId: response.msgId, flags: response.flags, payload: copy };
}
