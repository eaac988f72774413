/**
 * A test client that behaves the way clients built for CivGenesis do (its TypeScript SDK and its
 * Unity client), to prove the server's `compat: "civgenesis"` mode serves them:
 * - every PUSH must carry a pushId ("PUSH missing pushId" is an error, and it then stops
 *   applying pushes), and pushIds are checked strictly: each must be lastApplied + 1;
 * - it acknowledges by piggy-backing `ackPushId` on PING, never with ACK frames;
 * - it writes proto3 bools plainly: `kick_existing_session = false` goes out as an absent field;
 * - it may start with Resume (not Login) as its first authenticating request;
 * - it does not know the Disconnect push: the close code is all it reads.
 * Anything it cannot accept is recorded in `errors`; a run "with no error" leaves it empty.
 */
import {
  type Frame,
  FrameFlag,
  FrameType,
  hasFlag,
  LoginReq,
  LoginResp,
  plainCodec,
  ResumeReq,
  ResumeResp,
  SyncReq,
  SyncResp,
  SystemMsgId,
} from "@tether/protocol";
import { WebSocket } from "ws";

const codec = plainCodec(1 << 24);

export class CivGenesisClient {
  readonly errors: string[] = [];
  /** Applied pushes: [pushId, msgId, flags]. */
  readonly applied: { pushId: number; msgId: number; flags: number; payload: Uint8Array }[] = [];
  lastApplied = 0;
  closeCode = 0;
  private seq = 0;
  private broken = false;
  private readonly ws: WebSocket;
  private readonly waiting = new Map<number, (f: Frame) => void>();
  private readonly pushWaiters: { pushId: number; resolve: () => void }[] = [];
  private readonly closed: Promise<number>;
  /** Pushes above this are not "received" (to stage a replay); Infinity by default. */
  receiveUpTo = Number.POSITIVE_INFINITY;

  private constructor(url: string) {
    this.ws = new WebSocket(url, { perMessageDeflate: false });
    this.ws.binaryType = "nodebuffer";
    this.ws.on("message", (data: Buffer) => this.onMessage(new Uint8Array(data)));
    this.ws.on("error", () => {});
    this.closed = new Promise((resolve) =>
      this.ws.once("close", (code) => {
        this.closeCode = code;
        resolve(code);
      }),
    );
  }

  static async open(url: string, lastApplied = 0): Promise<CivGenesisClient> {
    const c = new CivGenesisClient(url);
    c.lastApplied = lastApplied;
    await new Promise<void>((resolve, reject) => {
      c.ws.once("open", () => resolve());
      c.ws.once("error", reject);
    });
    return c;
  }

  private onMessage(bytes: Uint8Array): void {
    let f: Frame;
    try {
      f = codec.decode(bytes);
    } catch (e) {
      this.errors.push(`undecodable frame: ${String(e)}`);
      return;
    }
    if (f.type === FrameType.RESP) {
      this.waiting.get(f.seq)?.(f);
      this.waiting.delete(f.seq);
      return;
    }
    if (f.type !== FrameType.PUSH || this.broken) return;
    if (f.pushId === 0) {
      this.errors.push(`PUSH missing pushId (msgId ${f.msgId})`);
      this.broken = true; // as the SDK does: every later push is dropped
      return;
    }
    if (f.pushId > this.receiveUpTo) return;
    if (f.pushId !== this.lastApplied + 1) {
      this.errors.push(`pushId ${f.pushId} after ${this.lastApplied}`);
      return;
    }
    this.lastApplied = f.pushId;
    this.applied.push({ pushId: f.pushId, msgId: f.msgId, flags: f.flags, payload: f.payload });
    for (const w of [...this.pushWaiters]) {
      if (w.pushId <= this.lastApplied) {
        this.pushWaiters.splice(this.pushWaiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  send(init: Parameters<typeof codec.encode>[0]): void {
    this.ws.send(codec.encode(init));
  }

  /** A REQ; resolves with its RESP (an error RESP is returned, not thrown). */
  request(msgId: number, payload: Uint8Array = new Uint8Array(0), flags = 0): Promise<Frame> {
    const seq = ++this.seq;
    const answer = new Promise<Frame>((resolve) => this.waiting.set(seq, resolve));
    this.send({ type: FrameType.REQ, msgId, seq, flags, payload, compress: false });
    return answer;
  }

  /** Its ACK: `ackPushId` on a PING. */
  ackOnPing(pushId = this.lastApplied): void {
    this.send({ type: FrameType.PING, ackPushId: pushId });
  }

  async hello(payload: Uint8Array): Promise<Frame> {
    return this.request(SystemMsgId.CLIENT_HELLO, payload);
  }

  /** Login, with kick_existing_session written as a plain proto3 bool (false = absent). */
  async login(token: string, kick = false): Promise<LoginResp> {
    const resp = await this.request(
      SystemMsgId.LOGIN,
      LoginReq.encode(kick ? { token, kickExistingSession: true } : { token }).finish(),
    );
    if (hasFlag(resp.flags, FrameFlag.ERROR)) throw new Error("login refused");
    return LoginResp.decode(resp.payload);
  }

  async resume(token: string, serverEpoch = ""): Promise<ResumeResp> {
    const resp = await this.request(
      SystemMsgId.RESUME,
      ResumeReq.encode({ token, lastAppliedPushId: this.lastApplied, serverEpoch }).finish(),
    );
    if (hasFlag(resp.flags, FrameFlag.ERROR)) throw new Error("resume refused");
    const r = ResumeResp.decode(resp.payload);
    // NEED_FULL_SYNC: the baseline is the last issued pushId.
    if (r.result !== 0) this.lastApplied = r.maxBufferedPushId ?? 0;
    return r;
  }

  /** Sync: the snapshot push is the next numbered push; resolves when it is applied. */
  async sync(): Promise<{ snapshotPushId: number }> {
    const resp = await this.request(SystemMsgId.SYNC, SyncReq.encode({}).finish());
    const k = SyncResp.decode(resp.payload).snapshotPushId ?? 0;
    await this.pushApplied(k);
    return { snapshotPushId: k };
  }

  pushApplied(pushId: number): Promise<void> {
    if (this.lastApplied >= pushId) return Promise.resolve();
    return new Promise((resolve) => this.pushWaiters.push({ pushId, resolve }));
  }

  waitClosed(): Promise<number> {
    return this.closed;
  }

  drop(): void {
    this.ws.terminate();
  }
}
