import { describe, expect, it } from "vitest";
import {
  decodeFrame,
  decodeFrameLayout,
  ErrorCode,
  encodeFrame,
  encodeFrameHeader,
  FrameFlag,
  type FrameInit,
  FrameRule,
  FrameType,
  fromHex,
  isTetherError,
  MSG_ID_MAX,
  toHex,
} from "../src/index.js";
import { ruleOf } from "./support/fixtures.js";

describe("encodeFrame", () => {
  it("puts the items in writer order with the payload last", () => {
    const hex = toHex(
      encodeFrame({
        type: FrameType.PUSH,
        payload: Uint8Array.of(1),
        rev: 9,
        ackPushId: 8,
        ts: 7,
        pushId: 4,
        msgId: 2000,
        flags: FrameFlag.ACK_REQUIRED,
      }),
    );
    expect(hex).toBe("010103" + "050108" + "0202d00f" + "040104" + "070107" + "080108" + "090109" + "060101");
  });

  it("omits zero numbers and an empty payload", () => {
    expect(toHex(encodeFrame({ type: FrameType.PING, seq: 0, payload: new Uint8Array(0) }))).toBe("010105");
  });

  it.each<[string, FrameInit, string]>([
    ["a negative number", { type: FrameType.ACK, pushId: -1 }, FrameRule.FIELD_RANGE],
    ["a fraction", { type: FrameType.REQ, msgId: 1000, seq: 1.5 }, FrameRule.FIELD_RANGE],
    ["a number above 2^53-1", { type: FrameType.PONG, ts: 2 ** 53 }, FrameRule.FIELD_RANGE],
    ["NaN", { type: FrameType.PONG, ts: Number.NaN }, FrameRule.FIELD_RANGE],
    ["msgId above 2^31-1", { type: FrameType.REQ, msgId: MSG_ID_MAX + 1 }, FrameRule.MSG_ID_RANGE],
    ["a REQ without msgId", { type: FrameType.REQ, seq: 1 }, FrameRule.MSG_ID_MISSING],
    [
      "a reliable PUSH without pushId",
      { type: 3, msgId: 2000, flags: FrameFlag.ACK_REQUIRED },
      FrameRule.PUSH_ID_MISMATCH,
    ],
    ["ERROR on a REQ", { type: FrameType.REQ, msgId: 1000, flags: FrameFlag.ERROR }, FrameRule.ERROR_FLAG_NOT_RESP],
    ["an unknown type", { type: 9 as 1, msgId: 1 }, FrameRule.TYPE_UNKNOWN],
  ])("refuses %s", (_, init, rule) => {
    expect(ruleOf(() => encodeFrame(init))).toBe(rule);
  });

  it("writes a numbered PUSH without ACK_REQUIRED (CivGenesis numbers every push)", () => {
    expect(toHex(encodeFrame({ type: FrameType.PUSH, msgId: 2001, pushId: 3 }))).toBe("0101030202d10f040103");
  });

  it("always writes a payload item for a sealed frame, even an empty one", () => {
    expect(toHex(encodeFrame({ type: FrameType.ACK, flags: FrameFlag.ENCRYPT, pushId: 1 }))).toBe(
      "010104050104040101" + "0600",
    );
  });

  it("writes a header that is the frame without its payload item", () => {
    const init: FrameInit = { type: FrameType.REQ, msgId: 1000, seq: 3, payload: Uint8Array.of(5, 6) };
    const full = toHex(encodeFrame(init));
    expect(full.startsWith(toHex(encodeFrameHeader(init)))).toBe(true);
    expect(full.endsWith("06020506")).toBe(true);
  });

  it("does not change the caller's object", () => {
    const init = Object.freeze({ type: FrameType.REQ, msgId: 1000, seq: 1 } as const);
    expect(() => encodeFrame(init)).not.toThrow();
  });
});

describe("decodeFrame", () => {
  it("reads the payload as a view into the message, without copying", () => {
    const bytes = fromHex("010101 0202e807 030101 0602aabb");
    const frame = decodeFrame(bytes);
    expect(frame.payload.buffer).toBe(bytes.buffer);
    expect(frame.payload.byteOffset).toBe(bytes.byteOffset + 12);
  });

  it("reads a frame inside a larger buffer at an offset", () => {
    const big = fromHex("ffff 010105 0602aabb ffff");
    const frame = decodeFrame(big.subarray(2, 9));
    expect(frame.type).toBe(FrameType.PING);
    expect(toHex(frame.payload)).toBe("aabb");
  });

  it("reports where the payload item is, for the additional data of sealed frames", () => {
    const layout = decodeFrameLayout(fromHex("0602aabb 010101 0202e807"));
    expect([layout.payloadItemStart, layout.payloadItemEnd]).toEqual([0, 4]);
    expect(decodeFrameLayout(fromHex("010105")).payloadItemStart).toBe(-1);
  });

  it("names the broken rule in the error detail and is not retryable", () => {
    try {
      decodeFrame(fromHex("010101 010101"));
      expect.unreachable();
    } catch (e) {
      expect(isTetherError(e)).toBe(true);
      if (!isTetherError(e)) return;
      expect(e.code).toBe(ErrorCode.INVALID_FRAME);
      expect(e.retryable).toBe(false);
      expect(e.detail).toEqual({ rule: FrameRule.TAG_REPEATED });
    }
  });

  it("accepts exactly 32 items", () => {
    const items = ["010105"];
    for (let t = 11; t < 42; t++) items.push(`${t.toString(16).padStart(2, "0")}00`);
    expect(decodeFrame(fromHex(items.join(""))).type).toBe(FrameType.PING);
  });

  it("reads a payload of 16 KiB with a multi-byte length", () => {
    const payload = new Uint8Array(16384).fill(3);
    const frame = decodeFrame(encodeFrame({ type: FrameType.PUSH, msgId: 2000, payload }));
    expect(frame.payload.length).toBe(16384);
    expect(frame.payload[16383]).toBe(3);
  });
});
