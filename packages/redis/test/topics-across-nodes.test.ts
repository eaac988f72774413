import { ErrorCode } from "@tether/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster, text } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

describe("topics across nodes", () => {
  it("a publish reaches members on every node once each, even a session in several of the published topics", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c = await cluster.node("c");
    const onB = await cluster.client(b);
    const sidB = (await onB.login("p:1")).sessionId;
    const onC = await cluster.client(c);
    const sidC = (await onC.login("p:2")).sessionId;
    await a.server.gateway.subscribe(sidB, ["x", "y"]); // from a node that holds neither
    await a.server.gateway.subscribe(sidC, ["y"]);
    expect(await a.server.gateway.publish(["x", "y"], 2000, bytes("one"))).toBe(2);
    expect(await a.server.gateway.publish(["y"], 2000, bytes("two"))).toBe(2);
    await onB.waitFor((f) => f.pushId === 2);
    await onC.waitFor((f) => f.pushId === 2);
    expect(onB.reliable().map((f) => text(f.payload))).toEqual(["one", "two"]);
    expect(onC.reliable().map((f) => text(f.payload))).toEqual(["one", "two"]);
    expect(await c.server.gateway.topicPlayerCount(["x", "y"])).toEqual({ x: 1, y: 2 });
    expect((await b.server.gateway.topics()).sort()).toEqual(["x", "y"]);
    expect(await b.server.gateway.topicCount()).toBe(2);
  });

  it("a node listens to a topic's channel only while it has a member of it", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const sid = (await (await cluster.client(b)).login("p:1")).sessionId;
    const db = await cluster.db();
    const listeners = async () => Number((await db.pubsub("NUMSUB", a.cluster.keys.topicChannel("x")))[1]);
    expect(await listeners()).toBe(0);
    await a.server.gateway.subscribe(sid, ["x"]); // resolves once b listens
    expect(await listeners()).toBe(1);
    await a.server.gateway.unsubscribe(sid, ["x"]);
    await expect.poll(listeners).toBe(0);
    expect(await a.server.gateway.topics()).toEqual([]);
  });

  it("a refusal on the session's node comes back with its code, and changes nothing", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b", { maxTopicsPerSession: 2 });
    const sid = (await (await cluster.client(b)).login("p:1")).sessionId;
    await expect(a.server.gateway.subscribe(sid, ["t1", "t2", "t3"])).rejects.toMatchObject({
      code: ErrorCode.BAD_REQUEST,
    });
    await expect(a.server.gateway.setSessionData(sid, { ["k".repeat(1000)]: "v" })).rejects.toMatchObject({
      code: ErrorCode.BAD_REQUEST,
    });
    const [info] = await a.server.gateway.sessionInfo([sid]);
    expect(info?.topics).toEqual([]);
    expect(info?.data).toEqual({});
  });

  it("deleteTopics from any node empties the topics on every node", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const onA = await cluster.client(a);
    const sidA = (await onA.login("p:1")).sessionId;
    const sidB = (await (await cluster.client(b)).login("p:2")).sessionId;
    await a.server.gateway.subscribe(sidA, ["x", "keep"]);
    await a.server.gateway.subscribe(sidB, ["x"]);
    await b.server.gateway.deleteTopics(["x"]);
    for (const n of [a, b]) expect(await n.server.gateway.topicMembers(["x"])).toEqual({ x: [] });
    expect(b.server.engine.store.byId(sidB)?.topics.size).toBe(0);
    expect([...(a.server.engine.store.byId(sidA)?.topics ?? [])]).toEqual(["keep"]);
    expect(await b.server.gateway.publish(["x"], 2000, bytes("nobody"))).toBe(0);
    expect(await b.server.gateway.topics()).toEqual(["keep"]);
  });

  it("a call racing a handoff follows the session once: the data is set once, on its new node", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c = await cluster.node("c");
    const sid = (await (await cluster.client(b)).login("p:1")).sessionId;
    const moving = (await cluster.client(c)).resume({ token: "p:1" });
    const set = a.server.gateway.setSessionData(sid, { level: "3" }, { msgId: 2000, payload: bytes("levelled") });
    const [, ok] = await Promise.all([moving, set]);
    expect(ok).toBe(true);
    expect(c.server.engine.store.byId(sid)?.data.get("level")).toBe("3");
    expect(b.server.engine.store.byId(sid)).toBeUndefined();
    // From b, which handed it over, a call goes where the session went.
    expect(await b.server.gateway.setSessionData(sid, { level: "4" })).toBe(true);
    expect(c.server.engine.store.byId(sid)?.data.get("level")).toBe("4");
    const s = c.server.engine.store.byId(sid);
    expect(s?.lastIssuedPushId).toBe(1); // the notify, issued once
  });

  it("in log mode a publish resolves once every node's copies are in Redis", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, { durability: "log" });
    const b = await cluster.node("b", {}, { durability: "log" });
    const sid = (await (await cluster.client(b)).login("p:1")).sessionId;
    await a.server.gateway.subscribe(sid, ["x"]);
    expect(await a.server.gateway.publish(["x"], 2000, bytes("kept"))).toBe(1);
    const db = await cluster.db();
    expect(await db.xlen(b.cluster.keys.log(1, sid))).toBe(1);
  });
});
