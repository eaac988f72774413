/**
 * Frames a connection sends during one event-loop turn leave in one socket write: each frame
 * becomes an unmasked binary WebSocket message (RFC 6455 §5.2), and the messages of the turn
 * are laid end to end in one buffer, written to the socket under the `ws` WebSocket when the
 * turn ends. Going through `ws.send` instead costs a header buffer, a stream chunk and its
 * bookkeeping per message, which for small game frames is more than the frame itself.
 *
 * Only for connections without permessage-deflate (Tether never negotiates it): then `ws`
 * writes nothing of its own but control frames, and the server flushes before those that
 * must follow the data (the close frame).
 */

/** The socket a `ws` WebSocket writes to (`ws` keeps it as `_socket`). */
export interface RawSocket {
  write(chunk: Uint8Array): boolean;
  readonly destroyed: boolean;
}

/** Bytes of the header of an unmasked message of `length` payload bytes. */
export function messageHeaderSize(length: number): number {
  return length < 126 ? 2 : length < 65536 ? 4 : 10;
}

/** Writes the header of an unmasked final binary message at `pos`; returns the next position. */
export function writeMessageHeader(out: Uint8Array, pos: number, length: number): number {
  out[pos] = 0x82; // FIN, opcode 2 (binary)
  if (length < 126) {
    out[pos + 1] = length;
    return pos + 2;
  }
  if (length < 65536) {
    out[pos + 1] = 126;
    out[pos + 2] = length >>> 8;
    out[pos + 3] = length & 0xff;
    return pos + 4;
  }
  out[pos + 1] = 127;
  const hi = Math.floor(length / 0x100000000);
  const lo = length >>> 0;
  out[pos + 2] = hi >>> 24;
  out[pos + 3] = (hi >>> 16) & 0xff;
  out[pos + 4] = (hi >>> 8) & 0xff;
  out[pos + 5] = hi & 0xff;
  out[pos + 6] = lo >>> 24;
  out[pos + 7] = (lo >>> 16) & 0xff;
  out[pos + 8] = (lo >>> 8) & 0xff;
  out[pos + 9] = lo & 0xff;
  return pos + 10;
}

const EMPTY = new Uint8Array(0);

/** The frames waiting to be written to one socket. */
export class Outbox {
  private frames: Uint8Array[] = [];
  private queued = 0;

  /** Bytes waiting, message headers included. */
  get bytes(): number {
    return this.queued;
  }

  get empty(): boolean {
    return this.frames.length === 0;
  }

  /** Queues a frame; returns true when it is the first since the last flush. */
  add(frame: Uint8Array): boolean {
    this.frames.push(frame);
    this.queued += messageHeaderSize(frame.length) + frame.length;
    return this.frames.length === 1;
  }

  /**
   * Writes every queued frame as one chunk (drops them when the socket is gone or closing).
   * Each slot of the spent array is cleared as its frame is copied: an array that has reached the
   * old generation (promoted while it waited, or pretenured) stays there, dead, until the next
   * full GC, and its slots would keep the frames (and with them the 16 KiB slabs they are carved
   * from, see @tether/protocol's BytePool) alive through every scavenge until then.
   */
  flush(socket: RawSocket | undefined): void {
    const frames = this.frames;
    const count = frames.length;
    if (count === 0) return;
    this.frames = [];
    const total = this.queued;
    this.queued = 0;
    const out = socket === undefined || socket.destroyed ? undefined : Buffer.allocUnsafe(total);
    let pos = 0;
    for (let i = 0; i < count; i++) {
      const f = frames[i] as Uint8Array;
      frames[i] = EMPTY;
      if (out === undefined) continue;
      pos = writeMessageHeader(out, pos, f.length);
      out.set(f, pos);
      pos += f.length;
    }
    if (out !== undefined) socket?.write(out);
  }
}
