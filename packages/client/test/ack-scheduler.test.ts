/** The ACK batching rules on a manual clock, with a fake outlet that records the ACK frames. */

import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { AckScheduler } from "../src/ack-scheduler.js";

function scheduler(o: { ackDelayMs?: number; ackBatch?: number } = {}) {
  const clock = new ManualClock();
  let lastApplied = 0;
  let ready = true;
  const sent: number[] = [];
  const acks = new AckScheduler(
    { ackDelayMs: o.ackDelayMs ?? 200, ackBatch: o.ackBatch ?? 64, clock },
    () => lastApplied,
    { ready: () => ready, send: (pushId) => sent.push(pushId) },
  );
  /** What the pipeline does for each push: record it, then report it. */
  const apply = (...ids: number[]) => {
    for (const id of ids) {
      lastApplied = id;
      acks.applied(id);
    }
  };
  return {
    acks,
    clock,
    sent,
    apply,
    setReady: (r: boolean) => {
      ready = r;
    },
  };
}

describe("AckScheduler", () => {
  it("sends one cumulative ACK ackDelayMs after the first push waiting for one", () => {
    const s = scheduler();
    s.apply(1);
    s.clock.advance(150);
    s.apply(2, 3);
    expect(s.sent).toEqual([]);
    s.clock.advance(50);
    expect(s.sent).toEqual([3]);
    s.clock.advance(1000);
    expect(s.sent).toEqual([3]);
  });

  it("sends at once when ackBatch pushes are waiting", () => {
    const s = scheduler({ ackBatch: 64 });
    s.apply(...Array.from({ length: 63 }, (_, i) => i + 1));
    expect(s.sent).toEqual([]);
    s.apply(64);
    expect(s.sent).toEqual([64]);
    s.clock.advance(200);
    expect(s.sent).toEqual([64]);
  });

  it("hands the due ACK to an outgoing request once, and the timer then sends nothing", () => {
    const s = scheduler();
    s.apply(1, 2);
    expect(s.acks.take()).toBe(2);
    expect(s.acks.take()).toBe(0);
    s.clock.advance(200);
    expect(s.sent).toEqual([]);
  });

  it("holds the ACK while the outlet is not ready and sends it on the flush at ready", () => {
    const s = scheduler();
    s.setReady(false);
    s.apply(1);
    s.clock.advance(200);
    expect(s.sent).toEqual([]);
    s.setReady(true);
    s.acks.flush();
    expect(s.sent).toEqual([1]);
  });

  it("counts the pushId a Resume carried as ACKed, and ACKs only what comes after it", () => {
    const s = scheduler();
    s.apply(1, 2, 3);
    s.acks.beforeResume();
    s.acks.resumed(3);
    s.clock.advance(200);
    expect(s.sent).toEqual([]);
    s.apply(3);
    expect(s.acks.take()).toBe(0);
    s.apply(4);
    s.clock.advance(200);
    expect(s.sent).toEqual([4]);
  });
});
