/**
 * The conformance server in CivGenesis mode (`--compat civgenesis`) driven by a client that
 * behaves like CivGenesis's own: hello, Resume first, Sync, requests, both kinds of push, ACK on
 * PING, a replay after a dropped connection, a login that takes over, and a kick, with no error
 * on the client's side. The same scenes in default mode show what compat changes.
 */
import { ClientHelloReq, ErrorCode, FrameFlag, hasFlag, ResumeResult } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { CivGenesisClient } from "./civgenesis-client.js";
import { echo, errorOf, startEcho } from "./support.js";

const hello = ClientHelloReq.encode({
  protocolVersion: 1,
  clientVersion: "civgenesis-ts",
  maxFrameBytes: 65536,
}).finish();
const pushMe = (count: number, reliable: boolean) => echo.PushMeReq.encode({ count, reliable }).finish();

describe("a CivGenesis client against compat mode", () => {
  it("runs hello, Resume, Sync, requests, both kinds of push, ACK on PING, replay, takeover and kick with no error", async () => {
    const server = await startEcho("--compat", "civgenesis");
    const a = await CivGenesisClient.open(server.url);
    expect(hasFlag((await a.hello(hello)).flags, FrameFlag.ERROR)).toBe(false);

    // Resume as the first authenticating request: no session yet, so a full sync.
    const first = await a.resume("p:1");
    expect(first.result).toBe(ResumeResult.RESUME_NEED_FULL_SYNC);
    const { snapshotPushId } = await a.sync();
    expect(snapshotPushId).toBe(1);

    const echoed = await a.request(1000, echo.EchoReq.encode({ text: "hi" }).finish());
    expect(echo.EchoResp.decode(echoed.payload).text).toBe("hi");

    // Reliable and best-effort pushes: all numbered, strictly consecutive.
    await a.request(1001, pushMe(3, true));
    await a.pushApplied(4);
    await a.request(1001, pushMe(2, false));
    await a.request(1010, echo.BroadcastReq.encode({ text: "all" }).finish());
    await a.pushApplied(7);
    const flags = a.applied.map((p) => hasFlag(p.flags, FrameFlag.ACK_REQUIRED));
    expect(flags).toEqual([true, true, true, true, false, false, false]);

    // ACK on PING, including one above the last issued id: clamped, not fatal.
    a.ackOnPing(5);
    a.ackOnPing(99);
    await a.request(1000, echo.EchoReq.encode({ text: "after acks" }).finish());
    const session = server.engine.store.byPlayer(1)[0];
    expect(session?.lastAckedPushId).toBe(7);

    // COMPRESS on a connection without compression: an error for that request only.
    const compressed = await a.request(1000, new Uint8Array([0x1f, 0x8b]), FrameFlag.COMPRESS);
    expect(errorOf(compressed).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);

    // Pushes the client never received, then a new connection: the replay is exact.
    a.receiveUpTo = 8;
    await a.request(1001, pushMe(2, true));
    await a.request(1001, pushMe(1, false));
    await a.pushApplied(8);
    const applied = a.lastApplied;
    a.drop();
    const b = await CivGenesisClient.open(server.url, applied);
    await b.hello(hello);
    const resumed = await b.resume("p:1", first.serverEpoch ?? "");
    expect(resumed.result).toBe(ResumeResult.RESUME_OK);
    expect(resumed.replayCount).toBe(2);
    await b.pushApplied(10);
    expect(b.applied.map((p) => [p.pushId, hasFlag(p.flags, FrameFlag.REPLAY)])).toEqual([
      [9, true],
      [10, true],
    ]);

    // Another device logs in with kick_existing_session = false written as absent: the server's
    // policy (kick) applies; the old connection sees the close code and no Disconnect push.
    const c = await CivGenesisClient.open(server.url);
    await c.hello(hello);
    await c.login("p:1", false);
    expect(await b.waitClosed()).toBe(4500);

    // A kick by game code: close 4501, again with the code alone.
    const d = await CivGenesisClient.open(server.url);
    await d.hello(hello);
    await d.login("p:2");
    await d.request(1008, echo.KickReq.encode({ playerId: 1, reason: "bye" }).finish());
    expect(await c.waitClosed()).toBe(4501);

    for (const x of [a, b, c, d]) expect(x.errors).toEqual([]);
    d.drop();
  });

  it("in default mode trips the same client: unnumbered pushes, a Disconnect push, a fatal ACK", async () => {
    const server = await startEcho();
    const a = await CivGenesisClient.open(server.url);
    await a.hello(hello);
    await a.login("p:1");
    await a.request(1001, pushMe(1, false));
    await a.request(1000, echo.EchoReq.encode({ text: "x" }).finish());
    expect(a.errors).toEqual(["PUSH missing pushId (msgId 2001)"]);
    a.ackOnPing(99);
    expect(await a.waitClosed()).toBe(4502);

    const b = await CivGenesisClient.open(server.url);
    await b.hello(hello);
    void b.request(1000, new Uint8Array([0x1f, 0x8b]), FrameFlag.COMPRESS);
    expect(await b.waitClosed()).toBe(4502);
  });
});
