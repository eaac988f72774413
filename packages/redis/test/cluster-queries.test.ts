import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./support/nodes.js";

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
