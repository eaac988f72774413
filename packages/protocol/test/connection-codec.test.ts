import { describe, expect, it } from "vitest";
import {
  CipherAlgorithm,
  ConnectionCodec,
  createSealPair,
  decodeFrame,
  FrameFlag,
  FrameRule,
  FrameType,
  fflateGzip,
  hasFlag,
  nobleCrypto,
  plainCodec,
  type SessionKeys,
} from "../src/index.js";
import { nodeGzip } from "../src/node/index.js";
import { ruleOf } from "./support/fixtures.js";

const keys: SessionKeys = {
  c2sKey: new Uint8Array(32).fill(1),
  s2cKey: new Uint8Array(32).fill(2),
  c2sIv: new Uint8Array(12).fill(3),
  s2cIv: new Uint8Array(12).fill(4),
};
const big = new TextEncoder().encode("reliable ".repeat(100));

function pair(sealed: boolean) {
  const cipher = CipherAlgorithm.CIPHER_CHACHA20_POLY1305;
  const server = new ConnectionCodec({
    compressor: nodeGzip,
    compressionMinBytes: 256,
    maxFrameBytes: 4096,
    seal: sealed ? createSealPair(nobleCrypto, cipher, keys, "server") : undefined,
  });
  const client = new ConnectionCodec({
    compressor: fflateGzip,
    compressionMinBytes: 256,
    maxFrameBytes: 4096,
    seal: sealed ? createSealPair(nobleCrypto, cipher, keys, "client") : undefined,
  });
  return { server, client };
}

describe("ConnectionCodec", () => {
  it.each([false, true])("compresses, then seals, and the peer opens, then inflates (sealed: %s)", (sealed) => {
    const { server, client } = pair(sealed);
    const wire = server.encode({ type: FrameType.PUSH, msgId: 2000, payload: big });
    const raw = decodeFrame(wire);
    expect(hasFlag(raw.flags, FrameFlag.ENCRYPT)).toBe(sealed);
    if (!sealed) expect(hasFlag(raw.flags, FrameFlag.COMPRESS)).toBe(true);
    expect(raw.payload.length).toBeLessThan(big.length);
    const got = client.decode(wire);
    expect(got.payload).toEqual(big);
    expect(got.flags).toBe(0);
  });

  it("leaves small payloads and payloads that opt out uncompressed", () => {
    const { server } = pair(false);
    expect(decodeFrame(server.encode({ type: FrameType.PUSH, msgId: 2000, payload: big.subarray(0, 100) })).flags).toBe(
      0,
    );
    expect(decodeFrame(server.encode({ type: FrameType.PUSH, msgId: 2000, payload: big, compress: false })).flags).toBe(
      0,
    );
  });

  it("refuses a payload that inflates past maxFrameBytes", () => {
    const { client } = pair(false);
    const bomb = nodeGzip.compress(new Uint8Array(8192));
    const wire = plainCodec(1 << 20).encode({
      type: FrameType.PUSH,
      msgId: 2000,
      flags: FrameFlag.COMPRESS,
      payload: bomb,
    });
    expect(ruleOf(() => client.decode(wire))).toBe(FrameRule.INFLATE_LIMIT);
  });

  it("refuses a compressed frame when no compression was agreed, and a sealed one when no cipher was", () => {
    const plain = plainCodec(1 << 20);
    const { server } = pair(false);
    const compressed = server.encode({ type: FrameType.PUSH, msgId: 2000, payload: big });
    expect(ruleOf(() => plain.decode(compressed))).toBe(FrameRule.COMPRESSION_NOT_AGREED);
    const { server: sealedServer } = pair(true);
    expect(ruleOf(() => plain.decode(sealedServer.encode({ type: FrameType.PING })))).toBe(FrameRule.NOT_SEALED);
  });

  it("uses a precompressed payload when given one (a fan-out compresses once)", () => {
    const { server, client } = pair(false);
    const packed = server.compress(big);
    expect(packed).toBeDefined();
    const wire = server.encode({ type: FrameType.PUSH, msgId: 2000, payload: big }, packed);
    expect(decodeFrame(wire).payload).toEqual(packed);
    expect(client.decode(wire).payload).toEqual(big);
  });
});

describe("plainCodec", () => {
  it("shares one stateless codec per frame limit, and keeps a bounded number of limits", () => {
    expect(plainCodec(4096)).toBe(plainCodec(4096));
    expect(plainCodec(4096)).not.toBe(plainCodec(8192));
    // A client may name any limit in its hello: past 16 remembered limits, codecs are made afresh.
    const made = Array.from({ length: 64 }, (_, i) => plainCodec(100_000 + i));
    expect(made.filter((c, i) => c === plainCodec(100_000 + i)).length).toBeLessThanOrEqual(16);
    expect(made.every((c, i) => c.decode(c.encode({ type: 5 })).type === 5 && c !== made[i + 1])).toBe(true);
  });
});
