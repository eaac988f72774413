import { ErrorCode } from "@tether/protocol";
import type { SessionEndReason } from "@tether/system";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

describe("Login across nodes", () => {
  it("kick-old: a Login on another node closes the old connection with 4500 and ends its session there", async () => {
    cluster = new TestCluster();
    const ended: SessionEndReason[] = [];
    const a = await cluster.node("a", { hooks: { onSessionEnd: (_, reason) => ended.push(reason) } });
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const first = await c1.login("p:1");
    const c2 = await cluster.client(b);
    const second = await c2.login("p:1");
    expect(second.sessionId).not.toBe(first.sessionId);
    expect(second.sessionEpoch).not.toBe(first.sessionEpoch);
    expect((await c1.waitClosed()).code).toBe(4500);
    await expect.poll(() => ended).toEqual(["taken-over"]);
    expect(a.server.engine.store.size).toBe(0);
    expect(await b.server.gateway.send(second.sessionId, 2000, bytes("hi"))).toBe(true);
    expect(await (await cluster.db()).smembers(a.cluster.keys.player(1))).toEqual([second.sessionId]);
  });

  it("reject-new: a Login on another node answers SESSION_CONFLICT and the holder keeps its session", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    const first = await c1.login("p:2");
    const c2 = await cluster.client(b);
    await expect(c2.login("p:2", false)).rejects.toMatchObject({ code: ErrorCode.SESSION_CONFLICT });
    expect(c1.closed).toBeUndefined();
    expect(await a.server.gateway.send(first.sessionId, 2000, bytes("still here"))).toBe(true);
    expect((await c1.waitFor((f) => f.pushId === 1)).payload).toEqual(bytes("still here"));
  });

  it("reject-new does not refuse a Login when the holder's node is dead", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a");
    const b = await cluster.node("b");
    const c1 = await cluster.client(a);
    await c1.login("p:3");
    // The node disappears without a word: its registration is deleted, its session record stays.
    await (await cluster.db()).del(a.cluster.keys.node("a"));
    const c2 = await cluster.client(b);
    await expect(c2.login("p:3", false)).resolves.toMatchObject({ playerId: 3 });
  });

  it("leaves one session when three nodes take Logins for one key at once", async () => {
    cluster = new TestCluster();
    const nodes = await Promise.all(["a", "b", "c"].map((id) => cluster.node(id)));
    const clients = await Promise.all(nodes.map((n) => cluster.client(n)));
    const logins = await Promise.all(clients.map((c) => c.login("p:7")));
    // Every Login was answered; all but the last to claim the key are closed with 4500.
    await expect.poll(() => clients.filter((c) => c.closed?.code === 4500).length).toBe(2);
    await expect.poll(() => nodes.reduce((n, node) => n + node.server.engine.store.size, 0)).toBe(1);
    const survivor = logins[clients.findIndex((c) => c.closed === undefined)];
    expect(await (await cluster.db()).smembers(nodes[0]?.cluster.keys.player(7) ?? "")).toEqual([survivor?.sessionId]);
  });
});
