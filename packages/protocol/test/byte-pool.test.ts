import { describe, expect, it } from "vitest";
import { allocBytes } from "../src/byte-pool.js";
import { decodeFrame, encodeFrame, FrameType } from "../src/index.js";

describe("allocBytes (pooled output buffers)", () => {
  it("hands out zero-filled views that never overlap, even across slabs", () => {
    const views = Array.from({ length: 2000 }, (_, i) => allocBytes(1 + (i % 300)));
    for (const v of views) expect(v.every((b) => b === 0)).toBe(true);
    for (const [i, v] of views.entries()) v.fill((i % 255) + 1);
    for (const [i, v] of views.entries()) expect(v.every((b) => b === (i % 255) + 1)).toBe(true);
  });

  it("gives large buffers a store of their own", () => {
    const big = allocBytes(64 * 1024);
    expect([big.byteOffset, big.buffer.byteLength]).toEqual([0, 64 * 1024]);
  });

  it("keeps every encoded frame intact while later frames are encoded", () => {
    const frames = Array.from({ length: 500 }, (_, i) =>
      encodeFrame({ type: FrameType.REQ, msgId: 1000 + i, seq: i + 1, payload: new Uint8Array(i % 200).fill(i % 256) }),
    );
    for (const [i, bytes] of frames.entries()) {
      const f = decodeFrame(bytes);
      expect([f.msgId, f.seq, f.payload.length]).toEqual([1000 + i, i + 1, i % 200]);
      expect(f.payload.every((b) => b === i % 256)).toBe(true);
    }
  });
});
