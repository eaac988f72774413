import { FrameType, ResumeResult } from "@tether/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster, text } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

const pushIds = (frames: { pushId: number }[]) => frames.map((f) => f.pushId);

describe("resume on another node", () => {
  it("moves an idle session: OK, nothing replayed, the same sessionId and server epoch", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const { client: c1, hello } = await cluster.helloed(a);
    const epoch = hello.serverEpoch;
    const login = await c1.login("p:1");
    c1.destroy();
    await c1.waitClosed();

    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 0, serverEpoch: epoch });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(r.replayCount).toBe(0);
    expect(r.sessionId).toBe(login.sessionId);
    expect(r.serverEpoch).toBe(epoch);
    expect(b.server.engine.store.byId(login.sessionId)).toBeDefined();
    expect(a.server.engine.store.byId(login.sessionId)).toBeUndefined();
  });

  it("replays exactly the pushes the client missed, in order, under their pushIds", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:2");
    for (let i = 1; i <= 5; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
    await c1.waitFor((f) => f.pushId === 5);
    c1.ack(2);
    c1.destroy();
    await c1.waitClosed();
    for (let i = 6; i <= 8; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));

    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:2", lastAppliedPushId: 5 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(r.replayCount).toBe(3);
    await c2.waitFor((f) => f.pushId === 8);
    expect(pushIds(c2.reliable())).toEqual([6, 7, 8]);
    expect(c2.reliable().map((f) => text(f.payload))).toEqual(["m6", "m7", "m8"]);
    // The session goes on from there on its new node.
    await b.server.gateway.send(sessionId, 2000, bytes("m9"));
    expect((await c2.waitFor((f) => f.pushId === 9)).payload).toEqual(bytes("m9"));
  });

  it("resumes milliseconds after the Login, before anything else happened", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const c2 = await cluster.client(b);
    const { sessionId } = await c1.login("p:3");
    const r = await c2.resume({ token: "p:3", lastAppliedPushId: 0 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(r.sessionId).toBe(sessionId);
    // The zombie on the old node was closed with 4500.
    expect((await c1.waitClosed()).code).toBe(4500);
  });

  it("does not run a request twice: the answer of one in flight moves with the session", async () => {
    cluster = new TestCluster();
    let runs = 0;
    let release: () => void = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    const a = await cluster.node("a", {}, {}, (s) =>
      s.routeRaw(1001, async () => {
        runs++;
        await released;
        return bytes("done once");
      }),
    );
    const b = await cluster.node("b", {}, {}, (s) =>
      s.routeRaw(1001, () => {
        runs++;
        return bytes("ran again");
      }),
    );
    const c1 = await cluster.client(a);
    await c1.login("p:4");
    c1.sendFrame({ type: FrameType.REQ, msgId: 1001, seq: 100, payload: bytes("x") });
    await expect.poll(() => runs).toBe(1);
    c1.destroy();
    await c1.waitClosed();

    const c2 = await cluster.client(b);
    const resumed = c2.resume({ token: "p:4", lastAppliedPushId: 0 });
    release();
    expect((await resumed).result).toBe(ResumeResult.RESUME_OK);
    const again = await c2.request(1001, bytes("x"), 100);
    expect(text(again.payload)).toBe("done once");
    expect(runs).toBe(1);
  });

  it("answers NEED_FULL_SYNC under the same sessionId when the owner left without handing it over", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:5");
    for (let i = 1; i <= 3; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
    await c1.waitFor((f) => f.pushId === 3);
    await a.server.close({ drainMs: 0, handoffMs: 0 });

    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:5", lastAppliedPushId: 3 });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(r.sessionId).toBe(sessionId);
    expect(r.replayCount).toBe(0);
    // pushIds go on above what the client holds: never a duplicate.
    expect(r.maxBufferedPushId).toBeGreaterThanOrEqual(3);
    await b.server.gateway.send(sessionId, 2000, bytes("after"));
    const next = await c2.waitFor((f) => f.type === FrameType.PUSH && f.pushId > 0);
    expect(next.pushId).toBe(r.maxBufferedPushId + 1);
  });

  it("loses and repeats nothing while the old node keeps issuing pushes through the move", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:9");
    const issued: string[] = [];
    let resumed: Promise<unknown> | undefined;
    let c2: Awaited<ReturnType<TestCluster["client"]>> | undefined;
    let applied = 0;
    let lastApplied = 0;
    c1.onFrame((f) => {
      if (f.pushId > 0) applied = f.pushId;
    });
    for (let i = 1; i <= 150; i++) {
      const text = `m${i}`;
      if (await a.server.gateway.send(sessionId, 2000, bytes(text))) issued.push(text);
      if (i === 50) {
        // The client drops and resumes on the other node while the pushes go on.
        c1.destroy();
        lastApplied = applied;
        c2 = await cluster.client(b);
        resumed = c2.resume({ token: "p:9", lastAppliedPushId: lastApplied });
      }
    }
    expect(issued).toHaveLength(150);
    expect((await (resumed as Promise<{ result: number }>)).result).toBe(ResumeResult.RESUME_OK);
    const second = c2 as NonNullable<typeof c2>;
    await second.waitFor((f) => f.pushId === 150);
    // What the client applied on the first node, then everything the second one sent it.
    const seen = [...c1.reliable().filter((f) => f.pushId <= lastApplied), ...second.reliable()];
    expect(pushIds(seen)).toEqual(Array.from({ length: 150 }, (_, i) => i + 1));
    expect(seen.map((f) => text(f.payload))).toEqual(issued);
  });

  it("delivers a handler's late pushes once and in order after the session moved", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, {}, (s) =>
      s.routeRaw(1001, (_, ctx) => {
        // Answers at once, then pushes for a while (every 5 ms): the move happens meanwhile.
        let i = 0;
        const next = () => {
          ctx.push(2000, bytes(`p${++i}`));
          if (i < 30) setTimeout(next, 5);
        };
        setTimeout(next, 0);
        return bytes("started");
      }),
    );
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    await c1.login("p:12");
    await c1.request(1001);
    const first = await c1.waitFor((f) => f.pushId >= 3);
    c1.destroy();
    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:12", lastAppliedPushId: first.pushId });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    await c2.waitFor((f) => f.payload.length > 0 && text(f.payload) === "p30");
    const seen = [...c1.reliable().filter((f) => f.pushId <= first.pushId), ...c2.reliable()];
    expect(seen.map((f) => text(f.payload))).toEqual(Array.from({ length: 30 }, (_, k) => `p${k + 1}`));
    expect(seen.map((f) => f.pushId)).toEqual(Array.from({ length: 30 }, (_, k) => k + 1));
  });

  it("moves the session's topics and data with it: a publish on the new node reaches it", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:13");
    expect(await a.server.gateway.subscribe(sessionId, ["room"])).toBe(true);
    expect(await a.server.gateway.setSessionData(sessionId, { level: "7" })).toBe(true);
    c1.destroy();
    const c2 = await cluster.client(b);
    expect((await c2.resume({ token: "p:13", lastAppliedPushId: 0 })).result).toBe(ResumeResult.RESUME_OK);
    expect(await b.server.gateway.publish(["room"], 2000, bytes("to the room"))).toBe(1);
    expect(text((await c2.waitFor((f) => f.pushId === 1)).payload)).toBe("to the room");
    expect(await b.server.gateway.topicMembers(["room"])).toEqual({ room: [sessionId] });
    const [info] = await b.server.gateway.sessionInfo([sessionId]);
    expect(info?.data).toEqual({ level: "7" });
    // Membership is cluster-wide: both nodes see the session in the room, now held by b.
    expect(await a.server.gateway.topicMembers(["room"])).toEqual({ room: [sessionId] });
    expect(await b.server.gateway.topicMembers(["room"])).toEqual({ room: [sessionId] });
  });

  it("races the client's last ACK: OK and nothing replayed whether the ACK arrives before or after the move", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    for (const [player, ackFirst] of [
      [10, true],
      [11, false],
    ] as const) {
      const c1 = await cluster.client(a);
      const { sessionId } = await c1.login(`p:${player}`);
      for (let i = 1; i <= 10; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
      await c1.waitFor((f) => f.pushId === 10);
      c1.ack(10);
      if (ackFirst) await expect.poll(() => a.server.engine.store.byId(sessionId)?.lastAckedPushId).toBe(10);
      const c2 = await cluster.client(b);
      const r = await c2.resume({ token: `p:${player}`, lastAppliedPushId: 10 });
      expect(r.result).toBe(ResumeResult.RESUME_OK);
      expect(r.replayCount).toBe(0);
      await b.server.gateway.send(sessionId, 2000, bytes("next"));
      expect((await c2.waitFor((f) => f.pushId > 0)).pushId).toBe(11);
    }
  });

  it("a draining node hands its sessions to the nodes their clients reconnect to, then leaves", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:8");
    for (let i = 1; i <= 3; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
    await c1.waitFor((f) => f.pushId === 3);
    const closing = a.server.close({ drainMs: 0 });
    expect((await c1.waitClosed()).code).toBe(1012);
    // The client comes back, to another node, having applied only the first push.
    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:8", lastAppliedPushId: 1 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    await c2.waitFor((f) => f.pushId === 3);
    expect(pushIds(c2.reliable())).toEqual([2, 3]);
    await closing; // left as soon as its one session had moved
    expect(await (await cluster.db()).exists(a.cluster.keys.node("a"))).toBe(0);
  });

  it("keeps a detached session's records for its whole TTL", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", { sessionTtlMs: 300_000 });
    const c1 = await cluster.client(a);
    await c1.login("p:6");
    c1.destroy();
    await c1.waitClosed();
    await expect
      .poll(async () => {
        const [record] = await cluster.keys(":*:s:*");
        return record === undefined ? 0 : (await cluster.db()).pttl(record);
      })
      .toBeGreaterThan(300_000);
  });
});
