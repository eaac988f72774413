import { deflateRawSync, constants as zc } from "node:zlib";
import { type GzipVector, loadVectors } from "@tether/testkit";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CompressionAlgorithm,
  crc32,
  ErrorCode,
  FrameRule,
  fflateGzip,
  fromHex,
  isTetherError,
  maybeCompress,
  type PayloadCompressor,
  safeDecompress,
  toHex,
} from "../src/index.js";
import { nodeGzip } from "../src/node/index.js";
import { GZIP_PATHS, ruleOf } from "./support/fixtures.js";

const vectors = loadVectors<GzipVector[]>("gzip.json");
const paths = GZIP_PATHS;

const MiB = 1024 * 1024;

/**
 * About 1 MiB of gzip that inflates to 1 GiB of zeros: one 1 MiB block of zeros, deflated with a
 * full flush (byte-aligned, no back-references into earlier blocks), repeated 1024 times. The
 * trailer is left wrong on purpose: a bounded inflater never gets that far.
 */
function gigabyteBomb(): Uint8Array {
  const block = deflateRawSync(new Uint8Array(MiB), { level: 9, finishFlush: zc.Z_FULL_FLUSH });
  const header = fromHex("1f8b0800000000000003");
  const out = new Uint8Array(header.length + block.length * 1024 + 2 + 8);
  out.set(header, 0);
  for (let i = 0; i < 1024; i++) out.set(block, header.length + i * block.length);
  out.set([0x03, 0x00], header.length + block.length * 1024); // final empty block
  return out;
}

describe.each(paths)("GZIP on %s", (_, gz) => {
  it("is the GZIP algorithm", () => {
    expect(gz.algorithm).toBe(CompressionAlgorithm.COMPRESSION_GZIP);
  });

  it.each(vectors.filter((v) => v.plain !== undefined))("inflates the vector: $name", (v) => {
    expect(toHex(gz.decompress(fromHex(v.gzip), v.maxBytes))).toBe(v.plain);
  });

  it.each(vectors.filter((v) => v.error !== undefined))("rejects the vector with $rule: $name", (v) => {
    expect(ruleOf(() => gz.decompress(fromHex(v.gzip), v.maxBytes))).toBe(v.rule);
  });

  it("round-trips arbitrary payloads", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (data) => {
        expect(toHex(gz.decompress(gz.compress(data), 4096))).toBe(toHex(data));
      }),
      { numRuns: 200 },
    );
  });

  it("stops a 1 MiB gzip bomb that expands to 1 GiB at the limit, without allocating it", () => {
    const bomb = gigabyteBomb();
    expect(bomb.length).toBeLessThan(2 * MiB);
    const before = process.memoryUsage().arrayBuffers;
    expect(ruleOf(() => gz.decompress(bomb, MiB))).toBe(FrameRule.INFLATE_LIMIT);
    // Far less than the 1 GiB the bomb expands to: the inflater stopped at the limit.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MiB);
  });

  it("stops a 1 KiB bomb (about 1 MiB of zeros) at a 64 KiB limit", () => {
    const bomb = gz.compress(new Uint8Array(MiB));
    expect(bomb.length).toBeLessThan(2048);
    expect(ruleOf(() => gz.decompress(bomb, 64 * 1024))).toBe(FrameRule.INFLATE_LIMIT);
  });

  it("never throws anything but INVALID_FRAME for arbitrary bytes", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 256 }), (data) => {
        try {
          gz.decompress(data, 1024);
        } catch (e) {
          expect(isTetherError(e) && e.code).toBe(ErrorCode.INVALID_FRAME);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe("fflate and node:zlib", () => {
  it("each decode the other's output", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8192 }), fc.string({ maxLength: 2000 }), (bin, text) => {
        for (const data of [bin, new TextEncoder().encode(text.repeat(3))]) {
          expect(toHex(nodeGzip.decompress(fflateGzip.compress(data), 1 << 20))).toBe(toHex(data));
          expect(toHex(fflateGzip.decompress(nodeGzip.compress(data), 1 << 20))).toBe(toHex(data));
        }
      }),
      { numRuns: 100 },
    );
  });

  it("compute the same CRC-32", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 1000 }), (data) => {
        const trailer = nodeGzip.compress(data).slice(-8, -4);
        expect(crc32(data)).toBe(new DataView(trailer.buffer).getUint32(0, true));
      }),
    );
  });
});

describe("maybeCompress", () => {
  const text = new TextEncoder().encode("reliable push ".repeat(40));

  it("leaves payloads under compression_min_bytes alone", () => {
    expect(maybeCompress(fflateGzip, text.subarray(0, 255), 256)).toBeUndefined();
  });

  it("compresses a payload at the threshold when the result is smaller", () => {
    const packed = maybeCompress(fflateGzip, text.subarray(0, 256), 256);
    expect(packed).toBeDefined();
    expect(packed?.length).toBeLessThan(256);
  });

  it("leaves incompressible payloads alone", () => {
    const noise = new Uint8Array(1024);
    crypto.getRandomValues(noise);
    expect(maybeCompress(fflateGzip, noise, 256)).toBeUndefined();
  });
});

describe("safeDecompress", () => {
  it("turns any failure of a custom compressor into INVALID_FRAME", () => {
    const broken: PayloadCompressor = {
      algorithm: CompressionAlgorithm.COMPRESSION_GZIP,
      implementation: "broken",
      compress: (d) => d,
      decompress: () => {
        throw new Error("boom");
      },
    };
    expect(ruleOf(() => safeDecompress(broken, new Uint8Array(1), 10))).toBe(FrameRule.INFLATE_FAILED);
  });
});
