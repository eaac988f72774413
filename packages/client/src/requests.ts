/**
 * Requests of the app: seq numbers that continue across reconnects, a bounded queue while
 * disconnected or over the server's in-flight cap, timeouts, re-sending after a Resume that
 * answered OK, and SESSION_EXPIRED after NEED_FULL_SYNC.
 */
import {
  ErrorCode,
  FRAME_OVERHEAD_BYTES,
  type Frame,
  FrameFlag,
  FrameType,
  hasFlag,
  type OutgoingFrame,
  TetherError,
} from "@tether/protocol";
import type { Clock, TimerHandle } from "./clock.js";
import { errorFromFrame } from "./link.js";

interface Pending {
  readonly seq: number;
  readonly msgId: number;
  readonly payload: Uint8Array;
  readonly resolve: (payload: Uint8Array) => void;
  readonly reject: (e: Error) => void;
  /** When it times out (clock time). */
  deadline: number;
  sent: boolean;
}

/** The part of a link requests need. */
export interface RequestLink {
  readonly open: boolean;
  /** The server's max_frame_bytes. */
  readonly maxFrameBytes: number;
  send(frame: OutgoingFrame): void;
}

export interface RequestBookOptions {
  readonly requestTimeoutMs: number;
  readonly maxQueuedRequests: number;
  readonly clock: Clock;
  /** The next seq (persisted by the caller). */
  readonly nextSeq: () => number;
  /** The ACK to piggy-back on a request, or 0. */
  readonly ackToSend: () => number;
}

/**
 * Every request has the same timeout, so deadlines come in seq order, which is the order of
 * `pending`: one timer, armed for the oldest request, serves them all (no timer per request).
 */
export class RequestBook {
  /** Requests not settled yet, in seq order (so in deadline order). */
  private readonly pending = new Map<number, Pending>();
  /** Fires at the oldest pending request's deadline (or earlier: it then re-arms). */
  private timer: TimerHandle | undefined;
  private readonly queue: Pending[] = [];
  private link: RequestLink | undefined;
  private inFlight = 0;
  private maxInFlight = 64;
  /** The highest seq this book has issued. */
  private lastSeq = 0;

  constructor(private readonly o: RequestBookOptions) {}

  /** A request; its promise settles with the RESP payload or a TetherError. */
  request(msgId: number, payload: Uint8Array): Promise<Uint8Array> {
    return new Promise((resolve, reject) => {
      if (this.queue.length >= this.o.maxQueuedRequests) {
        reject(new TetherError(ErrorCode.BACKPRESSURE, "too many requests waiting"));
        return;
      }
      const deadline = this.o.clock.now() + this.o.requestTimeoutMs;
      const p: Pending = { seq: this.o.nextSeq(), msgId, payload, resolve, reject, deadline, sent: false };
      if (p.seq > this.lastSeq) this.lastSeq = p.seq;
      this.pending.set(p.seq, p);
      if (this.timer === undefined) this.armTimer(deadline);
      this.queue.push(p);
      this.pump();
    });
  }

  /**
   * ackSeq (protocol.md tag 10): every request with a seq up to this one is settled here (its
   * answer held, or given up on), so the server may forget their cached answers. Seqs are
   * issued in order and `pending` keeps that order, so it is the first pending seq minus one.
   */
  answeredThrough(): number {
    for (const seq of this.pending.keys()) return seq - 1;
    return this.lastSeq;
  }

  /** A one-way notify: sent now when connected, else dropped with an error. */
  notify(msgId: number, payload: Uint8Array): void {
    if (!this.link?.open) throw new TetherError(ErrorCode.SERVER_BUSY, "not connected", { retryable: true });
    this.link.send({
      type: FrameType.REQ,
      msgId,
      seq: 0,
      payload,
      ackPushId: this.o.ackToSend(),
      ackSeq: this.answeredThrough(),
    });
  }

  /** Ready on a link: requests go out from now on. */
  attach(link: RequestLink, maxInFlight: number): void {
    this.link = link;
    this.maxInFlight = maxInFlight;
    this.inFlight = 0;
    this.pump();
  }

  /** The link dropped: sent requests wait for the next Resume. */
  detach(): void {
    this.link = undefined;
    this.inFlight = 0;
  }

  /** After a Resume that answered OK: sent requests go out again with the same seq. */
  resend(): void {
    const sent = [...this.pending.values()].filter((p) => p.sent).sort((a, b) => a.seq - b.seq);
    for (const p of sent) p.sent = false;
    this.queue.unshift(...sent.filter((p) => !this.queue.includes(p)));
  }

  /** After NEED_FULL_SYNC (or logout): requests already sent fail with SESSION_EXPIRED. */
  expireSent(): void {
    for (const p of [...this.pending.values()]) {
      if (p.sent) this.fail(p, new TetherError(ErrorCode.SESSION_EXPIRED, "the session was not resumed"));
    }
  }

  /** Everything fails (the client is closed for good). */
  failAll(error: TetherError): void {
    for (const p of [...this.pending.values()]) this.fail(p, error);
  }

  onResponse(f: Frame): boolean {
    const p = this.pending.get(f.seq);
    if (p === undefined || p.msgId !== f.msgId || !p.sent) return false;
    this.pending.delete(p.seq);
    this.inFlight = Math.max(0, this.inFlight - 1);
    if (hasFlag(f.flags, FrameFlag.ERROR)) p.reject(errorFromFrame(f));
    else p.resolve(f.payload);
    this.pump();
    return true;
  }

  private armTimer(deadline: number): void {
    this.timer = this.o.clock.setTimer(Math.max(0, deadline - this.o.clock.now()), () => this.expire());
  }

  /** The timer fired: requests past their deadline fail REQUEST_TIMEOUT; it re-arms for the next. */
  private expire(): void {
    this.timer = undefined;
    const now = this.o.clock.now();
    for (const p of this.pending.values()) {
      if (p.deadline > now) {
        // A wall clock stepped back by more than the timeout: count the timeout from now.
        if (p.deadline - now > this.o.requestTimeoutMs) p.deadline = now + this.o.requestTimeoutMs;
        this.armTimer(p.deadline);
        return;
      }
      this.fail(p, new TetherError(ErrorCode.REQUEST_TIMEOUT, "no answer in time"));
    }
  }

  private fail(p: Pending, e: Error): void {
    if (!this.pending.delete(p.seq)) return;
    const i = this.queue.indexOf(p);
    if (i >= 0) this.queue.splice(i, 1);
    else if (p.sent) this.inFlight = Math.max(0, this.inFlight - 1);
    p.reject(e);
  }

  private pump(): void {
    const link = this.link;
    if (!link?.open) return;
    while (this.queue.length > 0 && this.inFlight < this.maxInFlight) {
      const p = this.queue.shift() as Pending;
      // Compression may only shrink the payload; the items and a seal's tag fit in the overhead.
      if (p.payload.length + FRAME_OVERHEAD_BYTES > link.maxFrameBytes) {
        this.fail(p, new TetherError(ErrorCode.PAYLOAD_TOO_LARGE, "request larger than the server's max_frame_bytes"));
        continue;
      }
      p.sent = true;
      this.inFlight++;
      link.send({
        type: FrameType.REQ,
        msgId: p.msgId,
        seq: p.seq,
        payload: p.payload,
        ackPushId: this.o.ackToSend(),
        ackSeq: this.answeredThrough(),
      });
    }
  }
}
