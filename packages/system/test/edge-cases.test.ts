import { CipherAlgorithm, CloseCode, ErrorCode, ResumeResult, SyncReq, SystemMsgId } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import type { Session, SnapshotResult } from "../src/internal.js";
import { bytes, errorOf, GatedAuthenticator, makeEngine, settle, TestClient } from "./harness.js";

describe("edge cases of the session layer", () => {
  it("fills a Sync's reserved pushId even when the connection dropped while the provider worked", async () => {
    let answer: (r: SnapshotResult) => void = () => {};
    const { engine } = makeEngine({
      snapshotProvider: { snapshot: () => new Promise<SnapshotResult>((r) => (answer = r)) },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    void c.request(SystemMsgId.SYNC, SyncReq.encode({}).finish());
    await settle();
    engine.push(s, 2000, bytes("after k")); // pushId 2
    c.drop();
    answer({ serverStateRevision: 4, snapshot: Uint8Array.of(4) });
    await settle();
    expect(s.ring.after(0).map((e) => [e.pushId, e.body.msgId])).toEqual([
      [1, SystemMsgId.SYNC_SNAPSHOT],
      [2, 2000],
    ]);
    const c2 = new TestClient(engine);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    expect([r.result, r.replayCount]).toEqual([ResumeResult.RESUME_OK, 2]);
  });

  it("delivers a push made in onSessionStart after LoginResp, above its baseline", async () => {
    const { engine } = makeEngine({
      hooks: { onSessionStart: (s) => engine.push(engine.store.byId(s.sessionId) as Session, 2000, bytes("welcome")) },
    });
    const c = new TestClient(engine);
    const login = await c.login("p:1");
    expect(login.lastIssuedPushId).toBe(0);
    const push = await c.waitFor((f) => f.msgId === 2000);
    expect(push.pushId).toBe(1);
    expect(c.inbox.findIndex((f) => f.type === 2)).toBeLessThan(c.inbox.indexOf(push));
  });

  it("answers PAYLOAD_TOO_LARGE for a snapshot that does not fit a frame, and gives its pushId back", async () => {
    const { engine } = makeEngine({
      maxFrameBytes: 4096,
      snapshotProvider: { snapshot: () => ({ serverStateRevision: 1, snapshot: new Uint8Array(8000) }) },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const resp = await c.request(SystemMsgId.SYNC, SyncReq.encode({}).finish());
    expect(errorOf(resp).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    expect(c.inbox.filter((f) => f.type === 2 && f.msgId === SystemMsgId.SYNC).length).toBe(1);
    expect((engine.store.byKey("1") as Session).lastIssuedPushId).toBe(0);
  });

  it("keeps every overlapping Sync's barrier: a resume below a snapshot still being built needs a full sync", async () => {
    const answers: ((r: SnapshotResult) => void)[] = [];
    const { engine } = makeEngine({
      snapshotProvider: { snapshot: () => new Promise<SnapshotResult>((r) => answers.push(r)) },
    });
    const a = new TestClient(engine);
    await a.login("p:1");
    void a.request(SystemMsgId.SYNC, SyncReq.encode({}).finish()); // k = 1
    await settle();
    a.drop();
    const b = new TestClient(engine);
    await b.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: "epoch-A" });
    void b.request(SystemMsgId.SYNC, SyncReq.encode({}).finish()); // k = 2
    await settle();
    answers[0]?.({ serverStateRevision: 1, snapshot: new Uint8Array(0) }); // the first finishes first
    await settle();
    b.drop();
    const r = await new TestClient(engine).resume({ token: "p:1", lastAppliedPushId: 1, serverEpoch: "epoch-A" });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    answers[1]?.({ serverStateRevision: 2, snapshot: new Uint8Array(0) });
  });

  it("requires a ClientHello when encryption is required, so nobody logs in unsealed", async () => {
    const { engine } = makeEngine({ requireEncryption: true });
    const c = new TestClient(engine);
    await expect(c.login("p:1")).rejects.toMatchObject({ code: ErrorCode.UNSUPPORTED_PROTOCOL });
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("answers REQUEST_TIMEOUT when the authenticator does not answer within requestTimeoutMs", async () => {
    const auth = new GatedAuthenticator();
    auth.gate = true;
    const { engine, clock } = makeEngine({ authenticator: auth, requestTimeoutMs: 500 });
    const c = new TestClient(engine);
    const login = c.login("p:1").catch((e: unknown) => e);
    await settle();
    clock.advance(500);
    expect(await login).toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT });
    auth.releaseAll();
    await settle();
    expect(c.conn.authenticated).toBe(false);
  });

  it("answers REQUEST_TIMEOUT when the snapshot provider does not answer, and gives the pushId back", async () => {
    const { engine, clock } = makeEngine({
      requestTimeoutMs: 500,
      snapshotProvider: { snapshot: () => new Promise<SnapshotResult>(() => {}) },
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const sync = c.request(SystemMsgId.SYNC, SyncReq.encode({}).finish());
    await settle();
    clock.advance(500);
    expect(errorOf(await sync).code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect((engine.store.byKey("1") as Session).lastIssuedPushId).toBe(0);
  });

  it("answers PAYLOAD_TOO_LARGE for a response over the peer's max_frame_bytes", async () => {
    const { engine } = makeEngine();
    engine.route(1000, () => new Uint8Array(5000));
    const c = new TestClient(engine);
    await c.hello({ maxFrameBytes: 1024 });
    await c.login("p:1");
    expect(errorOf(await c.request(1000)).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
  });

  it("refuses a push payload over maxFrameBytes with PAYLOAD_TOO_LARGE", async () => {
    const { engine } = makeEngine({ maxFrameBytes: 4096 });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    expect(() => engine.push(s, 2000, new Uint8Array(5000))).toThrow(
      expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE }),
    );
    expect(s.lastIssuedPushId).toBe(0);
  });

  it("refuses to the caller a push over the smaller max_frame_bytes the client asked for, and counts it", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.hello({ maxFrameBytes: 1024 });
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    expect(() => engine.push(s, 2000, new Uint8Array(5000), { compress: false })).toThrow(
      expect.objectContaining({ code: ErrorCode.PAYLOAD_TOO_LARGE }),
    );
    expect(s.lastIssuedPushId).toBe(0);
    expect(engine.metrics.pushesTooLarge).toBe(1);
    expect(engine.pushMany([s], 2000, new Uint8Array(5000))).toBe(0);
    expect(engine.metrics.pushesTooLarge).toBe(2);
    engine.push(s, 2000, new Uint8Array(500));
    await c.waitFor((f) => f.pushId === 1);
    expect(c.closed).toBeUndefined();
    expect(c.raw.every((b) => b.length <= 1024)).toBe(true);
  });

  it("answers NEED_FULL_SYNC to a resume whose connection agreed a frame too small for a missed push", async () => {
    const { engine } = makeEngine();
    const a = new TestClient(engine);
    await a.login("p:1");
    engine.push(engine.store.byKey("1") as Session, 2000, new Uint8Array(5000));
    a.drop();
    const b = new TestClient(engine);
    await b.hello({ maxFrameBytes: 1024 });
    const r = await b.resume({ token: "p:1", lastAppliedPushId: 0 });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(r.maxBufferedPushId).toBe(1);
    expect(b.closed).toBeUndefined();
  });

  it("keeps a sealed connection's nonces in step when a response is too large for it", async () => {
    const { engine } = makeEngine();
    engine.route(1000, () => new Uint8Array(5000));
    engine.route(1001, () => bytes("small"));
    const c = new TestClient(engine);
    await c.hello({ ciphers: [CipherAlgorithm.CIPHER_CHACHA20_POLY1305], maxFrameBytes: 4096 });
    await c.login("p:1");
    expect(errorOf(await c.request(1000)).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE); // it opens: in step
    expect(new TextDecoder().decode((await c.request(1001)).payload)).toBe("small");
    expect(c.closed).toBeUndefined();
  });

  it("closes 4502, in the clear, on a ClientHello sent as a one-way notify (seq 0)", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    c.sendFrame({ type: 1, msgId: SystemMsgId.CLIENT_HELLO, seq: 0 });
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    expect(c.disconnectPush()?.code).toBe(CloseCode.PROTOCOL_ERROR); // readable: nothing was sealed
  });

  it("ends a session taken over by a Login with the reason taken-over", async () => {
    const reasons: string[] = [];
    const { engine } = makeEngine({ hooks: { onSessionEnd: (_, r) => reasons.push(r) } });
    await new TestClient(engine).login("p:1");
    await new TestClient(engine).login("p:1");
    expect(reasons).toEqual(["taken-over"]);
  });
});
