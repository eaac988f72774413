/**
 * A raw-frame test client built on @tether/protocol, shared by the system, server and example
 * test suites. It speaks frames (so tests can also send bad input), keeps everything it
 * receives, and resolves waits on events; subclasses supply the transport. `login` and `resume`
 * reject with a TetherError carrying the server's error code, so tests assert `.code`.
 */
import {
  type AeadAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  type ClientKeyExchangeInput,
  type CompressionAlgorithm,
  ConnectionCodec,
  clientKeyExchange,
  createKeyShare,
  createSealPair,
  DisconnectPush,
  ErrorMessage,
  type Frame,
  FrameFlag,
  type FrameInit,
  FrameType,
  fflateGzip,
  hasFlag,
  isAeadAlgorithm,
  LoginReq,
  LoginResp,
  nobleCrypto,
  plainCodec,
  ResumeReq,
  ResumeResp,
  SystemMsgId,
  TetherError,
} from "@tether/protocol";

export interface HelloOffer {
  compressions?: CompressionAlgorithm[];
  ciphers?: number[];
  requireEncrypt?: boolean;
  maxFrameBytes?: number;
  withKeyShare?: boolean;
  serverPublicKey?: Uint8Array;
  /** Replace the key share (e.g. an all-zero point). */
  keyShare?: Uint8Array;
  protocolVersion?: number;
}

export interface Closed {
  code: number;
  reason: string;
}

export function errorOf(f: Frame): ErrorMessage {
  if (!hasFlag(f.flags, FrameFlag.ERROR)) throw new Error(`frame is not an error: msgId ${f.msgId}`);
  return ErrorMessage.decode(f.payload);
}

export function isError(f: Frame): boolean {
  return hasFlag(f.flags, FrameFlag.ERROR);
}

/** The TetherError an error RESP carries (code, retryable and detail as the server sent them). */
export function rejectionOf(what: string, f: Frame): TetherError {
  const e = errorOf(f);
  return new TetherError(e.code, `${what} failed: ${e.message}`, { retryable: e.retryable, detail: { ...e.detail } });
}

export abstract class FrameClient {
  readonly inbox: Frame[] = [];
  /** The bytes of every frame received, as they came off the wire. */
  readonly raw: Uint8Array[] = [];
  closed: Closed | undefined;
  codec: ConnectionCodec = plainCodec(1 << 24);
  private seq = 0;
  private readonly waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private readonly closeWaiters: ((c: Closed) => void)[] = [];
  private readonly listeners: ((f: Frame) => void)[] = [];

  /** Calls `fn` with every frame received from now on, in order. */
  onFrame(fn: (f: Frame) => void): void {
    this.listeners.push(fn);
  }

  /** Sends bytes on the transport. */
  protected abstract transmit(bytes: Uint8Array): void;

  /** Call with every message the transport delivers. */
  protected onBytes(b: Uint8Array): void {
    this.raw.push(b);
    const f = this.codec.decode(b);
    this.inbox.push(f);
    for (const l of this.listeners) l(f);
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w?.pred(f)) {
        this.waiters.splice(i, 1);
        w.resolve(f);
        return;
      }
    }
  }

  /** Call when the transport closes. */
  protected onClose(code: number, reason: string): void {
    if (this.closed) return;
    this.closed = { code, reason };
    for (const w of this.closeWaiters.splice(0)) w(this.closed);
  }

  /** Resolves with the first frame (already received or future) that matches. */
  waitFor(pred: (f: Frame) => boolean): Promise<Frame> {
    const have = this.inbox.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  waitClosed(): Promise<Closed> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  nextSeq(): number {
    return ++this.seq;
  }

  sendFrame(init: FrameInit): void {
    this.transmit(this.codec.encode(init));
  }

  sendRaw(b: Uint8Array): void {
    this.transmit(b);
  }

  /** Sends a REQ and resolves with its RESP. */
  request(
    msgId: number,
    payload: Uint8Array = new Uint8Array(0),
    seq = this.nextSeq(),
    extra: Partial<FrameInit> = {},
  ) {
    this.sendFrame({ type: FrameType.REQ, msgId, seq, payload, ...extra });
    return this.waitFor((f) => f.type === FrameType.RESP && f.seq === seq);
  }

  /** Logs in; rejects with the server's error as a TetherError. */
  async login(token: string, kick?: boolean): Promise<LoginResp> {
    const msg = kick === undefined ? { token } : { token, kickExistingSession: kick };
    const resp = await this.request(SystemMsgId.LOGIN, LoginReq.encode(msg).finish());
    if (isError(resp)) throw rejectionOf("login", resp);
    return LoginResp.decode(resp.payload);
  }

  /** Resumes; rejects with the server's error as a TetherError. */
  async resume(fields: Partial<ResumeReq> & { token: string }): Promise<ResumeResp> {
    const resp = await this.request(SystemMsgId.RESUME, ResumeReq.encode(fields).finish());
    if (isError(resp)) throw rejectionOf("resume", resp);
    return ResumeResp.decode(resp.payload);
  }

  /** ClientHello with the given offers; switches this client's codec as the server did. */
  async hello(offer: HelloOffer = {}): Promise<{ resp: Frame; hello?: ClientHelloResp }> {
    const share = createKeyShare(nobleCrypto);
    const keyed = offer.withKeyShare ?? (offer.ciphers ?? []).some(isAeadAlgorithm);
    const helloBytes = ClientHelloReq.encode({
      protocolVersion: offer.protocolVersion ?? 1,
      clientVersion: "test",
      maxFrameBytes: offer.maxFrameBytes ?? 0,
      supportedCompressions: offer.compressions ?? [],
      supportedCiphers: offer.ciphers ?? [],
      requireEncrypt: offer.requireEncrypt ?? false,
      ...(keyed ? { clientKeyShare: offer.keyShare ?? share.publicKey, clientNonce: share.nonce } : {}),
    }).finish();
    const resp = await this.request(SystemMsgId.CLIENT_HELLO, helloBytes);
    if (isError(resp)) return { resp };
    const hello = ClientHelloResp.decode(resp.payload);
    const cipher = hello.selectedCipher;
    let seal: ReturnType<typeof createSealPair> | undefined;
    if (isAeadAlgorithm(cipher)) {
      const input: ClientKeyExchangeInput = {
        helloBytes,
        share,
        serverKeyShare: hello.serverKeyShare,
        serverNonce: hello.serverNonce,
        cipher: cipher as AeadAlgorithm,
        serverSignature: hello.serverSignature,
        serverPublicKey: offer.serverPublicKey,
      };
      seal = createSealPair(nobleCrypto, cipher as AeadAlgorithm, clientKeyExchange(nobleCrypto, input), "client");
    }
    this.codec = new ConnectionCodec({
      compressor: hello.selectedCompression === 3 ? fflateGzip : undefined,
      compressionMinBytes: hello.compressionMinBytes,
      maxFrameBytes: hello.maxFrameBytes,
      seal,
    });
    return { resp, hello };
  }

  /** Reliable pushes received, in order. */
  reliable(): Frame[] {
    return this.inbox.filter((f) => f.type === FrameType.PUSH && f.pushId > 0);
  }

  disconnectPush(): DisconnectPush | undefined {
    const f = this.inbox.find((x) => x.type === FrameType.PUSH && x.msgId === SystemMsgId.DISCONNECT);
    return f ? DisconnectPush.decode(f.payload) : undefined;
  }

  ack(pushId: number): void {
    this.sendFrame({ type: FrameType.ACK, pushId });
  }
}
