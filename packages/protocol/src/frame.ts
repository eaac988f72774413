/**
 * The frame: a flat TLV list (protocol.md §2), and its writer.
 * The reader is in frame-reader.ts; both check the same rules (frame-rules.ts).
 */

import { allocBytes } from "./byte-pool.js";
import { checkFrameFields } from "./frame-rules.js";
import { type Frame, FrameFlag, Tag } from "./frame-types.js";
import { varintSize, writeVarint } from "./varint.js";

export type { Frame } from "./frame-types.js";

/**
 * Room a frame needs besides its payload: every numeric item at its largest, the payload item's
 * tag and length, and a seal's 16-byte tag. A payload of maxFrameBytes minus this always fits.
 */
export const FRAME_OVERHEAD_BYTES = 96;

/**
 * The smallest max_frame_bytes either side may ask for: room for an Error RESP and a
 * Disconnect push with a full close reason, so a peer can always be told why it is refused.
 */
export const MIN_MAX_FRAME_BYTES = 1024;

/** What a writer passes: the type, and any other field that is not 0 / empty. */
export type FrameInit = Pick<Frame, "type"> & Partial<Omit<Frame, "type">>;

const EMPTY: Uint8Array = new Uint8Array(0);

/** Fills in the zero defaults of a FrameInit. */
export function toFrame(init: FrameInit): Frame {
  return withDefaults(init, init.flags ?? 0);
}

function withDefaults(init: FrameInit, flags: number): Frame {
  return {
    type: init.type,
    flags,
    msgId: init.msgId ?? 0,
    seq: init.seq ?? 0,
    pushId: init.pushId ?? 0,
    ts: init.ts ?? 0,
    ackPushId: init.ackPushId ?? 0,
    rev: init.rev ?? 0,
    ackSeq: init.ackSeq ?? 0,
    payload: init.payload ?? EMPTY,
  };
}

// Writer order: type, flags, msgId, seq, pushId, ts, ackPushId, rev, ackSeq, then payload last.
function numericItemsSize(f: Frame): number {
  let size = 2 + varintSize(f.type);
  if (f.flags !== 0) size += 2 + varintSize(f.flags);
  if (f.msgId !== 0) size += 2 + varintSize(f.msgId);
  if (f.seq !== 0) size += 2 + varintSize(f.seq);
  if (f.pushId !== 0) size += 2 + varintSize(f.pushId);
  if (f.ts !== 0) size += 2 + varintSize(f.ts);
  if (f.ackPushId !== 0) size += 2 + varintSize(f.ackPushId);
  if (f.rev !== 0) size += 2 + varintSize(f.rev);
  if (f.ackSeq !== 0) size += 2 + varintSize(f.ackSeq);
  return size;
}

function writeNumeric(buf: Uint8Array, pos: number, tag: number, value: number): number {
  buf[pos] = tag;
  buf[pos + 1] = varintSize(value);
  return writeVarint(buf, pos + 2, value);
}

function writeNumericItems(buf: Uint8Array, f: Frame): number {
  let pos = writeNumeric(buf, 0, Tag.TYPE, f.type);
  if (f.flags !== 0) pos = writeNumeric(buf, pos, Tag.FLAGS, f.flags);
  if (f.msgId !== 0) pos = writeNumeric(buf, pos, Tag.MSG_ID, f.msgId);
  if (f.seq !== 0) pos = writeNumeric(buf, pos, Tag.SEQ, f.seq);
  if (f.pushId !== 0) pos = writeNumeric(buf, pos, Tag.PUSH_ID, f.pushId);
  if (f.ts !== 0) pos = writeNumeric(buf, pos, Tag.TS, f.ts);
  if (f.ackPushId !== 0) pos = writeNumeric(buf, pos, Tag.ACK_PUSH_ID, f.ackPushId);
  if (f.rev !== 0) pos = writeNumeric(buf, pos, Tag.REV, f.rev);
  if (f.ackSeq !== 0) pos = writeNumeric(buf, pos, Tag.ACK_SEQ, f.ackSeq);
  return pos;
}

/** Whether the writer emits a payload item: when non-empty, and always for a sealed frame. */
function hasPayloadItem(f: Frame): boolean {
  return f.payload.length > 0 || (f.flags & FrameFlag.ENCRYPT) !== 0;
}

/**
 * Encodes a frame. Throws INVALID_FRAME when a field is out of range or the frame breaks a
 * rule of protocol.md §2 (so nothing invalid ever reaches the wire).
 */
export function encodeFrame(init: FrameInit): Uint8Array {
  const f = toFrame(init);
  checkFrameFields(f, hasPayloadItem(f));
  const headerSize = numericItemsSize(f);
  const n = f.payload.length;
  const payloadItem = hasPayloadItem(f);
  const size = headerSize + (payloadItem ? 1 + varintSize(n) + n : 0);
  const buf = allocBytes(size);
  let pos = writeNumericItems(buf, f);
  if (payloadItem) {
    buf[pos++] = Tag.PAYLOAD;
    pos = writeVarint(buf, pos, n);
    buf.set(f.payload, pos);
  }
  return buf;
}

/**
 * Encodes every item except the payload: the additional data of a sealed frame (protocol.md §5)
 * when the payload is the last item, as our writer always puts it.
 */
export function encodeFrameHeader(init: FrameInit): Uint8Array {
  return encodeFrameHeaderWithFlags(init, init.flags ?? 0);
}

/** encodeFrameHeader with `flags` in place of init.flags (a sealer adds ENCRYPT, no copy made). */
export function encodeFrameHeaderWithFlags(init: FrameInit, flags: number): Uint8Array {
  const f = withDefaults(init, flags);
  checkFrameFields(f, true);
  const buf = allocBytes(numericItemsSize(f));
  writeNumericItems(buf, f);
  return buf;
}
