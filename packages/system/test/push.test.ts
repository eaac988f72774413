import { CloseCode, FrameFlag, FrameType, hasFlag } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { type PushBody, PushRing, type PushWindow, type Session } from "../src/internal.js";
import { bytes, makeEngine, settle, TestClient } from "./harness.js";

const window = (w: Partial<PushWindow> = {}): PushWindow => ({
  maxBufferedPushCount: 100,
  maxBufferedPushAgeMs: 60_000,
  maxBufferedPushBytes: 1 << 20,
  ...w,
});
const body = (n = 1): PushBody => ({ msgId: 2000, payload: new Uint8Array(n), rev: 0, compress: true });

describe("PushRing (sessions.md §5)", () => {
  it("evicts the oldest entry past the count bound and records that replay from before it is impossible", () => {
    const ring = new PushRing(window({ maxBufferedPushCount: 2 }));
    for (let id = 1; id <= 3; id++) ring.add({ pushId: id, body: body(), issuedAt: 0 }, 0);
    expect(ring.after(0).map((e) => e.pushId)).toEqual([2, 3]);
    expect(ring.floor).toBe(1);
    expect(ring.evicted).toBe(1);
    expect(ring.canReplayFrom(0, 0)).toBe(false);
    expect(ring.canReplayFrom(1, 0)).toBe(true);
  });

  it("evicts by bytes", () => {
    const ring = new PushRing(window({ maxBufferedPushBytes: 10 }));
    ring.add({ pushId: 1, body: body(6), issuedAt: 0 }, 0);
    ring.add({ pushId: 2, body: body(6), issuedAt: 0 }, 0);
    expect(ring.byteSize).toBe(6);
    expect(ring.firstId).toBe(2);
  });

  it("evicts by age", () => {
    const ring = new PushRing(window({ maxBufferedPushAgeMs: 100 }));
    ring.add({ pushId: 1, body: body(), issuedAt: 0 }, 0);
    ring.add({ pushId: 2, body: body(), issuedAt: 50 }, 50);
    expect(ring.canReplayFrom(0, 100)).toBe(false);
    expect(ring.after(0).map((e) => e.pushId)).toEqual([2]);
  });

  it("drops acknowledged entries and will not replay from below an ACK", () => {
    const ring = new PushRing(window());
    for (let id = 1; id <= 3; id++) ring.add({ pushId: id, body: body(), issuedAt: 0 }, 0);
    ring.ack(2);
    expect(ring.after(0).map((e) => e.pushId)).toEqual([3]);
    expect(ring.canReplayFrom(1, 0)).toBe(false);
    expect(ring.evicted).toBe(0);
  });

  it("reads its window live, so a runtime limit change applies at once", () => {
    const w = { ...window() };
    const ring = new PushRing(w);
    for (let id = 1; id <= 5; id++) ring.add({ pushId: id, body: body(), issuedAt: 0 }, 0);
    w.maxBufferedPushCount = 2;
    ring.add({ pushId: 6, body: body(), issuedAt: 0 }, 0);
    expect(ring.size).toBe(2);
  });

  it("keeps entries in pushId order when a reserved id lands behind newer ones", () => {
    const ring = new PushRing(window());
    ring.add({ pushId: 2, body: body(), issuedAt: 0 }, 0);
    ring.add({ pushId: 3, body: body(), issuedAt: 0 }, 0);
    ring.add({ pushId: 1, body: body(), issuedAt: 0 }, 0);
    expect(ring.after(0).map((e) => e.pushId)).toEqual([1, 2, 3]);
  });
});

describe("reliable push and ACK (sessions.md §5)", () => {
  it("numbers each session's reliable pushes 1, 2, 3 in the order they are sent", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    expect([1, 2, 3].map(() => engine.push(s, 2000, bytes("x")))).toEqual([1, 2, 3]);
    const got = c.reliable();
    expect(got.map((f) => f.pushId)).toEqual([1, 2, 3]);
    expect(got.every((f) => hasFlag(f.flags, FrameFlag.ACK_REQUIRED) && f.ts > 0)).toBe(true);
  });

  it("sends best-effort pushes without pushId or ACK_REQUIRED and never buffers them", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    engine.push(s, 2000, bytes("x"), { reliable: false });
    const f = await c.waitFor((x) => x.type === FrameType.PUSH);
    expect([f.pushId, f.flags, f.ts > 0]).toEqual([0, 0, true]);
    expect(s.ring.size).toBe(0);
  });

  it("treats ACK(N) as cumulative: entries <= N leave the ring", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    for (let i = 0; i < 5; i++) engine.push(s, 2000, bytes("x"));
    c.ack(3);
    await settle();
    expect(s.ring.after(0).map((e) => e.pushId)).toEqual([4, 5]);
  });

  it("reads a piggy-backed ackPushId from a request before dispatching it", async () => {
    const { engine } = makeEngine();
    let ringSizeSeen = -1;
    engine.route(1000, (_, ctx) => {
      ringSizeSeen = engine.store.byId(ctx.sessionId ?? "")?.ring.size ?? -1;
    });
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    engine.push(s, 2000, bytes("x"));
    engine.push(s, 2000, bytes("y"));
    await c.request(1000, new Uint8Array(0), c.nextSeq(), { ackPushId: 2 });
    expect(ringSizeSeen).toBe(0);
  });

  it("ignores an ACK smaller than a previous one", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    const s = engine.store.byKey("1") as Session;
    for (let i = 0; i < 3; i++) engine.push(s, 2000, bytes("x"));
    c.ack(2);
    c.ack(1);
    await settle();
    expect(s.lastAckedPushId).toBe(2);
    expect(c.closed).toBeUndefined();
  });

  it("closes 4502 on an ACK above the last issued pushId", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    engine.push(engine.store.byKey("1") as Session, 2000, bytes("x"));
    c.ack(2);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("stores a fan-out payload once: memory does not grow with the number of receivers", async () => {
    const { engine } = makeEngine({ maxBufferedPushBytes: 4 << 20 });
    const sessions: Session[] = [];
    for (let p = 1; p <= 200; p++) {
      const c = new TestClient(engine);
      await c.login(`p:${p}`);
      c.drop();
      sessions.push(engine.store.byKey(`${p}`) as Session);
    }
    const payload = new Uint8Array(512 * 1024); // 512 KiB
    const before = process.memoryUsage().arrayBuffers;
    engine.pushMany(sessions, 2000, payload);
    const grown = process.memoryUsage().arrayBuffers - before;
    expect(sessions.every((s) => s.ring.size === 1 && s.lastIssuedPushId === 1)).toBe(true);
    expect(sessions.every((s) => s.ring.after(0)[0]?.body.payload === payload)).toBe(true);
    expect(grown).toBeLessThan(2 << 20); // 200 copies would be 100 MiB
  });

  it("compresses a fan-out payload once for every receiver", async () => {
    const { engine } = makeEngine();
    const clients: TestClient[] = [];
    for (let p = 1; p <= 3; p++) {
      const c = new TestClient(engine);
      await c.hello({ compressions: [3] });
      await c.login(`p:${p}`);
      clients.push(c);
    }
    let compressions = 0;
    for (const c of clients) {
      const codec = c.conn.codec;
      const original = codec.compress.bind(codec);
      codec.compress = (p: Uint8Array) => {
        compressions++;
        return original(p);
      };
    }
    engine.pushMany(
      clients.map((c) => c.conn.session as Session),
      2000,
      bytes("z".repeat(5000)),
    );
    expect(compressions).toBe(1);
    for (const c of clients) expect((await c.waitFor((f) => f.type === FrameType.PUSH)).payload.length).toBe(5000);
  });
});
