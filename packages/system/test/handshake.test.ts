import {
  type AeadAlgorithm,
  CipherAlgorithm,
  CloseCode,
  CompressionAlgorithm,
  decodeFrame,
  ErrorCode,
  FrameFlag,
  FrameType,
  hasFlag,
  nobleCrypto,
} from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { bytes, errorOf, makeEngine, TestClient } from "./harness.js";

const GZIP = CompressionAlgorithm.COMPRESSION_GZIP;
const CHACHA: AeadAlgorithm = CipherAlgorithm.CIPHER_CHACHA20_POLY1305;
const AES: AeadAlgorithm = CipherAlgorithm.CIPHER_AES_256_GCM;
const TLS = CipherAlgorithm.CIPHER_TLS;

describe("ClientHello negotiation (sessions.md §3, protocol.md §4-5)", () => {
  it("selects GZIP when both sides list it, and NONE when the client does not", async () => {
    const { engine } = makeEngine();
    expect((await new TestClient(engine).hello({ compressions: [GZIP] })).hello?.selectedCompression).toBe(GZIP);
    expect((await new TestClient(engine).hello({ compressions: [] })).hello?.selectedCompression).toBe(0);
  });

  it("selects no compression when the server's allow-list is empty", async () => {
    const { engine } = makeEngine({ compression: [] });
    expect((await new TestClient(engine).hello({ compressions: [GZIP] })).hello?.selectedCompression).toBe(0);
  });

  it("selects the first cipher of the server's allow-list that the client offered", async () => {
    const { engine } = makeEngine({ ciphers: [AES, CHACHA] });
    expect((await new TestClient(engine).hello({ ciphers: [CHACHA, AES] })).hello?.selectedCipher).toBe(AES);
    const { engine: e2 } = makeEngine();
    expect((await new TestClient(e2).hello({ ciphers: [AES, CHACHA] })).hello?.selectedCipher).toBe(CHACHA);
  });

  it("selects TLS over a secure connection when the client lists it", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine, { secure: true });
    expect((await c.hello({ ciphers: [TLS, CHACHA] })).hello?.selectedCipher).toBe(TLS);
  });

  it("does not select TLS over a plain connection", async () => {
    const { engine } = makeEngine();
    expect((await new TestClient(engine).hello({ ciphers: [TLS] })).hello?.selectedCipher).toBe(0);
  });

  it("does not select an AEAD offered without a key share and nonce", async () => {
    const { engine } = makeEngine();
    expect((await new TestClient(engine).hello({ ciphers: [CHACHA], withKeyShare: false })).hello?.selectedCipher).toBe(
      0,
    );
  });

  it("refuses with UNSUPPORTED_PROTOCOL and closes 4502 when the client requires encryption that cannot be agreed", async () => {
    const { engine } = makeEngine({ ciphers: [] });
    const c = new TestClient(engine);
    const { resp } = await c.hello({ ciphers: [CHACHA], requireEncrypt: true });
    expect(errorOf(resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("refuses a client that does not seal when the server requires encryption", async () => {
    const { engine } = makeEngine({ requireEncryption: true });
    const c = new TestClient(engine);
    expect(errorOf((await c.hello({})).resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("refuses an all-zero key share with UNSUPPORTED_PROTOCOL and close 4502", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    const { resp } = await c.hello({ ciphers: [CHACHA], keyShare: new Uint8Array(32) });
    expect(errorOf(resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("refuses an unknown protocol version", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    expect(errorOf((await c.hello({ protocolVersion: 2 })).resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
  });

  it("announces the limits it enforces, the epoch, and the smaller max_frame_bytes", async () => {
    const { engine } = makeEngine({ maxInFlightReq: 7, maxBufferedPushCount: 9, heartbeatIntervalMs: 1234 });
    const { hello } = await new TestClient(engine).hello({ maxFrameBytes: 4096 });
    expect(hello).toMatchObject({
      protocolVersion: 1,
      maxFrameBytes: 4096,
      maxInFlightReq: 7,
      maxBufferedPushCount: 9,
      maxBufferedPushAgeMillis: 60000,
      heartbeatIntervalMillis: 1234,
      compressionMinBytes: 256,
      serverEpoch: "epoch-A",
    });
  });

  it("answers a second ClientHello with UNSUPPORTED_PROTOCOL", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.hello({});
    expect(errorOf((await c.hello({})).resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
  });

  it("answers a ClientHello that is not the first frame with UNSUPPORTED_PROTOCOL", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    c.sendFrame({ type: FrameType.PING });
    expect(errorOf((await c.hello({})).resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
  });

  it("with requireHello, refuses any other first frame and closes 4502", async () => {
    const { engine } = makeEngine({ requireHello: true });
    const c = new TestClient(engine);
    const resp = await c.request(1000, bytes("x"));
    expect(errorOf(resp).code).toBe(ErrorCode.UNSUPPORTED_PROTOCOL);
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("works without a ClientHello: no compression, no encryption, server defaults", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.login("p:1");
    expect(c.conn.codec.sealed).toBe(false);
    expect(c.conn.codec.compression).toBe(false);
  });

  it.each<[string, AeadAlgorithm]>([
    ["ChaCha20-Poly1305", CHACHA],
    ["AES-256-GCM", AES],
  ])("seals every frame after the hello with %s, both ways", async (_, cipher) => {
    const { engine } = makeEngine({ ciphers: [cipher] });
    const c = new TestClient(engine);
    await c.hello({ ciphers: [cipher] });
    await c.login("p:1");
    const pong = c.waitFor((f) => f.type === FrameType.PONG);
    c.sendFrame({ type: FrameType.PING, payload: bytes("hb") });
    expect(new TextDecoder().decode((await pong).payload)).toBe("hb");
    expect(c.raw.length).toBeGreaterThan(2);
    expect(c.raw.slice(1).every((b) => hasFlag(decodeFrame(b).flags, FrameFlag.ENCRYPT))).toBe(true);
    expect(hasFlag(decodeFrame(c.raw[0] as Uint8Array).flags, FrameFlag.ENCRYPT)).toBe(false);
  });

  it("closes 4502 when an unsealed frame arrives after an AEAD was selected", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.hello({ ciphers: [CHACHA] });
    c.sendRaw(new Uint8Array([1, 1, 5]));
    expect((await c.waitClosed()).code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("signs the transcript when configured, and a client pinning the key accepts it", async () => {
    const seed = nobleCrypto.randomBytes(32);
    const { engine } = makeEngine({ signingKey: seed });
    const c = new TestClient(engine);
    const { hello } = await c.hello({ ciphers: [CHACHA], serverPublicKey: nobleCrypto.ed25519PublicKey(seed) });
    expect(hello?.serverSignature.length).toBe(64);
    await c.login("p:1");
  });

  it("compresses large pushes with GZIP once negotiated", async () => {
    const { engine } = makeEngine();
    const c = new TestClient(engine);
    await c.hello({ compressions: [GZIP] });
    await c.login("p:1");
    const session = engine.store.byKey("1");
    if (!session) throw new Error("no session");
    engine.push(session, 2000, bytes("a".repeat(2000)));
    const push = await c.waitFor((f) => f.type === FrameType.PUSH);
    expect(push.payload.length).toBe(2000); // the client codec inflated it
    expect(engine.push(session, 2000, bytes("b".repeat(2000)), { compress: false })).toBe(2);
  });
});
