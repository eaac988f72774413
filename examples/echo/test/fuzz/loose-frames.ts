/**
 * Tolerant frame writing for the fuzz suite: varints of any size (padded when asked), T L V items
 * written with no checks and read leniently, and REQ-like frames without validation.
 */
import { FrameType, toHex } from "@tether/protocol";

/** Hex of the first `max` bytes (the rest counted), for logs and reproductions. */
export function hexOf(b: Uint8Array, max = 160): string {
  if (b.length <= max) return toHex(b);
  return `${toHex(b.subarray(0, max))}...(+${b.length - max} bytes)`;
}

/** A varint of any non-negative value (bigint for those above 2^53), minimal unless padded. */
export function varint(value: number | bigint, padTo = 0): number[] {
  let v = BigInt(value);
  const out: number[] = [];
  do {
    const byte = Number(v & 0x7fn);
    v >>= 7n;
    out.push(v > 0n ? byte | 0x80 : byte);
  } while (v > 0n);
  while (out.length < padTo) {
    out[out.length - 1] = (out[out.length - 1] ?? 0) | 0x80;
    out.push(0);
  }
  return out;
}

export interface Item {
  tag: number;
  value: Uint8Array;
  /** Write this length instead of value.length (a lie). */
  len?: number;
  /** Write the length as a varint of at least this many bytes (not minimal). */
  lenPad?: number;
}

/** The value of a whole-buffer varint, or undefined when `b` is not exactly one varint. */
export function varintValue(b: Uint8Array): number | undefined {
  let v = 0;
  let mul = 1;
  for (let i = 0; i < b.length && i < 8; i++) {
    const byte = b[i] as number;
    v += (byte & 0x7f) * mul;
    if ((byte & 0x80) === 0) return i === b.length - 1 ? v : undefined;
    mul *= 128;
  }
  return undefined;
}

/** Writes items as T L V with no checks at all (so any rule of protocol.md §2 can be broken). */
export function writeItems(items: readonly Item[]): Uint8Array {
  const parts: number[] = [];
  for (const it of items) {
    parts.push(...varint(it.tag), ...varint(it.len ?? it.value.length, it.lenPad ?? 0));
    for (const b of it.value) parts.push(b);
  }
  return Uint8Array.from(parts);
}

/** Reads items leniently: stops at the first that does not parse and reports the rest as a tail. */
export function readItems(b: Uint8Array): { items: Item[]; tail: Uint8Array } {
  const items: Item[] = [];
  let pos = 0;
  const readV = (): number | undefined => {
    let v = 0;
    let mul = 1;
    for (let i = 0; i < 8 && pos < b.length; i++) {
      const byte = b[pos++] as number;
      v += (byte & 0x7f) * mul;
      if ((byte & 0x80) === 0) return v;
      mul *= 128;
    }
    return undefined;
  };
  while (pos < b.length) {
    const start = pos;
    const tag = readV();
    const len = readV();
    if (tag === undefined || len === undefined || pos + len > b.length) {
      return { items, tail: b.subarray(start) };
    }
    items.push({ tag, value: b.subarray(pos, pos + len) });
    pos += len;
  }
  return { items, tail: new Uint8Array(0) };
}

export const num = (n: number | bigint): Uint8Array => Uint8Array.from(varint(n));

/** A REQ-like frame written in the writer's order, without validation (msgId 0 and all). */
export function looseFrame(f: {
  type?: number;
  flags?: number;
  msgId?: number;
  seq?: number;
  pushId?: number;
  ackPushId?: number;
  ackSeq?: number;
  payload?: Uint8Array;
}): Uint8Array {
  const items: Item[] = [{ tag: 1, value: num(f.type ?? FrameType.REQ) }];
  if (f.flags) items.push({ tag: 5, value: num(f.flags) });
  if (f.msgId) items.push({ tag: 2, value: num(f.msgId) });
  if (f.seq) items.push({ tag: 3, value: num(f.seq) });
  if (f.pushId) items.push({ tag: 4, value: num(f.pushId) });
  if (f.ackPushId) items.push({ tag: 8, value: num(f.ackPushId) });
  if (f.ackSeq) items.push({ tag: 10, value: num(f.ackSeq) });
  if (f.payload && f.payload.length > 0) items.push({ tag: 6, value: f.payload });
  return writeItems(items);
}
