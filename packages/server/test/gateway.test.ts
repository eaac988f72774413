import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { CloseCode, FrameType } from "@tether/protocol";
import { InvalidOptionError } from "@tether/system";
import { WsClient } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, closeAll, player, sdkClients, sockets, start, text } from "./support/gateway.js";

afterEach(closeAll);

const pushesOf = (c: WsClient, msgId: number) => c.inbox.filter((f) => f.type === FrameType.PUSH && f.msgId === msgId);

describe("the Gateway: pushing", () => {
  it("send, sendToPlayer and sendBulk reach their sessions, reliable by default", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    const b1 = await player(server, "p:2:phone");
    const b2 = await player(server, "p:2:pc");
    const g = server.gateway;
    expect(await g.send(a.sessionId, 2000, bytes("one"))).toBe(true);
    expect(await g.send("no-such-session", 2000, bytes("x"))).toBe(false);
    expect(await g.sendToPlayer(2, 2000, bytes("both devices"))).toBe(2);
    expect(
      await g.sendBulk([
        { sessionId: a.sessionId, msgId: 2001, payload: bytes("bulk a") },
        { playerId: 2, msgId: 2001, payload: bytes("bulk b"), options: { reliable: false } },
      ]),
    ).toBe(3);
    const first = await a.c.waitFor((f) => f.msgId === 2000);
    expect([first.pushId, text(first.payload)]).toEqual([1, "one"]);
    for (const c of [b1.c, b2.c]) {
      expect(text((await c.waitFor((f) => f.msgId === 2000)).payload)).toBe("both devices");
      expect((await c.waitFor((f) => f.msgId === 2001)).pushId).toBe(0);
    }
    expect((await a.c.waitFor((f) => f.msgId === 2001)).pushId).toBe(2);
  });

  it("multicast and multicastToPlayers store the payload once and number each session's copy", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    const b = await player(server, "p:2");
    await server.gateway.send(b.sessionId, 2000, bytes("earlier"));
    expect(await server.gateway.multicast([a.sessionId, b.sessionId, a.sessionId], 2002, bytes("m"))).toBe(2);
    expect(await server.gateway.multicastToPlayers([1, 2, 2], 2003, bytes("mp"))).toBe(2);
    expect((await a.c.waitFor((f) => f.msgId === 2002)).pushId).toBe(1);
    expect((await b.c.waitFor((f) => f.msgId === 2002)).pushId).toBe(2);
    const ringA = server.engine.store.byId(a.sessionId)?.ring.after(0) ?? [];
    const ringB = server.engine.store.byId(b.sessionId)?.ring.after(0) ?? [];
    expect(ringA[0]?.body.payload).toBe(ringB[1]?.body.payload);
  });

  it("broadcast is best effort by default (a detached session misses it) and buffered when reliable", async () => {
    const server = await start();
    const online = await player(server, "p:1");
    const away = await player(server, "p:2");
    away.c.destroy();
    await new Promise<void>((r) => {
      const check = () => (server.engine.store.byId(away.sessionId)?.attached ? setImmediate(check) : r());
      check();
    });
    expect(await server.gateway.broadcast(2004, bytes("be"))).toBe(2);
    expect(await server.gateway.broadcast(2005, bytes("rel"), { reliable: true })).toBe(2);
    expect((await online.c.waitFor((f) => f.msgId === 2004)).pushId).toBe(0);
    const back = await WsClient.open(server.url);
    sockets.push(back);
    const r = await back.resume({ token: "p:2", serverEpoch: server.engine.serverEpoch });
    expect(r.replayCount).toBe(1);
    expect(back.reliable().map((f) => f.msgId)).toEqual([2005]);
  });

  it("encodes a best-effort broadcast once and sends the same bytes to every plain connection", async () => {
    const server = await start();
    const clients = await Promise.all(Array.from({ length: 50 }, (_, i) => player(server, `p:${i + 1}`)));
    const built = server.engine.metrics.sharedFramesBuilt;
    await server.gateway.broadcast(2004, bytes("x".repeat(100)));
    const frames = await Promise.all(
      clients.map(({ c }) => c.waitFor((f) => f.msgId === 2004).then(() => c.raw[c.raw.length - 1])),
    );
    expect(server.engine.metrics.sharedFramesBuilt - built).toBe(1);
    expect(new Set(frames.map((b) => Buffer.from(b as Uint8Array).toString("hex"))).size).toBe(1);
  });

  it("refuses system msgIds and malformed arguments with InvalidOptionError", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    await expect(server.gateway.send(a.sessionId, 6, bytes("x"))).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(server.gateway.subscribe(a.sessionId, [""])).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(server.gateway.setSessionData(a.sessionId, { k: 5 as unknown as string })).rejects.toBeInstanceOf(
      InvalidOptionError,
    );
  });
});

describe("the Gateway: argument checks come before any effect", () => {
  it("rejects a bulk call with one bad item without sending any item", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    await expect(
      server.gateway.sendBulk([
        { sessionId: a.sessionId, msgId: 2000, payload: bytes("ok") },
        { sessionId: a.sessionId, msgId: 7, payload: bytes("system id") },
      ]),
    ).rejects.toBeInstanceOf(InvalidOptionError);
    await expect(
      server.gateway.publishBulk([
        { topics: ["t"], msgId: 2000, payload: bytes("ok") },
        { topics: [""], msgId: 2000, payload: bytes("bad topic") },
      ]),
    ).rejects.toBeInstanceOf(InvalidOptionError);
    expect(server.engine.store.byId(a.sessionId)?.lastIssuedPushId).toBe(0);
  });

  it("leaves session data unchanged when the notify is invalid", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    await expect(
      server.gateway.setSessionData(a.sessionId, { nick: "x" }, { msgId: 5, payload: bytes("") }),
    ).rejects.toBeInstanceOf(InvalidOptionError);
    expect(text((await a.c.request(1001)).payload)).toBe("none");
  });

  it("kicks with a reason longer than a close frame holds: the Disconnect carries it whole", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    const reason = "é".repeat(100); // 200 bytes of UTF-8
    expect(await server.gateway.kick({ playerId: 1 }, reason)).toBe(1);
    expect((await a.c.waitClosed()).code).toBe(CloseCode.KICKED);
    expect(a.c.disconnectPush()?.reason).toBe(reason);
  });

  it("counts evicted pushes monotonically, even after their sessions end", async () => {
    const server = await start({ maxBufferedPushCount: 1 });
    const a = await player(server, "p:1");
    a.c.destroy();
    await new Promise<void>((r) => {
      const check = () => (server.engine.store.byId(a.sessionId)?.attached ? setImmediate(check) : r());
      check();
    });
    for (let i = 0; i < 3; i++) await server.gateway.send(a.sessionId, 2000, bytes(`${i}`));
    expect((await server.gateway.metrics()).ring.evicted).toBe(2);
    await server.gateway.kick(a.sessionId);
    expect((await server.gateway.metrics()).ring.evicted).toBe(2);
  });
});

describe("the Gateway: topics", () => {
  it("publishes one copy to a session in two topics; topics survive a reconnect; a detached session gets a replay", async () => {
    const server = await start();
    const a = await player(server, "p:1");
    const b = await player(server, "p:2");
    await server.gateway.subscribe(a.sessionId, ["room", "guild"]);
    await server.gateway.subscribe(b.sessionId, ["room"]);
    expect(await server.gateway.publish(["room", "guild"], 2002, bytes("hello"))).toBe(2);
    await a.c.waitFor((f) => f.msgId === 2002);
    expect(pushesOf(a.c, 2002).length).toBe(1);
    a.c.destroy();
    await server.gateway.publishBulk([{ topics: ["guild"], msgId: 2002, payload: bytes("while away") }]);
    const back = await WsClient.open(server.url);
    sockets.push(back);
    await back.resume({ token: "p:1", lastAppliedPushId: 1, serverEpoch: server.engine.serverEpoch });
    expect(back.reliable().map((f) => text(f.payload))).toEqual(["while away"]);
    expect(await server.gateway.topicMembers(["room", "guild"])).toEqual({
      room: [a.sessionId, b.sessionId],
      guild: [a.sessionId],
    });
    expect(await server.gateway.topicPlayerCount(["room"])).toEqual({ room: 2 });
    await server.gateway.unsubscribe(b.sessionId, ["room"]);
    await server.gateway.deleteTopics(["guild"]);
    expect((await server.gateway.topics()).sort()).toEqual(["room"]);
    expect(await server.gateway.topicCount()).toBe(1);
  });

  it("replays a reliable publish through the real client after a network cut", async () => {
    const server = await start();
    const client = new TetherClient({
      url: server.url,
      token: "p:9",
      transport: nodeTransport,
      reconnect: { minDelayMs: 5, maxDelayMs: 20 },
    });
    sdkClients.push(client);
    const got: string[] = [];
    let done: () => void = () => {};
    const two = new Promise<void>((r) => (done = r));
    client.onPushRaw(2002, (p) => {
      got.push(text(p));
      if (got.length === 2) done();
    });
    await client.connect();
    const [sessionId] = await server.gateway.sessions();
    await server.gateway.subscribe(sessionId ?? "", ["lobby"]);
    await server.gateway.publish(["lobby"], 2002, bytes("first"));
    const info = (await server.gateway.sessionInfo([sessionId ?? ""]))[0];
    expect(info?.topics).toEqual(["lobby"]);
    // Cut the socket from the server side without a close frame.
    const conn = server.engine.connections.get(info?.connId ?? "");
    conn?.close(CloseCode.HEARTBEAT_TIMEOUT, "cut for the test");
    await server.gateway.publish(["lobby"], 2002, bytes("second"));
    await two;
    expect(got).toEqual(["first", "second"]);
  });
});
