import { CloseCode, ErrorCode, FrameFlag, FrameType, hasFlag, ResumeResult } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import type { ResumeOutcome, Session } from "../src/internal.js";
import { bytes, GatedAuthenticator, makeEngine, settle, TestClient } from "./harness.js";

const OK = ResumeResult.RESUME_OK;
const FULL = ResumeResult.RESUME_NEED_FULL_SYNC;

async function loggedIn(engine: ReturnType<typeof makeEngine>["engine"], token = "p:1") {
  const c = new TestClient(engine);
  await c.login(token);
  return { c, s: engine.store.byKey(token.slice(2).replace(":", "/")) as Session };
}

describe("Resume (sessions.md §4, steps 1-7)", () => {
  it("step 1: a rejected token answers UNAUTHORIZED and the connection stays unauthenticated", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await expect(c.resume({ token: "bad" })).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    expect(c.conn.authenticated).toBe(false);
    expect(c.closed).toBeUndefined();
  });

  it("step 2: no session under the key creates one and answers NEED_FULL_SYNC", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    const r = await c.resume({ token: "p:9", lastAppliedPushId: 0 });
    expect(r.result).toBe(FULL);
    expect(r.maxBufferedPushId).toBe(0);
    expect(r.playerId).toBe(9);
    expect(c.conn.authenticated).toBe(true);
  });

  it("step 3: a server_epoch that is not ours answers NEED_FULL_SYNC after authenticating, and binds", async () => {
    const { engine } = makeEngine();
    const { c, s } = await loggedIn(engine);
    engine.push(s, 2000, bytes("a"));
    c.drop();
    const c2 = new TestClient(engine);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 1, serverEpoch: "an-older-process" });
    expect(r.result).toBe(FULL);
    expect(r.serverEpoch).toBe("epoch-A");
    expect(s.connection).toBe(c2.conn);
  });

  it("step 4: a live (zombie) connection on the session is closed with 4500 and taken over", async () => {
    const { engine } = makeEngine();
    const { c, s } = await loggedIn(engine);
    const c2 = new TestClient(engine);
    const r = await c2.resume({ token: "p:1", serverEpoch: "epoch-A" });
    expect(r.result).toBe(OK);
    expect((await c.waitClosed()).code).toBe(CloseCode.SESSION_TAKEN_OVER);
    expect(c.disconnectPush()?.code).toBe(4500);
    expect(s.connection).toBe(c2.conn);
  });

  it("step 5: last_applied above the last issued id answers NEED_FULL_SYNC", async () => {
    const { engine } = makeEngine();
    const { c, s } = await loggedIn(engine);
    engine.push(s, 2000, bytes("a"));
    c.drop();
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 5, serverEpoch: "epoch-A" });
    expect(r.result).toBe(FULL);
    expect(r.maxBufferedPushId).toBe(1);
  });

  it("step 5: an evicted entry above last_applied answers NEED_FULL_SYNC", async () => {
    const { engine } = makeEngine({ maxBufferedPushCount: 2 });
    const { c, s } = await loggedIn(engine);
    c.drop();
    for (let i = 0; i < 3; i++) engine.push(s, 2000, bytes(`${i}`));
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    expect(r.result).toBe(FULL);
    expect(r.maxBufferedPushId).toBe(3);
  });

  it("step 5: entries older than the age bound are evicted and force NEED_FULL_SYNC", async () => {
    const { engine, clock } = makeEngine({ maxBufferedPushAgeMs: 1000 });
    const { c, s } = await loggedIn(engine);
    c.drop();
    engine.push(s, 2000, bytes("old"));
    clock.advance(1000);
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    expect(r.result).toBe(FULL);
  });

  it("step 5: OK replays every entry above last_applied, in order, with REPLAY, and counts L as an ACK", async () => {
    const { engine } = makeEngine();
    const { c, s } = await loggedIn(engine);
    for (let i = 1; i <= 5; i++) engine.push(s, 2000, bytes(`${i}`), { rev: i });
    c.drop();
    const c2 = new TestClient(engine);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 2, serverEpoch: "epoch-A" });
    expect(r).toMatchObject({
      result: OK,
      replayCount: 3,
      minBufferedPushId: 3,
      maxBufferedPushId: 5,
      serverStateRevision: 5,
    });
    const replayed = c2.reliable();
    expect(replayed.map((f) => f.pushId)).toEqual([3, 4, 5]);
    expect(replayed.every((f) => hasFlag(f.flags, FrameFlag.REPLAY | FrameFlag.ACK_REQUIRED))).toBe(true);
    expect(replayed.map((f) => f.rev)).toEqual([3, 4, 5]);
    expect(s.ring.size).toBe(3);
  });

  it("step 5: an idle client that acknowledged everything resumes OK with zero replays", async () => {
    const { engine } = makeEngine();
    const { c, s } = await loggedIn(engine);
    engine.push(s, 2000, bytes("a"));
    engine.push(s, 2000, bytes("b"));
    c.ack(2);
    await settle();
    c.drop();
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 2, serverEpoch: "epoch-A" });
    expect(r).toMatchObject({ result: OK, replayCount: 0, maxBufferedPushId: 2 });
  });

  it("step 6: the RESP comes first, then the replay, then live pushes, in pushId order", async () => {
    const { engine } = makeEngine();
    const { c, s } = await loggedIn(engine);
    engine.push(s, 2000, bytes("1"));
    c.drop();
    const c2 = new TestClient(engine);
    const resumed = c2.resume({ token: "p:1", serverEpoch: "epoch-A" });
    await resumed;
    engine.push(s, 2000, bytes("2"));
    const kinds = c2.inbox.map((f) => (f.type === FrameType.RESP ? "resp" : `push${f.pushId}`));
    expect(kinds).toEqual(["resp", "push1", "push2"]);
  });

  it("step 6: pushes issued while the authenticator's promise is pending are replayed exactly once", async () => {
    const auth = new GatedAuthenticator();
    const { engine } = makeEngine({ authenticator: auth });
    const { c, s } = await loggedIn(engine);
    engine.push(s, 2000, bytes("1"));
    auth.gate = true;
    const c2 = new TestClient(engine);
    const resumed = c2.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    await settle();
    expect(auth.pending).toBe(1);
    engine.push(s, 2000, bytes("2")); // the zombie is still attached: goes to it and to the ring
    c.drop();
    engine.push(s, 2000, bytes("3")); // detached: ring only
    auth.releaseAll();
    const r = await resumed;
    engine.push(s, 2000, bytes("4")); // live on the new connection
    expect(r.replayCount).toBe(3);
    expect(c2.reliable().map((f) => f.pushId)).toEqual([1, 2, 3, 4]);
  });

  it("step 7: a new client instance clears the request dedup cache; the same one keeps it", async () => {
    const { engine } = makeEngine();
    let runs = 0;
    engine.route(1000, () => {
      runs++;
      return bytes(`run ${runs}`);
    });
    const inst = (b: number) => new Uint8Array(16).fill(b);
    const c = new TestClient(engine);
    await c.resume({ token: "p:1", clientInstance: inst(1) });
    await c.request(1000, new Uint8Array(0), 7);
    const same = new TestClient(engine);
    await same.resume({ token: "p:1", clientInstance: inst(1), serverEpoch: "epoch-A" });
    await same.request(1000, new Uint8Array(0), 7);
    expect(runs).toBe(1);
    const other = new TestClient(engine);
    await other.resume({ token: "p:1", clientInstance: inst(2), serverEpoch: "epoch-A" });
    await other.request(1000, new Uint8Array(0), 7);
    expect(runs).toBe(2);
  });

  it("after NEED_FULL_SYNC, pushIds keep counting and the ring restarts empty at the baseline", async () => {
    const { engine } = makeEngine({ maxBufferedPushCount: 1 });
    const { c, s } = await loggedIn(engine);
    c.drop();
    engine.push(s, 2000, bytes("1"));
    engine.push(s, 2000, bytes("2"));
    const c2 = new TestClient(engine);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    expect(r.result).toBe(FULL);
    expect(r.maxBufferedPushId).toBe(2);
    expect(s.ring.size).toBe(0);
    expect(engine.push(s, 2000, bytes("3"))).toBe(3);
  });

  it("reports each resume to onSessionResume with its outcome", async () => {
    const outcomes: ResumeOutcome[] = [];
    const { engine } = makeEngine({ hooks: { onSessionResume: (_, o) => outcomes.push(o) } });
    const { c } = await loggedIn(engine);
    c.drop();
    await new TestClient(engine).resume({ token: "p:1", serverEpoch: "epoch-A" });
    await new TestClient(engine).resume({ token: "p:1", serverEpoch: "nope" });
    expect(outcomes).toEqual([
      { result: "ok", replayed: 0 },
      { result: "need-full-sync", replayed: 0, why: "epoch" },
    ]);
  });
});
