import { describe, expect, it } from "vitest";
import {
  type Cursor,
  encodeVarint,
  FrameRule,
  fromHex,
  isTetherError,
  readVarint,
  toHex,
  varintSize,
} from "../src/index.js";

const cases: [number, string][] = [
  [0, "00"],
  [1, "01"],
  [127, "7f"],
  [128, "8001"],
  [300, "ac02"],
  [1000, "e807"],
  [16383, "ff7f"],
  [16384, "808001"],
  [2 ** 31 - 1, "ffffffff07"],
  [2 ** 32, "8080808010"],
  [2 ** 35, "808080808001"],
  [1767225600000, "80d0eab6b733"],
  [Number.MAX_SAFE_INTEGER, "ffffffffffffff0f"],
];

function read(hex: string): number {
  const b = fromHex(hex);
  const c: Cursor = { pos: 0 };
  const v = readVarint(b, c, b.length);
  expect(c.pos).toBe(b.length);
  return v;
}

describe("varints", () => {
  it.each(cases)("encodes %d as %s", (n, hex) => {
    expect(toHex(encodeVarint(n))).toBe(hex);
    expect(varintSize(n)).toBe(hex.length / 2);
  });

  it.each(cases)("reads %d back from %s", (n, hex) => {
    expect(read(hex)).toBe(n);
  });

  it.each([
    ["8000", FrameRule.VARINT_NOT_MINIMAL],
    ["ff00", FrameRule.VARINT_NOT_MINIMAL],
    ["80", FrameRule.TRUNCATED],
    ["", FrameRule.TRUNCATED],
    ["8080808080808010", FrameRule.VARINT_TOO_LARGE],
    ["ffffffffffffffff01", FrameRule.VARINT_TOO_LARGE],
    ["ffffffffffffffff", FrameRule.TRUNCATED],
  ])("rejects %s with %s", (hex, rule) => {
    try {
      read(hex);
      expect.unreachable();
    } catch (e) {
      expect(isTetherError(e) && e.detail.rule).toBe(rule);
    }
  });

  it.each([-1, 0.5, 2 ** 53, Number.POSITIVE_INFINITY])("refuses to encode %d", (n) => {
    expect(() => encodeVarint(n)).toThrow(RangeError);
  });
});
