import { ErrorCode, FrameType, SystemMsgId, TetherError } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { InvalidOptionError } from "../src/internal.js";
import { bytes, errorOf, isError, makeEngine, settle, TestClient } from "./harness.js";

const text = (b: Uint8Array) => new TextDecoder().decode(b);

function deferred<T = void>() {
  let resolve: (v: T) => void = () => {};
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("requests (sessions.md §7)", () => {
  it("answers a REQ with exactly one RESP carrying the same seq and msgId", async () => {
    const { engine } = makeEngine();
    engine.route(1000, (p) => bytes(`echo ${text(p)}`));
    const c = new TestClient(engine);
    await c.login("p:1");
    const r = await c.request(1000, bytes("hi"), 41);
    expect([r.type, r.msgId, r.seq, text(r.payload)]).toEqual([FrameType.RESP, 1000, 41, "echo hi"]);
  });

  it("answers an empty RESP (implicit ack) when the handler returns nothing", async () => {
    const { engine } = makeEngine();
    engine.route(1000, () => {});
    const c = new TestClient(engine);
    await c.login("p:1");
    const r = await c.request(1000);
    expect([isError(r), r.payload.length]).toEqual([false, 0]);
  });

  it("never answers a one-way notify (seq 0), not even with an error", async () => {
    const { engine } = makeEngine();
    const seen: string[] = [];
    engine.route(1012, (p) => {
      seen.push(text(p));
      throw new Error("ignored");
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    c.sendFrame({ type: FrameType.REQ, msgId: 1012, seq: 0, payload: bytes("note") });
    c.sendFrame({ type: FrameType.REQ, msgId: 4242, seq: 0, payload: bytes("nowhere") });
    await c.request(SystemMsgId.SYNC); // a later request flushes the lane
    await settle();
    expect(seen).toEqual(["note"]);
    expect(c.inbox.filter((f) => f.type === FrameType.RESP && f.seq === 0)).toEqual([]);
  });

  it("answers NEED_LOGIN for a game msgId before authentication, unless the route is open", async () => {
    const { engine } = makeEngine();
    engine.route(1000, () => bytes("closed"));
    engine.route(1011, () => bytes("open"), { open: true });
    const c = new TestClient(engine);
    expect(errorOf(await c.request(1000)).code).toBe(ErrorCode.NEED_LOGIN);
    expect(text((await c.request(1011)).payload)).toBe("open");
  });

  it("answers NOT_FOUND for a msgId without a route, system or game", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    expect(errorOf(await c.request(1999)).code).toBe(ErrorCode.NOT_FOUND);
    expect(errorOf(await c.request(SystemMsgId.SYNC_SNAPSHOT)).code).toBe(ErrorCode.NOT_FOUND);
    expect(errorOf(await c.request(999)).code).toBe(ErrorCode.NOT_FOUND);
  });

  it("refuses to register a msgId below 1000 or one msgId twice", () => {
    const { engine } = makeEngine();
    expect(() => engine.route(999, () => {})).toThrow(InvalidOptionError);
    engine.route(1000, () => {});
    expect(() => engine.route(1000, () => {})).toThrow(InvalidOptionError);
  });

  it("answers a thrown TetherError with its code, message, retryable and detail", async () => {
    const { engine } = makeEngine();
    engine.route(1002, () => {
      throw new TetherError(10001, "not enough gold", { retryable: true, detail: { route: "fail" } });
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    expect(errorOf(await c.request(1002))).toMatchObject({
      code: 10001,
      message: "not enough gold",
      retryable: true,
      detail: { route: "fail" },
    });
  });

  it("answers any other exception with INTERNAL and a generic message, logging the real one", async () => {
    const logged: string[] = [];
    const { engine } = makeEngine({
      logger: { debug() {}, info() {}, warn() {}, error: (_m, f) => logged.push(String(f?.error)) },
    });
    engine.route(1002, () => {
      throw new Error("secret stack detail");
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const e = errorOf(await c.request(1002));
    expect([e.code, e.message]).toEqual([ErrorCode.INTERNAL, "internal error"]);
    expect(logged.some((l) => l.includes("secret stack detail"))).toBe(true);
  });

  it("runs a session's requests one at a time in arrival order", async () => {
    const { engine } = makeEngine();
    const order: string[] = [];
    const gate = deferred();
    engine.route(1000, async (p) => {
      order.push(`start ${text(p)}`);
      if (text(p) === "a") await gate.promise;
      order.push(`end ${text(p)}`);
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const a = c.request(1000, bytes("a"));
    const b = c.request(1000, bytes("b"));
    await settle();
    expect(order).toEqual(["start a"]);
    gate.resolve();
    await Promise.all([a, b]);
    expect(order).toEqual(["start a", "end a", "start b", "end b"]);
  });

  it("runs a concurrent route beside the session's other requests", async () => {
    const { engine } = makeEngine();
    const gate = deferred();
    engine.route(1000, () => gate.promise);
    engine.route(1001, () => bytes("fast"), { concurrent: true });
    const c = new TestClient(engine);
    await c.login("p:1");
    const slow = c.request(1000);
    expect(text((await c.request(1001)).payload)).toBe("fast");
    gate.resolve();
    await slow;
  });

  it("answers BACKPRESSURE at once past maxInFlightReq", async () => {
    const { engine } = makeEngine({ maxInFlightReq: 2 });
    const gate = deferred();
    engine.route(1000, () => gate.promise);
    const c = new TestClient(engine);
    await c.login("p:1");
    const first = [c.request(1000), c.request(1000)];
    const third = await c.request(1000);
    expect(errorOf(third)).toMatchObject({ code: ErrorCode.BACKPRESSURE, retryable: true });
    gate.resolve();
    await Promise.all(first);
    expect(isError(await c.request(1000))).toBe(false);
  });

  it("answers REQUEST_TIMEOUT, fires the AbortSignal and drops the late result", async () => {
    const { engine, clock } = makeEngine({ requestTimeoutMs: 1000 });
    const gate = deferred<Uint8Array>();
    let aborted = false;
    engine.route(1000, (_, ctx) => {
      ctx.signal.addEventListener("abort", () => (aborted = true));
      return gate.promise;
    });
    engine.route(1001, () => bytes("next"));
    const c = new TestClient(engine);
    await c.login("p:1");
    const slow = c.request(1000, new Uint8Array(0), 5);
    await settle();
    clock.advance(1000);
    expect(errorOf(await slow)).toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT, retryable: true });
    expect(aborted).toBe(true);
    expect(text((await c.request(1001)).payload)).toBe("next"); // the lane moved on
    gate.resolve(bytes("late"));
    await settle();
    expect(c.inbox.filter((f) => f.seq === 5).length).toBe(1);
  });

  it("times each request out at its own deadline when the timeout is shortened at runtime", async () => {
    const { engine, clock } = makeEngine({ requestTimeoutMs: 10_000 });
    const never = new Promise<Uint8Array>(() => {});
    engine.route(1000, () => never, { concurrent: true });
    const c = new TestClient(engine);
    await c.login("p:1");
    const long = c.request(1000, new Uint8Array(0), 7);
    await settle();
    engine.setLimits({ requestTimeoutMs: 50 });
    const short = c.request(1000, new Uint8Array(0), 8);
    await settle();
    clock.advance(50);
    expect(errorOf(await short).code).toBe(ErrorCode.REQUEST_TIMEOUT);
    expect(c.inbox.some((f) => f.seq === 7)).toBe(false);
    clock.advance(10_000);
    expect(errorOf(await long).code).toBe(ErrorCode.REQUEST_TIMEOUT);
  });

  it("runs 20,000 queued requests of one session one at a time, in order, without deepening the stack", async () => {
    const { engine } = makeEngine({ maxInFlightReq: 30_000 });
    const order: number[] = [];
    let running = 0;
    let overlapped = false;
    engine.route(1000, (p) => {
      if (++running > 1) overlapped = true;
      order.push(p[0] as number);
      running--;
      return p;
    });
    const gate = deferred<Uint8Array>();
    engine.route(1001, () => gate.promise);
    const c = new TestClient(engine);
    await c.login("p:1");
    const first = c.request(1001, new Uint8Array(0), 1);
    await settle();
    const rest = Array.from({ length: 20_000 }, (_, i) => c.request(1000, new Uint8Array([i % 256]), i + 2));
    await settle();
    expect(order).toEqual([]); // all wait behind the first
    gate.resolve(bytes("done"));
    await first;
    const answers = await Promise.all(rest);
    expect(answers.every((r) => !isError(r))).toBe(true);
    expect(order).toEqual(Array.from({ length: 20_000 }, (_, i) => i % 256));
    expect(overlapped).toBe(false);
  });

  it("answers a request still waiting in the session's queue SESSION_EXPIRED, unrun, when a re-login ends the session", async () => {
    const { engine } = makeEngine();
    const gate = deferred<Uint8Array>();
    let queuedRan = false;
    engine.route(1001, () => gate.promise);
    engine.route(1000, (_, ctx) => {
      queuedRan = true;
      ctx.push(2000, bytes("from the old session"));
      return bytes("ran");
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const running = c.request(1001, new Uint8Array(0), 10);
    const waiting = c.request(1000, new Uint8Array(0), 11);
    await settle();
    await c.login("p:1");
    expect(errorOf(await running).code).toBe(ErrorCode.SESSION_EXPIRED);
    expect(errorOf(await waiting).code).toBe(ErrorCode.SESSION_EXPIRED);
    expect(queuedRan).toBe(false);
    expect(c.inbox.some((f) => f.type === FrameType.PUSH && f.msgId === 2000)).toBe(false);
  });

  it("lets a handler destructure its context, push included", async () => {
    const { engine } = makeEngine();
    engine.route(1000, (_, { push, playerId }) => {
      push(2000, bytes(`hi ${playerId}`));
      return bytes("ok");
    });
    const c = new TestClient(engine);
    await c.login("p:7");
    await c.request(1000);
    await settle();
    expect(c.inbox.some((f) => f.type === FrameType.PUSH && f.msgId === 2000 && text(f.payload) === "hi 7")).toBe(true);
  });

  it("caches completed responses: a repeated seq gets the same answer without running again", async () => {
    const { engine } = makeEngine();
    let runs = 0;
    engine.route(1000, () => bytes(`run ${++runs}`));
    const c = new TestClient(engine);
    await c.login("p:1");
    await c.request(1000, new Uint8Array(0), 3);
    const again = c.request(1000, new Uint8Array(0), 3);
    await settle();
    expect(text((await again).payload)).toBe("run 1");
    expect(runs).toBe(1);
  });

  it("lets a repeated seq still in flight join it and get one response when it completes", async () => {
    const { engine } = makeEngine();
    const gate = deferred<Uint8Array>();
    let runs = 0;
    engine.route(1000, () => {
      runs++;
      return gate.promise;
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    void c.request(1000, new Uint8Array(0), 9);
    await settle();
    c.drop();
    const c2 = new TestClient(engine);
    await c2.resume({ token: "p:1", serverEpoch: "epoch-A" });
    const joined = c2.request(1000, new Uint8Array(0), 9);
    await settle();
    expect(c2.inbox.filter((f) => f.seq === 9)).toEqual([]);
    gate.resolve(bytes("once"));
    expect(text((await joined).payload)).toBe("once");
    expect(runs).toBe(1);
  });

  it("keeps a dedup cache per connection before authentication", async () => {
    const { engine } = makeEngine();
    let runs = 0;
    engine.route(1011, () => bytes(`${++runs}`), { open: true });
    const a = new TestClient(engine);
    const b = new TestClient(engine);
    await a.request(1011, new Uint8Array(0), 1);
    await a.request(1011, new Uint8Array(0), 1);
    await b.request(1011, new Uint8Array(0), 1);
    expect(runs).toBe(2);
  });

  it("does not cache a retryable error: the retry runs again", async () => {
    const { engine } = makeEngine();
    let runs = 0;
    engine.route(1000, () => {
      runs++;
      if (runs === 1) throw new TetherError(ErrorCode.SERVER_BUSY, "busy");
      return bytes("ok");
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    expect(isError(await c.request(1000, new Uint8Array(0), 4))).toBe(true);
    const retry = c.request(1000, new Uint8Array(0), 4);
    await settle();
    expect(text((await c.waitFor((f) => f.seq === 4 && !isError(f))).payload)).toBe("ok");
    await retry;
  });

  it("passes the handler its context: player, session, connection and a push to its own session", async () => {
    const { engine } = makeEngine();
    engine.route(1000, (_, ctx) => {
      ctx.push(2001, bytes("to me"));
      return bytes(`${ctx.playerId} ${ctx.sessionId === undefined} ${ctx.connId.length > 0}`);
    });
    const c = new TestClient(engine);
    await c.login("p:7");
    expect(text((await c.request(1000)).payload)).toBe("7 false true");
    expect(text((await c.waitFor((f) => f.msgId === 2001)).payload)).toBe("to me");
  });
});
