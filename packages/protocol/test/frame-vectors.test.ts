import { type InvalidFrameVector, loadVectors, type ValidFrameVector, type VectorFrame } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import {
  decodeFrame,
  encodeFrame,
  type Frame,
  type FrameInit,
  type FrameTypeValue,
  fromHex,
  toHex,
} from "../src/index.js";
import { ruleOf } from "./support/fixtures.js";

const valid = loadVectors<ValidFrameVector[]>("frames-valid.json");
const invalid = loadVectors<InvalidFrameVector[]>("frames-invalid.json");

function fromVector(f: VectorFrame): FrameInit {
  const { payload, type, ...rest } = f;
  return { ...rest, type: type as FrameTypeValue, ...(payload === undefined ? {} : { payload: fromHex(payload) }) };
}

function toVector(f: Frame): VectorFrame {
  const out: VectorFrame = { type: f.type };
  for (const k of ["flags", "msgId", "seq", "pushId", "ts", "ackPushId", "rev", "ackSeq"] as const) {
    if (f[k] !== 0) out[k] = f[k];
  }
  if (f.payload.length > 0) out.payload = toHex(f.payload);
  return out;
}

describe("the frame reader on golden vectors", () => {
  it("has the vector counts the protocol promises", () => {
    expect(valid.length + invalid.length).toBeGreaterThanOrEqual(40);
  });

  it.each(valid)("decodes: $name", (v) => {
    expect(toVector(decodeFrame(fromHex(v.hex)))).toEqual(v.frame);
  });

  it.each(invalid)("rejects with $rule: $name", (v) => {
    expect(ruleOf(() => decodeFrame(fromHex(v.hex)))).toBe(v.rule);
  });
});

describe("the frame writer on golden vectors", () => {
  it.each(valid.filter((v) => !v.decodeOnly))("encodes: $name", (v) => {
    expect(toHex(encodeFrame(fromVector(v.frame)))).toBe(v.hex);
  });

  it("writes the CivGenesis example byte for byte", () => {
    const bytes = encodeFrame({ type: 1, msgId: 1000, seq: 1, payload: Uint8Array.of(0xaa, 0xbb) });
    expect(toHex(bytes)).toBe("010101" + "0202e807" + "030101" + "0602aabb");
  });
});
