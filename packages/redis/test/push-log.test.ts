import { ResumeResult } from "@tether/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster, text } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

const log = { durability: "log" } as const;

describe('durability "log"', () => {
  it("appends every reliable push to the session's stream before the client receives it", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, log);
    const c = await cluster.client(a);
    const { sessionId } = await c.login("p:1");
    const db = await cluster.db();
    const key = a.cluster.keys.log(1, sessionId);
    const inLogOnReceipt: Promise<number>[] = [];
    c.onFrame((f) => {
      if (f.pushId > 0) inLogOnReceipt.push(db.xrange(key, `${f.pushId}-0`, `${f.pushId}-0`).then((r) => r.length));
    });
    for (let i = 1; i <= 20; i++) expect(await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`))).toBe(true);
    await c.waitFor((f) => f.pushId === 20);
    expect(await Promise.all(inLogOnReceipt)).toEqual(Array(20).fill(1));
  });

  it("replays exactly from the log when the owner left without handing the session over", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, log);
    const b = await cluster.node("b", {}, log);
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:2");
    for (let i = 1; i <= 6; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`), { rev: i });
    await c1.waitFor((f) => f.pushId === 6);
    c1.ack(2);
    await expect.poll(async () => (await cluster.db()).xlen(a.cluster.keys.log(2, sessionId))).toBe(4);
    await a.server.close({ drainMs: 0, handoffMs: 0 }); // gone: nobody answers the handoff

    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:2", lastAppliedPushId: 3 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(r.sessionId).toBe(sessionId);
    expect(r.serverStateRevision).toBe(6);
    await c2.waitFor((f) => f.pushId === 6);
    expect(c2.reliable().map((f) => [f.pushId, text(f.payload)])).toEqual([
      [4, "m4"],
      [5, "m5"],
      [6, "m6"],
    ]);
    await b.server.gateway.send(sessionId, 2000, bytes("m7"));
    expect((await c2.waitFor((f) => f.pushId === 7)).payload).toEqual(bytes("m7"));
  });

  it("replays only the unbroken run at the end of a log with a gap; a client below the gap re-syncs", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, log);
    const b = await cluster.node("b", {}, log);
    const sessions: string[] = [];
    for (const player of [4, 5]) {
      const c = await cluster.client(a);
      const { sessionId } = await c.login(`p:${player}`);
      await a.server.gateway.subscribe(sessionId, ["room"]);
      for (let i = 1; i <= 6; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
      await c.waitFor((f) => f.pushId === 6);
      sessions.push(sessionId);
    }
    await a.server.close({ drainMs: 0, handoffMs: 0 });
    const db = await cluster.db();
    await db.xdel(a.cluster.keys.log(4, sessions[0] as string), "3-0"); // appends Redis lost
    await db.xdel(a.cluster.keys.log(5, sessions[1] as string), "3-0");

    const below = await (await cluster.client(b)).resume({ token: "p:4", lastAppliedPushId: 1 });
    expect(below.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(below.sessionId).toBe(sessions[0]);
    expect(b.server.engine.store.byId(sessions[0] as string)?.topics.has("room")).toBe(true); // from its record
    const c = await cluster.client(b);
    const above = await c.resume({ token: "p:5", lastAppliedPushId: 3 });
    expect(above.result).toBe(ResumeResult.RESUME_OK);
    await c.waitFor((f) => f.pushId === 6);
    expect(c.reliable().map((f) => f.pushId)).toEqual([4, 5, 6]);
  });

  it("answers NEED_FULL_SYNC with a baseline the next pushes follow when the client is past the log", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, log);
    const b = await cluster.node("b", {}, log);
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:3");
    await a.server.gateway.send(sessionId, 2000, bytes("m1"));
    await c1.waitFor((f) => f.pushId === 1);
    await a.server.close({ drainMs: 0, handoffMs: 0 });
    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:3", lastAppliedPushId: 5 });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    await b.server.gateway.send(sessionId, 2000, bytes("after"));
    expect((await c2.waitFor((f) => f.pushId > 0)).pushId).toBe(r.maxBufferedPushId + 1);
  });

  it("trims the stream by ACK and by the ring's bounds", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", { maxBufferedPushCount: 5 }, log);
    const c = await cluster.client(a);
    const { sessionId } = await c.login("p:5");
    const db = await cluster.db();
    const key = a.cluster.keys.log(5, sessionId);
    for (let i = 1; i <= 4; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
    await c.waitFor((f) => f.pushId === 4);
    c.ack(3);
    await expect.poll(async () => (await db.xrange(key, "-", "+")).map(([id]) => id)).toEqual(["4-0"]);
    // No ACK now: the ring keeps the newest 5, and so does the stream.
    for (let i = 5; i <= 12; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
    await expect
      .poll(async () => (await db.xrange(key, "-", "+")).map(([id]) => id))
      .toEqual(["8-0", "9-0", "10-0", "11-0", "12-0"]);
  });

  it("deletes a session's log when the session ends", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, log);
    const c = await cluster.client(a);
    const { sessionId } = await c.login("p:4");
    await a.server.gateway.send(sessionId, 2000, bytes("m1"));
    await c.waitFor((f) => f.pushId === 1);
    const key = a.cluster.keys.log(4, sessionId);
    expect(await (await cluster.db()).exists(key)).toBe(1);
    expect(await a.server.gateway.kick(sessionId)).toBe(1);
    await expect.poll(async () => (await cluster.db()).exists(key)).toBe(0);
  });
});
