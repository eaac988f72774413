import { type FrameInit, FrameType, SystemMsgId } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { bytes, errorOf, makeEngine, settle, TestClient } from "./harness.js";

/** A logged-in client whose session has issued reliable pushes 1..3, none acknowledged. */
async function withThreePushes(options: Parameters<typeof makeEngine>[0] = {}) {
  const { engine } = makeEngine(options);
  engine.route(1000, (p) => p);
  engine.route(1001, () => new Promise<Uint8Array>(() => {}), { concurrent: true }); // never answers
  const c = new TestClient(engine);
  await c.login("p:1");
  const session = c.conn.session;
  if (session === undefined) throw new Error("not logged in");
  for (let i = 0; i < 3; i++) engine.push(session, 2000, bytes(`push ${i}`));
  return { engine, c, session };
}

describe("ackPushId on every client frame (protocol.md §2)", () => {
  it.each<[string, FrameInit]>([
    ["PING", { type: FrameType.PING }],
    ["PONG", { type: FrameType.PONG }],
    ["an ACK frame carrying it besides its pushId", { type: FrameType.ACK, pushId: 1 }],
    ["an answered REQ", { type: FrameType.REQ, msgId: 1000, seq: 50 }],
    ["a one-way notify", { type: FrameType.REQ, msgId: 1000 }],
    ["a REQ for an unknown route", { type: FrameType.REQ, msgId: 1999, seq: 50 }],
    ["a repeated ClientHello", { type: FrameType.REQ, msgId: SystemMsgId.CLIENT_HELLO, seq: 50 }],
  ])("is applied on %s", async (_name, frame) => {
    const { c, session } = await withThreePushes();
    c.sendFrame({ ...frame, ackPushId: 2 });
    await settle();
    expect(session.lastAckedPushId).toBe(2);
    expect(session.ring.after(0).map((e) => e.pushId)).toEqual([3]);
  });

  it("is applied on a REQ refused RATE_LIMITED", async () => {
    const { c, session } = await withThreePushes();
    c.conn.receive(c.codec.encode({ type: FrameType.REQ, msgId: 1000, seq: 50, ackPushId: 2 }), true);
    expect(errorOf(await c.waitFor((f) => f.seq === 50)).code).toBe(1010);
    await settle();
    expect(session.lastAckedPushId).toBe(2);
  });

  it("is applied on a REQ refused BACKPRESSURE", async () => {
    const { c, session } = await withThreePushes({ maxInFlightReq: 1 });
    c.sendFrame({ type: FrameType.REQ, msgId: 1001, seq: 40 }); // holds the only in-flight slot
    c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq: 50, ackPushId: 2 });
    expect(errorOf(await c.waitFor((f) => f.seq === 50)).code).toBe(1005);
    await settle();
    expect(session.lastAckedPushId).toBe(2);
  });

  it("is applied on a REQ refused SERVER_BUSY while draining", async () => {
    const { engine, c, session } = await withThreePushes();
    engine.draining = true;
    c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq: 50, ackPushId: 2 });
    expect(errorOf(await c.waitFor((f) => f.seq === 50)).code).toBe(1006);
    await settle();
    expect(session.lastAckedPushId).toBe(2);
  });

  it("is applied before a Logout that ends the session", async () => {
    const { engine, c, session } = await withThreePushes();
    let ackedAtEnd = -1;
    engine.options.hooks.onSessionEnd = (s) => {
      ackedAtEnd = s.lastAckedPushId;
    };
    c.sendFrame({ type: FrameType.REQ, msgId: SystemMsgId.LOGOUT, seq: 50, ackPushId: 3 });
    await c.waitClosed();
    expect(ackedAtEnd).toBe(3);
    expect(session.ended).toBe(true);
  });

  it("closes with 4502 when it is above the last issued pushId, on any frame", async () => {
    const { c } = await withThreePushes();
    c.sendFrame({ type: FrameType.PING, ackPushId: 4 });
    expect((await c.waitClosed()).code).toBe(4502);
  });

  it("ignores an ackPushId below one already applied", async () => {
    const { c, session } = await withThreePushes();
    c.sendFrame({ type: FrameType.PING, ackPushId: 3 });
    c.sendFrame({ type: FrameType.PING, ackPushId: 1 });
    await settle();
    expect(session.lastAckedPushId).toBe(3);
    expect(c.closed).toBeUndefined();
  });
});

describe("ackSeq on every client frame (protocol.md tag 10, sessions.md §7)", () => {
  /** A logged-in client whose session has cached the answers of seqs 1..5, echoing their seq. */
  async function withFiveAnswers() {
    const { engine } = makeEngine();
    let runs = 0;
    engine.route(1000, (p) => {
      runs++;
      return p;
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const session = c.conn.session;
    if (session === undefined) throw new Error("not logged in");
    for (let seq = 1; seq <= 5; seq++) c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq, payload: bytes(`${seq}`) });
    await c.waitFor((f) => f.seq === 5);
    return { c, session, runs: () => runs };
  }

  it.each<[string, FrameInit]>([
    ["PING", { type: FrameType.PING }],
    ["PONG", { type: FrameType.PONG }],
    ["an ACK frame", { type: FrameType.ACK }],
    ["a one-way notify", { type: FrameType.REQ, msgId: 1000 }],
    ["a REQ for an unknown route", { type: FrameType.REQ, msgId: 1999, seq: 50 }],
  ])("forgets the cached answers up to it when it rides on %s", async (_name, frame) => {
    const { c, session } = await withFiveAnswers();
    expect(session.dedup.size).toBe(5);
    c.sendFrame({ ...frame, ackSeq: 3 });
    await settle();
    expect(session.dedup.size).toBe(2);
    expect([1, 2, 3, 4, 5].map((s) => session.dedup.has(s))).toEqual([false, false, false, true, true]);
  });

  it("still answers a repeat of a seq above it from the cache, without running it again", async () => {
    const { c, runs } = await withFiveAnswers();
    c.sendFrame({ type: FrameType.PING, ackSeq: 3 });
    c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq: 4, payload: bytes("again") });
    const answer = await c.waitFor((f) => f.seq === 4 && new TextDecoder().decode(f.payload) === "4");
    expect(answer.msgId).toBe(1000);
    expect(runs()).toBe(5);
  });

  it("works before a Login on the connection's own cache", async () => {
    const { engine } = makeEngine();
    engine.route(1000, (p) => p, { open: true });
    const c = new TestClient(engine);
    await c.hello();
    for (let seq = 1; seq <= 3; seq++) c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq });
    await c.waitFor((f) => f.seq === 3);
    c.sendFrame({ type: FrameType.PING, ackSeq: 2 });
    await settle();
    expect([c.conn.dedup.has(1), c.conn.dedup.has(2), c.conn.dedup.has(3)]).toEqual([false, false, true]);
  });
});
