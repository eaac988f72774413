import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock.js";
import { DeadlineSet, type Timed } from "../src/deadlines.js";

class Item implements Timed {
  deadline = 0;
  deadlineSlot = -1;
  constructor(
    readonly name: string,
    readonly log: string[],
    readonly clock: ManualClock,
  ) {}
  timedOut(): void {
    this.log.push(`${this.name}@${this.clock.now()}`);
  }
}

describe("DeadlineSet (request timeouts on one timer)", () => {
  it("tells each item at its own deadline, earliest first, with one clock timer", () => {
    const clock = new ManualClock(0);
    const log: string[] = [];
    const set = new DeadlineSet<Item>(clock);
    set.add(new Item("a", log, clock), 100);
    set.add(new Item("b", log, clock), 300);
    set.add(new Item("c", log, clock), 200);
    expect(clock.pending).toBe(1);
    clock.advance(99);
    expect(log).toEqual([]);
    clock.advance(1000);
    expect(log).toEqual(["a@100", "c@200", "b@300"]);
    expect(set.size).toBe(0);
  });

  it("never tells an item removed before its deadline", () => {
    const clock = new ManualClock(0);
    const log: string[] = [];
    const set = new DeadlineSet<Item>(clock);
    const a = new Item("a", log, clock);
    set.add(a, 100);
    set.add(new Item("b", log, clock), 150);
    set.delete(a);
    clock.advance(500);
    expect(log).toEqual(["b@150"]);
  });

  it("honours an item added later with an earlier deadline (a timeout shortened at runtime)", () => {
    const clock = new ManualClock(0);
    const log: string[] = [];
    const set = new DeadlineSet<Item>(clock);
    set.add(new Item("long", log, clock), 10_000);
    clock.advance(10);
    set.add(new Item("short", log, clock), 60);
    clock.advance(100);
    expect(log).toEqual(["short@60"]);
    clock.advance(10_000);
    expect(log).toEqual(["short@60", "long@10000"]);
  });

  it("keeps working when items come and go after every timer has fired", () => {
    const clock = new ManualClock(0);
    const log: string[] = [];
    const set = new DeadlineSet<Item>(clock);
    for (let round = 0; round < 3; round++) {
      set.add(new Item(`r${round}`, log, clock), clock.now() + 50);
      clock.advance(50);
    }
    expect(log).toEqual(["r0@50", "r1@100", "r2@150"]);
    expect(clock.pending).toBe(0);
  });

  it("keeps the others due at their own deadlines when items leave in any order", () => {
    const clock = new ManualClock(0);
    const log: string[] = [];
    const set = new DeadlineSet<Item>(clock);
    const items = Array.from({ length: 50 }, (_, i) => new Item(`i${i}`, log, clock));
    for (const [i, item] of items.entries()) set.add(item, 10 * (i + 1));
    const leaving = items.filter((_, i) => i % 3 === 0).reverse();
    for (const item of leaving) set.delete(item);
    expect(set.size).toBe(50 - leaving.length);
    clock.advance(1000);
    const expected = items.flatMap((_, i) => (i % 3 === 0 ? [] : [`i${i}@${10 * (i + 1)}`]));
    expect(log).toEqual(expected);
  });
});
