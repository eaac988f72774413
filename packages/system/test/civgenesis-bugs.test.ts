/**
 * The CivGenesis system-layer bugs listed in the design, each with a test proving Tether does
 * not have it.
 */
import { CloseCode, ErrorCode, FrameType, ResumeResult } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import type { Session } from "../src/internal.js";
import { bytes, errorOf, isError, makeEngine, settle, TestClient } from "./harness.js";

describe("CivGenesis bugs Tether does not have", () => {
  it("an idle client that acknowledged everything resumes OK with zero replays", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    for (let i = 0; i < 3; i++) engine.push(s, 2000, bytes("x"));
    c.ack(3);
    await settle();
    c.drop();
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 3, serverEpoch: "epoch-A" });
    expect([r.result, r.replayCount]).toEqual([ResumeResult.RESUME_OK, 0]);
  });

  it("the epoch check comes after authentication: a bad token is UNAUTHORIZED, not NEED_FULL_SYNC", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await expect(c.resume({ token: "forged", serverEpoch: "other" })).rejects.toMatchObject({
      code: ErrorCode.UNAUTHORIZED,
    });
    expect(c.conn.authenticated).toBe(false);
    const r = await c.resume({ token: "p:1", serverEpoch: "other" });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(c.conn.authenticated).toBe(true);
  });

  it("last_applied 0 with evicted entries answers NEED_FULL_SYNC, not a partial replay", async () => {
    const { engine } = makeEngine({ maxBufferedPushCount: 2 });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    c.drop();
    for (let i = 0; i < 5; i++) engine.push(s, 2000, bytes("x"));
    const c2 = new TestClient(engine);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(c2.reliable()).toEqual([]);
  });

  it("an ACK beyond the last issued pushId is a protocol error, not a silent ring wipe", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    engine.push(s, 2000, bytes("x"));
    c.ack(1000);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    expect(s.ring.size).toBe(1);
  });

  it("a duplicate in-flight seq joins its original instead of getting BACKPRESSURE", async () => {
    const { engine } = makeEngine({ maxInFlightReq: 1 });
    let finish: (b: Uint8Array) => void = () => {};
    engine.route(1000, () => new Promise<Uint8Array>((r) => (finish = r)));
    const c = new TestClient(engine);
    await c.login("p:1");
    const original = c.request(1000, new Uint8Array(0), 1);
    await settle();
    c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq: 1 }); // the same seq again, at the limit
    const other = await c.request(1000, new Uint8Array(0), 2); // a new seq at the limit is refused
    expect(errorOf(other).code).toBe(ErrorCode.BACKPRESSURE);
    finish(bytes("done"));
    expect(isError(await original)).toBe(false);
    await settle();
    const answersToSeq1 = c.inbox.filter((f) => f.seq === 1);
    expect(answersToSeq1.every((f) => !isError(f))).toBe(true);
  });
});
