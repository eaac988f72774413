/**
 * One WebSocket attempt: opens the socket, runs the ClientHello exchange (offers, key exchange,
 * pinned-signature check) and carries frames both ways through the shared ConnectionCodec.
 * System calls (hello, resume, sync, logout) wait here for their RESP.
 */
import {
  type AeadAlgorithm,
  CipherAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  CloseCode,
  CompressionAlgorithm,
  ConnectionCodec,
  clientKeyExchange,
  createKeyShare,
  createSealPair,
  ErrorCode,
  ErrorMessage,
  type Frame,
  FrameFlag,
  FrameRule,
  FrameType,
  fflateGzip,
  hasFlag,
  isAeadAlgorithm,
  isGameMsgId,
  isTetherError,
  type OutgoingFrame,
  PROTOCOL_VERSION,
  plainCodec,
  SystemMsgId,
  TetherError,
} from "@tether/protocol";
import type { Clock } from "./clock.js";
import type { ClientOptions } from "./options.js";
import { LocalClose } from "./reconnect-policy.js";
import { messageBytes, type WebSocketLike } from "./transport.js";

const OPEN = 1;

export interface LinkEvents {
  /** A message arrived, whatever it holds: a sign of life for the heartbeat. */
  heard(): void;
  /** Every decoded frame except the RESPs of system calls. */
  frame(f: Frame): void;
  /** The socket closed (or failed to open). */
  closed(code: number, reason: string): void;
}

export interface Negotiated {
  readonly maxFrameBytes: number;
  readonly maxInFlightReq: number;
  readonly heartbeatIntervalMs: number;
  readonly serverEpoch: string;
}

/** The TetherError an error RESP carries. */
export function errorFromFrame(f: Frame): TetherError {
  const e = ErrorMessage.decode(f.payload);
  return new TetherError(e.code, e.message, { retryable: e.retryable, detail: { ...e.detail } });
}

export class Link {
  private codec: ConnectionCodec = plainCodec(1 << 30);
  private readonly calls = new Map<number, { resolve: (f: Frame) => void; reject: (e: Error) => void }>();
  private ended = false;
  maxFrameBytes = 1 << 20;

  private constructor(
    private readonly ws: WebSocketLike,
    private readonly events: LinkEvents,
    private readonly clock: Clock,
  ) {
    ws.onmessage = (ev) => this.onMessage(ev.data);
    ws.onclose = (ev) => this.end(ev.code, ev.reason);
    ws.onerror = () => {};
  }

  /** Opens a socket; rejects when it cannot be opened. */
  static open(ws: WebSocketLike, events: LinkEvents, clock: Clock): Promise<Link> {
    ws.binaryType = "arraybuffer";
    return new Promise((resolve, reject) => {
      ws.onopen = () => resolve(new Link(ws, events, clock));
      ws.onclose = (ev) => reject(new Error(`socket closed before opening (${ev.code})`));
      ws.onerror = () => {};
    });
  }

  get open(): boolean {
    return !this.ended && this.ws.readyState === OPEN;
  }

  send(frame: OutgoingFrame): void {
    if (!this.open) return;
    this.ws.send(this.codec.encode(frame));
  }

  /**
   * Sends a system REQ and resolves with its RESP (rejects with the error it carries). Without
   * an answer within `timeoutMs` the link is taken for dead and closed (4000): the client
   * reconnects.
   */
  call(msgId: number, seq: number, payload: Uint8Array, timeoutMs: number): Promise<Frame> {
    return new Promise((resolve, reject) => {
      if (!this.open) {
        reject(new TetherError(ErrorCode.SESSION_EXPIRED, "the connection is closed"));
        return;
      }
      const timer = this.clock.setTimer(timeoutMs, () => {
        this.calls.delete(seq);
        reject(new TetherError(ErrorCode.REQUEST_TIMEOUT, `no answer to system request ${msgId}`));
        this.close(LocalClose.NO_ANSWER.code, LocalClose.NO_ANSWER.reason);
      });
      this.calls.set(seq, {
        resolve: (f) => {
          timer.cancel();
          if (hasFlag(f.flags, FrameFlag.ERROR)) reject(errorFromFrame(f));
          else resolve(f);
        },
        reject: (e) => {
          timer.cancel();
          reject(e);
        },
      });
      this.send({ type: FrameType.REQ, msgId, seq, payload });
    });
  }

  /**
   * The ClientHello exchange. Throws UNSUPPORTED_PROTOCOL when the server refuses, when a
   * required cipher was not agreed, or when a pinned key's signature is missing or wrong.
   */
  async hello(o: ClientOptions, seq: number): Promise<Negotiated> {
    const share = createKeyShare(o.crypto);
    const wanted = o.encryption?.ciphers ?? ["CHACHA20_POLY1305", "AES_256_GCM"];
    const ciphers = o.encryption
      ? wanted.map((c) =>
          c === "CHACHA20_POLY1305" ? CipherAlgorithm.CIPHER_CHACHA20_POLY1305 : CipherAlgorithm.CIPHER_AES_256_GCM,
        )
      : [];
    const helloBytes = ClientHelloReq.encode({
      protocolVersion: PROTOCOL_VERSION,
      clientVersion: o.clientVersion,
      supportedCompressions: o.compression ? [CompressionAlgorithm.COMPRESSION_GZIP] : [],
      supportedCiphers: ciphers,
      requireEncrypt: o.encryption !== undefined && o.encryption.required !== false,
      ...(ciphers.length > 0 ? { clientKeyShare: share.publicKey, clientNonce: share.nonce } : {}),
    }).finish();
    const hello = ClientHelloResp.decode(
      (await this.call(SystemMsgId.CLIENT_HELLO, seq, helloBytes, o.requestTimeoutMs)).payload,
    );
    let seal: ReturnType<typeof createSealPair> | undefined;
    if (isAeadAlgorithm(hello.selectedCipher)) {
      const cipher = hello.selectedCipher as AeadAlgorithm;
      const keys = clientKeyExchange(o.crypto, {
        helloBytes,
        share,
        serverKeyShare: hello.serverKeyShare,
        serverNonce: hello.serverNonce,
        cipher,
        serverSignature: hello.serverSignature,
        serverPublicKey: o.encryption?.serverPublicKey,
      });
      seal = createSealPair(o.crypto, cipher, keys, "client");
    } else if (o.encryption?.serverPublicKey !== undefined || (o.encryption && o.encryption.required !== false)) {
      throw new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "the server did not agree on encryption");
    }
    this.maxFrameBytes = hello.maxFrameBytes || 1 << 20;
    this.codec = new ConnectionCodec({
      compressor: hello.selectedCompression === CompressionAlgorithm.COMPRESSION_GZIP ? fflateGzip : undefined,
      compressionMinBytes: hello.compressionMinBytes,
      maxFrameBytes: this.maxFrameBytes,
      seal,
    });
    return {
      maxFrameBytes: this.maxFrameBytes,
      maxInFlightReq: hello.maxInFlightReq || 64,
      heartbeatIntervalMs: hello.heartbeatIntervalMillis || 25_000,
      serverEpoch: hello.serverEpoch,
    };
  }

  close(code: number, reason: string): void {
    if (this.ended) return;
    try {
      this.ws.close(code, reason);
    } catch {}
    this.end(code, reason);
  }

  private onMessage(data: unknown): void {
    if (this.ended) return;
    this.events.heard();
    const bytes = messageBytes(data);
    if (bytes === undefined) {
      this.close(CloseCode.PROTOCOL_ERROR, "text message from the server"); // protocol.md §1
      return;
    }
    let frame: Frame;
    try {
      frame = this.codec.decode(bytes);
    } catch (e) {
      // Frames of a type this client does not know are skipped (protocol.md §2).
      if (isTetherError(e) && e.detail.rule === FrameRule.TYPE_UNKNOWN) return;
      this.close(CloseCode.PROTOCOL_ERROR, "undecodable frame from the server");
      return;
    }
    if (frame.type === FrameType.RESP && !isGameMsgId(frame.msgId)) {
      const call = this.calls.get(frame.seq);
      if (call) {
        this.calls.delete(frame.seq);
        call.resolve(frame);
        return;
      }
    }
    this.events.frame(frame);
  }

  private end(code: number, reason: string): void {
    if (this.ended) return;
    this.ended = true;
    for (const c of this.calls.values()) c.reject(new TetherError(ErrorCode.SESSION_EXPIRED, "the connection closed"));
    this.calls.clear();
    this.events.closed(code, reason);
  }
}
