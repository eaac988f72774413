import { describe, expect, it } from "vitest";
import * as ws from "ws";
import { messageHeaderSize, Outbox, type RawSocket } from "../src/outbox.js";

/** ws's frame writer (a named export at runtime; @types/ws does not declare it). */
const { Sender } = ws as unknown as {
  Sender: { frame(data: Buffer, options: Record<string, unknown>): Buffer[] };
};

/** What `ws` itself writes for one unmasked binary message. */
function wsMessage(payload: Uint8Array): Buffer {
  const parts = Sender.frame(Buffer.from(payload), { fin: true, opcode: 2, mask: false, readOnly: false, rsv1: false });
  return Buffer.concat(parts);
}

function capture(): RawSocket & { chunks: Buffer[] } {
  const chunks: Buffer[] = [];
  return {
    chunks,
    destroyed: false,
    write(chunk: Uint8Array) {
      chunks.push(Buffer.from(chunk));
      return true;
    },
  };
}

const LENGTHS = [0, 1, 125, 126, 127, 65_535, 65_536, 70_000];

describe("Outbox (one socket write per event-loop turn)", () => {
  it("writes the same bytes as ws does, message by message, at every header size", () => {
    const frames = LENGTHS.map((n, i) => new Uint8Array(n).fill(i + 1));
    const outbox = new Outbox();
    for (const f of frames) outbox.add(f);
    const socket = capture();
    outbox.flush(socket);
    expect(socket.chunks.length).toBe(1);
    expect((socket.chunks[0] as Buffer).equals(Buffer.concat(frames.map(wsMessage)))).toBe(true);
  });

  it("sizes headers as RFC 6455 says: 2 bytes up to 125, 4 up to 65,535, else 10", () => {
    expect(LENGTHS.map(messageHeaderSize)).toEqual([2, 2, 2, 4, 4, 4, 10, 10]);
  });

  it("tells the first frame since a flush, and writes nothing to a destroyed socket", () => {
    const outbox = new Outbox();
    expect([outbox.add(new Uint8Array(3)), outbox.add(new Uint8Array(4))]).toEqual([true, false]);
    const gone = { ...capture(), destroyed: true };
    outbox.flush(gone);
    expect([gone.chunks.length, outbox.empty]).toEqual([0, true]);
    expect(outbox.add(new Uint8Array(1))).toBe(true);
  });
});
