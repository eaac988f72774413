/**
 * The max_frame_bytes a client agrees in its ClientHello is its connection's limit both ways
 * (protocol.md §2): larger inbound messages close 1009 before they are buffered, larger
 * responses become PAYLOAD_TOO_LARGE, larger pushes are refused to the caller, and no frame
 * above it ever leaves the server.
 */
import { CloseCode, ErrorCode, FrameType } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { client, echo, errorOf, startEcho } from "./support.js";

describe("a negotiated max_frame_bytes", () => {
  it("closes 1009 on an inbound message above it, although the server allows 1 MiB", async () => {
    const server = await startEcho();
    const c = await client(server);
    await c.hello({ maxFrameBytes: 2048 });
    await c.login("p:1");
    c.sendFrame({
      type: FrameType.REQ,
      msgId: 1000,
      seq: 99,
      payload: echo.EchoReq.encode({ text: "y".repeat(3000) }).finish(),
    });
    expect((await c.waitClosed()).code).toBe(CloseCode.FRAME_TOO_LARGE);
    expect(c.inbox.some((f) => f.seq === 99)).toBe(false);
  });

  it("answers PAYLOAD_TOO_LARGE, refuses pushes above it to the caller, and never sends a larger frame", async () => {
    const server = await startEcho("--compression", "none");
    const c = await client(server);
    await c.hello({ maxFrameBytes: 2048 });
    await c.login("p:1");
    const echoed = await c.request(1000, echo.EchoReq.encode({ text: "z".repeat(1900) }).finish());
    expect(echo.EchoResp.decode(echoed.payload).text).toHaveLength(1900);
    server.routeRaw(1900, () => new Uint8Array(3000)); // a response larger than the request
    expect(errorOf(await c.request(1900)).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);

    const sessionId = server.engine.store.byPlayer(1)[0]?.sessionId ?? "";
    await expect(server.gateway.send(sessionId, 2001, new Uint8Array(3000))).rejects.toMatchObject({
      code: ErrorCode.PAYLOAD_TOO_LARGE,
    });
    expect(await server.gateway.sendToPlayer(1, 2001, new Uint8Array(3000))).toBe(0);
    expect((await server.gateway.metrics()).rejections.pushesTooLarge).toBe(2);
    expect(await server.gateway.send(sessionId, 2001, new Uint8Array(100))).toBe(true);
    await c.waitFor((f) => f.type === FrameType.PUSH && f.pushId === 1);
    expect(c.closed).toBeUndefined();
    expect(Math.max(...c.raw.map((b) => b.length))).toBeLessThanOrEqual(2048);
  });

  it("lets a handler see it (ctx.maxPushBytes): route 1001 refuses pushes the connection could not take", async () => {
    const server = await startEcho();
    const c = await client(server);
    await c.hello({ maxFrameBytes: 2048 });
    await c.login("p:1");
    const refused = await c.request(1001, echo.PushMeReq.encode({ count: 1, padBytes: 3000, reliable: true }).finish());
    expect(errorOf(refused).code).toBe(ErrorCode.PAYLOAD_TOO_LARGE);
    const ok = await c.request(1001, echo.PushMeReq.encode({ count: 1, padBytes: 1500, reliable: true }).finish());
    expect(ok.flags & 1).toBe(0);
    await c.waitFor((f) => f.type === FrameType.PUSH && f.pushId === 1);
  });
});
