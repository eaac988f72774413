/**
 * The request book alone: a fake link that records what goes out, RESPs fed back as frames, and
 * a manual clock for the timeouts.
 */
import {
  ErrorCode,
  ErrorMessage,
  type Frame,
  FrameFlag,
  FrameType,
  type OutgoingFrame,
  TetherError,
  toFrame,
} from "@tether/protocol";
import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { RequestBook, type RequestLink } from "../src/requests.js";

class FakeLink implements RequestLink {
  open = true;
  maxFrameBytes = 1 << 20;
  readonly sent: OutgoingFrame[] = [];

  send(frame: OutgoingFrame): void {
    this.sent.push(frame);
  }

  /** The seqs sent so far. */
  get seqs(): number[] {
    return this.sent.map((f) => f.seq ?? 0);
  }
}

function resp(msgId: number, seq: number, payload: Uint8Array = new Uint8Array([seq])): Frame {
  return toFrame({ type: FrameType.RESP, msgId, seq, payload });
}

function book(o: { maxQueuedRequests?: number; ack?: () => number } = {}) {
  const clock = new ManualClock();
  let seq = 100;
  const requests = new RequestBook({
    requestTimeoutMs: 1000,
    maxQueuedRequests: o.maxQueuedRequests ?? 256,
    clock,
    nextSeq: () => seq++,
    ackToSend: o.ack ?? (() => 0),
  });
  return { requests, clock };
}

/** Settles a promise into a value or the error it rejected with, without unhandled rejections. */
function outcome<T>(p: Promise<T>): { value: () => T | unknown; settled: () => boolean } {
  let done = false;
  let value: T | unknown;
  p.then(
    (v) => {
      done = true;
      value = v;
    },
    (e: unknown) => {
      done = true;
      value = e;
    },
  );
  return { value: () => value, settled: () => done };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("RequestBook", () => {
  it("sends a request with the next seq and resolves with the payload of its RESP", async () => {
    const { requests } = book();
    const link = new FakeLink();
    requests.attach(link, 64);
    const p = requests.request(1000, new Uint8Array([1, 2]));
    expect(link.sent).toEqual([
      { type: FrameType.REQ, msgId: 1000, seq: 100, payload: new Uint8Array([1, 2]), ackPushId: 0, ackSeq: 99 },
    ]);
    expect(requests.onResponse(resp(1000, 100, new Uint8Array([9])))).toBe(true);
    expect(await p).toEqual(new Uint8Array([9]));
  });

  it("rejects with the TetherError an error RESP carries", async () => {
    const { requests } = book();
    requests.attach(new FakeLink(), 64);
    const p = requests.request(1000, new Uint8Array(0));
    const payload = ErrorMessage.encode({ code: 10001, message: "no", retryable: true, detail: { k: "v" } }).finish();
    requests.onResponse(toFrame({ type: FrameType.RESP, msgId: 1000, seq: 100, flags: FrameFlag.ERROR, payload }));
    await expect(p).rejects.toMatchObject({ code: 10001, retryable: true, detail: { k: "v" } });
  });

  it("ignores a RESP whose seq or msgId matches no request that was sent", () => {
    const { requests } = book();
    const early = requests.request(1000, new Uint8Array(0)); // queued, not sent
    void early.catch(() => {});
    expect(requests.onResponse(resp(1000, 100))).toBe(false);
    requests.attach(new FakeLink(), 64);
    expect(requests.onResponse(resp(1001, 100))).toBe(false);
    expect(requests.onResponse(resp(1000, 999))).toBe(false);
    expect(requests.onResponse(resp(1000, 100))).toBe(true);
  });

  it("queues requests made while detached and sends them in order once attached", () => {
    const { requests } = book();
    for (const id of [1000, 1001, 1002]) void requests.request(id, new Uint8Array(0));
    const link = new FakeLink();
    requests.attach(link, 64);
    expect(link.sent.map((f) => [f.msgId, f.seq])).toEqual([
      [1000, 100],
      [1001, 101],
      [1002, 102],
    ]);
  });

  it("holds requests beyond the server's in-flight cap until an answer frees a slot", () => {
    const { requests } = book();
    const link = new FakeLink();
    requests.attach(link, 2);
    for (let i = 0; i < 4; i++) void requests.request(1000, new Uint8Array(0));
    expect(link.seqs).toEqual([100, 101]);
    requests.onResponse(resp(1000, 100));
    expect(link.seqs).toEqual([100, 101, 102]);
  });

  it("re-sends requests that were sent, with the same seq and before newer ones, after a resume that answered OK", async () => {
    const { requests } = book();
    const first = new FakeLink();
    requests.attach(first, 64);
    const a = requests.request(1000, new Uint8Array([1]));
    const b = requests.request(1000, new Uint8Array([2]));
    requests.detach();
    const c = requests.request(1000, new Uint8Array([3]));
    requests.resend();
    const second = new FakeLink();
    requests.attach(second, 64);
    expect(second.seqs).toEqual([100, 101, 102]);
    for (const seq of [101, 100, 102]) requests.onResponse(resp(1000, seq));
    expect(await Promise.all([a, b, c])).toEqual([new Uint8Array([100]), new Uint8Array([101]), new Uint8Array([102])]);
  });

  it("does not send a request twice on a new link unless told to re-send", () => {
    const { requests } = book();
    requests.attach(new FakeLink(), 64);
    void requests.request(1000, new Uint8Array(0));
    requests.detach();
    const second = new FakeLink();
    requests.attach(second, 64);
    expect(second.sent).toEqual([]);
  });

  it("fails the requests already sent with SESSION_EXPIRED after NEED_FULL_SYNC, and still sends the queued ones", async () => {
    const { requests } = book();
    requests.attach(new FakeLink(), 64);
    const sent = outcome(requests.request(1000, new Uint8Array(0)));
    requests.detach();
    const queued = outcome(requests.request(1001, new Uint8Array(0)));
    requests.expireSent();
    await tick();
    expect(sent.settled()).toBe(true);
    expect(sent.value()).toMatchObject({ code: ErrorCode.SESSION_EXPIRED });
    expect(queued.settled()).toBe(false);
    const second = new FakeLink();
    requests.attach(second, 64);
    expect(second.seqs).toEqual([101]);
  });

  it("rejects with BACKPRESSURE when maxQueuedRequests are already waiting", async () => {
    const { requests } = book({ maxQueuedRequests: 2 });
    void requests.request(1000, new Uint8Array(0));
    void requests.request(1000, new Uint8Array(0));
    await expect(requests.request(1000, new Uint8Array(0))).rejects.toMatchObject({ code: ErrorCode.BACKPRESSURE });
  });

  it("times out on the clock with REQUEST_TIMEOUT, counting the time spent queued", async () => {
    const { requests, clock } = book();
    const p = outcome(requests.request(1000, new Uint8Array(0)));
    clock.advance(999);
    await tick();
    expect(p.settled()).toBe(false);
    const link = new FakeLink();
    requests.attach(link, 1);
    clock.advance(1);
    await tick();
    expect(p.value()).toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT });
    // The timed-out request frees its in-flight slot.
    void requests.request(1000, new Uint8Array(0));
    expect(link.seqs).toEqual([100, 101]);
  });

  it("times each request out at its own deadline, with one timer for all of them", async () => {
    const { requests, clock } = book(); // timeout 1000
    requests.attach(new FakeLink(), 64);
    const a = outcome(requests.request(1000, new Uint8Array(0))); // deadline 1000
    clock.advance(300);
    const b = outcome(requests.request(1000, new Uint8Array(0))); // deadline 1300
    clock.advance(300);
    const c = outcome(requests.request(1000, new Uint8Array(0))); // deadline 1600
    requests.onResponse(resp(1000, 101)); // b answered
    expect(clock.pending).toBe(1);
    clock.advance(400); // t = 1000
    await tick();
    expect([a.settled(), c.settled()]).toEqual([true, false]);
    expect(a.value()).toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT });
    expect(b.value()).toEqual(new Uint8Array([101]));
    clock.advance(599);
    await tick();
    expect(c.settled()).toBe(false);
    clock.advance(1);
    await tick();
    expect(c.value()).toMatchObject({ code: ErrorCode.REQUEST_TIMEOUT });
  });

  it("rejects a request larger than the server's max_frame_bytes with PAYLOAD_TOO_LARGE", async () => {
    const { requests } = book();
    const link = new FakeLink();
    link.maxFrameBytes = 1024;
    requests.attach(link, 64);
    await expect(requests.request(1000, new Uint8Array(1000))).rejects.toMatchObject({
      code: ErrorCode.PAYLOAD_TOO_LARGE,
    });
    expect(link.sent).toEqual([]);
  });

  it("piggy-backs the ACK that is due on each request and notify", () => {
    let due = 7;
    const { requests } = book({
      ack: () => {
        const n = due;
        due = 0;
        return n;
      },
    });
    const link = new FakeLink();
    requests.attach(link, 64);
    void requests.request(1000, new Uint8Array(0));
    due = 9;
    requests.notify(1012, new Uint8Array(0));
    void requests.request(1000, new Uint8Array(0));
    expect(link.sent.map((f) => [f.seq, f.ackPushId])).toEqual([
      [100, 7],
      [0, 9],
      [101, 0],
    ]);
  });

  it("throws SERVER_BUSY (retryable) for a notify while not connected", () => {
    const { requests } = book();
    let caught: unknown;
    try {
      requests.notify(1012, new Uint8Array(0));
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(TetherError);
    expect(caught).toMatchObject({ code: ErrorCode.SERVER_BUSY, retryable: true });
  });

  it("piggy-backs ackSeq: the seq below its first unsettled request, or its last seq when none is left", async () => {
    const { requests, clock } = book(); // seqs from 100
    const link = new FakeLink();
    requests.attach(link, 64);
    const a = outcome(requests.request(1000, new Uint8Array(1))); // 100
    outcome(requests.request(1000, new Uint8Array(1))); // 101
    expect(link.sent.map((f) => f.ackSeq)).toEqual([99, 99]);
    requests.onResponse(resp(1000, 101)); // answered out of order: 100 is still open
    outcome(requests.request(1000, new Uint8Array(1))); // 102
    expect(link.sent.at(-1)?.ackSeq).toBe(99);
    requests.onResponse(resp(1000, 100));
    await tick();
    expect(a.settled()).toBe(true);
    expect(requests.answeredThrough()).toBe(101);
    clock.advance(1000); // 102 times out: given up on, never asked again
    expect(requests.answeredThrough()).toBe(102);
    requests.notify(1000, new Uint8Array(1));
    expect(link.sent.at(-1)).toMatchObject({ seq: 0, ackSeq: 102 });
  });
});
