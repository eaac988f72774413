/**
 * Test harness: a SessionEngine with a manual clock and a scriptable authenticator, and
 * TestClient, a transport-free client that speaks raw frames through @tether/protocol (so tests
 * can also send bad input). Everything waits on events; nothing sleeps.
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
  encodeFrame,
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
} from "@tether/protocol";
import {
  type AuthResult,
  type Connection,
  type EngineOptions,
  ManualClock,
  SessionEngine,
  type SnapshotProvider,
  type TokenAuthenticator,
} from "../src/index.js";

/** `p:<playerId>` or `p:<playerId>:<deviceId>`; anything else is rejected. */
export const tokenAuthenticator: TokenAuthenticator = {
  authenticate(token) {
    const m = /^p:(\d+)(?::(.+))?$/.exec(token);
    if (!m) throw new Error("bad token");
    const r: AuthResult = { playerId: Number(m[1]) };
    return m[2] === undefined ? r : { ...r, deviceId: m[2] };
  },
};

/** An authenticator whose answers the test releases by hand. */
export class GatedAuthenticator implements TokenAuthenticator {
  private readonly waiting: (() => void)[] = [];
  gate = false;

  authenticate(token: string, info: Parameters<TokenAuthenticator["authenticate"]>[1]): Promise<AuthResult> {
    const answer = () => tokenAuthenticator.authenticate(token, info) as AuthResult;
    if (!this.gate) return Promise.resolve(answer());
    return new Promise((resolve, reject) => {
      this.waiting.push(() => {
        try {
          resolve(answer());
        } catch (e) {
          reject(e);
        }
      });
    });
  }

  get pending(): number {
    return this.waiting.length;
  }

  releaseAll(): void {
    for (const w of this.waiting.splice(0)) w();
  }
}

/** A snapshot provider over a per-player counter, like the conformance server's. */
export class CounterGame implements SnapshotProvider {
  readonly revisions = new Map<number, number>();
  snapshot(playerId: number) {
    const rev = this.revisions.get(playerId) ?? 0;
    return { serverStateRevision: rev, snapshot: Uint8Array.of(rev & 0xff) };
  }
}

export function makeEngine(options: Partial<EngineOptions> = {}) {
  const clock = new ManualClock();
  const engine = new SessionEngine({ authenticator: tokenAuthenticator, clock, serverEpoch: "epoch-A", ...options });
  return { engine, clock };
}

const enc = new TextEncoder();
export const bytes = (s: string) => enc.encode(s);

let clientCounter = 0;

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

export class TestClient {
  readonly conn: Connection;
  readonly inbox: Frame[] = [];
  /** The bytes of every frame received, as they came off the wire. */
  readonly raw: Uint8Array[] = [];
  closed: { code: number; reason: string } | undefined;
  codec: ConnectionCodec = plainCodec(1 << 20);
  private seq = 0;
  private readonly waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  private readonly closeWaiters: ((c: { code: number; reason: string }) => void)[] = [];

  constructor(
    readonly engine: SessionEngine,
    opts: { secure?: boolean } = {},
  ) {
    this.conn = engine.connect(
      {
        connId: `c${++clientCounter}`,
        remoteAddress: "127.0.0.1",
        secure: opts.secure ?? false,
        headers: {},
        query: "",
      },
      {
        send: (b) => this.onBytes(b),
        close: (code, reason) => this.onClose(code, reason),
      },
    );
  }

  private onBytes(b: Uint8Array): void {
    this.raw.push(b);
    const f = this.codec.decode(b);
    this.inbox.push(f);
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w?.pred(f)) {
        this.waiters.splice(i, 1);
        w.resolve(f);
        return;
      }
    }
  }

  private onClose(code: number, reason: string): void {
    this.closed = { code, reason };
    for (const w of this.closeWaiters.splice(0)) w(this.closed);
  }

  /** Resolves with the first frame (already received or future) that matches. */
  waitFor(pred: (f: Frame) => boolean): Promise<Frame> {
    const have = this.inbox.find(pred);
    if (have) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ pred, resolve }));
  }

  waitClosed(): Promise<{ code: number; reason: string }> {
    if (this.closed) return Promise.resolve(this.closed);
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  nextSeq(): number {
    return ++this.seq;
  }

  sendFrame(init: FrameInit): void {
    this.conn.receive(this.codec.encode(init));
  }

  sendRaw(b: Uint8Array): void {
    this.conn.receive(b);
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

  async login(token: string, kick?: boolean): Promise<LoginResp> {
    const msg = kick === undefined ? { token } : { token, kickExistingSession: kick };
    const resp = await this.request(SystemMsgId.LOGIN, LoginReq.encode(msg).finish());
    if (hasFlag(resp.flags, FrameFlag.ERROR)) throw new Error(`login failed: ${errorOf(resp).code}`);
    return LoginResp.decode(resp.payload);
  }

  async resume(fields: Partial<ResumeReq> & { token: string }): Promise<ResumeResp> {
    const resp = await this.request(SystemMsgId.RESUME, ResumeReq.encode(fields).finish());
    if (hasFlag(resp.flags, FrameFlag.ERROR)) throw new Error(`resume failed: ${errorOf(resp).code}`);
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
    if (hasFlag(resp.flags, FrameFlag.ERROR)) return { resp };
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

  /** The transport drops without a close frame. */
  drop(): void {
    this.conn.transportClosed(1006);
  }
}

export function errorOf(f: Frame): ErrorMessage {
  if (!hasFlag(f.flags, FrameFlag.ERROR)) throw new Error(`frame is not an error: msgId ${f.msgId}`);
  return ErrorMessage.decode(f.payload);
}

export function isError(f: Frame): boolean {
  return hasFlag(f.flags, FrameFlag.ERROR);
}

/** Lets queued promise callbacks run (the engine's lanes are promise chains). */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

export { encodeFrame };
