import { createServer as createHttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { CipherAlgorithm, CloseCode, ErrorCode, FrameType, fromHex } from "@tether/protocol";
import { ManualClock } from "@tether/system";
import { errorOf, isError, upgradeStatus, WsClient } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { createServer, type ServerOptions, type TetherServer } from "../src/index.js";

const servers: TetherServer[] = [];
const clients: WsClient[] = [];
const bytes = (s: string) => new TextEncoder().encode(s);

const authenticator = {
  authenticate(token: string) {
    const m = /^p:(\d+)$/.exec(token);
    if (!m) throw new Error("bad token");
    return { playerId: Number(m[1]) };
  },
};

async function start(options: Partial<ServerOptions> = {}): Promise<TetherServer> {
  const server = createServer({ port: 0, authenticator, ...options });
  server.routeRaw(1000, (p) => p);
  await server.listen();
  servers.push(server);
  return server;
}

async function connect(server: TetherServer, headers?: Record<string, string>): Promise<WsClient> {
  const c = await WsClient.open(server.url, headers);
  clients.push(c);
  return c;
}

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await Promise.all(servers.splice(0).map((s) => s.close({ drainMs: 0 })));
});

describe("the WebSocket server", () => {
  it("serves a request over a real socket", async () => {
    const server = await start();
    const c = await connect(server);
    await c.login("p:1");
    expect((await c.request(1000, bytes("hi"))).payload).toEqual(bytes("hi"));
  });

  it("accepts upgrades on its exact path only", async () => {
    const server = await start();
    expect(await upgradeStatus(server.url.replace("/ws", "/wss"))).toBe(404);
    expect(await upgradeStatus(`${server.url}/x`)).toBe(404);
    expect(await upgradeStatus(server.url)).toBe("open");
  });

  it("enforces an Origin allow-list", async () => {
    const server = await start({ allowedOrigins: ["https://game.example"] });
    expect(await upgradeStatus(server.url, { Origin: "https://evil.example" })).toBe(403);
    expect(await upgradeStatus(server.url, { Origin: "https://game.example" })).toBe("open");
  });

  it("lets onConnectionOpen refuse an upgrade with a status, and see the connection info", async () => {
    const seen: string[] = [];
    const server = await start({
      trustProxy: true,
      onConnectionOpen: (info) => {
        seen.push(`${info.query} ${info.forwardedFor.join(",")} ${info.headers["x-game"]}`);
        return info.query.includes("ban") ? { status: 451, reason: "banned" } : undefined;
      },
    });
    expect(await upgradeStatus(`${server.url}?ban=1`, { "X-Forwarded-For": "10.1.2.3", "X-Game": "g" })).toBe(451);
    expect(await upgradeStatus(`${server.url}?ok=1`)).toBe("open");
    expect(seen[0]).toBe("ban=1 10.1.2.3 g");
  });

  it("refuses upgrades past maxConnections with HTTP 503", async () => {
    const server = await start({ maxConnections: 2 });
    await connect(server);
    await connect(server);
    expect(await upgradeStatus(server.url)).toBe(503);
    expect(server.counters.refusedCapacity).toBe(1);
  });

  it("refuses upgrades past the connection rate with HTTP 503", async () => {
    const server = await start({ connectionRatePerSec: 1, connectionBurst: 2 });
    expect(await upgradeStatus(server.url)).toBe("open");
    expect(await upgradeStatus(server.url)).toBe("open");
    expect(await upgradeStatus(server.url)).toBe(503);
    expect(server.counters.refusedRate).toBe(1);
  });

  it("attaches to an existing HTTP server", async () => {
    const http = createHttpServer();
    await new Promise<void>((r) => http.listen(0, "127.0.0.1", r));
    const server = createServer({ server: http, authenticator, path: "/game" });
    server.routeRaw(1000, (p) => p);
    servers.push(server);
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/game`;
    const c = await WsClient.open(url);
    clients.push(c);
    await c.login("p:1");
    expect((await c.request(1000, bytes("x"))).payload).toEqual(bytes("x"));
    await server.close({ drainMs: 0 });
    servers.pop();
    await new Promise<void>((r) => http.close(() => r()));
  });

  it("closes 4502 on a text message, with a Disconnect first", async () => {
    const server = await start();
    const c = await connect(server);
    c.sendText("hello");
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    expect(c.disconnectPush()?.code).toBe(4502);
    const fresh = await connect(server);
    await fresh.login("p:2");
  });

  it("closes 1009 on a frame over maxFrameBytes, before buffering it", async () => {
    const server = await start({ maxFrameBytes: 1024 });
    const c = await connect(server);
    c.sendFrame({ type: FrameType.REQ, msgId: 1000, seq: 1, payload: new Uint8Array(4096) });
    expect((await c.waitClosed()).code).toBe(CloseCode.FRAME_TOO_LARGE);
    await (await connect(server)).login("p:1");
  });

  it("answers RATE_LIMITED past the message rate and closes 4002 on sustained abuse", async () => {
    const server = await start({ messageRatePerSec: 1, messageBurst: 3, rateAbuseLimit: 5 });
    const c = await connect(server);
    const answers = await Promise.all([1, 2, 3, 4].map((seq) => c.request(1011, new Uint8Array(0), seq)));
    expect(answers.map((a) => (isError(a) ? errorOf(a).code : 0))).toEqual([
      ErrorCode.NOT_FOUND,
      ErrorCode.NOT_FOUND,
      ErrorCode.NOT_FOUND,
      ErrorCode.RATE_LIMITED,
    ]);
    expect(errorOf(answers[3] as never).retryable).toBe(true);
    for (let i = 0; i < 10; i++) c.sendFrame({ type: FrameType.PING });
    expect((await c.waitClosed()).code).toBe(CloseCode.RATE_LIMIT_ABUSE);
  });

  it("closes 4003 when a connection does not authenticate in time", async () => {
    const clock = new ManualClock();
    const server = await start({ authTimeoutMs: 100, clock });
    const c = await connect(server);
    clock.advance(99);
    expect(c.closed).toBeUndefined();
    clock.advance(30); // the sweeper runs every quarter of the shortest deadline
    expect((await c.waitClosed()).code).toBe(CloseCode.AUTH_TIMEOUT);
    expect(c.disconnectPush()?.reconnect).toBe(true);
    expect(server.counters.authTimeouts).toBe(1);
  });

  it("pings a silent connection and closes 4000 when nothing comes back", async () => {
    let closed: (code: number) => void = () => {};
    const closeCode = new Promise<number>((r) => (closed = r));
    const clock = new ManualClock();
    const server = await start({
      heartbeatIntervalMs: 50,
      heartbeatTimeoutMs: 100,
      clock,
      hooks: { onConnectionClose: (_, code) => closed(code) },
    });
    const c = await connect(server);
    await c.login("p:1");
    // Stop answering pings: ws answers automatically, so pause the socket's reading.
    (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    clock.advance(60); // silent past the interval: pinged
    clock.advance(99);
    expect(server.counters.heartbeatTimeouts).toBe(0);
    clock.advance(30); // no answer within the timeout
    expect(await closeCode).toBe(CloseCode.HEARTBEAT_TIMEOUT);
    expect(server.counters.heartbeatTimeouts).toBe(1);
  });

  it("keeps a connection that answers pings alive past the heartbeat interval", async () => {
    const clock = new ManualClock();
    const server = await start({ heartbeatIntervalMs: 30, heartbeatTimeoutMs: 60, clock });
    const c = await connect(server);
    await c.login("p:1");
    for (let i = 0; i < 4; i++) {
      const pinged = new Promise<void>((resolve) => c.ws.once("ping", () => resolve()));
      clock.advance(40); // silent past the interval: the server pings
      await pinged;
      // ws answered the ping before this request; once the request is answered, the pong is in.
      await c.request(1000, bytes("after the pong"));
      expect(c.closed).toBeUndefined();
    }
    // 4 x 40 ms is past the 60 ms timeout: only the pongs kept it open.
    expect(server.counters.heartbeatTimeouts).toBe(0);
  });

  it("answers an app PING with a PONG that echoes the payload and carries ts", async () => {
    const server = await start();
    const c = await connect(server);
    c.sendFrame({ type: FrameType.PING, payload: bytes("beat") });
    const pong = await c.waitFor((f) => f.type === FrameType.PONG);
    expect([pong.payload, pong.ts > 0]).toEqual([bytes("beat"), true]);
  });

  it("closes 4001 when a socket stops reading and its queue passes maxOutboundBytes, Disconnect first", async () => {
    const server = await start({
      maxOutboundBytes: 64 * 1024,
      maxBufferedPushBytes: 64 << 20,
      maxBufferedPushCount: 100000,
    });
    const c = await connect(server);
    await c.login("p:1");
    (c.ws as unknown as { _socket: { pause(): void } })._socket.pause();
    const session = server.engine.store.byKey("1");
    if (!session) throw new Error("no session");
    const big = new Uint8Array(32 * 1024);
    for (let i = 0; i < 2000 && server.counters.slowConsumerCloses === 0; i++) {
      server.engine.push(session, 2001, big, { compress: false });
      await new Promise((r) => setImmediate(r));
    }
    expect(server.counters.slowConsumerCloses).toBe(1);
    (c.ws as unknown as { _socket: { resume(): void } })._socket.resume();
    expect((await c.waitClosed()).code).toBe(CloseCode.SLOW_CONSUMER);
    expect(c.disconnectPush()?.code).toBe(CloseCode.SLOW_CONSUMER);
  });

  it("announces a heartbeat interval changed at runtime to the next ClientHello", async () => {
    const server = await start();
    server.setLimits({ heartbeatIntervalMs: 1234 });
    const c = await connect(server);
    expect((await c.hello({})).hello?.heartbeatIntervalMillis).toBe(1234);
  });

  it("changes limits at runtime, at once", async () => {
    const server = await start();
    const c = await connect(server);
    await c.login("p:1");
    server.setLimits({ maxInFlightReq: 1, messageRatePerSec: 1000 });
    expect(server.limits().maxInFlightReq).toBe(1);
    expect(() => server.setLimits({ bogus: 1 } as never)).toThrow();
    expect(() => server.setLimits({ maxConnections: 0 })).toThrow();
  });

  it("shuts down gracefully: in-flight requests finish, then Disconnect 1012 reaches every connection", async () => {
    const server = await start();
    let finish: () => void = () => {};
    let started: () => void = () => {};
    const running = new Promise<void>((r) => (started = r));
    server.routeRaw(1003, () => {
      started();
      return new Promise<Uint8Array>((r) => (finish = () => r(bytes("done"))));
    });
    const authed = await connect(server);
    await authed.login("p:1");
    const guest = await connect(server);
    const slow = authed.request(1003);
    await running;
    const closing = server.close({ drainMs: 5000 });
    servers.pop();
    expect(await upgradeStatus(server.url).catch(() => "refused")).not.toBe("open");
    expect(errorOf(await authed.request(1000, bytes("late")))).toMatchObject({
      code: ErrorCode.SERVER_BUSY,
      retryable: true,
    });
    finish();
    expect((await slow).payload).toEqual(bytes("done"));
    await closing;
    for (const c of [authed, guest]) {
      expect((await c.waitClosed()).code).toBe(CloseCode.SERVER_SHUTDOWN);
      expect(c.disconnectPush()).toMatchObject({ code: 1012, reconnect: true });
    }
  });

  it("survives garbage from one client and keeps serving the others", async () => {
    const server = await start();
    const bystander = await connect(server);
    await bystander.login("p:2");
    const bad = await connect(server);
    bad.sendRaw(fromHex("ffffffffff"));
    expect((await bad.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    expect((await bystander.request(1000, bytes("still here"))).payload).toEqual(bytes("still here"));
  });
});

describe("authentication limits and TLS awareness", () => {
  it("closes 4503 after maxAuthFailures rejected tokens on one connection", async () => {
    const server = await start({ maxAuthFailures: 2 });
    const c = await connect(server);
    await expect(c.login("bad")).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    expect(c.closed).toBeUndefined();
    await expect(c.login("worse")).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    expect((await c.waitClosed()).code).toBe(CloseCode.UNAUTHORIZED);
    expect(c.disconnectPush()).toMatchObject({ code: 4503, reconnect: false });
  });

  it("selects TLS when a trusted proxy says the connection is https, and not otherwise", async () => {
    const trusted = await start({ trustProxy: true });
    const a = await WsClient.open(trusted.url, { "X-Forwarded-Proto": "https" });
    clients.push(a);
    expect((await a.hello({ ciphers: [CipherAlgorithm.CIPHER_TLS] })).hello?.selectedCipher).toBe(
      CipherAlgorithm.CIPHER_TLS,
    );
    const untrusted = await start();
    const b = await WsClient.open(untrusted.url, { "X-Forwarded-Proto": "https" });
    clients.push(b);
    expect((await b.hello({ ciphers: [CipherAlgorithm.CIPHER_TLS] })).hello?.selectedCipher).toBe(0);
  });
});

describe("the server's defaults and logging", () => {
  it("uses the node:crypto and node:zlib fast paths by default", async () => {
    const server = await start();
    expect(server.engine.options.crypto.implementation).toBe("node:crypto");
    expect(server.engine.options.compressor.implementation).toBe("node:zlib");
  });

  it("never logs tokens or payloads", async () => {
    const lines: string[] = [];
    const log = (m: string, f?: object) => lines.push(`${m} ${JSON.stringify(f ?? {})}`);
    const server = await start({ logger: { debug: log, info: log, warn: log, error: log } });
    server.routeRaw(1002, () => {
      throw new Error("boom");
    });
    const c = await connect(server);
    await expect(c.login("secret-token-123")).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
    await c.login("p:77");
    await c.request(1002, bytes("payload-marker-456"));
    c.sendRaw(fromHex("ffff"));
    await c.waitClosed();
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.join("\n")).not.toMatch(/secret-token-123|p:77|payload-marker-456/);
  });
});
