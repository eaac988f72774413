/**
 * One socket through a fake WebSocketLike: server frames written as hex go in as whole messages
 * (a WebSocket delivers each frame in one message, so there is no partial input to feed), system
 * calls time out on a manual clock.
 */
import { CloseCode, ErrorCode, type Frame, fromHex, SystemMsgId } from "@tether/protocol";
import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { Link } from "../src/link.js";
import { LocalClose } from "../src/reconnect-policy.js";
import { FakeSocket } from "./fake-socket.js";

/** PUSH, flags ACK_REQUIRED, msgId 2001, pushId 1, payload 01 02 (TLV items: tag, length, value). */
const PUSH_HEX = "010103" + "050108" + "0202d10f" + "040101" + "06020102";
/** A frame of type 99, which this client does not know. */
const UNKNOWN_TYPE_HEX = "010163";

async function openLink() {
  const ws = new FakeSocket();
  const clock = new ManualClock();
  const frames: Frame[] = [];
  const closes: [number, string][] = [];
  let heard = 0;
  const opening = Link.open(
    ws,
    { heard: () => heard++, frame: (f) => frames.push(f), closed: (code, reason) => closes.push([code, reason]) },
    clock,
  );
  ws.readyState = 1;
  ws.onopen?.(undefined);
  const link = await opening;
  return { ws, clock, link, frames, closes, heard: () => heard };
}

describe("Link", () => {
  it("asks for ArrayBuffers and decodes a frame given as an ArrayBuffer or as a view into a larger buffer", async () => {
    const { ws, frames } = await openLink();
    expect(ws.binaryType).toBe("arraybuffer");
    const bytes = fromHex(PUSH_HEX);
    ws.onmessage?.({ data: bytes.slice().buffer });
    const larger = new Uint8Array(bytes.length + 7).fill(0xff);
    larger.set(bytes, 3);
    ws.onmessage?.({ data: larger.subarray(3, 3 + bytes.length) });
    expect(frames.map((f) => [f.msgId, f.pushId, [...f.payload]])).toEqual([
      [2001, 1, [1, 2]],
      [2001, 1, [1, 2]],
    ]);
  });

  it("tells the heartbeat of every message, also of a frame of an unknown type, which it skips", async () => {
    const { ws, frames, closes, heard } = await openLink();
    ws.onmessage?.({ data: fromHex(UNKNOWN_TYPE_HEX) });
    ws.onmessage?.({ data: fromHex(PUSH_HEX) });
    expect(heard()).toBe(2);
    expect(frames.length).toBe(1);
    expect(closes).toEqual([]);
  });

  it.each([
    ["a text message", "0101"],
    ["an undecodable frame", fromHex("0101")],
  ])("closes with 4502 on %s", async (_name, data) => {
    const { ws, closes } = await openLink();
    ws.onmessage?.({ data });
    expect(closes.map(([code]) => code)).toEqual([CloseCode.PROTOCOL_ERROR]);
    expect(ws.closedWith?.code).toBe(CloseCode.PROTOCOL_ERROR);
  });

  it("fails a system call that gets no answer in time with REQUEST_TIMEOUT and closes to reconnect", async () => {
    const { ws, clock, link, closes } = await openLink();
    const call = link.call(SystemMsgId.RESUME, 7, new Uint8Array(0), 1000).catch((e: unknown) => e);
    expect(ws.sent.length).toBe(1);
    clock.advance(999);
    expect(closes).toEqual([]);
    clock.advance(1);
    expect(await call).toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT });
    expect(closes).toEqual([[LocalClose.NO_ANSWER.code, LocalClose.NO_ANSWER.reason]]);
  });

  it("fails pending system calls with SESSION_EXPIRED when the socket closes", async () => {
    const { ws, link, closes } = await openLink();
    const call = link.call(SystemMsgId.SYNC, 8, new Uint8Array(0), 1000).catch((e: unknown) => e);
    ws.onclose?.({ code: 1006, reason: "" });
    expect(await call).toMatchObject({ code: ErrorCode.SESSION_EXPIRED });
    expect(closes).toEqual([[1006, ""]]);
  });
});
