/**
 * Redis outages under traffic (cluster.md, Redis outages): attached sessions keep working,
 * cross-node work fails fast with SERVER_BUSY, and when Redis is back every node registers again,
 * re-asserts its sessions (closing, 4500, those another node took meanwhile), writes its topic
 * membership again and listens to its topics. Each test has a redis-server of its own.
 */
import { ErrorCode, ResumeResult } from "@tether/protocol";
import type { SessionEndReason } from "@tether/system";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, type Node, TestCluster } from "./support/nodes.js";
import { PrivateRedis } from "./support/private-redis.js";
import { TcpProxy } from "./support/tcp-proxy.js";

let cluster: TestCluster | undefined;
let redis: PrivateRedis | undefined;
let proxy: TcpProxy | undefined;
afterEach(async () => {
  await redis?.resume().catch(() => {}); // running again, so the cleanup can delete its keys
  proxy?.restore();
  await cluster?.closeAll();
  await proxy?.close();
  await redis?.stop();
  cluster = undefined;
  redis = undefined;
  proxy = undefined;
});

const FAST = { commandTimeoutMs: 300, handoffTimeoutMs: 500 };

/** What two streams of gateway calls from one node met: answers, and errors by code. */
class Traffic {
  local = 0;
  remoteOk = 0;
  publishedTo: number[] = [];
  readonly errors = new Map<number | string, number>();
  private running = true;
  private readonly done: Promise<unknown>;

  constructor(from: Node, here: string, away: string) {
    const gw = from.server.gateway;
    this.done = Promise.all([
      this.loop(async () => {
        // A session attached to this node: never refused, Redis or not.
        if (await gw.send(here, 2000, bytes("local"))) this.local++;
      }),
      this.loop(async () => {
        try {
          if (await gw.send(away, 2000, bytes("remote"))) this.remoteOk++;
          this.publishedTo.push(await gw.publish(["room"], 2001, bytes("pub"), { reliable: false }));
        } catch (e) {
          const code = (e as { code?: number }).code ?? String(e);
          this.errors.set(code, (this.errors.get(code) ?? 0) + 1);
        }
      }),
    ]);
  }

  /** One call per event-loop turn (timers and I/O run between) until stopped. */
  private async loop(call: () => Promise<void>): Promise<void> {
    while (this.running) {
      await new Promise((resolve) => setImmediate(resolve));
      await call();
    }
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

const metric = async (node: Node, name: string) => {
  const line = (await node.server.metrics.text()).split("\n").find((l) => l.startsWith(`${name} `));
  return Number(line?.split(" ")[1]);
};

describe("Redis coming back after an outage", () => {
  it("restarted empty under traffic: nodes register, re-assert their sessions and topics, and cross-node work resumes", async () => {
    redis = await PrivateRedis.start();
    cluster = new TestCluster(redis.url);
    const a = await cluster.node("a", {}, FAST);
    const b = await cluster.node("b", {}, FAST);
    const onA = await cluster.client(a);
    const sidA = (await onA.login("p:1")).sessionId;
    const onB = await cluster.client(b);
    const sidB = (await onB.login("p:2")).sessionId;
    await a.server.gateway.subscribe(sidA, ["room"]);
    await b.server.gateway.subscribe(sidB, ["room"]);
    expect(await metric(a, "tether_cluster_redis_up")).toBe(1);

    const traffic = new Traffic(a, sidA, sidB);
    await expect.poll(() => traffic.remoteOk > 0 && traffic.publishedTo.at(-1) === 2).toBe(true);
    await redis.stop(); // everything in it is gone
    await expect.poll(() => traffic.errors.get(ErrorCode.SERVER_BUSY) ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(() => metric(a, "tether_cluster_redis_up")).toBe(0);
    const localBefore = traffic.local;
    await expect.poll(() => traffic.local - localBefore).toBeGreaterThan(10); // still served during the outage

    await redis.resume(); // empty: the nodes must write their state again
    const okBefore = traffic.remoteOk;
    await expect.poll(() => traffic.remoteOk > okBefore, { timeout: 10_000 }).toBe(true);
    // b's member is back in the room, and b listens to it again: a publish from a reaches both.
    await expect.poll(() => traffic.publishedTo.at(-1), { timeout: 10_000 }).toBe(2);
    await traffic.stop();
    expect([...traffic.errors.keys()]).toEqual([ErrorCode.SERVER_BUSY]); // nothing else, ever
    expect(await metric(a, "tether_cluster_redis_up")).toBe(1);
    expect(await a.server.gateway.topicMembers(["room"])).toEqual({ room: expect.arrayContaining([sidA, sidB]) });
    await expect.poll(() => a.server.gateway.sessionCount()).toBe(2);

    // a's session was written again: its client resumes on b, with its pushes intact.
    const lastAcked = a.server.engine.store.byId(sidA)?.lastIssuedPushId ?? 0;
    onA.destroy();
    const moved = await cluster.client(b);
    const r = await moved.resume({ token: "p:1", lastAppliedPushId: lastAcked });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(b.server.engine.store.byId(sidA)).toBeDefined();
  });

  it("a node cut off while others took its sessions closes them (4500) when Redis is back: moved ones without an end, replaced ones ended", async () => {
    redis = await PrivateRedis.start();
    proxy = await TcpProxy.start(redis.port);
    cluster = new TestCluster(redis.url);
    const ended: [string, SessionEndReason][] = [];
    const a = await cluster.node(
      "a",
      { hooks: { onSessionEnd: (s, reason) => ended.push([s.sessionId, reason]) } },
      { ...FAST, url: proxy.url, nodeTtlMs: 60_000 },
    );
    const b = await cluster.node("b", {}, FAST);
    const resumed = await cluster.client(a);
    const sidResumed = (await resumed.login("p:5")).sessionId;
    const replaced = await cluster.client(a);
    const sidReplaced = (await replaced.login("p:6")).sessionId;
    const kept = await cluster.client(a);
    const sidKept = (await kept.login("p:7")).sessionId;

    proxy.cut(); // a alone loses Redis; its registration lives on (nodeTtlMs 60 s)
    const elsewhere = await cluster.client(b);
    const r = await elsewhere.resume({ token: "p:5" }); // a cannot hand it over: taken over as lost
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(r.sessionId).toBe(sidResumed);
    const relogin = await cluster.client(b);
    await relogin.login("p:6"); // kick-old: the end-replaced message cannot reach a
    // a still serves all three, unaware.
    expect(a.server.engine.store.size).toBe(3);

    proxy.restore();
    expect((await resumed.waitClosed()).code).toBe(4500);
    expect((await replaced.waitClosed()).code).toBe(4500);
    await expect.poll(() => a.server.engine.store.size).toBe(1);
    expect(a.server.engine.store.byId(sidKept)).toBeDefined();
    expect(ended).toEqual([[sidReplaced, "taken-over"]]); // the moved session lives on, on b
    expect(await a.server.gateway.send(sidKept, 2000, bytes("still here"))).toBe(true);
    expect(await a.server.gateway.send(sidResumed, 2000, bytes("to b"))).toBe(true); // now held by b
    expect((await elsewhere.waitFor((f) => f.msgId === 2000)).payload).toEqual(bytes("to b"));
  });
});
