/**
 * Payload compression (protocol.md §4). GZIP (RFC 1952, one member) is the implemented
 * algorithm. This file is the browser-safe path on fflate; `@tether/protocol/node` offers the
 * same interface on node:zlib. Both produce gzip that the other accepts.
 */
import { Gunzip, gzipSync } from "fflate";
import { concatBytes } from "./bytes.js";
import { crc32 } from "./crc32.js";
import { FrameRule, invalidFrame, isTetherError } from "./errors.js";
import { tether } from "./gen/system.js";

export const CompressionAlgorithm = tether.system.CompressionAlgorithm;
export type CompressionAlgorithm = tether.system.CompressionAlgorithm;

/** Payloads shorter than this are never compressed (ClientHelloResp.compression_min_bytes). */
export const DEFAULT_COMPRESSION_MIN_BYTES = 256;

/** A compression algorithm's two directions. */
export interface PayloadCompressor {
  readonly algorithm: CompressionAlgorithm;
  /** Which implementation this is ("fflate", "node:zlib"), for benchmarks and logs. */
  readonly implementation: string;
  compress(data: Uint8Array): Uint8Array;
  /**
   * Inflates `data`. Stops as soon as the output would pass `maxBytes` (never inflates first and
   * measures later) with INVALID_FRAME `inflate-limit`; corrupt input is INVALID_FRAME
   * `inflate-failed`.
   */
  decompress(data: Uint8Array, maxBytes: number): Uint8Array;
}

/** Input is fed to the inflater in slices this big, so one step outputs at most ~1 MiB. */
const INFLATE_STEP_BYTES = 1024;
const GZIP_TRAILER_BYTES = 8;
const GZIP_LEVEL = 6;

/** Checks the gzip trailer (CRC-32 and ISIZE, little-endian) against the inflated bytes. */
export function checkGzipTrailer(gz: Uint8Array, out: Uint8Array, crc: number): void {
  if (gz.length < GZIP_TRAILER_BYTES) throw invalidFrame(FrameRule.INFLATE_FAILED, "gzip too short");
  const view = new DataView(gz.buffer, gz.byteOffset + gz.length - GZIP_TRAILER_BYTES, GZIP_TRAILER_BYTES);
  if (view.getUint32(0, true) !== crc || view.getUint32(4, true) !== out.length % 2 ** 32) {
    throw invalidFrame(FrameRule.INFLATE_FAILED, "gzip checksum mismatch");
  }
}

class LimitReached extends Error {}

/** GZIP on fflate: pure JavaScript, runs everywhere. */
export const fflateGzip: PayloadCompressor = {
  algorithm: CompressionAlgorithm.COMPRESSION_GZIP,
  implementation: "fflate",
  compress(data) {
    return gzipSync(data, { level: GZIP_LEVEL, mtime: 0 });
  },
  decompress(data, maxBytes) {
    const chunks: Uint8Array[] = [];
    let total = 0;
    let ended = false;
    const inflater = new Gunzip((chunk, final) => {
      total += chunk.length;
      if (total > maxBytes) throw new LimitReached();
      if (chunk.length > 0) chunks.push(chunk);
      if (final) ended = true;
    });
    try {
      for (let off = 0; off < data.length; off += INFLATE_STEP_BYTES) {
        const next = off + INFLATE_STEP_BYTES;
        inflater.push(data.subarray(off, next), next >= data.length);
      }
    } catch (e) {
      if (e instanceof LimitReached) {
        throw invalidFrame(FrameRule.INFLATE_LIMIT, `payload inflates past ${maxBytes} bytes`);
      }
      throw invalidFrame(FrameRule.INFLATE_FAILED, "payload is not valid gzip", e);
    }
    if (!ended) throw invalidFrame(FrameRule.INFLATE_FAILED, "gzip stream is truncated");
    const out = chunks.length === 1 ? (chunks[0] as Uint8Array) : concatBytes(...chunks);
    checkGzipTrailer(data, out, crc32(out));
    return out;
  },
};

/**
 * Compresses `payload` when it is worth it: at least `minBytes` long and smaller afterwards.
 * Returns undefined when the payload should travel as it is.
 */
export function maybeCompress(
  compressor: PayloadCompressor,
  payload: Uint8Array,
  minBytes: number,
): Uint8Array | undefined {
  if (payload.length < minBytes) return undefined;
  const packed = compressor.compress(payload);
  return packed.length < payload.length ? packed : undefined;
}

/** Wraps any failure of a custom compressor as INVALID_FRAME. */
export function safeDecompress(compressor: PayloadCompressor, data: Uint8Array, maxBytes: number): Uint8Array {
  try {
    return compressor.decompress(data, maxBytes);
  } catch (e) {
    if (isTetherError(e)) throw e;
    throw invalidFrame(FrameRule.INFLATE_FAILED, "payload does not decompress", e);
  }
}
