/**
 * One connection attempt against a fake link that answers the system calls: what the Resume
 * carries, and what its answer does to the record, the requests, the pipeline and the ACKs.
 */
import {
  ErrorCode,
  type Frame,
  FrameType,
  isTetherError,
  nobleCrypto,
  type OutgoingFrame,
  ResumeReq,
  ResumeResp,
  ResumeResult,
  SystemMsgId,
  TetherError,
  toFrame,
  toHex,
} from "@tether/protocol";
import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { AckScheduler } from "../src/ack-scheduler.js";
import { type AttemptContext, type AttemptLink, handshake } from "../src/attempt.js";
import { type ClientEvents, type ClientState, Emitter } from "../src/events.js";
import type { Negotiated } from "../src/link.js";
import { resolveClientOptions } from "../src/options.js";
import { PushPipeline } from "../src/push-pipeline.js";
import { RequestBook, type RequestLink } from "../src/requests.js";
import { SessionRecord } from "../src/session-record.js";
import { memoryStore, type StoredState } from "../src/store.js";

const NEGOTIATED: Negotiated = {
  maxFrameBytes: 1 << 20,
  maxInFlightReq: 64,
  heartbeatIntervalMs: 25_000,
  serverEpoch: "e2",
};

/** Answers hello, Resume and Sync as told, and records the calls. */
class FakeServer implements AttemptLink {
  readonly calls: { msgId: number; seq: number; payload: Uint8Array }[] = [];
  resume: Parameters<typeof ResumeResp.encode>[0] = { result: ResumeResult.RESUME_OK, serverEpoch: "e2" };
  syncError: TetherError | undefined;

  async hello(): Promise<Negotiated> {
    return NEGOTIATED;
  }

  async call(msgId: number, seq: number, payload: Uint8Array): Promise<Frame> {
    this.calls.push({ msgId, seq, payload });
    if (msgId === SystemMsgId.RESUME) {
      return toFrame({ type: FrameType.RESP, msgId, seq, payload: ResumeResp.encode(this.resume).finish() });
    }
    if (msgId === SystemMsgId.SYNC && this.syncError) throw this.syncError;
    return toFrame({ type: FrameType.RESP, msgId, seq });
  }

  get resumeReq(): ResumeReq {
    const c = this.calls.find((x) => x.msgId === SystemMsgId.RESUME);
    if (!c) throw new Error("no Resume sent");
    return ResumeReq.decode(c.payload);
  }
}

class SentFrames implements RequestLink {
  open = true;
  maxFrameBytes = 1 << 20;
  readonly sent: OutgoingFrame[] = [];
  send(f: OutgoingFrame): void {
    this.sent.push(f);
  }
}

function client(stored?: StoredState, snapshotHandler = false) {
  const store = memoryStore();
  if (stored) store.save(stored);
  const options = resolveClientOptions({ url: "ws://127.0.0.1:1/ws", token: "p:1", store });
  const clock = new ManualClock();
  const record = new SessionRecord(store, (n) => nobleCrypto.randomBytes(n));
  const acks: number[] = [];
  const ackScheduler = new AckScheduler({ ackDelayMs: 0, ackBatch: 64, clock }, () => record.lastAppliedPushId, {
    ready: () => true,
    send: (pushId) => acks.push(pushId),
  });
  const pipeline = new PushPipeline(record, {
    deliver: async () => {},
    snapshot: async () => {},
    applied: (pushId) => ackScheduler.applied(pushId),
    gap: () => {},
  });
  const requests = new RequestBook({
    requestTimeoutMs: 1000,
    maxQueuedRequests: 256,
    clock,
    nextSeq: () => record.takeSeq(),
    ackToSend: () => ackScheduler.take(),
  });
  const events = new Emitter<ClientEvents>();
  const log: string[] = [];
  events.on("resumed", (e) => log.push(`resumed ${e.replayed}`));
  events.on("error", (e) => log.push(`error ${isTetherError(e.error) ? e.error.code : e.error.message}`));
  const states: ClientState["kind"][] = [];
  const ctx: AttemptContext = {
    options,
    record,
    pipeline,
    requests,
    acks: ackScheduler,
    handlers: { wantsSnapshot: snapshotHandler },
    events,
    setState: (s) => states.push(s.kind),
    setSession: () => {},
  };
  return { ctx, record, pipeline, requests, acks, clock, log, states, store };
}

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

const STORED: StoredState = { lastAppliedPushId: 7, clientInstance: "ab".repeat(16), serverEpoch: "e1", nextSeq: 50 };

describe("handshake", () => {
  it("resumes with the token, the last applied pushId, the server epoch and the client instance", async () => {
    const c = client(STORED);
    const server = new FakeServer();
    expect(await handshake(server, c.ctx)).toEqual(NEGOTIATED);
    expect(c.states).toEqual(["handshaking", "authenticating"]);
    expect(server.calls.map((x) => [x.msgId, x.seq])).toEqual([[SystemMsgId.RESUME, 51]]);
    expect(server.resumeReq).toMatchObject({ token: "p:1", lastAppliedPushId: 7, serverEpoch: "e1" });
    expect(toHex(server.resumeReq.clientInstance)).toBe("ab".repeat(16));
    // seqs 50 (hello) and 51 (resume) came from the block reserved at 50.
    expect(c.store.load()).toMatchObject({ serverEpoch: "e2", nextSeq: 50 + 256 });
  });

  it("after a Resume answered OK, re-sends the pending requests with their seq and reports the replay", async () => {
    const c = client(STORED);
    const before = new SentFrames();
    c.requests.attach(before, 64);
    void c.requests.request(1000, new Uint8Array([1]));
    c.requests.detach();
    const server = new FakeServer();
    server.resume = { result: ResumeResult.RESUME_OK, serverEpoch: "e2", replayCount: 3 };
    await handshake(server, c.ctx);
    const after = new SentFrames();
    c.requests.attach(after, 64);
    expect(before.sent.map((f) => f.seq)).toEqual([50]);
    expect(after.sent.map((f) => f.seq)).toEqual([50]);
    expect(c.log).toEqual(["resumed 3"]);
  });

  it("after NEED_FULL_SYNC, fails the requests already sent with SESSION_EXPIRED and adopts the baseline", async () => {
    const c = client(STORED);
    c.requests.attach(new SentFrames(), 64);
    let lost: unknown = "still pending";
    c.requests.request(1000, new Uint8Array(0)).catch((e: unknown) => {
      lost = e;
    });
    c.requests.detach();
    const server = new FakeServer();
    server.resume = { result: ResumeResult.RESUME_NEED_FULL_SYNC, serverEpoch: "e2", maxBufferedPushId: 20 };
    await handshake(server, c.ctx);
    await tick();
    expect(lost).toMatchObject({ code: ErrorCode.SESSION_EXPIRED });
    expect(c.record.lastAppliedPushId).toBe(20);
    expect(c.store.load()?.lastAppliedPushId).toBe(20);
    expect(c.log).toEqual([]);
  });

  it("Syncs after NEED_FULL_SYNC only when a snapshot handler is registered", async () => {
    for (const wants of [false, true]) {
      const c = client(STORED, wants);
      const server = new FakeServer();
      server.resume = { result: ResumeResult.RESUME_NEED_FULL_SYNC, serverEpoch: "e2", maxBufferedPushId: 20 };
      await handshake(server, c.ctx);
      expect(server.calls.map((x) => x.msgId)).toEqual(
        wants ? [SystemMsgId.RESUME, SystemMsgId.SYNC] : [SystemMsgId.RESUME],
      );
      expect(c.states.includes("syncing")).toBe(wants);
      expect(c.pipeline.awaitingSnapshot).toBe(wants);
    }
  });

  it("stops waiting for a snapshot when the server answers SYNC_UNSUPPORTED, and reports it", async () => {
    const c = client(STORED, true);
    const server = new FakeServer();
    server.resume = { result: ResumeResult.RESUME_NEED_FULL_SYNC, serverEpoch: "e2", maxBufferedPushId: 20 };
    server.syncError = new TetherError(ErrorCode.SYNC_UNSUPPORTED, "no snapshots");
    await handshake(server, c.ctx);
    expect(c.pipeline.awaitingSnapshot).toBe(false);
    expect(c.log).toEqual([`error ${ErrorCode.SYNC_UNSUPPORTED}`]);
  });

  it("ACKs the new baseline after NEED_FULL_SYNC above what it had applied", async () => {
    const c = client(STORED);
    const server = new FakeServer();
    server.resume = { result: ResumeResult.RESUME_NEED_FULL_SYNC, serverEpoch: "e2", maxBufferedPushId: 20 };
    await handshake(server, c.ctx);
    c.clock.advance(0);
    expect(c.acks).toEqual([20]);
  });

  it("after NEED_FULL_SYNC below what it had applied (a new session), ACKs the new session's pushes from 1", async () => {
    const c = client(STORED);
    const server = new FakeServer();
    server.resume = { result: ResumeResult.RESUME_NEED_FULL_SYNC, serverEpoch: "e2", maxBufferedPushId: 0 };
    await handshake(server, c.ctx);
    c.pipeline.push(toFrame({ type: FrameType.PUSH, msgId: 2001, pushId: 1 }));
    await tick();
    c.clock.advance(0);
    expect(c.acks).toEqual([1]);
  });
});
