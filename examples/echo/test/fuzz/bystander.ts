/** The bystander of the fuzz suite: an honest player whose push stream must stay exact during an attack. */
import {
  ClientHelloReq,
  DisconnectPush,
  ErrorMessage,
  type Frame,
  FrameFlag,
  FrameType,
  hasFlag,
  LoginReq,
  toHex,
} from "@tether/protocol";
import { ActionLog, type Findings } from "./findings.js";
import { keyShareFrom } from "./hostile-hello.js";
import { BYSTANDER_PLAYER, echo } from "./payloads.js";
import { RawConn } from "./raw-conn.js";
import type { Rng } from "./rng.js";

/**
 * An honest player (p:999) that keeps playing during the attack: every round it echoes, asks
 * route 1001 for a few reliable pushes and acknowledges what it applied. Its reliable pushes
 * must arrive exactly once, in pushId order, with no gap; every echo must come back.
 */
export class Bystander {
  readonly problems: string[] = [];
  /** The PushMsg index expected for pushId i + 1. */
  readonly expected: number[] = [];
  applied = 0;
  echoes = 0;
  rounds = 0;
  maxRttMs = 0;
  serverEpoch = "";
  private seq = 0;
  private stopped = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  private constructor(
    readonly conn: RawConn,
    private readonly rng: Rng,
  ) {
    conn.onFrame((f) => this.onFrame(f));
  }

  /** Connects, negotiates gzip and ChaCha20-Poly1305 (sealed frames), logs in as p:999. */
  static async start(url: string, rng: Rng, findings: Findings, serverLimit: number): Promise<Bystander> {
    const conn = await RawConn.open(url, "bystander", serverLimit, findings, new ActionLog(50));
    if (conn === undefined) throw new Error("the bystander could not connect");
    const share = keyShareFrom(rng);
    const bytes = ClientHelloReq.encode({
      protocolVersion: 1,
      clientVersion: "fuzz bystander",
      supportedCompressions: [3],
      supportedCiphers: [2],
      clientKeyShare: share.publicKey,
      clientNonce: share.nonce,
    }).finish();
    const hello = await conn.hello({ bytes, desc: "bystander hello", share }, 1, 5000);
    if (hello === undefined || conn.codec?.sealed !== true) throw new Error("the bystander's ClientHello failed");
    const b = new Bystander(conn, rng);
    b.serverEpoch = hello.serverEpoch;
    b.seq = 1;
    const login = await b.request(2, LoginReq.encode({ token: `p:${BYSTANDER_PLAYER}` }).finish());
    if (login === undefined || hasFlag(login.flags, FrameFlag.ERROR)) throw new Error("the bystander could not log in");
    return b;
  }

  private problem(what: string): void {
    if (this.problems.length < 20) this.problems.push(`bystander: ${what}`);
  }

  private onFrame(f: Frame): void {
    if (f.type !== FrameType.PUSH) return;
    if (!(f.ts > 0)) this.problem(`push msgId ${f.msgId} without ts`);
    if (f.msgId === 6) {
      let why = toHex(f.payload);
      try {
        why = JSON.stringify(DisconnectPush.decode(f.payload));
      } catch {}
      this.problem(`received a Disconnect push ${why}`);
      return;
    }
    if (f.pushId === 0) return; // best effort (a broadcast of an attacker): not part of the stream
    if (hasFlag(f.flags, FrameFlag.REPLAY)) this.problem(`push ${f.pushId} is flagged REPLAY without any resume`);
    if (f.pushId !== this.applied + 1) {
      this.problem(
        `reliable push ${f.pushId} after ${this.applied}: ${f.pushId <= this.applied ? "duplicate" : "gap"} (msgId ${f.msgId})`,
      );
      if (f.pushId <= this.applied) return;
    }
    const want = this.expected[f.pushId - 1];
    let index: number | undefined;
    try {
      index = f.msgId === 2001 ? echo.PushMsg.decode(f.payload).index : undefined;
    } catch {}
    if (index === undefined || index !== want) {
      this.problem(`reliable push ${f.pushId}: msgId ${f.msgId} index ${index}, expected 2001 index ${want}`);
    }
    this.applied = f.pushId;
  }

  /** A REQ (with a piggy-backed ACK half of the time) and its RESP; problems when it fails. */
  private async request(msgId: number, payload: Uint8Array, ms = 6000): Promise<Frame | undefined> {
    const seq = ++this.seq;
    const ackPushId = this.rng.chance(0.5) ? this.applied : 0;
    const t0 = Date.now();
    this.conn.sendFrame(`REQ ${msgId}`, { type: FrameType.REQ, msgId, seq, payload, ackPushId });
    const resp = await this.conn.waitFrame((f) => f.type === FrameType.RESP && f.seq === seq, ms);
    const rtt = Date.now() - t0;
    if (rtt > this.maxRttMs) this.maxRttMs = rtt;
    if (resp === undefined) {
      const closed = this.conn.closed;
      this.problem(
        closed
          ? `connection closed ${closed.code} "${closed.reason}" while waiting for msgId ${msgId} seq ${seq}`
          : `no answer to msgId ${msgId} seq ${seq} within ${ms} ms`,
      );
      return undefined;
    }
    if (resp.msgId !== msgId) this.problem(`RESP seq ${seq} has msgId ${resp.msgId}, expected ${msgId}`);
    if (hasFlag(resp.flags, FrameFlag.ERROR)) {
      let detail = toHex(resp.payload);
      try {
        detail = JSON.stringify(ErrorMessage.decode(resp.payload));
      } catch {}
      this.problem(`msgId ${msgId} seq ${seq} answered with an error ${detail}`);
    }
    return resp;
  }

  private async round(): Promise<void> {
    this.rounds++;
    const text = `round ${this.rounds} ${this.rng.text(40)}`;
    const r1 = await this.request(1000, echo.EchoReq.encode({ text }).finish());
    if (r1 !== undefined && !hasFlag(r1.flags, FrameFlag.ERROR)) {
      const got = echo.EchoResp.decode(r1.payload).text;
      if (got === text) this.echoes++;
      else this.problem(`echo of ${JSON.stringify(text)} came back as ${JSON.stringify(got)}`);
    }
    if (this.conn.closed) return;
    const count = this.rng.int(1, 4);
    const before = this.expected.length;
    for (let i = 0; i < count; i++) this.expected.push(i);
    const r2 = await this.request(
      1001,
      echo.PushMeReq.encode({
        count,
        reliable: true,
        padBytes: this.rng.pick([0, 0, 16, 300, 1000]),
        compressHint: this.rng.chance(0.5),
      }).finish(),
    );
    if (r2 === undefined || hasFlag(r2.flags, FrameFlag.ERROR)) {
      this.expected.length = before;
      return;
    }
    const target = this.expected.length;
    if (this.applied < target) {
      await this.conn.waitFrame((f) => f.type === FrameType.PUSH && f.pushId >= target, 6000);
      if (this.applied < target)
        this.problem(`reliable pushes up to ${target} not all received (applied ${this.applied})`);
    }
    if (this.rng.chance(0.7)) this.conn.sendFrame("ACK", { type: FrameType.ACK, pushId: this.applied });
  }

  /** Plays a round every `everyMs` until stopped (or its connection is gone). */
  run(everyMs: number): void {
    this.loop = (async () => {
      while (!this.stopped && !this.conn.closed) {
        await this.round();
        if (this.stopped) break;
        await new Promise<void>((resolve) => {
          const t = setTimeout(resolve, everyMs);
          this.wake = () => {
            clearTimeout(t);
            resolve();
          };
        });
      }
    })();
  }

  /** Stops after the current round, acknowledges everything and checks the stream is exact. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    if (this.conn.closed) {
      this.problem(`its connection was closed: ${this.conn.closed.code} "${this.conn.closed.reason}"`);
      return;
    }
    this.conn.sendFrame("ACK", { type: FrameType.ACK, pushId: this.applied });
    if (this.applied !== this.expected.length) {
      this.problem(`applied ${this.applied} reliable pushes, expected ${this.expected.length}`);
    }
    if (this.echoes !== this.rounds) this.problem(`${this.echoes} of ${this.rounds} echoes came back right`);
  }
}
