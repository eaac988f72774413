import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster, text } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

async function twoNodes() {
  cluster = new TestCluster();
  const a = await cluster.node("a");
  const b = await cluster.node("b");
  const onA = await cluster.client(a);
  const sidA = (await onA.login("p:1")).sessionId;
  const onB = await cluster.client(b);
  const sidB = (await onB.login("p:2")).sessionId;
  return { a, b, onA, onB, sidA, sidB };
}

describe("the gateway across nodes", () => {
  it("send, sendToPlayer, multicast and multicastToPlayers reach sessions on another node", async () => {
    const { a, onA, onB, sidA, sidB } = await twoNodes();
    expect(await a.server.gateway.send(sidB, 2000, bytes("send"))).toBe(true);
    expect(await a.server.gateway.sendToPlayer(2, 2000, bytes("toPlayer"))).toBe(1);
    expect(await a.server.gateway.multicast([sidA, sidB, "no-such-session"], 2000, bytes("multicast"))).toBe(2);
    expect(await a.server.gateway.multicastToPlayers([1, 2, 3], 2000, bytes("toPlayers"))).toBe(2);
    await onB.waitFor((f) => f.pushId === 4);
    expect(onB.reliable().map((f) => text(f.payload))).toEqual(["send", "toPlayer", "multicast", "toPlayers"]);
    await onA.waitFor((f) => f.pushId === 2);
    expect(onA.reliable().map((f) => text(f.payload))).toEqual(["multicast", "toPlayers"]);
  });

  it("broadcasts to every session of every live node, reliable or best effort", async () => {
    const { a, b, onA, onB } = await twoNodes();
    const third = await cluster.client(b);
    await third.login("p:3");
    expect(await a.server.gateway.broadcast(2000, bytes("all"))).toBe(3);
    for (const c of [onA, onB, third]) {
      expect(text((await c.waitFor((f) => f.msgId === 2000 && f.pushId === 0)).payload)).toBe("all");
    }
    expect(await b.server.gateway.broadcast(2000, bytes("kept"), { reliable: true })).toBe(3);
    for (const c of [onA, onB, third]) expect(text((await c.waitFor((f) => f.pushId === 1)).payload)).toBe("kept");
  });

  it("kicks a session or a player held by another node (4501)", async () => {
    const { a, b, onB, sidB } = await twoNodes();
    expect(await a.server.gateway.kick(sidB, "bye")).toBe(1);
    expect((await onB.waitClosed()).code).toBe(4501);
    expect(b.server.engine.store.byId(sidB)).toBeUndefined();
    const again = await cluster.client(b);
    await again.login("p:2");
    expect(await a.server.gateway.kick({ playerId: 2 })).toBe(1);
    expect((await again.waitClosed()).code).toBe(4501);
    expect(await a.server.gateway.kick({ playerId: 2 })).toBe(0);
  });

  it("answers false and 0 for sessions nobody holds: unknown, or on a node that left", async () => {
    const { a, b, sidB } = await twoNodes();
    expect(await a.server.gateway.send("no-such-session", 2000, bytes("x"))).toBe(false);
    expect(await a.server.gateway.sendToPlayer(9, 2000, bytes("x"))).toBe(0);
    await b.cluster.stop(); // b is gone from the cluster: its sessions are nobody's
    expect(await a.server.gateway.send(sidB, 2000, bytes("x"))).toBe(false);
    expect(await a.server.gateway.sendToPlayer(2, 2000, bytes("x"))).toBe(0);
    expect(await a.server.gateway.kick(sidB)).toBe(0);
  });
});
