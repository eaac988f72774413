import { CloseCode, ErrorCode, FrameType, LoginReq, SystemMsgId } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import type { Session, SessionEndReason, SessionView } from "../src/internal.js";
import { bytes, CounterGame, errorOf, makeEngine, TestClient } from "./harness.js";

describe("Login (sessions.md §4)", () => {
  it("binds a fresh session and answers playerId, epoch, sessionId and need_sync", async () => {
    const { engine } = makeEngine({ snapshotProvider: new CounterGame() });
    const resp = await new TestClient(engine).login("p:42");
    expect(resp.playerId).toBe(42);
    expect(resp.sessionEpoch).toBeGreaterThan(0);
    expect(resp.sessionId.length).toBeGreaterThan(10);
    expect(resp.needSync).toBe(true);
    expect(resp.lastIssuedPushId).toBe(0);
  });

  it("answers need_sync false without a snapshot provider", async () => {
    const { engine } = makeEngine();
    expect((await new TestClient(engine).login("p:1")).needSync).toBe(false);
  });

  it("answers UNAUTHORIZED for a rejected token and leaves the connection unauthenticated", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    const resp = await c.request(SystemMsgId.LOGIN, LoginReq.encode({ token: "nope" }).finish());
    expect(errorOf(resp).code).toBe(ErrorCode.UNAUTHORIZED);
    expect(c.closed).toBeUndefined();
    expect(c.conn.authenticated).toBe(false);
    await c.login("p:1");
    expect(c.conn.authenticated).toBe(true);
  });

  it("kicks the connection holding the session by default: Disconnect 4500, then close 4500", async () => {
    const { engine } = makeEngine();
    const a = new TestClient(engine);
    const first = await a.login("p:1");
    const b = new TestClient(engine);
    const second = await b.login("p:1");
    expect((await a.waitClosed()).code).toBe(CloseCode.SESSION_TAKEN_OVER);
    expect(a.disconnectPush()).toMatchObject({ code: 4500, reconnect: false });
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.sessionEpoch).not.toBe(first.sessionEpoch);
  });

  it("fails with SESSION_CONFLICT when kick_existing_session is explicitly false and the session is held", async () => {
    const { engine } = makeEngine();
    const a = new TestClient(engine);
    await a.login("p:1");
    const b = new TestClient(engine);
    await expect(b.login("p:1", false)).rejects.toMatchObject({ code: ErrorCode.SESSION_CONFLICT });
    expect(a.closed).toBeUndefined();
  });

  it("follows the authenticator's kick policy when the request does not say", async () => {
    const { engine } = makeEngine({
      authenticator: { authenticate: () => ({ playerId: 5, kickExistingSession: false }) },
    });
    await new TestClient(engine).login("any");
    await expect(new TestClient(engine).login("any")).rejects.toMatchObject({ code: ErrorCode.SESSION_CONFLICT });
  });

  it("ends a detached session under the key (Login starts fresh, its ring is dropped)", async () => {
    const { engine } = makeEngine();
    const a = new TestClient(engine);
    await a.login("p:1");
    const old = engine.store.byKey("1") as Session;
    engine.push(old, 2000, bytes("x"));
    a.drop();
    const b = new TestClient(engine);
    const resp = await b.login("p:1");
    expect(old.ended).toBe(true);
    expect(resp.lastIssuedPushId).toBe(0);
    const fresh = engine.store.byKey("1") as Session;
    expect(engine.push(fresh, 2000, bytes("y"))).toBe(1); // a new session issues pushIds from 1
  });

  it("keeps one session per (player, device) when the authenticator returns a deviceId", async () => {
    const { engine } = makeEngine();
    const phone = new TestClient(engine);
    const tablet = new TestClient(engine);
    await phone.login("p:1:phone");
    await tablet.login("p:1:tablet");
    expect(phone.closed).toBeUndefined();
    expect(engine.store.byPlayer(1).length).toBe(2);
  });

  it("switches accounts on one connection: requests of the old session get SESSION_EXPIRED", async () => {
    const { engine } = makeEngine();
    let release: () => void = () => {};
    let started: () => void = () => {};
    const running = new Promise<void>((r) => (started = r));
    engine.route(1000, () => {
      started();
      return new Promise<undefined>((r) => (release = () => r(undefined)));
    });
    const c = new TestClient(engine);
    const first = await c.login("p:1");
    const pending = c.request(1000);
    await running;
    const second = await c.login("p:2");
    expect(errorOf(await pending).code).toBe(ErrorCode.SESSION_EXPIRED);
    release();
    expect(second.playerId).toBe(2);
    expect(second.sessionEpoch).not.toBe(first.sessionEpoch);
    expect(engine.store.byKey("1")?.attached).toBe(false);
  });
});

describe("Logout (sessions.md §4)", () => {
  it("answers LogoutResp, ends the session, sends Disconnect 4504 and closes 4504", async () => {
    const ends: SessionEndReason[] = [];
    const { engine } = makeEngine({ hooks: { onSessionEnd: (_, r) => ends.push(r) } });
    const c = new TestClient(engine);
    await c.login("p:1");
    const resp = await c.request(SystemMsgId.LOGOUT);
    expect(resp.type).toBe(FrameType.RESP);
    expect((await c.waitClosed()).code).toBe(CloseCode.LOGGED_OUT);
    expect(c.disconnectPush()?.code).toBe(4504);
    expect(engine.store.byKey("1")).toBeUndefined();
    expect(ends).toEqual(["logout"]);
  });

  it("answers NEED_LOGIN without a session", async () => {
    const { engine } = makeEngine();
    expect(errorOf(await new TestClient(engine).request(SystemMsgId.LOGOUT)).code).toBe(ErrorCode.NEED_LOGIN);
  });
});

describe("Session lifetime (sessions.md §4)", () => {
  it("keeps a detached session sessionTtlMs, buffering reliable pushes and dropping best-effort ones", async () => {
    const { engine, clock } = makeEngine({ sessionTtlMs: 1000 });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    c.drop();
    expect(engine.push(s, 2000, bytes("r"))).toBe(1);
    expect(engine.push(s, 2000, bytes("b"), { reliable: false })).toBe(0);
    expect(s.ring.size).toBe(1);
    clock.advance(999);
    expect(s.ended).toBe(false);
  });

  it("ends a session that stays detached past its TTL, with onSessionEnd", async () => {
    const ends: [SessionView, SessionEndReason][] = [];
    const { engine, clock } = makeEngine({ sessionTtlMs: 1000, hooks: { onSessionEnd: (s, r) => ends.push([s, r]) } });
    const c = new TestClient(engine);
    await c.login("p:1");
    c.drop();
    clock.advance(1000);
    expect(ends.map(([, r]) => r)).toEqual(["expired"]);
    expect(engine.store.size).toBe(0);
  });

  it("does not end a session that was resumed before its TTL ran out", async () => {
    const { engine, clock } = makeEngine({ sessionTtlMs: 1000 });
    const c = new TestClient(engine);
    await c.login("p:1");
    c.drop();
    clock.advance(500);
    await new TestClient(engine).resume({ token: "p:1", serverEpoch: "epoch-A" });
    clock.advance(5000);
    expect(engine.store.byKey("1")?.ended).toBe(false);
  });
});
