/**
 * The attacks of the hardening pass, each reproduced through the real server: every one of
 * them used to end the process, hold memory without a bound, or lock players out. A bystander
 * player checks, after each attack, that its own echo and reliable pushes are untouched.
 */
import { connect, type Socket } from "node:net";
import { ErrorCode, type Frame, FrameType } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { client, echo, enc, errorOf, isError, player, startEcho, startEchoWith, type WsClient } from "./support.js";

const bytes = (n: number) => new Uint8Array(n);

function pushMe(c: WsClient, count: number, padBytes: number, reliable = true): Promise<Frame> {
  return c.request(1001, echo.PushMeReq.encode({ count, padBytes, reliable }).finish());
}

/** The bystander's check: its echo answers and it gets exactly its reliable pushes 1..n, in order. */
async function bystanderIsFine(b: WsClient, n = 3): Promise<void> {
  const before = b.reliable().length;
  const resp = await b.request(1000, echo.EchoReq.encode({ text: "still here" }).finish());
  expect(echo.EchoResp.decode(resp.payload).text).toBe("still here");
  expect(isError(await pushMe(b, n, 0))).toBe(false);
  await b.waitFor((f) => f.type === FrameType.PUSH && f.pushId === before + n);
  expect(b.reliable().map((f) => f.pushId)).toEqual(Array.from({ length: before + n }, (_, i) => i + 1));
  b.ack(before + n);
}

function limitOf(f: Frame): string | undefined {
  return errorOf(f).detail.limit;
}

describe("hardening against hostile clients", () => {
  it("refuses a ClientHello with a tiny max_frame_bytes instead of recursing on its PING", async () => {
    const server = await startEcho();
    const bystander = await player(server, 900);
    const c = await client(server);
    const { resp } = await c.hello({ maxFrameBytes: 1 });
    expect(errorOf(resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    c.sendFrame({ type: FrameType.PING });
    expect((await c.waitClosed()).code).toBe(4502);

    const ok = await client(server);
    const { hello } = await ok.hello({ maxFrameBytes: 1024 });
    expect(hello?.maxFrameBytes).toBe(1024);
    ok.sendFrame({ type: FrameType.PING });
    await ok.waitFor((f) => f.type === FrameType.PONG);
    await bystanderIsFine(bystander);
  });

  it("answers a push larger than a frame with PAYLOAD_TOO_LARGE and keeps running", async () => {
    const server = await startEcho();
    const bystander = await player(server, 900);
    const c = await player(server, 1);
    const resp = await pushMe(c, 1, 2_000_000);
    expect(errorOf(resp).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    await bystanderIsFine(bystander);
  });

  it("closes a consumer that stops reading with 4001 before a turn's pushes pass maxOutboundBytes", async () => {
    const server = await startEcho();
    const bystander = await player(server, 900);
    const c = await player(server, 1);
    const socket = (c.ws as unknown as { _socket: Socket })._socket;
    socket.pause(); // the client stops reading: the server's socket buffer fills
    const before = (await server.gateway.metrics()).bytes.out;
    c.sendFrame({
      type: FrameType.REQ,
      msgId: 1001,
      seq: c.nextSeq(),
      payload: echo.PushMeReq.encode({ count: 16, padBytes: 1_000_000 }).finish(),
    });
    const closed = c.waitClosed();
    socket.resume();
    expect((await closed).code).toBe(4001);
    const sent = (await server.gateway.metrics()).bytes.out - before;
    // 16 MB were asked for; at most maxOutboundBytes (4 MiB) was ever queued.
    expect(sent).toBeLessThanOrEqual(4 * 1024 * 1024);
    expect(c.disconnectPush()?.code).toBe(4001);
    await bystanderIsFine(bystander);
  });

  it("bounds the bytes of queued requests per session and drops them when their connection leaves", async () => {
    const server = await startEcho("--request-timeout-ms", "60000");
    const bystander = await player(server, 900);
    const big = echo.EchoReq.encode({ text: "x".repeat(100_000) }).finish();
    let lastInstance = new Uint8Array(16);
    for (let round = 0; round < 5; round++) {
      const c = await client(server);
      if (round === 0) await c.login("p:1");
      else await c.resume({ token: "p:1", lastAppliedPushId: 0, clientInstance: lastInstance });
      lastInstance = new Uint8Array(16).fill(round + 1);
      // A slow request holds the session's lane; 30 x 100 KB wait behind it.
      c.sendFrame({
        type: FrameType.REQ,
        msgId: 1003,
        seq: c.nextSeq(),
        payload: echo.SlowReq.encode({ ms: 60_000 }).finish(),
      });
      const answers = Array.from({ length: 30 }, () => c.request(1000, big));
      // The answers that came: BACKPRESSURE past the session's 1 MiB budget.
      const refused = await Promise.all(answers.slice(11));
      for (const r of refused) expect(errorOf(r).code).toBe(ErrorCode.BACKPRESSURE);
      const session = server.engine.store.byPlayer(1)[0];
      expect(session?.queuedBytes).toBeLessThanOrEqual(1024 * 1024);
      c.destroy();
      await c.waitClosed();
    }
    const session = server.engine.store.byPlayer(1)[0];
    // The last connection is gone: nothing of it waits any more.
    await expect.poll(() => session?.serialQueue.length).toBe(0);
    expect(session?.queuedBytes).toBe(0);
    const m = await server.gateway.metrics();
    expect(m.rejections.queuedRequestBytes).toBeGreaterThan(0);
    expect(m.rejections.droppedQueuedRequests).toBeGreaterThan(0);
    await bystanderIsFine(bystander);
  });

  it("closes sustained rate abuse with 4002 even when the bucket lets a few messages through", async () => {
    const server = await startEcho("--rate", "100", "--burst", "100");
    const bystander = await player(server, 900);
    const c = await player(server, 1);
    const closed = c.waitClosed();
    const payload = echo.EchoReq.encode({ text: "flood" }).finish();
    // 16x the rate, in batches: the bucket refills a few tokens between batches.
    let batches = 0;
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (c.closed) {
          clearInterval(timer);
          resolve();
          return;
        }
        if (++batches > 200) {
          clearInterval(timer);
          reject(new Error("never closed"));
          return;
        }
        for (let i = 0; i < 80; i++) c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq: c.nextSeq(), payload });
      }, 50);
    });
    expect((await closed).code).toBe(4002);
    expect(
      c.inbox.some((f) => f.type === FrameType.RESP && isError(f) && errorOf(f).code === ErrorCode.RATE_LIMITED),
    ).toBe(true);
    expect((await server.gateway.metrics()).closes.rateAbuse).toBe(1);
    await bystanderIsFine(bystander);
  });

  it("keeps a client a little over the rate open, answering RATE_LIMITED", async () => {
    const server = await startEcho("--rate", "100", "--burst", "10");
    const c = await player(server, 1);
    const payload = echo.EchoReq.encode({ text: "a bit fast" }).finish();
    for (let round = 0; round < 10; round++) {
      // 15 per 100 ms: 150/s against 100/s.
      const answers = Array.from({ length: 15 }, () => c.request(1000, payload));
      await Promise.all(answers);
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(c.closed).toBeUndefined();
    expect(c.inbox.some((f) => isError(f) && errorOf(f).code === ErrorCode.RATE_LIMITED)).toBe(true);
  });

  it("cuts sockets that trickle their upgrade, and a fresh player still gets in", async () => {
    const server = await startEcho();
    const bystander = await player(server, 900);
    await server.gateway.setLimits({ handshakeTimeoutMs: 400, maxPendingHandshakes: 20 });
    const slow: Socket[] = [];
    const cut: Promise<void>[] = [];
    for (let i = 0; i < 30; i++) {
      const s = connect(server.port, "127.0.0.1");
      s.on("error", () => {});
      await new Promise<void>((resolve) => s.once("connect", () => resolve()));
      s.write("GET /ws HTTP/1.1\r\nHost: 127.0.0.1\r\n"); // and never the rest
      cut.push(new Promise((resolve) => s.once("close", () => resolve())));
      slow.push(s);
    }
    // A player arriving now takes the place of the oldest slow socket.
    const fresh = await player(server, 2);
    expect((await fresh.request(1000, echo.EchoReq.encode({ text: "in" }).finish())).type).toBe(FrameType.RESP);
    await Promise.all(cut); // every slow socket is cut: the overflow at once, the rest at the deadline
    const m = await server.gateway.metrics();
    const overflow = m.connections.refused.handshakeOverflow ?? 0;
    expect(overflow).toBeGreaterThanOrEqual(10);
    expect(m.closes.handshakeTimeout).toBeGreaterThanOrEqual(1);
    expect(overflow + m.closes.handshakeTimeout).toBeGreaterThanOrEqual(30);
    await bystanderIsFine(bystander);
  });

  it("ends 40,000 sessions of one player in time linear in their number", async () => {
    const server = await startEcho();
    const endAll = (n: number): number => {
      const sessions = Array.from({ length: n }, (_, i) =>
        server.engine.createSession({ playerId: 7, deviceId: `d${n}-${i}` }),
      );
      const t0 = performance.now();
      for (const s of sessions) server.engine.endSession(s, "expired");
      return performance.now() - t0;
    };
    endAll(4_000); // warm up
    const small = endAll(4_000);
    const large = endAll(40_000);
    expect(server.engine.store.size).toBe(0);
    // Linear: about 10x; the old per-player list filter was 100x.
    expect(large / Math.max(small, 0.5)).toBeLessThan(40);
  });

  it("refuses long topic names and subscriptions past the per-session and total caps", async () => {
    const server = await startEcho();
    const bystander = await player(server, 900);
    const c = await player(server, 1);
    const subscribe = (topic: string) => c.request(1004, echo.TopicReq.encode({ topic }).finish());

    const long = await subscribe("t".repeat(900_000 / 10));
    expect(errorOf(long).code).toBe(ErrorCode.BAD_REQUEST);
    expect(limitOf(long)).toBe("maxTopicNameBytes");
    expect(limitOf(await subscribe("é".repeat(200)))).toBe("maxTopicNameBytes"); // 400 bytes

    for (let i = 0; i < 128; i++) expect(isError(await subscribe(`topic-${i}`))).toBe(false);
    const over = await subscribe("topic-128");
    expect(limitOf(over)).toBe("maxTopicsPerSession");
    expect(isError(await subscribe("topic-5"))).toBe(false); // already a member: no new topic

    await server.gateway.setLimits({ maxTopics: 130 });
    const d = await player(server, 2);
    const sub2 = (topic: string) => d.request(1004, echo.TopicReq.encode({ topic }).finish());
    expect(isError(await sub2("other-1"))).toBe(false);
    expect(isError(await sub2("other-2"))).toBe(false);
    const full = await sub2("other-3");
    expect(errorOf(full).code).toBe(ErrorCode.SERVER_BUSY);
    expect(limitOf(full)).toBe("maxTopics");
    expect(isError(await sub2("topic-1"))).toBe(false); // an existing topic still takes members

    const m = await server.gateway.metrics();
    expect(m.rejections.topicNameBytes).toBe(2);
    expect(m.rejections.topicsPerSession).toBe(1);
    expect(m.rejections.topics).toBe(1);
    expect(server.topics.size).toBe(130);
    await bystanderIsFine(bystander);
  });
});

describe("the process guard", () => {
  it("closes only the connection whose callback threw (1011) and logs it once", async () => {
    const logged: string[] = [];
    let throwOnWarn = true;
    const server = await startEchoWith({
      logger: {
        debug() {},
        info() {},
        warn(message) {
          if (throwOnWarn && message === "protocol error") throw new Error("a logger that fails");
        },
        error(message, fields) {
          logged.push(`${message} ${fields?.where ?? ""}`);
        },
      },
    });
    const bystander = await player(server, 900);
    const c = await player(server, 1);
    c.sendRaw(bytes(3).fill(0xff)); // a bad frame: its protocol-error path throws in the logger
    expect((await c.waitClosed()).code).toBe(1011);
    expect(logged.filter((l) => l.startsWith("internal error"))).toEqual(["internal error message"]);
    expect((await server.gateway.metrics()).closes.internalError).toBe(1);
    throwOnWarn = false;
    await bystanderIsFine(bystander);
    expect(server.engine.store.byPlayer(1)).toHaveLength(1); // the session lives on, for a resume
  });

  it("answers a route that pushes more than a frame with PAYLOAD_TOO_LARGE", async () => {
    const server = await startEcho();
    server.routeRaw(1900, (_payload, ctx) => {
      ctx.push(2001, bytes(2 * 1024 * 1024));
      return undefined;
    });
    const c = await player(server, 1);
    const resp = await c.request(1900, enc("x"));
    expect(errorOf(resp).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    expect(c.reliable()).toHaveLength(0);
    expect(c.closed).toBeUndefined();
  });
});
