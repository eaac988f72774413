import { ErrorCode } from "@tether/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

describe("queries across nodes", () => {
  it("isOnline, sessionCount and connectionCount answer for the whole cluster; a dead node stops counting", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, { nodeTtlMs: 600 });
    const b = await cluster.node("b", {}, { nodeTtlMs: 600 });
    await (await cluster.client(a)).login("p:1");
    await (await cluster.client(b)).login("p:2");
    const detached = await cluster.client(b);
    await detached.login("p:3");
    detached.destroy();
    await detached.waitClosed();

    for (const n of [a, b]) {
      expect(await n.server.gateway.isOnline([1, 2, 3, 4])).toEqual([1, 2]);
    }
    // Totals: this node's own counts now, the other's as it last registered them.
    await expect.poll(() => a.server.gateway.sessionCount(), { timeout: 3000 }).toBe(3);
    await expect.poll(() => a.server.gateway.connectionCount(), { timeout: 3000 }).toBe(2);

    // b leaves the cluster without handing anything over (its registration gone, as when it
    // dies and its TTL runs out): what it held stops counting.
    await b.cluster.stop();
    expect(await a.server.gateway.isOnline([1, 2, 3])).toEqual([1]);
    expect(await a.server.gateway.sessionCount()).toBe(1);
    expect(await a.server.gateway.connectionCount()).toBe(1);
  });
});

describe("a node that has just died", () => {
  it("makes calls on its sessions reject SERVER_BUSY until its registration expires, then they find nobody", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, { nodeTtlMs: 1000, handoffTimeoutMs: 300 });
    const c = await cluster.node("c", {}, { nodeTtlMs: 1000 });
    const { sessionId } = await (await cluster.client(c)).login("p:9");
    // c vanishes without a word (as with SIGKILL): its registration lives until its TTL runs out.
    await c.server.close({ drainMs: 0, handoffMs: 0 });
    const db = await cluster.db();
    const key = c.cluster.keys.node("c");
    await db.hset(key, { at: Date.now(), connections: 1, sessions: 1, attached: 1 });
    await db.pexpire(key, 4000); // long enough for the calls below, each waiting 300 ms
    await db.sadd(c.cluster.keys.nodes, "c");

    const busy = { code: ErrorCode.SERVER_BUSY };
    await expect(a.server.gateway.send(sessionId, 2000, bytes("x"))).rejects.toMatchObject(busy);
    await expect(a.server.gateway.setSessionData(sessionId, { k: "v" })).rejects.toMatchObject(busy);
    await expect(a.server.gateway.sessionInfo([sessionId])).rejects.toMatchObject(busy);
    await expect(a.server.gateway.sessions()).rejects.toMatchObject(busy);
    expect(await a.server.gateway.broadcast(2000, bytes("best effort"))).toBe(0); // lost there
    await expect(a.server.gateway.broadcast(2000, bytes("kept"), { reliable: true })).rejects.toMatchObject(busy);
    expect(await a.server.gateway.sessionCount()).toBe(1); // its last registered counts

    await expect.poll(() => db.exists(key), { timeout: 6000 }).toBe(0);
    expect(await a.server.gateway.send(sessionId, 2000, bytes("x"))).toBe(false);
    expect(await a.server.gateway.sessionInfo([sessionId])).toEqual([]);
    expect(await a.server.gateway.sessions()).toEqual([]);
    expect(await a.server.gateway.sessionCount()).toBe(0);
  });
});

describe("hooks across nodes", () => {
  it("fire once per event cluster-wide: a start where the Login is, no end or start on a handoff, the end where the session ends", async () => {
    cluster = new TestCluster();
    const events: string[] = [];
    const hooks = (node: string) => ({
      hooks: {
        onSessionStart: () => events.push(`start@${node}`),
        onSessionResume: () => events.push(`resume@${node}`),
        onSessionEnd: (_s: unknown, reason: string) => events.push(`end@${node}:${reason}`),
      },
    });
    const a = await cluster.node("a", hooks("a"));
    const b = await cluster.node("b", hooks("b"));
    const first = await cluster.client(a);
    const { sessionId } = await first.login("p:4");
    const second = await cluster.client(b);
    await second.resume({ token: "p:4" }); // handed over from a to b
    await expect.poll(() => events.length).toBe(2);
    expect(await a.server.gateway.kick(sessionId)).toBe(1);
    await expect.poll(() => events.length).toBe(3);
    expect(events).toEqual(["start@a", "resume@b", "end@b:kicked"]);
  });
});
