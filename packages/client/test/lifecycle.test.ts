/**
 * TetherClient on a scripted socket (no server process): the socket answers ClientHello and
 * Resume itself, and a test pushes frames into it, so the closes the client starts itself can
 * be checked with their codes, on a manual clock.
 */
import {
  ClientHelloResp,
  decodeFrame,
  encodeFrame,
  type Frame,
  FrameFlag,
  type FrameInit,
  FrameType,
  ResumeResp,
  ResumeResult,
  SystemMsgId,
} from "@tether/protocol";
import { ManualClock } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { TetherClient } from "../src/index.js";
import { FakeSocket } from "./fake-socket.js";

/** A socket that opens by itself and answers the hello and the Resume like a server would. */
class ScriptedSocket extends FakeSocket {
  /** What the client sent, decoded. */
  readonly frames: Frame[] = [];

  constructor() {
    super();
    queueMicrotask(() => {
      this.readyState = 1;
      this.onopen?.(undefined);
    });
  }

  override send(data: Uint8Array): void {
    super.send(data);
    const f = decodeFrame(data);
    this.frames.push(f);
    if (f.type !== FrameType.REQ) return;
    if (f.msgId === SystemMsgId.CLIENT_HELLO) {
      const hello = ClientHelloResp.encode({ heartbeatIntervalMillis: 20_000, maxInFlightReq: 8, serverEpoch: "e" });
      this.answer(f, hello.finish());
    } else if (f.msgId === SystemMsgId.RESUME) {
      this.answer(f, ResumeResp.encode({ result: ResumeResult.RESUME_OK, serverEpoch: "e" }).finish());
    }
  }

  /** A frame from the server. */
  deliver(frame: FrameInit): void {
    this.onmessage?.({ data: encodeFrame(frame) });
  }

  private answer(req: Frame, payload: Uint8Array): void {
    queueMicrotask(() => this.deliver({ type: FrameType.RESP, msgId: req.msgId, seq: req.seq, payload }));
  }
}

const clients: TetherClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
});

function scripted() {
  const clock = new ManualClock();
  const sockets: ScriptedSocket[] = [];
  const client = new TetherClient({
    url: "ws://scripted/ws",
    token: "p:1",
    clock,
    random: () => 0.5,
    reconnect: { minDelayMs: 1000, maxDelayMs: 1000 },
    transport: () => {
      const s = new ScriptedSocket();
      sockets.push(s);
      return s;
    },
  });
  clients.push(client);
  return { client, clock, sockets };
}

const reliable = (pushId: number): FrameInit => ({
  type: FrameType.PUSH,
  msgId: 2001,
  pushId,
  flags: FrameFlag.ACK_REQUIRED,
});

const tick = (): Promise<void> => new Promise((r) => setImmediate(r));

describe("TetherClient on a scripted socket", () => {
  it("closes with 4000 and reconnects when reliable pushes skip a pushId inside one connection", async () => {
    const { client, sockets } = scripted();
    const seen: number[] = [];
    client.onPushRaw(2001, (_payload, meta) => {
      seen.push(meta.pushId);
    });
    await client.connect();
    const socket = sockets[0] as ScriptedSocket;
    socket.deliver(reliable(1));
    socket.deliver(reliable(3));
    await tick();
    expect(seen).toEqual([1]);
    expect(socket.closedWith).toEqual({ code: 4000, reason: "gap in reliable pushes" });
    expect(client.state).toEqual({ kind: "reconnecting", attempt: 1, delayMs: 500 });
  });

  it("PINGs after the server's interval of silence and closes a dead link with 4000, on the clock", async () => {
    const { client, clock, sockets } = scripted();
    await client.connect();
    const socket = sockets[0] as ScriptedSocket;
    clock.advance(20_000);
    expect(socket.frames.filter((f) => f.type === FrameType.PING).length).toBe(1);
    clock.advance(10_000);
    expect(socket.closedWith).toEqual({ code: 4000, reason: "dead link" });
    expect(client.state.kind).toBe("reconnecting");
    clock.advance(500);
    await tick();
    expect(sockets.length).toBe(2);
  });

  it("sends the ACK after the handler, batched on the clock", async () => {
    const { client, clock, sockets } = scripted();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => (release = r));
    client.onPushRaw(2001, () => gate);
    await client.connect();
    const socket = sockets[0] as ScriptedSocket;
    socket.deliver(reliable(1));
    clock.advance(1000);
    await tick();
    expect(socket.frames.filter((f) => f.type === FrameType.ACK)).toEqual([]);
    release();
    await tick();
    clock.advance(199);
    expect(socket.frames.filter((f) => f.type === FrameType.ACK)).toEqual([]);
    clock.advance(1);
    expect(socket.frames.filter((f) => f.type === FrameType.ACK).map((f) => f.pushId)).toEqual([1]);
  });

  it("closes with 1000 'closed by the app' on close(), and does not reconnect", async () => {
    const { client, clock, sockets } = scripted();
    await client.connect();
    client.close();
    expect(sockets[0]?.closedWith).toEqual({ code: 1000, reason: "closed by the app" });
    expect(client.state).toEqual({ kind: "closed", code: 1000, reason: "closed by the app" });
    clock.advance(60_000);
    await tick();
    expect(sockets.length).toBe(1);
  });
});
