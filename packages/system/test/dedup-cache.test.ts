import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock.js";
import { DedupCache, type DedupLimits, ENTRY_OVERHEAD_BYTES, IN_FLIGHT } from "../src/dedup-cache.js";

const limits = (l: Partial<DedupLimits> = {}): DedupLimits => ({
  dedupMaxEntries: 10,
  dedupMaxBytes: 1024 * 1024,
  dedupTtlMs: 60_000,
  ...l,
});

const response = (n: number, payload = new Uint8Array([n])) => ({ msgId: 1000, flags: 0, payload });

describe("DedupCache", () => {
  it("keeps at most dedupMaxEntries completed responses, dropping the oldest, never one in flight", () => {
    const cache = new DedupCache(limits({ dedupMaxEntries: 3 }), new ManualClock());
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
    const cache = new DedupCache(limits(), new ManualClock());
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
    const cache = new DedupCache(limits({ dedupTtlMs: 1000 }), clock);
    cache.start(1);
    cache.complete(1, response(1), true);
    clock.advance(999);
    expect(cache.lookup(1)).not.toBeUndefined();
    clock.advance(1);
    expect([cache.lookup(1), cache.size]).toEqual([undefined, 0]);
  });

  it("keeps each answer that is a view into a larger buffer as a copy of its own size, whatever its size", () => {
    const cache = new DedupCache(limits(), new ManualClock());
    const slab = new Uint8Array(256 * 1024).fill(9);
    for (const [seq, size] of [
      [1, 10],
      [2, 3000],
      [3, 100_000],
    ] as const) {
      cache.start(seq);
      cache.complete(seq, response(seq, slab.subarray(8, 8 + size)), true);
      const kept = (cache.lookup(seq) as { payload: Uint8Array }).payload;
      expect([kept.byteLength, kept.buffer.byteLength, kept[size - 1]]).toEqual([size, size, 9]);
    }
    const own = new Uint8Array(50);
    cache.start(4);
    cache.complete(4, response(4, own), true);
    expect((cache.lookup(4) as { payload: Uint8Array }).payload).toBe(own); // already right-sized: not copied
  });

  it("forgets every answer at or below the client's ackSeq at once, and keeps none of them later", () => {
    const cache = new DedupCache(limits({ dedupMaxEntries: 1024 }), new ManualClock());
    for (let seq = 1; seq <= 8; seq++) cache.start(seq);
    for (const seq of [1, 2, 3, 5, 6, 7]) cache.complete(seq, response(seq), true); // 4 and 8 still run
    cache.forgetThrough(6);
    expect([cache.size, cache.bytes]).toEqual([1, 1 + ENTRY_OVERHEAD_BYTES]);
    expect([1, 2, 3, 5, 6].map((s) => cache.lookup(s))).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
    expect([cache.lookup(4), cache.lookup(8)]).toEqual([IN_FLIGHT, IN_FLIGHT]);
    cache.complete(4, response(4), true); // the client said it holds it: not kept
    cache.complete(8, response(8), true);
    expect([cache.lookup(4), cache.size]).toEqual([undefined, 2]);
    cache.forgetThrough(5); // smaller than before: nothing changes
    expect(cache.size).toBe(2);
    cache.forgetThrough(8);
    expect([cache.size, cache.bytes]).toEqual([0, 0]);
  });

  it("a new client instance (clear) lowers the ackSeq floor again", () => {
    const cache = new DedupCache(limits(), new ManualClock());
    cache.forgetThrough(100);
    cache.clear();
    cache.start(1);
    cache.complete(1, response(1), true);
    expect(cache.lookup(1)).not.toBeUndefined();
  });

  it("keeps the answers within dedupMaxBytes, dropping the oldest, but always the newest", () => {
    const cache = new DedupCache(
      limits({ dedupMaxEntries: 1024, dedupMaxBytes: 3 * (100 + ENTRY_OVERHEAD_BYTES) }),
      new ManualClock(),
    );
    for (let seq = 1; seq <= 5; seq++) {
      cache.start(seq);
      cache.complete(seq, response(seq, new Uint8Array(100)), true);
    }
    expect([cache.size, cache.bytes]).toEqual([3, 3 * (100 + ENTRY_OVERHEAD_BYTES)]);
    expect([1, 2, 3].map((s) => cache.lookup(s) !== undefined)).toEqual([false, false, true]);
    cache.start(6);
    cache.complete(6, response(6, new Uint8Array(10_000)), true); // alone over the budget
    expect([cache.size, cache.lookup(6) !== undefined]).toEqual([1, true]);
  });

  it("copies a small response that is a view into a large buffer, so it does not pin it", () => {
    const cache = new DedupCache(limits(), new ManualClock());
    const socketRead = new Uint8Array(64 * 1024).fill(7);
    cache.start(1);
    cache.complete(1, response(1, socketRead.subarray(100, 110)), true);
    const kept = (cache.lookup(1) as { payload: Uint8Array }).payload;
    expect(kept.buffer).not.toBe(socketRead.buffer);
    expect([...kept]).toEqual(new Array(10).fill(7));
  });

  it("still evicts oldest first after many answers that were not cached", () => {
    const cache = new DedupCache(limits({ dedupMaxEntries: 2 }), new ManualClock());
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
    const cache = new DedupCache(limits({ dedupMaxEntries: 2 }), new ManualClock());
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
