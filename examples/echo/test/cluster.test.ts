/**
 * The conformance server in cluster mode (conformance-server.md: --redis, --namespace,
 * --node-id): real node processes on one Redis (REDIS_URL, default redis://127.0.0.1:6379),
 * under a namespace of the test's own, so that SIGKILL is real.
 */
import { randomBytes } from "node:crypto";
import { ResumeResult } from "@tether/protocol";
import { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { EchoProcess } from "./fuzz/echo-process.js";
import { echo, WsClient } from "./support.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const namespace = `echo-cluster-${randomBytes(6).toString("hex")}`;
const nodes: EchoProcess[] = [];
const clients: WsClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(nodes.splice(0).map((n) => n.kill()));
  const redis = new Redis(REDIS_URL);
  const keys = await redis.keys(`${namespace}*`);
  if (keys.length > 0) await redis.del(...keys);
  redis.disconnect();
});

async function node(nodeId: string, ...flags: string[]): Promise<string> {
  const n = new EchoProcess(["--redis", REDIS_URL, "--namespace", namespace, "--node-id", nodeId, ...flags]);
  nodes.push(n);
  return n.url();
}

async function client(url: string): Promise<WsClient> {
  const c = await WsClient.open(url);
  clients.push(c);
  await c.hello();
  return c;
}

/**
 * Route 1016 on `c`. A raw client numbers its seqs from 1 on every connection, and the dedup
 * cache moves with a session: a seq of its own keeps a second connection from meeting the
 * first one's cached answers.
 */
const nodeOf = async (c: WsClient, seq: number) =>
  echo.NodeResp.decode((await c.request(1016, new Uint8Array(0), seq)).payload).nodeId;

describe("the conformance server in cluster mode", () => {
  it("serves one session from any node: 1016 names the node, the counter is shared, a resume elsewhere replays", async () => {
    const [a, b] = await Promise.all([node("a"), node("b")]);
    const c1 = await client(a);
    const { sessionId } = await c1.login("p:1");
    expect(await nodeOf(c1, 100)).toBe("a");
    expect(echo.CounterResp.decode((await c1.request(1007)).payload).revision).toBe(1);
    await c1.request(1001, echo.PushMeReq.encode({ count: 3, reliable: true }).finish());
    await c1.waitFor((f) => f.pushId === 4); // the StateDelta, then three PushMsgs
    c1.destroy();

    const c2 = await client(b);
    const r = await c2.resume({ token: "p:1", lastAppliedPushId: 2 });
    expect(await nodeOf(c2, 200)).toBe("b");
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(r.sessionId).toBe(sessionId);
    await c2.waitFor((f) => f.pushId === 4);
    expect(c2.reliable().map((f) => f.pushId)).toEqual([3, 4]);
    expect(echo.CounterResp.decode((await c2.request(1007, new Uint8Array(0), 201)).payload).revision).toBe(2);
  });

  it("1014 and 1015 reach players on other nodes: sendToPlayer wherever the session lives, isOnline cluster-wide", async () => {
    const [a, b] = await Promise.all([node("a"), node("b")]);
    const onA = await client(a);
    await onA.login("p:1");
    const onB = await client(b);
    await onB.login("p:2");
    await onA.request(1014, echo.SendToPlayerReq.encode({ playerId: 2, count: 3, reliable: true }).finish());
    await onB.waitFor((f) => f.pushId === 3);
    expect(onB.reliable().map((f) => echo.PushMsg.decode(f.payload).index)).toEqual([0, 1, 2]);
    const online = echo.OnlineResp.decode(
      (await onA.request(1015, echo.OnlineReq.encode({ playerIds: [1, 2, 3] }).finish())).payload,
    ).online.map(Number);
    expect(online).toEqual([1, 2]);
  });

  it("SIGKILL of the owner: a resume on another node answers NEED_FULL_SYNC under the same sessionId", async () => {
    const [a, b] = await Promise.all([node("a"), node("b")]);
    const c1 = await client(a);
    const { sessionId } = await c1.login("p:2");
    await c1.request(1007);
    await c1.request(1001, echo.PushMeReq.encode({ count: 5, reliable: true }).finish());
    await c1.waitFor((f) => f.pushId === 6);
    await nodes[0]?.kill(); // SIGKILL: nothing is handed over

    const c2 = await client(b);
    const r = await c2.resume({ token: "p:2", lastAppliedPushId: 3 });
    expect(r.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    expect(r.sessionId).toBe(sessionId);
    expect(r.maxBufferedPushId).toBeGreaterThanOrEqual(3);
    // The game state survived in Redis: the snapshot has the revision.
    expect(echo.CounterResp.decode((await c2.request(1007, new Uint8Array(0), 200)).payload).revision).toBe(2);
  });

  it("SIGKILL of the owner with --durability log: a resume on another node replays exactly", async () => {
    const [a, b] = await Promise.all([node("a", "--durability", "log"), node("b", "--durability", "log")]);
    const c1 = await client(a);
    const { sessionId } = await c1.login("p:4");
    await c1.request(1001, echo.PushMeReq.encode({ count: 5, reliable: true }).finish());
    await c1.waitFor((f) => f.pushId === 5);
    c1.ack(2);
    await nodes[0]?.kill();

    const c2 = await client(b);
    const r = await c2.resume({ token: "p:4", lastAppliedPushId: 3 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    expect(r.sessionId).toBe(sessionId);
    await c2.waitFor((f) => f.pushId === 5);
    expect(c2.reliable().map((f) => [f.pushId, echo.PushMsg.decode(f.payload).index])).toEqual([
      [4, 3],
      [5, 4],
    ]);
  });

  it("SIGTERM of the owner hands the session over: the client resumes elsewhere with an exact replay", async () => {
    const [a, b] = await Promise.all([node("a"), node("b")]);
    const c1 = await client(a);
    await c1.login("p:3");
    await c1.request(1001, echo.PushMeReq.encode({ count: 4, reliable: true }).finish());
    await c1.waitFor((f) => f.pushId === 4);
    nodes[0]?.child.kill("SIGTERM");
    expect((await c1.waitClosed()).code).toBe(1012);

    const c2 = await client(b);
    const r = await c2.resume({ token: "p:3", lastAppliedPushId: 1 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
    await c2.waitFor((f) => f.pushId === 4);
    expect(c2.reliable().map((f) => f.pushId)).toEqual([2, 3, 4]);
    expect((await nodes[0]?.exited)?.code).toBe(0);
  });
});
