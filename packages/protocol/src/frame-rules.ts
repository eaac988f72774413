/**
 * The rules of protocol.md §2 that look at a frame's fields rather than its bytes. The writer
 * checks them before encoding and the reader after decoding, so both sides agree on what a
 * valid frame is.
 */
import { FrameRule, invalidFrame } from "./errors.js";
import { type Frame, FrameFlag, FrameType, isFrameType, MSG_ID_MAX } from "./frame-types.js";

const NUMERIC_FIELDS = ["flags", "msgId", "seq", "pushId", "ts", "ackPushId", "rev", "ackSeq"] as const;

function isUint(x: unknown): x is number {
  return typeof x === "number" && Number.isSafeInteger(x) && x >= 0;
}

/** Writer-side range checks: every number a non-negative safe integer, payload bytes. */
export function checkFrameRanges(f: Frame): void {
  if (!isFrameType(f.type)) {
    throw invalidFrame(FrameRule.TYPE_UNKNOWN, `unknown frame type ${String(f.type)}`);
  }
  for (const name of NUMERIC_FIELDS) {
    if (!isUint(f[name])) {
      throw invalidFrame(FrameRule.FIELD_RANGE, `${name} must be an integer in 0..2^53-1`);
    }
  }
  if (!(f.payload instanceof Uint8Array)) {
    throw invalidFrame(FrameRule.FIELD_RANGE, "payload must be a Uint8Array");
  }
}

/**
 * Semantic rules shared by reader and writer:
 * - msgId is 1..2^31-1 and present on REQ, RESP and PUSH;
 * - a PUSH with ACK_REQUIRED carries a pushId; a PUSH that carries a pushId is numbered
 *   whatever its flags (CivGenesis servers number every push), so a pushId without
 *   ACK_REQUIRED is valid;
 * - ERROR is a RESP flag;
 * - a sealed frame has a payload item.
 */
export function checkFrameSemantics(f: Frame, hasPayloadItem: boolean): void {
  if (f.msgId > MSG_ID_MAX) {
    throw invalidFrame(FrameRule.MSG_ID_RANGE, "msgId above 2^31-1");
  }
  const t = f.type;
  if ((t === FrameType.REQ || t === FrameType.RESP || t === FrameType.PUSH) && f.msgId === 0) {
    throw invalidFrame(FrameRule.MSG_ID_MISSING, "REQ, RESP and PUSH need a msgId");
  }
  if (t === FrameType.PUSH && f.pushId === 0 && (f.flags & FrameFlag.ACK_REQUIRED) !== 0) {
    throw invalidFrame(FrameRule.PUSH_ID_MISMATCH, "a PUSH with ACK_REQUIRED needs a pushId");
  }
  if ((f.flags & FrameFlag.ERROR) !== 0 && t !== FrameType.RESP) {
    throw invalidFrame(FrameRule.ERROR_FLAG_NOT_RESP, "the ERROR flag is for RESP frames only");
  }
  if ((f.flags & FrameFlag.ENCRYPT) !== 0 && !hasPayloadItem) {
    throw invalidFrame(FrameRule.SEALED_PAYLOAD_MISSING, "a sealed frame needs a payload item");
  }
}

/** Both checks, for the writer. */
export function checkFrameFields(f: Frame, hasPayloadItem: boolean): void {
  checkFrameRanges(f);
  checkFrameSemantics(f, hasPayloadItem);
}
