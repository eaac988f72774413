/**
 * Load-generator connections, with as little client-side work as possible so the figures
 * measure the servers: a raw `ws` socket, and a Tether connection that speaks frames through
 * @tether/protocol (hello, optional sealing, login or resume, cumulative ACKs the way the
 * reference client sends them: after 64 reliable pushes or 200 ms; and, like it, an `ackSeq` on
 * every REQ and ACK: the seq just below its oldest unanswered request, or its last seq when none
 * is open, so the server forgets the cached answers the client holds).
 */
import {
  type AeadAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  ConnectionCodec,
  clientKeyExchange,
  createKeyShare,
  createSealPair,
  type Frame,
  FrameType,
  isAeadAlgorithm,
  LoginReq,
  plainCodec,
  ResumeReq,
  ResumeResp,
  ResumeResult,
  SystemMsgId,
} from "@tether/protocol";
import { nodeCrypto } from "@tether/protocol/node";
import { WebSocket } from "ws";

export function openSocket(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false });
    ws.binaryType = "nodebuffer";
    ws.once("open", () => resolve(ws));
    ws.once("error", reject);
  });
}

/** Opens `count` connections, `parallel` at a time. */
export async function openMany<T>(count: number, open: (i: number) => Promise<T>, parallel = 100): Promise<T[]> {
  const out: T[] = new Array(count);
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      out[i] = await open(i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(parallel, count) }, worker));
  return out;
}

/** Cumulative ACKs like the reference client: after 64 unacknowledged pushes, or 200 ms. */
export class AckPolicy {
  private pending = 0;
  private timer: NodeJS.Timeout | undefined;
  last = 0;

  constructor(private readonly sendAck: (upTo: number) => void) {}

  received(id: number): void {
    this.last = id;
    if (++this.pending >= 64) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), 200);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.pending === 0) return;
    this.pending = 0;
    this.sendAck(this.last);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}

/**
 * A ClientHello offering `cipher` (or plaintext), and the key share it carries (none in
 * plaintext: the load generator skips the X25519 key generation it would not use).
 */
export function clientHello(cipher?: AeadAlgorithm): {
  helloBytes: Uint8Array;
  share: ReturnType<typeof createKeyShare> | undefined;
} {
  const share = cipher ? createKeyShare(nodeCrypto) : undefined;
  const helloBytes = ClientHelloReq.encode({
    protocolVersion: 1,
    supportedCiphers: cipher ? [cipher] : [],
    ...(share ? { clientKeyShare: share.publicKey, clientNonce: share.nonce } : {}),
  }).finish();
  return { helloBytes, share };
}

/** The client's codec after the server's ClientHelloResp: sealed when it selected a cipher. */
export function codecAfterHello(hello: ReturnType<typeof clientHello>, resp: ClientHelloResp): ConnectionCodec {
  if (!isAeadAlgorithm(resp.selectedCipher) || hello.share === undefined) return plainCodec(1 << 20);
  const cipher = resp.selectedCipher as AeadAlgorithm;
  const keys = clientKeyExchange(nodeCrypto, {
    helloBytes: hello.helloBytes,
    share: hello.share,
    serverKeyShare: resp.serverKeyShare,
    serverNonce: resp.serverNonce,
    cipher,
    serverSignature: resp.serverSignature,
  });
  return new ConnectionCodec({
    compressionMinBytes: Number.POSITIVE_INFINITY,
    maxFrameBytes: 1 << 20,
    seal: createSealPair(nodeCrypto, cipher, keys, "client"),
  });
}

export interface ResumeFrom {
  readonly serverEpoch: string;
  readonly lastApplied: number;
}

export class TetherLink {
  codec: ConnectionCodec = plainCodec(1 << 20);
  serverEpoch = "";
  private seq = 0;
  /** Seqs sent and not answered yet; every seq below `lowestOpen` is answered. */
  private readonly open = new Set<number>();
  private lowestOpen = 1;
  /** Frames other than answers to `call`; reliable pushes are acknowledged before this runs. */
  onFrame: (f: Frame) => void = () => {};
  private readonly pending = new Map<number, (f: Frame) => void>();
  private readonly acks = new AckPolicy((pushId) =>
    this.send({ type: FrameType.ACK, pushId, ackSeq: this.answeredThrough() }),
  );

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer) => {
      const f = this.codec.decode(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
      if (f.type === FrameType.RESP) this.open.delete(f.seq);
      const p = f.type === FrameType.RESP ? this.pending.get(f.seq) : undefined;
      if (p) {
        this.pending.delete(f.seq);
        p(f);
        return;
      }
      if (f.type === FrameType.PUSH && f.pushId > 0) this.acks.received(f.pushId);
      this.onFrame(f);
    });
    ws.on("close", () => this.acks.stop());
  }

  /**
   * Connects, says hello (sealed with `cipher` when given) and logs in as `playerId`, or resumes
   * its session when `resumeFrom` is given (pushes replayed after the RESP reach `onFrame`).
   */
  static async open(
    url: string,
    playerId: number,
    options: { cipher?: AeadAlgorithm; resumeFrom?: ResumeFrom; onFrame?: (f: Frame) => void } = {},
  ): Promise<TetherLink> {
    const { cipher, resumeFrom } = options;
    const link = new TetherLink(await openSocket(url));
    if (options.onFrame) link.onFrame = options.onFrame;
    const hello = clientHello(cipher);
    const resp = ClientHelloResp.decode((await link.call(SystemMsgId.CLIENT_HELLO, hello.helloBytes)).payload);
    link.serverEpoch = resp.serverEpoch;
    link.codec = codecAfterHello(hello, resp);
    if (resumeFrom === undefined) {
      await link.call(SystemMsgId.LOGIN, LoginReq.encode({ token: String(playerId) }).finish());
    } else {
      const resp = ResumeResp.decode(
        (
          await link.call(
            SystemMsgId.RESUME,
            ResumeReq.encode({
              token: String(playerId),
              lastAppliedPushId: resumeFrom.lastApplied,
              serverEpoch: resumeFrom.serverEpoch,
            }).finish(),
          )
        ).payload,
      );
      if (resp.result !== ResumeResult.RESUME_OK) throw new Error(`resume of player ${playerId}: ${resp.result}`);
    }
    return link;
  }

  send(frame: Parameters<ConnectionCodec["encode"]>[0]): void {
    this.ws.send(this.codec.encode(frame));
  }

  call(msgId: number, payload: Uint8Array): Promise<Frame> {
    const seq = this.nextSeq();
    return new Promise((resolve) => {
      this.pending.set(seq, resolve);
      this.sendRequest(msgId, seq, payload);
    });
  }

  /**
   * Sends a REQ without waiting (the caller matches RESPs itself through onFrame); `seq` comes
   * from nextSeq. It carries `ackSeq` like the reference client's.
   */
  sendRequest(msgId: number, seq: number, payload: Uint8Array): void {
    this.send({ type: FrameType.REQ, msgId, seq, payload, ackSeq: this.answeredThrough() });
  }

  /** A new seq, open (unanswered) from now until its RESP arrives: send it at once. */
  nextSeq(): number {
    this.open.add(++this.seq);
    return this.seq;
  }

  /**
   * `ackSeq` (protocol.md tag 10) as the reference client computes it: the seq just below the
   * oldest unanswered request, or the last seq when none is open.
   */
  answeredThrough(): number {
    while (this.lowestOpen <= this.seq && !this.open.has(this.lowestOpen)) this.lowestOpen++;
    return this.lowestOpen - 1;
  }
}

/** The raw ws baseline's client: text commands, reliable messages `seq || payload`, "a<seq>" ACKs. */
export class WsLink {
  /** Reliable messages (seq, payload); acknowledged before this runs. */
  onReliable: (seq: number, payload: Uint8Array) => void = () => {};
  private readonly acks = new AckPolicy((seq) => this.ws.send(`a${seq}`));
  /** When set, binary messages are best-effort payloads (no seq, no ACK) and go here. */
  onBestEffort: ((payload: Uint8Array) => void) | undefined;
  private waitingOk: (() => void)[] = [];

  private constructor(readonly ws: WebSocket) {
    ws.on("message", (data: Buffer, isBinary) => {
      if (!isBinary) {
        this.waitingOk.shift()?.();
        return;
      }
      if (this.onBestEffort) {
        this.onBestEffort(data);
        return;
      }
      const seq = data.readUInt32LE(0);
      this.acks.received(seq);
      this.onReliable(seq, data.subarray(4));
    });
    ws.on("close", () => this.acks.stop());
  }

  /** Connects and logs in as `playerId`, or resumes after `lastApplied`. */
  static async open(
    url: string,
    playerId: number,
    options: {
      lastApplied?: number;
      onReliable?: (seq: number, payload: Uint8Array) => void;
      onBestEffort?: (payload: Uint8Array) => void;
    } = {},
  ): Promise<WsLink> {
    const link = new WsLink(await openSocket(url));
    if (options.onReliable) link.onReliable = options.onReliable;
    link.onBestEffort = options.onBestEffort;
    await link.command(
      options.lastApplied === undefined ? `login ${playerId}` : `resume ${playerId} ${options.lastApplied}`,
    );
    return link;
  }

  /** Sends a text command and waits for its "ok". */
  command(text: string): Promise<void> {
    return new Promise((resolve) => {
      this.waitingOk.push(resolve);
      this.ws.send(text);
    });
  }
}
