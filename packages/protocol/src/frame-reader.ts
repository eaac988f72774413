/**
 * The frame reader (protocol.md §2). Never touches a socket: it takes one complete message.
 * Every violation is a TetherError(INVALID_FRAME) whose `detail.rule` names the broken rule.
 * Reads are zero-copy: the payload is a view into the given bytes.
 */
import { FrameRule, invalidFrame } from "./errors.js";
import type { Frame } from "./frame.js";
import { checkFrameSemantics } from "./frame-rules.js";
import { type FrameTypeValue, isFrameType, Tag } from "./frame-types.js";
import { type Cursor, readVarint } from "./varint.js";

/** A frame may hold at most this many items. */
export const MAX_FRAME_ITEMS = 32;

const EMPTY: Uint8Array = new Uint8Array(0);

/** A decoded frame plus where its payload item sits, for the AAD of sealed frames. */
export interface FrameLayout {
  readonly frame: Frame;
  /** Offset of the payload item's tag, or -1 without a payload item. */
  readonly payloadItemStart: number;
  /** Offset just past the payload item, or -1 without a payload item. */
  readonly payloadItemEnd: number;
}

function readNumber(buf: Uint8Array, cursor: Cursor, end: number): number {
  if (cursor.pos === end) throw invalidFrame(FrameRule.NUMBER_LENGTH, "numeric item is empty");
  const v = readVarint(buf, cursor, end);
  if (cursor.pos !== end) {
    throw invalidFrame(FrameRule.NUMBER_LENGTH, "numeric item is longer than its varint");
  }
  return v;
}

export interface DecodeOptions {
  /**
   * Return a frame of an unknown type instead of throwing (the type is then unchecked). Used by
   * the sealed-frame opener, which must open and count such a frame before a client skips it.
   */
  readonly allowUnknownType?: boolean;
}

/** Decodes one frame and reports where its payload item is. */
export function decodeFrameLayout(bytes: Uint8Array, options?: DecodeOptions): FrameLayout {
  const end = bytes.length;
  const cursor: Cursor = { pos: 0 };
  let type = 0;
  let flags = 0;
  let msgId = 0;
  let seq = 0;
  let pushId = 0;
  let ts = 0;
  let ackPushId = 0;
  let rev = 0;
  let ackSeq = 0;
  let payload = EMPTY;
  let payloadItemStart = -1;
  let payloadItemEnd = -1;
  let seen = 0; // bit per known tag
  let unknownTags: number[] | undefined;
  let items = 0;

  while (cursor.pos < end) {
    if (++items > MAX_FRAME_ITEMS) {
      throw invalidFrame(FrameRule.TOO_MANY_ITEMS, `more than ${MAX_FRAME_ITEMS} items`);
    }
    const itemStart = cursor.pos;
    const tag = readVarint(bytes, cursor, end);
    const len = readVarint(bytes, cursor, end);
    const vStart = cursor.pos;
    if (len > end - vStart) throw invalidFrame(FrameRule.TRUNCATED, "item runs past the end");
    const vEnd = vStart + len;

    if (tag >= Tag.TYPE && tag <= Tag.ACK_SEQ) {
      const bit = 1 << tag;
      if ((seen & bit) !== 0) throw invalidFrame(FrameRule.TAG_REPEATED, `tag ${tag} repeats`);
      seen |= bit;
      if (tag === Tag.PAYLOAD) {
        payload = bytes.subarray(vStart, vEnd);
        payloadItemStart = itemStart;
        payloadItemEnd = vEnd;
      } else {
        const v = readNumber(bytes, cursor, vEnd);
        switch (tag) {
          case Tag.TYPE:
            type = v;
            break;
          case Tag.MSG_ID:
            msgId = v;
            break;
          case Tag.SEQ:
            seq = v;
            break;
          case Tag.PUSH_ID:
            pushId = v;
            break;
          case Tag.FLAGS:
            flags = v;
            break;
          case Tag.TS:
            ts = v;
            break;
          case Tag.ACK_PUSH_ID:
            ackPushId = v;
            break;
          case Tag.REV:
            rev = v;
            break;
          default:
            ackSeq = v;
        }
      }
    } else {
      // Unknown tags are skipped for forward compatibility, but may not repeat either.
      unknownTags ??= [];
      if (unknownTags.includes(tag)) throw invalidFrame(FrameRule.TAG_REPEATED, `tag ${tag} repeats`);
      unknownTags.push(tag);
    }
    cursor.pos = vEnd;
  }

  if ((seen & (1 << Tag.TYPE)) === 0) throw invalidFrame(FrameRule.TYPE_MISSING, "frame has no type");
  if (!isFrameType(type)) {
    if (options?.allowUnknownType !== true || type === 0) {
      throw invalidFrame(FrameRule.TYPE_UNKNOWN, `unknown frame type ${type}`);
    }
  }
  const frame: Frame = {
    type: type as FrameTypeValue,
    flags,
    msgId,
    seq,
    pushId,
    ts,
    ackPushId,
    rev,
    ackSeq,
    payload,
  };
  if (isFrameType(type)) checkFrameSemantics(frame, payloadItemStart >= 0);
  return { frame, payloadItemStart, payloadItemEnd };
}

/** Decodes one frame (one WebSocket message). */
export function decodeFrame(bytes: Uint8Array): Frame {
  return decodeFrameLayout(bytes).frame;
}
