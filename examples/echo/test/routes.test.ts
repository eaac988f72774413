import {
  CipherAlgorithm,
  CloseCode,
  CompressionAlgorithm,
  decodeFrame,
  ErrorCode,
  FrameFlag,
  FrameType,
  hasFlag,
  nobleCrypto,
  SyncReq,
  SystemMsgId,
  toHex,
} from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { client, echo, errorOf, isError, player, startEcho } from "./support.js";

describe("the conformance server's routes", () => {
  it("1000 echoes", async () => {
    const c = await player(await startEcho(), 1);
    const r = await c.request(1000, echo.EchoReq.encode({ text: "hi" }).finish());
    expect(echo.EchoResp.decode(r.payload).text).toBe("hi");
  });

  it("1001 answers first, then sends count pushes with index and pad, reliable or not", async () => {
    const c = await player(await startEcho(), 1);
    const resp = await c.request(1001, echo.PushMeReq.encode({ count: 3, reliable: true, padBytes: 5 }).finish());
    const pushes = await Promise.all([0, 1, 2].map((i) => c.waitFor((f) => f.msgId === 2001 && f.pushId === i + 1)));
    expect(c.inbox.indexOf(resp)).toBeLessThan(c.inbox.indexOf(pushes[0] as never));
    expect(pushes.map((p) => echo.PushMsg.decode(p.payload).index)).toEqual([0, 1, 2]);
    expect(echo.PushMsg.decode((pushes[0] as { payload: Uint8Array }).payload).pad.length).toBe(5);
    await c.request(1001, echo.PushMeReq.encode({ count: 1, reliable: false }).finish());
    const be = await c.waitFor((f) => f.msgId === 2001 && f.pushId === 0);
    expect(be.flags).toBe(0);
  });

  it("1001 with interval_ms spaces the pushes and keeps their order", async () => {
    const c = await player(await startEcho(), 1);
    await c.request(1001, echo.PushMeReq.encode({ count: 4, reliable: true, intervalMs: 5 }).finish());
    await c.waitFor((f) => f.msgId === 2001 && f.pushId === 4);
    expect(c.reliable().map((f) => echo.PushMsg.decode(f.payload).index)).toEqual([0, 1, 2, 3]);
  });

  it("1002 answers a game error with its code, message and detail, and INTERNAL for a plain exception", async () => {
    const c = await player(await startEcho(), 1);
    const game = errorOf(await c.request(1002, echo.FailReq.encode({ code: 10042, message: "no" }).finish()));
    expect(game).toMatchObject({ code: 10042, message: "no", retryable: false, detail: { route: "fail" } });
    const plain = errorOf(await c.request(1002, echo.FailReq.encode({ code: 0 }).finish()));
    expect([plain.code, plain.message]).toEqual([ErrorCode.INTERNAL, "internal error"]);
  });

  it("1003 answers after ms, and REQUEST_TIMEOUT past --request-timeout-ms", async () => {
    const c = await player(await startEcho("--request-timeout-ms", "100"), 1);
    expect(isError(await c.request(1003, echo.SlowReq.encode({ ms: 10 }).finish()))).toBe(false);
    const e = errorOf(await c.request(1003, echo.SlowReq.encode({ ms: 1000 }).finish()));
    expect([e.code, e.retryable]).toEqual([ErrorCode.REQUEST_TIMEOUT, true]);
  });

  it("1004/1005/1006 subscribe, publish reliably (one copy for two topics' subscriber), unsubscribe", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    const b = await player(server, 2);
    await a.request(1004, echo.TopicReq.encode({ topic: "room" }).finish());
    await b.request(1004, echo.TopicReq.encode({ topic: "room" }).finish());
    await b.request(1005, echo.PublishReq.encode({ topic: "room", text: "hello" }).finish());
    const got = await a.waitFor((f) => f.msgId === 2002);
    expect(echo.TopicMsg.decode(got.payload)).toMatchObject({ topic: "room", text: "hello", fromPlayer: 2 });
    expect(got.pushId).toBe(1);
    expect(await server.gateway.publish(["room", "room", "other"], 2002, new Uint8Array(0))).toBe(2);
    await a.request(1006, echo.TopicReq.encode({ topic: "room" }).finish());
    await b.request(1005, echo.PublishReq.encode({ topic: "room", text: "again" }).finish());
    await b.waitFor((f) => f.msgId === 2002 && echo.TopicMsg.decode(f.payload).text === "again");
    expect(a.inbox.filter((f) => f.msgId === 2002).length).toBe(2);
  });

  it("1007 bumps the revision and pushes StateDelta with frame rev; Sync's snapshot carries it", async () => {
    const c = await player(await startEcho(), 1);
    const r = echo.CounterResp.decode((await c.request(1007)).payload);
    expect(r.revision).toBe(1);
    const delta = await c.waitFor((f) => f.msgId === 2003);
    expect([delta.rev, echo.StateDelta.decode(delta.payload).revision]).toEqual([1, 1]);
    await c.request(SystemMsgId.SYNC, SyncReq.encode({}).finish());
    const snap = await c.waitFor((f) => f.msgId === SystemMsgId.SYNC_SNAPSHOT);
    expect(snap.rev).toBe(1);
  });

  it("1008 kicks a player: Disconnect 4501, close 4501, session ended", async () => {
    const server = await startEcho();
    const victim = await player(server, 7);
    const admin = await player(server, 1);
    await admin.request(1008, echo.KickReq.encode({ playerId: 7, reason: "cheating" }).finish());
    expect((await victim.waitClosed()).code).toBe(CloseCode.KICKED);
    expect(victim.disconnectPush()).toMatchObject({ code: 4501, reason: "cheating", reconnect: false });
    expect(server.engine.store.byKey("7")).toBeUndefined();
  });

  it("1009 tells who the caller is", async () => {
    const c = await client(await startEcho());
    const login = await c.login("p:12");
    const who = echo.WhoamiResp.decode((await c.request(1009)).payload);
    expect(who).toMatchObject({ playerId: 12, sessionId: login.sessionId, sessionEpoch: login.sessionEpoch });
  });

  it("1010 broadcasts best effort to every connected session", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    const b = await player(server, 2);
    await a.request(1010, echo.BroadcastReq.encode({ text: "all" }).finish());
    for (const c of [a, b]) {
      const f = await c.waitFor((x) => x.msgId === 2004);
      expect([f.pushId, echo.BroadcastMsg.decode(f.payload).text]).toEqual([0, "all"]);
    }
  });

  it("1011 is open before authentication; other game routes answer NEED_LOGIN", async () => {
    const c = await client(await startEcho());
    expect(echo.EchoResp.decode((await c.request(1011)).payload).text).toBe("open");
    expect(errorOf(await c.request(1000)).code).toBe(ErrorCode.NEED_LOGIN);
  });

  it("1012 records one-way notifies without answering; 1013 returns them", async () => {
    const c = await player(await startEcho(), 1);
    c.sendFrame({ type: FrameType.REQ, msgId: 1012, seq: 0, payload: echo.EchoReq.encode({ text: "a" }).finish() });
    c.sendFrame({ type: FrameType.REQ, msgId: 1012, seq: 0, payload: echo.EchoReq.encode({ text: "b" }).finish() });
    const notes = echo.NotesResp.decode((await c.request(1013)).payload);
    expect(notes.texts).toEqual(["a", "b"]);
    expect(c.inbox.filter((f) => f.type === FrameType.RESP && f.seq === 0)).toEqual([]);
  });

  it("1014 sends count pushes to a player, 1015 tells who is online, 1016 names the node (local)", async () => {
    const server = await startEcho();
    const a = await player(server, 1);
    const b = await player(server, 2);
    await a.request(1014, echo.SendToPlayerReq.encode({ playerId: 2, count: 3, reliable: true }).finish());
    await b.waitFor((f) => f.pushId === 3);
    expect(b.reliable().map((f) => echo.PushMsg.decode(f.payload).index)).toEqual([0, 1, 2]);
    const online = echo.OnlineResp.decode(
      (await a.request(1015, echo.OnlineReq.encode({ playerIds: [1, 2, 3] }).finish())).payload,
    );
    expect(online.online.map(Number)).toEqual([1, 2]);
    expect(echo.NodeResp.decode((await a.request(1016)).payload).nodeId).toBe("local");
  });

  it("answers NOT_FOUND for an unknown msgId and BAD_REQUEST for a payload that does not decode", async () => {
    const c = await player(await startEcho(), 1);
    expect(errorOf(await c.request(4321)).code).toBe(ErrorCode.NOT_FOUND);
    expect(errorOf(await c.request(1000, Uint8Array.of(0x0a, 0x05, 0x01))).code).toBe(ErrorCode.BAD_REQUEST);
  });

  it("answers SYNC_UNSUPPORTED with --no-snapshots", async () => {
    const c = await player(await startEcho("--no-snapshots"), 1);
    expect(errorOf(await c.request(SystemMsgId.SYNC, SyncReq.encode({}).finish())).code).toBe(
      ErrorCode.SYNC_UNSUPPORTED,
    );
  });
});

describe("the conformance server's compression and encryption", () => {
  it("compresses pushes over the threshold and inflates compressed requests (gzip both ways)", async () => {
    const c = await client(await startEcho("--compression-min-bytes", "64"));
    await c.hello({ compressions: [CompressionAlgorithm.COMPRESSION_GZIP] });
    await c.login("p:1");
    await c.request(
      1001,
      echo.PushMeReq.encode({ count: 1, reliable: true, padBytes: 4000, compressHint: true }).finish(),
    );
    const push = await c.waitFor((f) => f.msgId === 2001);
    expect(echo.PushMsg.decode(push.payload).pad.length).toBe(4000);
    expect(hasFlag(decodeFrame(c.raw[c.raw.length - 1] as Uint8Array).flags, FrameFlag.COMPRESS)).toBe(true);
    await c.request(
      1001,
      echo.PushMeReq.encode({ count: 1, reliable: true, padBytes: 4000, compressHint: false }).finish(),
    );
    await c.waitFor((f) => f.msgId === 2001 && f.pushId === 2);
    expect(hasFlag(decodeFrame(c.raw[c.raw.length - 1] as Uint8Array).flags, FrameFlag.COMPRESS)).toBe(false);
    const text = "x".repeat(3000);
    const r = await c.request(1000, echo.EchoReq.encode({ text }).finish()); // the client codec compresses it
    expect(echo.EchoResp.decode(r.payload).text).toBe(text);
  });

  it("answers --compression none with no compression", async () => {
    const c = await client(await startEcho("--compression", "none"));
    expect((await c.hello({ compressions: [CompressionAlgorithm.COMPRESSION_GZIP] })).hello?.selectedCompression).toBe(
      0,
    );
  });

  const seed = nobleCrypto.randomBytes(32);
  it.each([
    ["chacha20-poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305, false],
    ["aes-256-gcm", CipherAlgorithm.CIPHER_AES_256_GCM, false],
    ["chacha20-poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305, true],
    ["aes-256-gcm", CipherAlgorithm.CIPHER_AES_256_GCM, true],
  ])("seals everything with %s (signing key: %s)", async (name, cipher, signed) => {
    const args = ["--ciphers", name, ...(signed ? ["--signing-key", toHex(seed)] : [])];
    const c = await client(await startEcho(...args));
    const pin = signed ? { serverPublicKey: nobleCrypto.ed25519PublicKey(seed) } : {};
    const { hello } = await c.hello({ ciphers: [cipher], ...pin });
    expect(hello?.selectedCipher).toBe(cipher);
    expect(hello?.serverSignature.length).toBe(signed ? 64 : 0);
    await c.login("p:1");
    const r = await c.request(1000, echo.EchoReq.encode({ text: "secret" }).finish());
    expect(echo.EchoResp.decode(r.payload).text).toBe("secret");
    expect(c.raw.slice(1).every((b) => hasFlag(decodeFrame(b).flags, FrameFlag.ENCRYPT))).toBe(true);
  });

  it("closes 4502 on a tampered sealed frame, and serves a fresh client afterwards", async () => {
    const server = await startEcho();
    const c = await client(server);
    await c.hello({ ciphers: [CipherAlgorithm.CIPHER_CHACHA20_POLY1305] });
    const sealed = c.codec.encode({ type: FrameType.REQ, msgId: 1011, seq: 9 });
    sealed[sealed.length - 1] = (sealed[sealed.length - 1] as number) ^ 1;
    c.sendRaw(sealed);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
    const fresh = await client(server);
    expect(echo.EchoResp.decode((await fresh.request(1011)).payload).text).toBe("open");
  });

  it("refuses clients that do not seal with --require-encryption (UNSUPPORTED_PROTOCOL, 4502)", async () => {
    const c = await client(await startEcho("--require-encryption"));
    const { resp } = await c.hello({});
    expect(errorOf(resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("refuses a first frame other than ClientHello with --require-hello", async () => {
    const c = await client(await startEcho("--require-hello"));
    expect(errorOf(await c.request(1011)).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });
});
