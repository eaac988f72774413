import { request as httpRequest } from "node:http";
import { CloseCode, FrameType } from "@tether/protocol";
import { InvalidOptionError } from "@tether/system";
import { WsClient } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import type { TetherServer } from "../src/index.js";
import { bytes, closeAll, player, sockets, start, text } from "./support/gateway.js";

afterEach(closeAll);

describe("the Gateway: sessions, queries and data", () => {
  it("kicks by sessionId and by player (4501), and kicks a guest that did not log in", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    const b = await player(server, "p:2");
    expect(await server.gateway.kick(a.sessionId, "cheat")).toBe(1);
    expect((await a.c.waitClosed()).code).toBe(CloseCode.KICKED);
    expect(await server.gateway.kick({ playerId: 2 })).toBe(1);
    expect((await b.c.waitClosed()).code).toBe(CloseCode.KICKED);
    const guest = await WsClient.open(server.url);
    sockets.push(guest);
    const connId = [...server.engine.connections.keys()].at(-1) ?? "";
    await server.gateway.kickGuest(connId, 0);
    expect((await guest.waitClosed()).code).toBe(CloseCode.AUTH_TIMEOUT);
    const authed = await player(server, "p:3");
    const authedConn = [...server.engine.connections.keys()].at(-1) ?? "";
    await server.gateway.kickGuest(authedConn, 0);
    expect((await authed.c.request(1000, bytes("still here"))).payload).toEqual(bytes("still here"));
  });

  it("answers the queries: online, players, sessions, connections, session info", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    const b = await player(server, "p:2");
    b.c.destroy();
    await new Promise<void>((r) => {
      const check = () => (server.engine.store.byId(b.sessionId)?.attached ? setImmediate(check) : r());
      check();
    });
    const g = server.gateway;
    expect(await g.isOnline([1, 2, 3])).toEqual([1]);
    expect((await g.players()).sort()).toEqual([1, 2]);
    expect(await g.playerCount()).toBe(2);
    expect((await g.sessions()).sort()).toEqual([a.sessionId, b.sessionId].sort());
    expect(await g.sessionCount()).toBe(2);
    expect(await g.connectionCount()).toBe(1);
    const [info] = await g.sessionInfo([a.sessionId, "unknown"]);
    expect(info).toMatchObject({
      sessionId: a.sessionId,
      playerId: 1,
      connected: true,
      remoteAddress: "127.0.0.1",
      ringSize: 0,
    });
  });

  it("sets and deletes session data, visible to handlers, with an optional notify push", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    expect(
      await server.gateway.setSessionData(a.sessionId, { nick: "Ada" }, { msgId: 2010, payload: bytes("renamed") }),
    ).toBe(true);
    expect(text((await a.c.request(1001)).payload)).toBe("Ada");
    expect(text((await a.c.waitFor((f) => f.msgId === 2010)).payload)).toBe("renamed");
    await server.gateway.deleteSessionData(a.sessionId, ["nick"]);
    expect(text((await a.c.request(1001)).payload)).toBe("none");
    expect(await server.gateway.setSessionData("nope", { a: "b" })).toBe(false);
  });

  it("reads and changes limits at once", async () => {
    const server = await start();
    server.routeRaw(1003, () => new Promise<Uint8Array>(() => {}));
    const a = await player(server, "p:1");
    await server.gateway.setLimits({ maxInFlightReq: 1 });
    expect((await server.gateway.limits()).maxInFlightReq).toBe(1);
    a.c.sendFrame({ type: FrameType.REQ, msgId: 1003, seq: 100 });
    const r = await a.c.request(1000, bytes("x"));
    expect(r.flags & 1).toBe(1);
    await expect(server.gateway.setLimits({ maxInFlightReq: 0 })).rejects.toBeInstanceOf(InvalidOptionError);
  });

  it("applies transport limits at once: connection cap, message rate, auth deadline", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    await server.gateway.setLimits({ maxConnections: 1 });
    await expect(WsClient.open(server.url)).rejects.toThrow("HTTP 503");
    await server.gateway.setLimits({ maxConnections: 10, messageRatePerSec: 1, messageBurst: 1 });
    const answers = await Promise.all([a.c.request(1000, bytes("1")), a.c.request(1000, bytes("2"))]);
    expect(answers.map((f) => f.flags & 1)).toEqual([0, 1]);
    await server.gateway.setLimits({ authTimeoutMs: 50 });
    const guest = await WsClient.open(server.url);
    sockets.push(guest);
    expect((await guest.waitClosed()).code).toBe(CloseCode.AUTH_TIMEOUT);
  });
});

describe("hooks", () => {
  it("reports connection open (with its info), session start, resume, end and connection close", async () => {
    const events: string[] = [];
    const server = await start({
      trustProxy: true,
      onConnectionOpen: (info) => {
        events.push(
          `open ${info.query} ${info.remoteAddress} ${info.forwardedFor.join("|")} ${info.headers["x-client"]}`,
        );
      },
      hooks: {
        onSessionStart: (s) => events.push(`start ${s.playerId}`),
        onSessionResume: (s, o) => events.push(`resume ${s.playerId} ${o.result}`),
        onSessionEnd: (s, r) => events.push(`end ${s.playerId} ${r}`),
        onConnectionClose: (_, code) => events.push(`close ${code}`),
      },
    });
    const c = await WsClient.open(`${server.url}?v=1`, { "X-Forwarded-For": "1.1.1.1, 2.2.2.2", "X-Client": "test" });
    sockets.push(c);
    await c.login("p:5");
    c.destroy();
    const again = await WsClient.open(server.url);
    sockets.push(again);
    await again.resume({ token: "p:5", serverEpoch: server.engine.serverEpoch });
    await server.gateway.kick({ playerId: 5 });
    await again.waitClosed();
    expect(events[0]).toBe("open v=1 2.2.2.2 1.1.1.1|2.2.2.2 test");
    expect(events).toContain("start 5");
    expect(events).toContain("resume 5 ok");
    expect(events).toContain("end 5 kicked");
    expect(events.filter((e) => e.startsWith("close")).length).toBe(2);
  });
});

describe("metrics", () => {
  function scrape(server: TetherServer): Promise<string> {
    return new Promise((resolve, reject) => {
      httpRequest(`http://127.0.0.1:${server.port}/metrics`, (res) => {
        let body = "";
        res.on("data", (d: Buffer) => (body += d.toString()));
        res.on("end", () => resolve(body));
      })
        .on("error", reject)
        .end();
    });
  }

  it("serves Prometheus text at /metrics and a snapshot through the gateway", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    await a.c.request(1000, bytes("x"));
    await server.gateway.send(a.sessionId, 2000, bytes("p"));
    const body = await scrape(server);
    for (const name of [
      "tether_connections_open 1",
      "tether_sessions_attached 1",
      'tether_requests_total{msg_id="1000",result="ok"} 1',
      'tether_pushes_issued_total{kind="reliable"} 1',
      'tether_request_duration_seconds_bucket{le="+Inf",msg_id="1000"} 1',
      'tether_request_duration_seconds_count{msg_id="1000"} 1',
      'tether_connections_refused_total{reason="capacity"} 0',
    ]) {
      expect(body).toContain(name);
    }
    const m = await server.gateway.metrics();
    expect(m.connections.open).toBe(1);
    expect(m.pushes.reliable).toBe(1);
    expect(m.frames.in).toBeGreaterThan(1);
  });

  it("answers the health check 200 while serving and 503 once close() starts draining", async () => {
    const server = await start();
    const status = () =>
      new Promise<number>((resolve, reject) => {
        httpRequest(`http://127.0.0.1:${server.port}/healthz`, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
          .on("error", reject)
          .end();
      });
    expect(await status()).toBe(200);
    server.draining = true; // what close() sets first, before it drains
    expect(await status()).toBe(503);
    server.draining = false;
  });

  it("never grows its label set when a client sends random msgIds", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    await a.c.request(1000, bytes("x"));
    const before = (await scrape(server)).split("\n").filter((l) => l.startsWith("tether_requests_total{")).length;
    for (let i = 0; i < 300; i++) await a.c.request(5000 + i * 7919);
    const lines = (await scrape(server)).split("\n").filter((l) => l.startsWith("tether_requests_total{"));
    expect(lines.length).toBeLessThanOrEqual(before + 1);
    expect(lines.some((l) => l.includes('msg_id="other",result="NOT_FOUND"} 300'))).toBe(true);
  });
});
