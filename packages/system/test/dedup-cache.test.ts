import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock.js";
import { DedupCache, IN_FLIGHT } from "../src/dedup-cache.js";

const response = (n: number, payload = new Uint8Array([n])) => ({ msgId: 1000, flags: 0, payload });

describe("DedupCache", () => {
  it("keeps at most dedupMaxEntries completed responses, dropping the oldest, never one in flight", () => {
    const cache = new DedupCache({ dedupMaxEntries: 3, dedupTtlMs: 60_000 }, new ManualClock());
    cache.start(1); // stays in flight throughout
    for (let seq = 2; seq <= 7; seq++) {
      cache.start(seq);
      cache.complete(seq, response(seq), true);
    }
    expect(cache.size).toBe(3);
    expect([2, 3, 4].map((s) => cache.lookup(s))).toEqual([undefined, undefined, undefined]);
    expect([5, 6, 7].map((s) => (cache.lookup(s) as { payload: Uint8Array }).payload[0])).toEqual([5, 6, 7]);
    expect(cache.lookup(1)).toBe(IN_FLIGHT);
  });

  it("answers every waiter that joined an in-flight seq once, and forgets an uncached answer", () => {
    const cache = new DedupCache({ dedupMaxEntries: 10, dedupTtlMs: 60_000 }, new ManualClock());
    const got: number[] = [];
    cache.start(9);
    cache.join(9, (r) => got.push(r.payload[0] as number));
    cache.join(9, (r) => got.push(r.payload[0] as number));
    cache.complete(9, response(42), false);
    expect(got).toEqual([42, 42]);
    expect(cache.lookup(9)).toBeUndefined();
  });

  it("expires a response after dedupTtlMs", () => {
    const clock = new ManualClock();
    const cache = new DedupCache({ dedupMaxEntries: 10, dedupTtlMs: 1000 }, clock);
    cache.start(1);
    cache.complete(1, response(1), true);
    clock.advance(999);
    expect(cache.lookup(1)).not.toBeUndefined();
    clock.advance(1);
    expect([cache.lookup(1), cache.size]).toEqual([undefined, 0]);
  });

  it("copies a small response that is a view into a large buffer, so it does not pin it", () => {
    const cache = new DedupCache({ dedupMaxEntries: 10, dedupTtlMs: 60_000 }, new ManualClock());
    const socketRead = new Uint8Array(64 * 1024).fill(7);
    cache.start(1);
    cache.complete(1, response(1, socketRead.subarray(100, 110)), true);
    const kept = (cache.lookup(1) as { payload: Uint8Array }).payload;
    expect(kept.buffer).not.toBe(socketRead.buffer);
    expect([...kept]).toEqual(new Array(10).fill(7));
  });

  it("still evicts oldest first after many answers that were not cached", () => {
    const cache = new DedupCache({ dedupMaxEntries: 2, dedupTtlMs: 60_000 }, new ManualClock());
    let seq = 0;
    for (let i = 0; i < 10_000; i++) {
      cache.start(++seq);
      cache.complete(seq, response(0), i % 100 === 99); // mostly retryable errors: not cached
    }
    expect(cache.size).toBe(2);
    expect([cache.lookup(9_900), cache.lookup(10_000)].every((r) => r !== undefined)).toBe(true);
    expect(cache.lookup(9_800)).toBeUndefined();
  });

  it("evicts a retried seq by its retry's place in line, not its first attempt's", () => {
    const cache = new DedupCache({ dedupMaxEntries: 2, dedupTtlMs: 60_000 }, new ManualClock());
    const run = (seq: number, cached: boolean) => {
      cache.start(seq);
      cache.complete(seq, response(seq), cached);
    };
    run(1, true);
    run(5, false); // a retryable error: not cached, the client retries later
    run(2, true);
    run(5, true); // the retry
    run(6, true);
    expect([1, 2, 5, 6].map((s) => cache.lookup(s) !== undefined)).toEqual([false, false, true, true]);
  });
});
