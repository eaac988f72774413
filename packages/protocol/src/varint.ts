/**
 * Unsigned LEB128 varints limited to Number.MAX_SAFE_INTEGER (protocol.md §2).
 * Writers emit minimal encodings; readers reject non-minimal ones and values above 2^53-1.
 */
import { FrameRule, invalidFrame } from "./errors.js";

/** 2^53-1 needs 53 bits: 8 groups of 7. */
export const MAX_VARINT_BYTES = 8;

/** Bytes that `writeVarint` uses for `n` (a non-negative safe integer). */
export function varintSize(n: number): number {
  if (n < 0x80) return 1;
  if (n < 0x4000) return 2;
  if (n < 0x200000) return 3;
  if (n < 0x10000000) return 4;
  if (n < 0x800000000) return 5;
  if (n < 0x40000000000) return 6;
  if (n < 0x2000000000000) return 7;
  return 8;
}

/** Writes `n` at `pos` and returns the position after it. The caller has checked the range. */
export function writeVarint(buf: Uint8Array, pos: number, n: number): number {
  let v = n;
  // Above 2^31 bit operators would truncate; use arithmetic until the value fits.
  while (v > 0x7fffffff) {
    buf[pos++] = (v % 0x80) | 0x80;
    v = Math.floor(v / 0x80);
  }
  while (v > 0x7f) {
    buf[pos++] = (v & 0x7f) | 0x80;
    v >>>= 7;
  }
  buf[pos++] = v;
  return pos;
}

/** Encodes `n` alone. */
export function encodeVarint(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`varint out of range: ${n}`);
  }
  const out = new Uint8Array(varintSize(n));
  writeVarint(out, 0, n);
  return out;
}

/** A read position shared by the reader's helpers, so reads allocate nothing. */
export interface Cursor {
  pos: number;
}

/**
 * Reads one varint from `buf[cursor.pos..end)` and advances the cursor.
 * Throws INVALID_FRAME (`truncated`, `varint-not-minimal`, `varint-too-large`).
 */
export function readVarint(buf: Uint8Array, cursor: Cursor, end: number): number {
  let pos = cursor.pos;
  let value = 0;
  let scale = 1;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    if (pos >= end) throw invalidFrame(FrameRule.TRUNCATED, "varint runs past the end");
    const byte = buf[pos++] as number;
    value += (byte & 0x7f) * scale;
    if ((byte & 0x80) === 0) {
      if (byte === 0 && i > 0) {
        throw invalidFrame(FrameRule.VARINT_NOT_MINIMAL, "varint is not minimal");
      }
      if (value > Number.MAX_SAFE_INTEGER) {
        throw invalidFrame(FrameRule.VARINT_TOO_LARGE, "varint exceeds 2^53-1");
      }
      cursor.pos = pos;
      return value;
    }
    scale *= 0x80;
  }
  if (pos >= end) throw invalidFrame(FrameRule.TRUNCATED, "varint runs past the end");
  throw invalidFrame(FrameRule.VARINT_TOO_LARGE, "varint exceeds 2^53-1");
}
