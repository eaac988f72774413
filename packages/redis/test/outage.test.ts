import { ErrorCode, ResumeResult } from "@tether/protocol";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, TestCluster } from "./support/nodes.js";
import { PrivateRedis } from "./support/private-redis.js";

let cluster: TestCluster | undefined;
let redis: PrivateRedis | undefined;
afterEach(async () => {
  await redis?.resume().catch(() => {}); // running again, so the cleanup can delete its keys
  await cluster?.closeAll();
  await redis?.stop();
  cluster = undefined;
  redis = undefined;
});

describe("a Redis outage", () => {
  it("answers Login and Resume with SERVER_BUSY in time, keeps attached sessions working, and recovers", async () => {
    redis = await PrivateRedis.start();
    cluster = new TestCluster(redis.url);
    const a = await cluster.node("a", {}, { commandTimeoutMs: 300 });
    const held = await cluster.client(a);
    const { sessionId } = await held.login("p:1");

    await redis.stop();
    const c = await cluster.client(a);
    const started = Date.now();
    await expect(c.login("p:2")).rejects.toMatchObject({ code: ErrorCode.SERVER_BUSY });
    await expect(c.resume({ token: "p:3" })).rejects.toMatchObject({ code: ErrorCode.SERVER_BUSY });
    expect(Date.now() - started).toBeLessThan(5000);
    // The session attached before the outage keeps working on its node.
    expect(await a.server.gateway.send(sessionId, 2000, bytes("during"))).toBe(true);
    expect((await held.waitFor((f) => f.pushId === 1)).payload).toEqual(bytes("during"));

    await redis.resume();
    await expect
      .poll(
        async () =>
          await c.login("p:2").then(
            () => "in",
            () => "busy",
          ),
        { timeout: 10_000 },
      )
      .toBe("in");
    const r = await (await cluster.client(a)).resume({ token: "p:1", lastAppliedPushId: 1 });
    expect(r.result).toBe(ResumeResult.RESUME_OK);
  });
});
