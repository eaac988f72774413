/**
 * Micro-benchmarks of @tether/protocol: the frame codec, sealing per cipher and size on noble
 * and node:crypto, and GZIP on fflate and node:zlib. A script, not a test:
 *   npm run bench:micro            (from the repository root)
 * Prints JSON lines while it runs, then a markdown table for docs/benchmarks.md.
 */
import { deflateRawSync, constants as zc } from "node:zlib";
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  type CryptoProvider,
  createSealPair,
  decodeFrame,
  encodeFrame,
  FrameType,
  fflateGzip,
  fromHex,
  nobleCrypto,
  type PayloadCompressor,
  type SessionKeys,
} from "@tether/protocol";
import { nodeCrypto, nodeGzip } from "@tether/protocol/node";
import { type BenchResult, bench, consume, machine, markdownTable } from "../harness.js";

const results: BenchResult[] = [];
const fixed = (n: number, byte: number) => new Uint8Array(n).fill(byte);

// Frame codec, 64-byte payload.
const payload64 = fixed(64, 0x5a);
const req = { type: FrameType.REQ, msgId: 1000, seq: 123456, ackPushId: 4321, payload: payload64 } as const;
const reqBytes = encodeFrame(req);
results.push(bench("frame 64 B", "encode", () => consume(encodeFrame(req)), { bytes: reqBytes.length }));
results.push(bench("frame 64 B", "decode", () => consume(decodeFrame(reqBytes).payload), { bytes: reqBytes.length }));
results.push(
  bench("frame 64 B", "encode + decode", () => consume(decodeFrame(encodeFrame(req)).payload), {
    bytes: reqBytes.length,
  }),
);

// Sealing: seal one frame on one side, open it on the other.
const keys: SessionKeys = {
  c2sKey: fixed(32, 1),
  s2cKey: fixed(32, 2),
  c2sIv: fixed(12, 3),
  s2cIv: fixed(12, 4),
};
const ciphers: [string, AeadAlgorithm][] = [
  ["chacha20-poly1305", CipherAlgorithm.CIPHER_CHACHA20_POLY1305],
  ["aes-256-gcm", CipherAlgorithm.CIPHER_AES_256_GCM],
];
const providers: [string, CryptoProvider][] = [
  ["noble", nobleCrypto],
  ["node:crypto", nodeCrypto],
];
for (const size of [64, 1024, 16384]) {
  const frame = { type: FrameType.PUSH, msgId: 2001, ts: 1767225600000, payload: fixed(size, 7) } as const;
  for (const [cipherName, cipher] of ciphers) {
    for (const [providerName, provider] of providers) {
      const client = createSealPair(provider, cipher, keys, "client");
      const server = createSealPair(provider, cipher, keys, "server");
      results.push(
        bench(
          `seal+open ${size} B`,
          `${cipherName} ${providerName}`,
          () => consume(server.opener.open(client.sealer.seal(frame)).payload),
          { bytes: size },
        ),
      );
    }
  }
}

// GZIP on game-like payloads: repetitive JSON-ish text.
const text = (n: number) =>
  new TextEncoder().encode(
    Array.from({ length: n }, (_, i) => `{"unit":${i % 97},"x":${(i * 7) % 500},"y":${(i * 13) % 500},"hp":100}`)
      .join(",")
      .slice(0, n),
  );
const gzips: [string, PayloadCompressor][] = [
  ["fflate", fflateGzip],
  ["node:zlib", nodeGzip],
];
for (const size of [1024, 16384]) {
  const data = text(size);
  for (const [name, gz] of gzips) {
    const packed = gz.compress(data);
    results.push(bench(`gzip ${size} B`, `${name} compress`, () => consume(gz.compress(data)), { bytes: size }));
    results.push(
      bench(`gunzip ${size} B`, `${name} decompress`, () => consume(gz.decompress(packed, 1 << 20)), { bytes: size }),
    );
  }
}

// Bomb refusal: ~1 MiB of gzip that would expand to 1 GiB, refused at a 1 MiB limit.
const block = deflateRawSync(new Uint8Array(1 << 20), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
const bomb = new Uint8Array(10 + block.length * 1024 + 10);
bomb.set(fromHex("1f8b0800000000000003"), 0);
for (let i = 0; i < 1024; i++) bomb.set(block, 10 + i * block.length);
bomb.set([3, 0], 10 + block.length * 1024);
for (const [name, gz] of gzips) {
  results.push(
    bench(
      "gzip bomb 1 GiB -> refused at 1 MiB",
      `${name} refuse`,
      () => {
        try {
          gz.decompress(bomb, 1 << 20);
        } catch (e) {
          consume(String(e).length);
        }
      },
      { measureMs: 300, warmupMs: 50 },
    ),
  );
}

console.log(`\nMachine: ${machine()}\nDate: ${new Date().toISOString().slice(0, 10)}\n`);
console.log(markdownTable(results));
