/** Frame item tags, types and flags (protocol.md §2). Each is defined here once. */

/** Item tags, in the order the writer emits them (payload always last). */
export const Tag = {
  TYPE: 1,
  MSG_ID: 2,
  SEQ: 3,
  PUSH_ID: 4,
  FLAGS: 5,
  PAYLOAD: 6,
  TS: 7,
  ACK_PUSH_ID: 8,
  REV: 9,
  ACK_SEQ: 10,
} as const;

export const FrameType = {
  REQ: 1,
  RESP: 2,
  PUSH: 3,
  ACK: 4,
  PING: 5,
  PONG: 6,
} as const;

export type FrameTypeName = keyof typeof FrameType;
export type FrameTypeValue = (typeof FrameType)[FrameTypeName];

export function isFrameType(x: number): x is FrameTypeValue {
  return Number.isInteger(x) && x >= FrameType.REQ && x <= FrameType.PONG;
}

export const FrameFlag = {
  /** RESP only: the payload is an `Error` message. */
  ERROR: 0x01,
  /** The payload is compressed with the negotiated algorithm. */
  COMPRESS: 0x02,
  /** The frame is sealed (protocol.md §5). */
  ENCRYPT: 0x04,
  /** Reliable push: has a pushId and must be acknowledged. */
  ACK_REQUIRED: 0x08,
  /** This push is a replay after resume. */
  REPLAY: 0x10,
} as const;

/**
 * Flags may use any bit up to 2^53 (unknown bits are kept), so never combine them with `|` or
 * `& ~` (int32 operators that drop high bits). Testing a low bit with `&` is exact.
 */
export function hasFlag(flags: number, flag: number): boolean {
  return (flags & flag) !== 0;
}

export function withFlag(flags: number, flag: number): number {
  return hasFlag(flags, flag) ? flags : flags + flag;
}

export function withoutFlag(flags: number, flag: number): number {
  return hasFlag(flags, flag) ? flags - flag : flags;
}

/** Message ids 1..999 belong to the system (protocol.md §3). */
export const SystemMsgId = {
  CLIENT_HELLO: 1,
  LOGIN: 2,
  RESUME: 3,
  SYNC: 4,
  SYNC_SNAPSHOT: 5,
  DISCONNECT: 6,
  LOGOUT: 7,
} as const;

/** The first msgId that belongs to the game. */
export const GAME_MSG_ID_MIN = 1000;
/** The largest msgId a frame may carry. */
export const MSG_ID_MAX = 0x7fffffff;

export function isGameMsgId(msgId: number): boolean {
  return Number.isInteger(msgId) && msgId >= GAME_MSG_ID_MIN && msgId <= MSG_ID_MAX;
}

/** A decoded frame. Absent numeric items read as 0, an absent payload as an empty array. */
export interface Frame {
  readonly type: FrameTypeValue;
  /** Bit set of FrameFlag. Unknown bits are kept. */
  readonly flags: number;
  readonly msgId: number;
  readonly seq: number;
  readonly pushId: number;
  /** Server time in ms since the Unix epoch (PUSH, PONG). */
  readonly ts: number;
  /** Cumulative ACK piggy-backed on a client frame. */
  readonly ackPushId: number;
  /** Game-state revision after this push. */
  readonly rev: number;
  /**
   * Cumulative, on a client frame: the client holds the answer of every REQ with seq <= ackSeq,
   * so the server may forget their cached answers (sessions.md §7).
   */
  readonly ackSeq: number;
  /** Protobuf bytes, maybe compressed and/or sealed. A view into the received message. */
  readonly payload: Uint8Array;
}
