/**
 * Chaos and load, bounded in count and time, on 127.0.0.1 only:
 * - one client receives 5,000 reliable pushes while its socket is destroyed at random points
 *   at least 20 times; the sequence it applies is exactly 1..5000, in order;
 * - 1,000 concurrent connections each do requests and receive pushes, with zero errors.
 */
import { FrameType, ResumeResult } from "@tether/protocol";
import type { TetherServer } from "@tether/server";
import { prng } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createEchoServer } from "../src/echo-server.js";
import { echo, isError, WsClient } from "./support.js";

const servers: TetherServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close({ drainMs: 0 })));
});

describe("chaos", () => {
  it("applies exactly 1..5000 in order across at least 20 random socket kills", async () => {
    const TOTAL = 5000;
    const MIN_KILLS = 20;
    const server = createEchoServer({
      server: {
        port: 0,
        maxBufferedPushCount: 10_000,
        maxBufferedPushBytes: 64 << 20,
        messageBurst: 100_000,
        messageRatePerSec: 100_000,
      },
    });
    await server.listen();
    servers.push(server);
    const random = prng(20261122);
    const clientInstance = Uint8Array.from({ length: 16 }, (_, i) => i + 1);

    let lastApplied = 0;
    const applied: number[] = [];
    let duplicates = 0;
    let gaps = 0;
    let kills = 0;
    let resumes = 0;
    let done: () => void = () => {};
    const finished = new Promise<void>((r) => (done = r));

    const connect = async (): Promise<void> => {
      const c = await WsClient.open(server.url);
      let dead = false;
      let untilKill = 20 + Math.floor(random() * 200);
      c.onFrame((f) => {
        if (dead || f.type !== FrameType.PUSH || f.pushId === 0) return;
        if (f.pushId === lastApplied + 1) {
          lastApplied = f.pushId;
          applied.push(echo.PushMsg.decode(f.payload).index + 1);
        } else if (f.pushId <= lastApplied) duplicates++;
        else gaps++;
        if (lastApplied % 100 === 0) c.ack(lastApplied);
        if (applied.length === TOTAL) {
          done();
          return;
        }
        if (--untilKill <= 0) {
          dead = true;
          kills++;
          c.destroy();
          void connect();
        }
      });
      const r = await c.resume({
        token: "p:1",
        lastAppliedPushId: lastApplied,
        serverEpoch: server.engine.serverEpoch,
        clientInstance,
      });
      resumes++;
      expect(r.result).toBe(ResumeResult.RESUME_OK);
    };

    const first = await WsClient.open(server.url);
    await first.login("p:1");
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    first.destroy();
    // The server issues the pushes in small batches, whatever state the client is in.
    let issued = 0;
    const issue = () => {
      for (let i = 0; i < 20 && issued < TOTAL; i++) {
        server.engine.push(session, 2001, echo.PushMsg.encode({ index: issued++ }).finish());
      }
      if (issued < TOTAL) setImmediate(issue);
    };
    issue();
    await connect();
    await finished;
    expect(duplicates).toBe(0);
    expect(gaps).toBe(0);
    expect(kills).toBeGreaterThanOrEqual(MIN_KILLS);
    expect(resumes).toBeGreaterThan(kills);
    expect(applied).toEqual(Array.from({ length: TOTAL }, (_, i) => i + 1));
    console.log(`chaos: ${TOTAL} pushes applied in order across ${kills} socket kills and ${resumes} resumes`);
  }, 60_000);

  it("serves 1,000 concurrent connections doing requests and receiving pushes with zero errors", async () => {
    const N = 1000;
    const server = createEchoServer({ server: { port: 0, connectionBurst: 5000, connectionRatePerSec: 5000 } });
    await server.listen();
    servers.push(server);
    const clients: WsClient[] = [];
    let errors = 0;
    try {
      await Promise.all(
        Array.from({ length: N }, async (_, i) => {
          const c = await WsClient.open(server.url);
          clients.push(c);
          await c.login(`p:${i + 1}`);
          for (let k = 0; k < 3; k++) {
            const r = await c.request(1000, echo.EchoReq.encode({ text: `${i}:${k}` }).finish());
            if (isError(r) || echo.EchoResp.decode(r.payload).text !== `${i}:${k}`) errors++;
          }
          const r = await c.request(1001, echo.PushMeReq.encode({ count: 2, reliable: true }).finish());
          if (isError(r)) errors++;
          await c.waitFor((f) => f.msgId === 2001 && f.pushId === 2);
          c.ack(2);
        }),
      );
      expect(errors).toBe(0);
      expect(server.connectionCount).toBe(N);
      expect(clients.every((c) => c.closed === undefined)).toBe(true);
      console.log(`load: ${N} concurrent connections, ${N * 4} requests and ${N * 2} pushes, ${errors} errors`);
    } finally {
      for (const c of clients) c.destroy();
    }
  }, 60_000);
});
