/**
 * Property tests over random interleavings of pushes, ACKs, disconnects and resumes: the
 * reliable stream a client applies is exactly 1..N, in order, with no gap and no duplicate.
 */
import { FrameType, ResumeResult } from "@tether/protocol";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Session } from "../src/internal.js";
import { bytes, makeEngine, settle, TestClient } from "./harness.js";

type Op =
  | { kind: "push" }
  | { kind: "best-effort" }
  | { kind: "ack" }
  | { kind: "drop" }
  | { kind: "resume" }
  | { kind: "age"; ms: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<Op>({ kind: "push" }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "best-effort" }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: "ack" }) },
  { weight: 1, arbitrary: fc.constant<Op>({ kind: "drop" }) },
  { weight: 2, arbitrary: fc.constant<Op>({ kind: "resume" }) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map<Op>((ms) => ({ kind: "age", ms })) },
);

/** A client that applies reliable pushes strictly in order, exactly once. */
class Model {
  lastApplied = 0;
  applied: number[] = [];
  duplicates = 0;
  gaps = 0;
  fullSyncs = 0;
  client: TestClient | undefined;
  private seen = 0;

  drain(): void {
    const c = this.client;
    if (!c) return;
    for (; this.seen < c.inbox.length; this.seen++) {
      const f = c.inbox[this.seen];
      if (!f || f.type !== FrameType.PUSH || f.pushId === 0) continue;
      if (f.pushId === this.lastApplied + 1) {
        this.applied.push(f.pushId);
        this.lastApplied = f.pushId;
      } else if (f.pushId <= this.lastApplied) this.duplicates++;
      else this.gaps++;
    }
  }

  attach(c: TestClient): void {
    this.client = c;
    this.seen = 0;
  }
}

async function run(ops: Op[], window: { maxBufferedPushCount: number; maxBufferedPushAgeMs: number }) {
  const { engine, clock } = makeEngine(window);
  const model = new Model();
  const first = new TestClient(engine);
  model.attach(first);
  await first.login("p:1");
  const session = engine.store.byKey("1") as Session;
  let issued = 0;

  const resume = async () => {
    model.drain();
    const c = new TestClient(engine);
    model.attach(c);
    const r = await c.resume({ token: "p:1", lastAppliedPushId: model.lastApplied, serverEpoch: "epoch-A" });
    if (r.result === ResumeResult.RESUME_NEED_FULL_SYNC) {
      model.fullSyncs++;
      model.lastApplied = r.maxBufferedPushId; // adopt the baseline
      model.drain();
    }
    model.drain();
  };

  for (const op of ops) {
    switch (op.kind) {
      case "push":
        engine.push(session, 2000, bytes("p"));
        issued++;
        break;
      case "best-effort":
        engine.push(session, 2001, bytes("b"), { reliable: false });
        break;
      case "ack":
        model.drain();
        if (model.client?.conn.open && model.lastApplied > 0) {
          model.client.ack(model.lastApplied);
          await settle();
        }
        break;
      case "drop":
        model.drain();
        model.client?.drop();
        break;
      case "resume":
        await resume();
        break;
      case "age":
        clock.advance(op.ms);
        break;
    }
    model.drain();
  }
  await resume();
  return { model, issued };
}

describe("reliable delivery over random interleavings", () => {
  it("delivers exactly 1..N in order when the window never overflows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 30, maxLength: 200 }), async (ops) => {
        const { model, issued } = await run(ops, { maxBufferedPushCount: 10_000, maxBufferedPushAgeMs: 10_000_000 });
        expect(model.duplicates).toBe(0);
        expect(model.gaps).toBe(0);
        expect(model.fullSyncs).toBe(0);
        expect(model.applied).toEqual(Array.from({ length: issued }, (_, i) => i + 1));
      }),
      { numRuns: 150 },
    );
  });

  it("never duplicates or reorders, and skips ids only through a NEED_FULL_SYNC baseline, when the window overflows", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 30, maxLength: 200 }), async (ops) => {
        const { model, issued } = await run(ops, { maxBufferedPushCount: 3, maxBufferedPushAgeMs: 500 });
        expect(model.duplicates).toBe(0);
        expect(model.gaps).toBe(0);
        for (let i = 1; i < model.applied.length; i++) {
          expect(model.applied[i]).toBeGreaterThan(model.applied[i - 1] as number);
        }
        expect(model.lastApplied).toBe(issued);
        if (model.fullSyncs === 0) expect(model.applied.length).toBe(issued);
      }),
      { numRuns: 150 },
    );
  });
});
