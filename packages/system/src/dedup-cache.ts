/**
 * The request dedup cache of a session (sessions.md §7): completed responses by seq, and
 * requests still in flight, which a repeated seq joins instead of running twice (and instead of
 * being refused with BACKPRESSURE, as CivGenesis does). A client's ackSeq forgets every answer
 * it holds at once; count, bytes and age bound the rest. Each kept answer is its own right-sized
 * copy, never a view that would pin a socket read or a pooled slab. Its map is made on first
 * use, so an idle session pays nothing for it.
 */
import type { Clock } from "./clock.js";

/** What a RESP carries, cached so a repeated seq gets the same answer. */
export interface CachedResponse {
  readonly msgId: number;
  readonly flags: number;
  readonly payload: Uint8Array;
}

/** A cached answer as it moves between nodes. */
export interface DedupAnswer extends CachedResponse {
  readonly seq: number;
}

export interface DedupLimits {
  readonly dedupMaxEntries: number;
  /** Bytes of cached answers (payloads plus ENTRY_OVERHEAD_BYTES each). The newest is always kept. */
  readonly dedupMaxBytes: number;
  readonly dedupTtlMs: number;
}

/** What one cached answer is counted as besides its payload (its entry and its map slot). */
export const ENTRY_OVERHEAD_BYTES = 96;

/** Someone waiting for the response of an in-flight seq. */
export type DedupWaiter = (response: CachedResponse) => void;

/**
 * One seq from its start until it is evicted: running while `payload` is undefined, then the
 * cached answer itself (what `lookup` returns), so an answer costs one object besides its bytes.
 */
class Entry {
  msgId = 0;
  flags = 0;
  payload: Uint8Array | undefined = undefined;
  /**
   * When it was answered, in milliseconds since the cache's `epoch`: a small integer, stored in
   * the entry itself (a timestamp since 1970 would need a number box of its own).
   */
  at = 0;
  /** Requests that joined while it ran (null until one does). */
  waiters: DedupWaiter[] | null = null;

  constructor(readonly seq: number) {}
}

/** What an answered entry counts against dedupMaxBytes. */
const entryBytes = (payload: Uint8Array): number => payload.length + ENTRY_OVERHEAD_BYTES;

/** `lookup` of a seq that is running: join it. */
export const IN_FLIGHT = "in-flight";

/** The order of a cache that never started a seq (shared, never written: `start` replaces it). */
const NO_ENTRIES: (Entry | undefined)[] = [];

export class DedupCache {
  /** Every known seq. */
  private entries: Map<number, Entry> | undefined;
  private doneCount = 0;
  /**
   * Entries in the order they started, from `head` on: the eviction order. (Walking the map
   * from its start instead would step over every entry deleted since its last rehash.) An
   * entry no longer in the map, or replaced by a newer one of the same seq, is skipped. Slots
   * before `head` are cleared as it passes them, so nothing forgotten stays reachable.
   */
  private order: (Entry | undefined)[] = NO_ENTRIES; // replaced by its own array on the first start
  private head = 0;
  /** Bytes of the completed responses held. */
  private bytesHeld = 0;
  /** The client's highest ackSeq: it holds every answer up to it, none of them is kept. */
  private floor = 0;
  /** The clock's time when the map was made: entries keep their time relative to it. */
  private epoch = 0;

  constructor(
    private readonly limits: DedupLimits,
    private readonly clock: Clock,
  ) {}

  /** Completed responses held. */
  get size(): number {
    return this.doneCount;
  }

  /** Bytes they count for (see dedupMaxBytes). */
  get bytes(): number {
    return this.bytesHeld;
  }

  /** Whether `seq` is in flight or answered (and not expired). */
  has(seq: number): boolean {
    return this.lookup(seq) !== undefined;
  }

  /** The cached response of `seq`, IN_FLIGHT when it is running, or undefined when unknown. */
  lookup(seq: number): CachedResponse | typeof IN_FLIGHT | undefined {
    const e = this.entries?.get(seq);
    if (e === undefined) return undefined;
    if (e.payload === undefined) return IN_FLIGHT;
    if (this.elapsed() - e.at < this.limits.dedupTtlMs) return e as CachedResponse;
    this.forget(e);
    return undefined;
  }

  /** Marks `seq` in flight (after a lookup that found nothing). */
  start(seq: number): void {
    if (this.entries === undefined) {
      this.entries = new Map();
      this.order = [];
      this.epoch = this.clock.now();
    }
    if (this.order.length - this.head > 2 * this.entries.size + 64) {
      // Mostly seqs answered without caching (or already dropped): start the order afresh.
      this.order = [...this.entries.values()];
      this.head = 0;
    }
    const e = new Entry(seq);
    this.entries.set(seq, e);
    this.order.push(e);
  }

  /** Whether a repeated request is waiting for the in-flight `seq`. */
  hasWaiters(seq: number): boolean {
    return (this.entries?.get(seq)?.waiters?.length ?? 0) > 0;
  }

  /** Adds `waiter` to the in-flight `seq`; it is called once, when `seq` completes. */
  join(seq: number, waiter: DedupWaiter): void {
    const e = this.entries?.get(seq);
    if (e === undefined || e.payload !== undefined) return;
    if (e.waiters) e.waiters.push(waiter);
    else e.waiters = [waiter];
  }

  /** Records the response of `seq` (when `cache`) and answers every joined waiter. */
  complete(seq: number, response: CachedResponse, cache: boolean): void {
    const entries = this.entries;
    let e = entries?.get(seq);
    const waiters = e?.waiters ?? null;
    if (entries !== undefined && cache && this.limits.dedupMaxEntries > 0 && seq > this.floor) {
      if (e === undefined) {
        e = new Entry(seq);
        entries.set(seq, e);
        this.order.push(e);
      }
      if (e.payload === undefined) this.doneCount++;
      else this.bytesHeld -= entryBytes(e.payload);
      e.msgId = response.msgId;
      e.flags = response.flags;
      e.payload = keep(response.payload);
      this.bytesHeld += entryBytes(e.payload);
      e.at = this.elapsed();
      e.waiters = null;
      if (this.doneCount > this.limits.dedupMaxEntries || this.bytesHeld > this.limits.dedupMaxBytes)
        this.trim(entries);
    } else if (e !== undefined && e.payload === undefined) {
      entries?.delete(seq);
    }
    if (waiters) for (const w of waiters) w(response);
  }

  /**
   * The client holds the answer of every seq up to `ackSeq` (protocol.md tag 10): they are
   * forgotten now, and an answer of such a seq that completes later is not kept. Seqs start in
   * order, so this walks the start order from its oldest entry; a seq still running is passed
   * over (it goes to the back).
   */
  forgetThrough(ackSeq: number): void {
    if (ackSeq <= this.floor) return;
    this.floor = ackSeq;
    const entries = this.entries;
    if (entries === undefined) return;
    const order = this.order;
    let steps = order.length - this.head;
    while (steps-- > 0) {
      const e = order[this.head] as Entry;
      if (entries.get(e.seq) === e && e.seq > ackSeq) break;
      this.takeOldest();
      if (entries.get(e.seq) !== e) continue; // already forgotten, or a newer start of the seq
      if (e.payload === undefined) order.push(e);
      else this.forget(e);
    }
    this.compact();
  }

  /**
   * The answers held (not expired), oldest first, and the client's ackSeq floor: what moves with
   * a session to another node (cluster.md, handoff). Seqs still running are not included: a
   * handoff waits for them to finish first.
   */
  exportAnswers(): { floor: number; answers: DedupAnswer[] } {
    const answers: DedupAnswer[] = [];
    const entries = this.entries;
    if (entries !== undefined) {
      const now = this.elapsed();
      for (let i = this.head; i < this.order.length; i++) {
        const e = this.order[i];
        if (e === undefined || entries.get(e.seq) !== e || e.payload === undefined) continue;
        if (now - e.at >= this.limits.dedupTtlMs) continue;
        answers.push({ seq: e.seq, msgId: e.msgId, flags: e.flags, payload: e.payload });
      }
    }
    return { floor: this.floor, answers };
  }

  /** Takes over answers exported by another node's cache (their age starts again here). */
  importAnswers(floor: number, answers: readonly DedupAnswer[]): void {
    for (const a of answers) {
      if (this.entries?.has(a.seq)) continue;
      this.start(a.seq);
      this.complete(a.seq, a, true);
    }
    this.forgetThrough(floor);
  }

  /** Forgets everything (a new client instance restarts its seq counter). */
  clear(): void {
    const entries = this.entries;
    this.floor = 0;
    if (entries === undefined) return;
    // In-flight entries stay: their handlers are still running and will complete them.
    for (const [seq, e] of entries) if (e.payload !== undefined) entries.delete(seq);
    this.doneCount = 0;
    this.bytesHeld = 0;
    this.order = [...entries.values()];
    this.head = 0;
  }

  /**
   * Whole milliseconds since `epoch`: Math.floor makes it a small integer, which the entry holds
   * in place (the difference of two timestamps alone would be a boxed double in every entry).
   */
  private elapsed(): number {
    return Math.floor(this.clock.now() - this.epoch);
  }

  /** Forgets an answered entry. */
  private forget(e: Entry): void {
    this.entries?.delete(e.seq);
    this.doneCount--;
    this.bytesHeld -= entryBytes(e.payload as Uint8Array);
  }

  /** Takes the oldest slot of the start order, clearing it. */
  private takeOldest(): Entry {
    const e = this.order[this.head] as Entry;
    this.order[this.head++] = undefined;
    return e;
  }

  /** Drops the cleared slots once they are most of the order. */
  private compact(): void {
    if (this.head > 32 && this.head * 2 > this.order.length) {
      this.order = this.order.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Drops the oldest completed responses until at most dedupMaxEntries are left and they fit
   * dedupMaxBytes (the newest answer stays whatever its size). A seq still running is passed
   * over (it goes to the back). Expiry by age is checked on lookup.
   */
  private trim(entries: Map<number, Entry>): void {
    const order = this.order;
    const { dedupMaxEntries, dedupMaxBytes } = this.limits;
    let steps = order.length - this.head;
    while (
      (this.doneCount > dedupMaxEntries || (this.bytesHeld > dedupMaxBytes && this.doneCount > 1)) &&
      steps-- > 0
    ) {
      const e = this.takeOldest();
      if (entries.get(e.seq) !== e) continue; // already forgotten, or a newer start of the seq
      if (e.payload === undefined) {
        order.push(e);
        continue;
      }
      this.forget(e);
    }
    this.compact();
  }
}

/**
 * A payload as kept: in memory of its own size. A payload that is a view into a larger buffer
 * (the request's bytes inside a socket read, a pooled slab) is copied, so a cached answer never
 * keeps more alive than itself.
 */
function keep(p: Uint8Array): Uint8Array {
  return p.byteLength === p.buffer.byteLength ? p : new Uint8Array(p);
}
