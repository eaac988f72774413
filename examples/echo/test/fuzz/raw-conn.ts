/**
 * Raw WebSocket connections of the fuzz suite, which send anything and check every message the
 * server sends them.
 */
import {
  type AeadAlgorithm,
  ClientHelloReq,
  ClientHelloResp,
  ConnectionCodec,
  clientKeyExchange,
  createSealPair,
  decodeFrame,
  encodeFrame,
  type Frame,
  FrameFlag,
  type FrameInit,
  FrameType,
  fflateGzip,
  hasFlag,
  isAeadAlgorithm,
  isTetherError,
  nobleCrypto,
} from "@tether/protocol";
import { WebSocket } from "ws";
import type { ActionLog, Findings } from "./findings.js";
import type { HelloPlan } from "./hostile-hello.js";
import { hexOf, looseFrame } from "./loose-frames.js";

export interface Closed {
  code: number;
  reason: string;
}

/**
 * One WebSocket to the server that sends anything and checks everything it receives: every
 * binary message must fit the max_frame_bytes in force (the server's until a ClientHelloResp
 * says otherwise) and decode as a frame (through the agreed codec when this side negotiated it).
 */
export class RawConn {
  readonly ws: WebSocket;
  closed: Closed | undefined;
  /** The largest frame the server may send now. */
  limit: number;
  helloResp: ClientHelloResp | undefined;
  /** The ClientHello sent and not answered yet. */
  private pendingHello: HelloPlan | undefined;
  /** The max_frame_bytes our ClientHello should end up with, once we sent one. */
  private expectedLimit: number | undefined;
  /** Set when this side negotiated compression or a cipher it can speak. */
  codec: ConnectionCodec | undefined;
  received = 0;
  maxPushId = 0;
  private readonly waiters: { pred: (f: Frame) => boolean; resolve: (f: Frame | undefined) => void }[] = [];
  private readonly closeWaiters: (() => void)[] = [];
  private readonly frameListeners: ((f: Frame) => void)[] = [];
  /** The last few messages this connection sent (for findings). */
  private readonly recent: string[] = [];
  /** Findings of this connection that the close code will complete. */
  private readonly openFindings: number[] = [];

  private constructor(
    url: string,
    readonly name: string,
    serverLimit: number,
    private readonly findings: Findings,
    private readonly log: ActionLog,
  ) {
    this.limit = serverLimit;
    this.ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 256 * 1024 * 1024, handshakeTimeout: 5000 });
    this.ws.binaryType = "nodebuffer";
    this.ws.on("error", () => {});
    this.ws.on("message", (data: Buffer, isBinary) => this.onMessage(data, isBinary));
    this.ws.on("close", (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      for (const i of this.openFindings.splice(0))
        this.findings.amend(i, `; then the server closed ${code} "${reason}"`);
      for (const w of this.waiters.splice(0)) w.resolve(undefined);
      for (const w of this.closeWaiters.splice(0)) w();
    });
  }

  /** Opens a connection; undefined when the upgrade fails (refused, reset, server gone). */
  static open(
    url: string,
    name: string,
    serverLimit: number,
    findings: Findings,
    log: ActionLog,
  ): Promise<RawConn | undefined> {
    const c = new RawConn(url, name, serverLimit, findings, log);
    return new Promise((resolve) => {
      c.ws.once("open", () => resolve(c));
      c.ws.once("close", () => resolve(undefined));
      c.ws.once("unexpected-response", (_req, res) => {
        res.resume();
        c.ws.terminate();
        resolve(undefined);
      });
    });
  }

  get open(): boolean {
    return this.ws.readyState === WebSocket.OPEN;
  }

  onFrame(fn: (f: Frame) => void): void {
    this.frameListeners.push(fn);
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    this.received++;
    const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!isBinary) {
      this.findings.add(`${this.name}: the server sent a text message (${data.byteLength} bytes)`);
      return;
    }
    if (bytes.length > this.limit) {
      this.finding(
        `${this.name}: the server sent a ${bytes.length}-byte message, above the negotiated max_frame_bytes ${this.limit}: ${hexOf(bytes, 48)}`,
      );
    }
    let frame: Frame;
    try {
      frame = this.codec ? this.codec.decode(bytes) : decodeFrame(bytes);
    } catch (e) {
      const inflate = isTetherError(e) && e.detail.rule === "inflate-limit";
      this.finding(
        inflate
          ? `${this.name}: the server sent a ${bytes.length}-byte frame whose compressed payload inflates past the negotiated max_frame_bytes ${this.limit}, which protocol.md section 4 makes INVALID_FRAME for the client (${String(e)}): ${hexOf(bytes, 48)}`
          : `${this.name}: a message from the server does not decode (${String(e)}): ${hexOf(bytes, 64)}`,
      );
      return;
    }
    if (
      this.helloResp === undefined &&
      (hasFlag(frame.flags, FrameFlag.COMPRESS) || hasFlag(frame.flags, FrameFlag.ENCRYPT))
    ) {
      // Compression and ciphers are agreed by a ClientHelloResp; without one the client cannot know.
      this.finding(
        `${this.name}: the server sent a ${hasFlag(frame.flags, FrameFlag.ENCRYPT) ? "sealed" : "compressed"} frame ` +
          `(type ${frame.type} msgId ${frame.msgId} flags ${frame.flags}) on a connection that never received a ClientHelloResp: ${hexOf(bytes, 48)}`,
      );
    }
    if (
      frame.type === FrameType.RESP &&
      frame.msgId === 1 &&
      !hasFlag(frame.flags, FrameFlag.ERROR) &&
      !this.helloResp
    ) {
      try {
        this.helloResp = ClientHelloResp.decode(frame.payload);
        const agreed = this.helloResp.maxFrameBytes;
        if (this.expectedLimit !== undefined && agreed !== this.expectedLimit) {
          this.findings.add(
            `${this.name}: ClientHelloResp max_frame_bytes ${agreed}, expected ${this.expectedLimit} (the smaller side)`,
          );
        }
        if (agreed > 0) this.limit = agreed;
        this.adopt(this.helloResp);
      } catch (e) {
        this.findings.add(`${this.name}: a ClientHelloResp does not decode (${String(e)})`);
      }
    }
    if (frame.type === FrameType.PUSH && frame.pushId > this.maxPushId) this.maxPushId = frame.pushId;
    for (const l of this.frameListeners) l(frame);
    for (let i = 0; i < this.waiters.length; i++) {
      const w = this.waiters[i];
      if (w?.pred(frame)) {
        this.waiters.splice(i, 1);
        w.resolve(frame);
        return;
      }
    }
  }

  /** A finding about what the server sent this connection, with what it had just sent. */
  private finding(what: string): void {
    const i = this.findings.add(`${what} [${this.codec?.sealed ? "sealed; " : ""}after: ${this.recent.join(" | ")}]`);
    if (i >= 0) this.openFindings.push(i);
  }

  /** The next frame that matches, or undefined on close or after `ms`. */
  waitFrame(pred: (f: Frame) => boolean, ms: number): Promise<Frame | undefined> {
    if (this.closed) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const w = {
        pred,
        resolve: (f: Frame | undefined) => {
          clearTimeout(timer);
          resolve(f);
        },
      };
      const timer = setTimeout(() => {
        const i = this.waiters.indexOf(w);
        if (i >= 0) this.waiters.splice(i, 1);
        resolve(undefined);
      }, ms);
      this.waiters.push(w);
    });
  }

  waitClosed(): Promise<void> {
    if (this.closed) return Promise.resolve();
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  /** Sends bytes (or text) as they are, logged (as `shown` when given: the frame before sealing). */
  send(desc: string, data: Uint8Array | string, shown?: Uint8Array): void {
    if (!this.open) return;
    this.log.add(this.name, desc, shown ?? data);
    this.recent.push(desc.length > 160 ? `${desc.slice(0, 160)}...` : desc);
    if (this.recent.length > 4) this.recent.shift();
    this.ws.send(data);
  }

  /**
   * Sends a frame through the negotiated codec (or the plain writer), logged. A frame that is
   * compressed or sealed on the wire is logged as its plain encoding, so the log reproduces it.
   */
  sendFrame(desc: string, init: FrameInit & { compress?: boolean }): void {
    let plain: Uint8Array;
    try {
      plain = encodeFrame(init);
    } catch {
      if (this.codec?.sealed) return; // a frame the writer refuses cannot be sealed either
      plain = looseFrame(init);
    }
    if (this.codec === undefined) {
      this.send(desc, plain);
      return;
    }
    let wire: Uint8Array;
    try {
      wire = this.codec.encode(init);
    } catch {
      return;
    }
    const how = this.codec.sealed ? "sealed" : "compression agreed";
    this.send(`${desc} [${how}, ${wire.length} bytes on the wire; plain:]`, wire, plain);
  }

  /** Sends a ClientHello REQ and, when it carried a real key share, adopts what was agreed. */
  async hello(plan: HelloPlan, seq: number, waitMs: number): Promise<ClientHelloResp | undefined> {
    let offered = 0;
    try {
      offered = ClientHelloReq.decode(plan.bytes).maxFrameBytes ?? 0;
    } catch {}
    // What the RESP must announce: the smaller of the two sides (ours when we sent one).
    this.expectedLimit = offered > 0 ? Math.min(offered, this.limit) : this.limit;
    this.pendingHello = seq === 0 ? undefined : plan;
    this.send(`${plan.desc} seq=${seq}`, looseFrame({ msgId: 1, seq, payload: plan.bytes }));
    if (seq === 0) {
      // A hello sent as a notify gets no RESP, yet the server may apply it: hold it to our offer
      // when that is one every server accepts (at least the 1024-byte floor of protocol.md).
      if (offered >= 1024 && this.received === 0) this.limit = this.expectedLimit;
      return undefined;
    }
    const resp = await this.waitFrame((f) => f.type === FrameType.RESP && f.seq === seq, waitMs);
    if (resp === undefined || hasFlag(resp.flags, FrameFlag.ERROR)) return undefined;
    return this.helloResp;
  }

  /**
   * Switches to what the ClientHelloResp agreed, in the same turn as the RESP arrived (the
   * server's next frame may already be in the same read, sealed).
   */
  private adopt(hello: ClientHelloResp): void {
    const plan = this.pendingHello;
    this.pendingHello = undefined;
    if (plan === undefined) return;
    const cipher = hello.selectedCipher;
    if (isAeadAlgorithm(cipher) && plan.share === undefined) return; // cannot speak it: stay raw
    const seal =
      isAeadAlgorithm(cipher) && plan.share
        ? createSealPair(
            nobleCrypto,
            cipher as AeadAlgorithm,
            clientKeyExchange(nobleCrypto, {
              helloBytes: plan.bytes,
              share: plan.share,
              serverKeyShare: hello.serverKeyShare,
              serverNonce: hello.serverNonce,
              cipher: cipher as AeadAlgorithm,
              serverSignature: hello.serverSignature,
            }),
            "client",
          )
        : undefined;
    this.codec = new ConnectionCodec({
      compressor: hello.selectedCompression === 3 ? fflateGzip : undefined,
      compressionMinBytes: hello.compressionMinBytes,
      maxFrameBytes: this.limit,
      seal,
    });
  }

  close(): void {
    this.ws.close();
  }

  terminate(): void {
    this.ws.terminate();
  }
}

/** One turn of the event loop (lets received messages and other attackers run). */
export const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
