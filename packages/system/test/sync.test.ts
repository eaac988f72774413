import { ErrorCode, FrameType, SyncReq, SyncResp, SyncSnapshotPush, SystemMsgId } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import type { Session, SnapshotResult } from "../src/internal.js";
import { bytes, CounterGame, errorOf, makeEngine, settle, TestClient } from "./harness.js";

const syncReq = (rev = 0) => SyncReq.encode({ clientStateRevision: rev }).finish();

describe("Sync (sessions.md §6)", () => {
  it("needs an authenticated session (NEED_LOGIN)", async () => {
    const { engine } = makeEngine({ snapshotProvider: new CounterGame() });
    expect(errorOf(await new TestClient(engine).request(SystemMsgId.SYNC, syncReq())).code).toBe(ErrorCode.NEED_LOGIN);
  });

  it("answers SYNC_UNSUPPORTED without a snapshot provider", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    expect(errorOf(await c.request(SystemMsgId.SYNC, syncReq())).code).toBe(ErrorCode.SYNC_UNSUPPORTED);
  });

  it("answers SyncResp{k} then sends SyncSnapshotPush as the reliable push k with rev", async () => {
    const game = new CounterGame();
    game.revisions.set(1, 7);
    const { engine } = makeEngine({ snapshotProvider: game });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    engine.push(s, 2000, bytes("before"));
    const resp = await c.request(SystemMsgId.SYNC, syncReq());
    const k = SyncResp.decode(resp.payload).snapshotPushId;
    expect(k).toBe(2);
    const snap = await c.waitFor((f) => f.type === FrameType.PUSH && f.msgId === SystemMsgId.SYNC_SNAPSHOT);
    expect([snap.pushId, snap.rev]).toEqual([2, 7]);
    expect(SyncSnapshotPush.decode(snap.payload).serverStateRevision).toBe(7);
    expect(c.inbox.indexOf(resp)).toBeLessThan(c.inbox.indexOf(snap));
  });

  it("allocates k before asking an async provider: pushes issued meanwhile get ids above k", async () => {
    let answer: (r: SnapshotResult) => void = () => {};
    const { engine } = makeEngine({
      snapshotProvider: { snapshot: () => new Promise<SnapshotResult>((r) => (answer = r)) },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    const done = c.request(SystemMsgId.SYNC, syncReq());
    await settle();
    expect(engine.push(s, 2000, bytes("during"), { rev: 11 })).toBe(2);
    answer({ serverStateRevision: 10, snapshot: Uint8Array.of(1) });
    expect(SyncResp.decode((await done).payload).snapshotPushId).toBe(1);
    const ids = c.reliable().map((f) => [f.pushId, f.msgId]);
    // Push 2 went out live before snapshot 1: the client holds it and applies it on top.
    expect(ids).toEqual([
      [2, 2000],
      [1, SystemMsgId.SYNC_SNAPSHOT],
    ]);
    expect(s.ring.after(0).map((e) => e.pushId)).toEqual([1, 2]);
  });

  it("answers a failing provider with an Error RESP, never silence, and gives the reserved id back", async () => {
    const { engine } = makeEngine({
      snapshotProvider: {
        snapshot: () => {
          throw new Error("db down");
        },
      },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    expect(errorOf(await c.request(SystemMsgId.SYNC, syncReq())).code).toBe(ErrorCode.INTERNAL);
    expect(s.lastIssuedPushId).toBe(0);
    expect(engine.push(s, 2000, bytes("x"))).toBe(1);
  });

  it("answers a provider returning garbage with INTERNAL", async () => {
    const { engine } = makeEngine({
      snapshotProvider: { snapshot: () => ({ nope: true }) as unknown as SnapshotResult },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    expect(errorOf(await c.request(SystemMsgId.SYNC, syncReq())).code).toBe(ErrorCode.INTERNAL);
  });

  it("makes a resume from below a snapshot still being built answer NEED_FULL_SYNC", async () => {
    let answer: (r: SnapshotResult) => void = () => {};
    const { engine } = makeEngine({
      snapshotProvider: { snapshot: () => new Promise<SnapshotResult>((r) => (answer = r)) },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    void c.request(SystemMsgId.SYNC, syncReq());
    await settle();
    c.drop();
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    expect(r.result).toBe(1);
    answer({ serverStateRevision: 1, snapshot: new Uint8Array(0) });
  });
});
