import { afterEach, describe, expect, it } from "vitest";
import { TestCluster } from "./support/nodes.js";

let cluster: TestCluster;
afterEach(async () => {
  await cluster.closeAll();
});

describe("the node registry", () => {
  it("registers each node with a time to live and its counts, renewed while it lives, gone when it leaves", async () => {
    cluster = new TestCluster();
    const a = await cluster.node("a", {}, { nodeTtlMs: 600 });
    const db = await cluster.db();
    const key = a.cluster.keys.node("a");
    const c1 = await cluster.client(a);
    await c1.login("p:1");
    const c2 = await cluster.client(a);
    await c2.login("p:2");
    c2.destroy();
    await c2.waitClosed();
    // Renewed every third of its TTL with what it holds now.
    await expect
      .poll(async () => db.hgetall(key), { timeout: 3000 })
      .toMatchObject({ connections: "1", sessions: "2", attached: "1" });
    const ttl = await db.pttl(key);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(600);
    expect(await db.smembers(a.cluster.keys.nodes)).toEqual(["a"]);
    await a.server.close({ drainMs: 0, handoffMs: 0 });
    expect(await db.exists(key)).toBe(0);
    expect(await db.smembers(a.cluster.keys.nodes)).toEqual([]);
  });
});
