import { ResumeResult } from "@tether/protocol";
import { Cluster } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytes, TestCluster, text } from "./support/nodes.js";
import { RedisClusterServers } from "./support/redis-cluster-servers.js";

let servers: RedisClusterServers;
const clients: Cluster[] = [];
let cluster: TestCluster;

beforeAll(async () => {
  servers = await RedisClusterServers.start();
}, 60_000);

afterAll(async () => {
  await cluster?.closeAll({ flush: false });
  for (const c of clients) c.disconnect();
  await servers?.stop();
});

/** A connected ioredis client of the three-master cluster, as a game would pass it. */
async function clusterClient(): Promise<Cluster> {
  const c = new Cluster(
    servers.ports.map((port) => ({ host: "127.0.0.1", port })),
    {
      lazyConnect: true,
      enableAutoPipelining: true,
    },
  );
  clients.push(c);
  await c.connect();
  return c;
}

describe("on a three-master Redis Cluster", () => {
  it("moves a session between nodes with its replay, and rebuilds it from the log after its owner left", async () => {
    cluster = new TestCluster(`redis://127.0.0.1:${servers.ports[0]}`);
    const a = await cluster.node("a", {}, { client: await clusterClient(), durability: "log" });
    const b = await cluster.node("b", {}, { client: await clusterClient(), durability: "log" });
    const c1 = await cluster.client(a);
    const { sessionId } = await c1.login("p:1");
    for (let i = 1; i <= 4; i++) await a.server.gateway.send(sessionId, 2000, bytes(`m${i}`));
    await c1.waitFor((f) => f.pushId === 4);
    c1.destroy();

    // Handed over by a live owner.
    const c2 = await cluster.client(b);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 2 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    await c2.waitFor((f) => f.pushId === 4);
    expect(c2.reliable().map((f) => text(f.payload))).toEqual(["m3", "m4"]);
    await b.server.gateway.send(sessionId, 2000, bytes("m5"));
    await c2.waitFor((f) => f.pushId === 5);
    c2.destroy();

    // Rebuilt from the log: its owner (b) left without handing it over.
    await b.server.close({ drainMs: 0, handoffMs: 0 });
    const c3 = await cluster.client(a);
    const r3 = await c3.resume({ token: "p:1", lastAppliedPushId: 4 });
    expect(r3.result).toBe(ResumeResult.RESUME_OK);
    await c3.waitFor((f) => f.pushId === 5);
    expect(c3.reliable().map((f) => text(f.payload))).toEqual(["m5"]);
  });
});
