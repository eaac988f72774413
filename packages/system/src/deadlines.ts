/**
 * Request timeouts without a timer per request: the requests in flight, in one array, and a
 * single clock timer armed for the earliest deadline. When it fires, every request due is told,
 * and the timer is armed again for the earliest one left. Each item knows its slot, so adding
 * and removing is O(1) with no hashing (the last item moves into a removed one's slot); under
 * load the timer fires about once per timeout period.
 */
import type { Clock, TimerHandle } from "./clock.js";

export interface Timed {
  /** When it times out (clock milliseconds); set by `add`. */
  deadline: number;
  /** Its index in the set, -1 when not in it; kept by the set. */
  deadlineSlot: number;
  timedOut(): void;
}

export class DeadlineSet<T extends Timed> {
  private readonly items: T[] = [];
  private timer: TimerHandle | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  get size(): number {
    return this.items.length;
  }

  add(item: T, deadline: number): void {
    if (item.deadlineSlot >= 0) this.delete(item);
    item.deadline = deadline;
    item.deadlineSlot = this.items.length;
    this.items.push(item);
    if (deadline < this.armedAt) this.arm(deadline);
  }

  delete(item: T): void {
    const slot = item.deadlineSlot;
    if (slot < 0 || this.items[slot] !== item) return;
    const last = this.items.pop() as T;
    if (last !== item) {
      this.items[slot] = last;
      last.deadlineSlot = slot;
    }
    item.deadlineSlot = -1;
  }

  /** The items that pass `test`, as a new array (safe to change the set while using it). */
  select(test: (item: T) => boolean): T[] {
    return this.items.filter(test);
  }

  private arm(at: number): void {
    this.timer?.cancel();
    this.armedAt = at;
    this.timer = this.clock.setTimer(Math.max(0, at - this.clock.now()), () => this.fire());
  }

  private fire(): void {
    this.timer = undefined;
    this.armedAt = Number.POSITIVE_INFINITY;
    const now = this.clock.now();
    const due = this.items.filter((item) => item.deadline <= now).sort((a, b) => a.deadline - b.deadline);
    for (const item of due) {
      this.delete(item);
      item.timedOut();
    }
    let next = Number.POSITIVE_INFINITY;
    for (const item of this.items) if (item.deadline < next) next = item.deadline;
    if (next < this.armedAt) this.arm(next);
  }
}
