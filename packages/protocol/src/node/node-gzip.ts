/**
 * GZIP on node:zlib, behind the same PayloadCompressor interface as the fflate path. Its
 * output is accepted by fflate and the other way round (tests cross-decode).
 */
import { crc32, gunzipSync, gzipSync } from "node:zlib";
import { CompressionAlgorithm, checkGzipTrailer, type PayloadCompressor } from "../compression.js";
import { FrameRule, invalidFrame } from "../errors.js";

const GZIP_LEVEL = 6;

function u8(b: Buffer): Uint8Array {
  return new Uint8Array(b.buffer, b.byteOffset, b.length);
}

export const nodeGzip: PayloadCompressor = {
  algorithm: CompressionAlgorithm.COMPRESSION_GZIP,
  implementation: "node:zlib",
  compress(data) {
    return u8(gzipSync(data, { level: GZIP_LEVEL }));
  },
  decompress(data, maxBytes) {
    let out: Buffer;
    try {
      // maxOutputLength makes zlib stop as soon as the output passes the limit.
      out = gunzipSync(data, { maxOutputLength: Math.max(1, maxBytes) });
    } catch (e) {
      if ((e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE") {
        throw invalidFrame(FrameRule.INFLATE_LIMIT, `payload inflates past ${maxBytes} bytes`);
      }
      throw invalidFrame(FrameRule.INFLATE_FAILED, "payload is not valid gzip", e);
    }
    if (out.length > maxBytes) throw invalidFrame(FrameRule.INFLATE_LIMIT, `payload inflates past ${maxBytes} bytes`);
    // Same acceptance as the fflate path: one complete member whose trailer matches.
    checkGzipTrailer(data, out, crc32(out));
    return u8(out);
  },
};
