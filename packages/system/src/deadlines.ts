/**
 * Request timeouts without a timer per request: the set of requests in flight, in one place,
 * and a single clock timer armed for the earliest deadline. When it fires, every request due is
 * told, and the timer is armed again for the earliest one left. Adding and removing a request
 * is a Set operation; under load the timer fires about once per timeout period.
 */
import type { Clock, TimerHandle } from "./clock.js";

export interface Timed {
  /** When it times out (clock milliseconds); set by `add`. */
  deadline: number;
  timedOut(): void;
}

export class DeadlineSet<T extends Timed> {
  private readonly items = new Set<T>();
  private timer: TimerHandle | undefined;
  private armedAt = Number.POSITIVE_INFINITY;

  constructor(private readonly clock: Clock) {}

  get size(): number {
    return this.items.size;
  }

  add(item: T, deadline: number): void {
    item.deadline = deadline;
    this.items.add(item);
    if (deadline < this.armedAt) this.arm(deadline);
  }

  delete(item: T): void {
    this.items.delete(item);
  }

  /** The items that pass `test`, as a new array (safe to change the set while using it). */
  select(test: (item: T) => boolean): T[] {
    const out: T[] = [];
    for (const item of this.items) if (test(item)) out.push(item);
    return out;
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
    const due: T[] = [];
    for (const item of this.items) if (item.deadline <= now) due.push(item);
    for (const item of due) {
      this.items.delete(item);
      item.timedOut();
    }
    let next = Number.POSITIVE_INFINITY;
    for (const item of this.items) if (item.deadline < next) next = item.deadline;
    if (next < this.armedAt) this.arm(next);
  }
}
