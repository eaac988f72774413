/**
 * Request timeouts without a timer per request: the requests in flight in a binary min-heap by
 * deadline, and a single clock timer armed for the earliest. When it fires, every request due
 * is told, earliest first, and the timer is armed again for the next. Each item knows its index
 * in the heap, so removing one (the usual end of a request) needs no search; with one timeout
 * for all, deadlines grow with arrival and an add sifts no further than the bottom row. Times
 * are the clock's monotonic milliseconds.
 */
import type { Clock, TimerHandle } from "./clock.js";

export interface Timed {
  /** When it times out (the set's `now()` milliseconds); set by `add`. */
  deadline: number;
  /** Its index in the set, -1 when not in it; kept by the set. */
  deadlineSlot: number;
  timedOut(): void;
}

export class DeadlineSet<T extends Timed> {
  private readonly heap: T[] = [];
  private timer: TimerHandle | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  /** `onError` hears of an item whose `timedOut` threw; the others are still told. */
  constructor(
    private readonly clock: Clock,
    private readonly onError: (item: T, e: unknown) => void = () => {},
  ) {}

  get size(): number {
    return this.heap.length;
  }

  /** The set's time: the clock's monotonic milliseconds. */
  now(): number {
    return this.clock.monotonic?.() ?? this.clock.now();
  }

  /** Adds `item`, due at `deadline` (in `now()` time). */
  add(item: T, deadline: number): void {
    if (item.deadlineSlot >= 0) this.delete(item);
    item.deadline = deadline;
    item.deadlineSlot = this.heap.length;
    this.heap.push(item);
    this.up(item.deadlineSlot);
    if (deadline < this.armedAt) this.arm(deadline);
  }

  delete(item: T): void {
    const heap = this.heap;
    const slot = item.deadlineSlot;
    if (slot < 0 || heap[slot] !== item) return;
    item.deadlineSlot = -1;
    const last = heap.pop() as T;
    if (last === item) return;
    heap[slot] = last;
    last.deadlineSlot = slot;
    this.down(slot);
    this.up(last.deadlineSlot);
  }

  private arm(at: number): void {
    this.timer?.cancel();
    this.armedAt = at;
    this.timer = this.clock.setTimer(Math.max(0, at - this.now()), () => this.fire());
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = this.now();
    for (;;) {
      const first = this.heap[0];
      if (first === undefined || first.deadline > now) break;
      this.delete(first);
      try {
        first.timedOut();
      } catch (e) {
        this.onError(first, e);
      }
    }
    const next = this.heap[0];
    if (next !== undefined && next.deadline < this.armedAt) this.arm(next.deadline);
  }

  private up(i: number): void {
    const heap = this.heap;
    const item = heap[i] as T;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const p = heap[parent] as T;
      if (p.deadline <= item.deadline) break;
      heap[i] = p;
      p.deadlineSlot = i;
      i = parent;
    }
    heap[i] = item;
    item.deadlineSlot = i;
  }

  private down(i: number): void {
    const heap = this.heap;
    const n = heap.length;
    const item = heap[i] as T;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child = right < n && (heap[right] as T).deadline < (heap[left] as T).deadline ? right : left;
      const c = heap[child] as T;
      if (c.deadline >= item.deadline) break;
      heap[i] = c;
      c.deadlineSlot = i;
      i = child;
    }
    heap[i] = item;
    item.deadlineSlot = i;
  }
}
