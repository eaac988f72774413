import {
  CloseCode,
  ErrorCode,
  FrameFlag,
  FrameType,
  hasFlag,
  ResumeResult,
  SyncReq,
  SyncResp,
  SystemMsgId,
} from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { client, echo, enc, errorOf, forget, isError, player, startEcho, WsClient } from "./support.js";

const pushMe = (count: number, reliable = true) => echo.PushMeReq.encode({ count, reliable }).finish();

describe("the conformance server's sessions", () => {
  it("resumes with replay: the pushes missed while away arrive with REPLAY, in order", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    await a.request(1001, pushMe(3));
    await a.waitFor((f) => f.pushId === 3);
    a.ack(1);
    a.destroy();
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    server.engine.push(session, 2001, echo.PushMsg.encode({ index: 99 }).finish());
    const b = await client(server);
    const r = await b.resume({ token: "p:1", lastAppliedPushId: 1, serverEpoch: server.engine.serverEpoch });
    expect([r.result, r.replayCount]).toEqual([ResumeResult.RESUME_OK, 3]);
    const replayed = b.reliable();
    expect(replayed.map((f) => f.pushId)).toEqual([2, 3, 4]);
    expect(replayed.every((f) => hasFlag(f.flags, FrameFlag.REPLAY))).toBe(true);
  });

  it("resumes an idle client that acknowledged everything OK with zero replays", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    await a.request(1001, pushMe(2));
    await a.waitFor((f) => f.pushId === 2);
    a.ack(2);
    await a.request(1011); // the ACK is processed before this answer
    a.destroy();
    const b = await client(server);
    const r = await b.resume({ token: "p:1", lastAppliedPushId: 2, serverEpoch: server.engine.serverEpoch });
    expect([r.result, r.replayCount, r.maxBufferedPushId]).toEqual([ResumeResult.RESUME_OK, 0, 2]);
  });

  it("answers NEED_FULL_SYNC after the push window overflowed, with the baseline", async () => {
    const server = await startEcho("--push-window-count", "5");
    const a = await player(server, 1);
    a.destroy();
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    for (let i = 0; i < 8; i++) server.engine.push(session, 2001, echo.PushMsg.encode({ index: i }).finish());
    const b = await client(server);
    const r = await b.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: server.engine.serverEpoch });
    expect([r.result, r.maxBufferedPushId]).toEqual([ResumeResult.RESUME_NEED_FULL_SYNC, 8]);
    expect(b.reliable()).toEqual([]);
  });

  it("answers NEED_FULL_SYNC to a client from another server epoch, then Sync applies the snapshot barrier", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    await a.request(1007);
    await a.request(1007);
    a.destroy();
    const b = await client(server);
    // A new client instance: its seq counter restarts, so the server must not answer from the
    // dedup cache of the previous instance.
    const clientInstance = new Uint8Array(16).fill(7);
    const r = await b.resume({ token: "p:1", lastAppliedPushId: 2, serverEpoch: "an-old-epoch", clientInstance });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    const k = SyncResp.decode((await b.request(SystemMsgId.SYNC, SyncReq.encode({}).finish())).payload).snapshotPushId;
    expect(k).toBe(3);
    const snap = await b.waitFor((f) => f.msgId === SystemMsgId.SYNC_SNAPSHOT);
    expect([snap.pushId, snap.rev]).toEqual([3, 2]);
    await b.request(1007);
    const delta = await b.waitFor((f) => f.msgId === 2003);
    expect([delta.pushId, delta.rev]).toEqual([4, 3]);
  });

  it("joins a repeated seq that is still in flight and answers it once it completes", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    a.sendFrame({ type: FrameType.REQ, msgId: 1003, seq: 50, payload: echo.SlowReq.encode({ ms: 150 }).finish() });
    await a.request(1011);
    a.destroy();
    const b = await client(server);
    await b.resume({ token: "p:1", serverEpoch: server.engine.serverEpoch });
    const joined = await b.request(1003, echo.SlowReq.encode({ ms: 150 }).finish(), 50);
    expect(isError(joined)).toBe(false);
    const again = await b.request(1003, echo.SlowReq.encode({ ms: 150 }).finish(), 50);
    expect(isError(again)).toBe(false); // served from the dedup cache
  });

  it("takes a session over: a second Login kicks the first connection with 4500", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    await player(server, 1);
    expect((await a.waitClosed()).code).toBe(CloseCode.SESSION_TAKEN_OVER);
    expect(a.disconnectPush()).toMatchObject({ code: 4500, reconnect: false });
  });

  it("answers SESSION_CONFLICT to a Login that must not kick", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    const b = await client(server);
    await expect(b.login("p:1", false)).rejects.toMatchObject({ code: ErrorCode.SESSION_CONFLICT });
    expect(a.closed).toBeUndefined();
  });

  it("keeps per-device sessions apart with p:<id>:<device>", async () => {
    const server = await startEcho();
    const phone = await client(server);
    await phone.login("p:1:phone");
    const pc = await client(server);
    await pc.login("p:1:pc");
    expect(phone.closed).toBeUndefined();
    expect(server.engine.store.byPlayer(1).length).toBe(2);
  });

  it("rejects a bad token with UNAUTHORIZED and closes 4003 when the auth deadline passes", async () => {
    const server = await startEcho("--auth-timeout-ms", "150");
    const c = await client(server);
    await expect(c.login("nope")).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    expect((await c.waitClosed()).code).toBe(CloseCode.AUTH_TIMEOUT);
  });

  it("logs out: LogoutResp, Disconnect 4504, close 4504, and the next Login starts at pushId 1", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    await a.request(1001, pushMe(2));
    await a.waitFor((f) => f.pushId === 2);
    await a.request(SystemMsgId.LOGOUT);
    expect((await a.waitClosed()).code).toBe(CloseCode.LOGGED_OUT);
    const b = await player(server, 1);
    await b.request(1001, pushMe(1));
    expect((await b.waitFor((f) => f.msgId === 2001)).pushId).toBe(1);
  });

  it("answers BACKPRESSURE past --max-in-flight", async () => {
    const server = await startEcho("--max-in-flight", "2");
    const c = await player(server, 1);
    const slow = [1, 2].map(() => c.request(1003, echo.SlowReq.encode({ ms: 100 }).finish()));
    expect(errorOf(await c.request(1000, echo.EchoReq.encode({ text: "x" }).finish())).code).toBe(
      ErrorCode.BACKPRESSURE,
    );
    await Promise.all(slow);
  });

  it("answers RATE_LIMITED past --rate/--burst and closes 4002 on sustained abuse", async () => {
    const server = await startEcho("--rate", "1", "--burst", "2");
    const c = await player(server, 1); // the Login used one token
    const over = await Promise.all([c.request(1011), c.request(1011)]);
    expect(errorOf(over[1] as never).code).toBe(ErrorCode.RATE_LIMITED);
    for (let i = 0; i < 500; i++) c.sendFrame({ type: FrameType.PING });
    expect((await c.waitClosed()).code).toBe(CloseCode.RATE_LIMIT_ABUSE);
  });

  it("closes 1009 on a frame over --max-frame-bytes, and a fresh client is still served", async () => {
    const server = await startEcho("--max-frame-bytes", "2048");
    const c = await player(server, 1);
    c.sendFrame({
      type: FrameType.REQ,
      msgId: 1000,
      seq: 99,
      payload: echo.EchoReq.encode({ text: "y".repeat(5000) }).finish(),
    });
    expect((await c.waitClosed()).code).toBe(CloseCode.FRAME_TOO_LARGE);
    const fresh = await player(server, 2);
    expect(
      echo.EchoResp.decode((await fresh.request(1000, echo.EchoReq.encode({ text: "ok" }).finish())).payload).text,
    ).toBe("ok");
  });

  it("closes 4502 on text messages and on garbage, and a fresh client is still served", async () => {
    const server = await startEcho();
    const t = await client(server);
    t.sendText("{}");
    expect((await t.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    const g = await client(server);
    g.sendRaw(enc("\u0000\u0001garbage"));
    expect((await g.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    await player(server, 3);
  });

  it("closes 4000 when the client stops answering the heartbeat", async () => {
    const server = await startEcho("--heartbeat-interval-ms", "50", "--heartbeat-timeout-ms", "100");
    const c = await player(server, 1);
    (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const closed = new Promise<void>((resolve) => {
      const check = () => (server.counters.heartbeatTimeouts > 0 ? resolve() : setImmediate(check));
      check();
    });
    await closed;
    expect(server.counters.heartbeatTimeouts).toBe(1);
  });

  it("shuts down gracefully: Disconnect 1012 (reconnect) to every connection", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    const guest = await client(server);
    forget(server);
    await server.close({ drainMs: 1000 });
    for (const c of [a, guest]) {
      expect((await c.waitClosed()).code).toBe(CloseCode.SERVER_SHUTDOWN);
      expect(c.disconnectPush()).toMatchObject({ code: 1012, reconnect: true });
    }
    await expect(WsClient.open(server.url)).rejects.toThrow();
  });
});
