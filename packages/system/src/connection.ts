/**
 * One connection as the session layer sees it: bytes in (`receive`), bytes out (through the
 * transport's sink). No socket here: the server (or a test) owns the transport.
 *
 * Inbound order: PING is answered at once, ahead of queued work. Every other frame goes through
 * the connection's lane in arrival order: system requests are awaited there (so a request sent
 * right after a Resume sees the resumed session), game requests are handed to their session's
 * lane, and ACKs are applied.
 */
import {
  CloseCode,
  type ConnectionCodec,
  DisconnectPush,
  ErrorCode,
  ErrorMessage,
  FRAME_OVERHEAD_BYTES,
  type Frame,
  FrameFlag,
  FrameRule,
  FrameType,
  hasFlag,
  isTetherError,
  type OutgoingFrame,
  plainCodec,
  SystemMsgId,
  shouldReconnect,
  TetherError,
} from "@tether/protocol";
import type { Clock } from "./clock.js";
import { type CachedResponse, DedupCache } from "./dedup-cache.js";
import type { EngineCounters } from "./engine-counters.js";
import { SerialLane } from "./lane.js";
import type { Logger } from "./logger.js";
import type { SessionLimits, SessionOptions } from "./options.js";
import type { AttachedConnection, Session } from "./session.js";
import type { ConnectionInfo } from "./spi.js";

/** What a connection uses of the engine that made it (SessionEngine implements it). */
export interface ConnectionHost {
  readonly options: SessionOptions;
  readonly limits: SessionLimits;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: EngineCounters;
  /** Routes one decoded inbound frame (dispatch.ts). */
  dispatch(conn: Connection, frame: Frame, rateLimited?: boolean): void;
  /** Applies the frame's ACK first (ack.ts); false when that closed the connection. */
  acknowledge(conn: Connection, frame: Frame): boolean;
  /** The transport is gone: detach, forget, report (session-lifetime.ts). */
  connectionClosed(conn: Connection): void;
}

/** What the transport gives the session layer to write to and close a connection. */
export interface ConnectionSink {
  /**
   * Writes one frame (one WebSocket message). A transport that refuses it instead (a slow
   * consumer) closes the connection from inside this call; on a sealed connection it passes
   * `disconnect: false` to close, since the refused frame has spent its nonce.
   */
  send(bytes: Uint8Array): void;
  /**
   * Lowers the largest message the transport accepts from now on (the max_frame_bytes the
   * peer negotiated): a larger one must close 1009 before it is buffered.
   */
  limitInbound?(bytes: number): void;
  /** Closes the transport. The session layer has already sent a Disconnect push. */
  close(code: number, reason: string): void;
}

export type ConnectionState = "open" | "closed";

export class Connection implements AttachedConnection {
  readonly connId: string;
  readonly info: ConnectionInfo;
  /** System frames and hand-offs, in arrival order. */
  readonly lane = new SerialLane();
  /** Request dedup before authentication (sessions.md §7); made on first use. */
  private dedupCache: DedupCache | undefined;
  session: Session | undefined;
  codec: ConnectionCodec;
  state: ConnectionState = "open";
  /** Requests received and not answered yet. */
  inFlight = 0;
  /** Its first frame has been read (the only place a ClientHello may be). */
  firstFrameSeen = false;
  closeCode = 0;
  /** Payload bytes of requests waiting in `lane` (bounded by maxQueuedRequestBytes). */
  queuedBytes = 0;
  /** An internal error closed it (logged once). */
  failed = false;
  /** Waiting in whenIdle (made on first use). */
  private idleWaiters: (() => void)[] | undefined;
  /** Tokens rejected on this connection (maxAuthFailures closes it with 4503). */
  authFailures = 0;
  /** The largest frame either way (the server's limit, or the smaller one agreed). */
  maxFrameBytes: number;

  constructor(
    private readonly engine: ConnectionHost,
    info: ConnectionInfo,
    private readonly sink: ConnectionSink,
  ) {
    this.connId = info.connId;
    this.info = info;
    this.maxFrameBytes = engine.limits.maxFrameBytes;
    this.codec = plainCodec(engine.limits.maxFrameBytes);
  }

  /** Request dedup before authentication (sessions.md §7). */
  get dedup(): DedupCache {
    this.dedupCache ??= new DedupCache(this.engine.limits, this.engine.clock);
    return this.dedupCache;
  }

  get open(): boolean {
    return this.state === "open";
  }

  get authenticated(): boolean {
    return this.session !== undefined;
  }

  /**
   * Feeds one received message. Never throws: bad input closes the connection with 4502.
   * `rateLimited` (set by the transport's message-rate limiter) makes a REQ answer RATE_LIMITED
   * instead of running; other frames are still processed.
   */
  receive(bytes: Uint8Array, rateLimited = false): void {
    if (!this.open) return;
    let frame: Frame;
    try {
      frame = this.codec.decode(bytes);
    } catch (e) {
      if (this.refusedCompression(e)) return;
      this.protocolError(e);
      return;
    }
    this.engine.dispatch(this, frame, rateLimited);
  }

  /** Applies the max_frame_bytes agreed in the ClientHello, in both directions. */
  agreeFrameLimit(bytes: number): void {
    this.maxFrameBytes = bytes;
    this.sink.limitInbound?.(bytes);
  }

  /**
   * CivGenesis mode: a compressed request on a connection that agreed no compression is
   * answered UNSUPPORTED_PROTOCOL and the connection stays (its ACK still counts).
   */
  private refusedCompression(e: unknown): boolean {
    if (this.engine.options.compat !== "civgenesis" || !isTetherError(e)) return false;
    if (e.detail.rule !== FrameRule.COMPRESSION_NOT_AGREED) return false;
    const frame = e.cause as Frame | undefined;
    if (frame === undefined || frame.type !== FrameType.REQ) return false;
    if (!this.engine.acknowledge(this, frame)) return true;
    this.refuse(frame, new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "COMPRESS without an agreed compression"));
    return true;
  }

  /** Sends one frame through the codec. Returns false when the connection is closed. */
  send(frame: OutgoingFrame, precompressed?: Uint8Array): boolean {
    if (!this.open) return false;
    let packed = precompressed;
    const payload = frame.payload;
    if (this.codec.sealed && payload !== undefined && payload.length + FRAME_OVERHEAD_BYTES > this.maxFrameBytes) {
      // Sealing spends a nonce: a large frame is measured before it is sealed, never dropped after.
      if (packed === undefined && frame.compress !== false) packed = this.codec.compress(payload);
      const body = frame.compress !== false && packed !== undefined ? packed : payload;
      if (body.length + FRAME_OVERHEAD_BYTES > this.maxFrameBytes) return this.oversize(frame);
    }
    let bytes: Uint8Array;
    try {
      bytes = this.codec.encode(frame, packed);
    } catch (e) {
      this.engine.logger.error("failed to encode an outgoing frame", { connId: this.connId, error: String(e) });
      return false;
    }
    if (bytes.length > this.maxFrameBytes) return this.oversize(frame);
    this.sink.send(bytes);
    return true;
  }

  /**
   * Sends bytes already encoded for this connection's codec (a frame shared by many plain
   * connections). `frame` describes it, for the size check.
   */
  sendEncoded(bytes: Uint8Array, frame: OutgoingFrame): boolean {
    if (!this.open) return false;
    if (bytes.length > this.maxFrameBytes) return this.oversize(frame);
    this.sink.send(bytes);
    return true;
  }

  /**
   * An outgoing frame the peer would refuse: a response becomes PAYLOAD_TOO_LARGE; anything
   * else (a push) closes the connection with 1009, since replaying it could never succeed.
   */
  private oversize(frame: OutgoingFrame): false {
    this.engine.logger.error("outgoing frame exceeds the peer's max_frame_bytes", {
      connId: this.connId,
      msgId: frame.msgId ?? 0,
    });
    if (frame.type === FrameType.RESP && !hasFlag(frame.flags ?? 0, FrameFlag.ERROR)) {
      const e = errorResponse(frame.msgId ?? 0, new TetherError(ErrorCode.PAYLOAD_TOO_LARGE, "response too large"));
      this.send({ type: FrameType.RESP, msgId: e.msgId, seq: frame.seq ?? 0, flags: e.flags, payload: e.payload });
    } else {
      this.close(CloseCode.FRAME_TOO_LARGE, "outgoing frame too large for the peer");
    }
    return false;
  }

  /** Counts a request admitted: it is in flight until it is answered (or dropped). */
  admit(): void {
    this.inFlight++;
  }

  /** Answers a request that was never admitted (refused at the door) with an error. */
  refuse(req: Frame, error: TetherError): void {
    if (req.seq === 0) return;
    const r = errorResponse(req.msgId, error);
    this.send({ type: FrameType.RESP, msgId: r.msgId, seq: req.seq, flags: r.flags, payload: r.payload });
  }

  /** Answers `req` (unless it is a one-way notify) and counts it answered. */
  respond(req: Frame, response: CachedResponse): void {
    this.answered(req);
    if (req.seq === 0) return;
    this.send({
      type: FrameType.RESP,
      msgId: response.msgId,
      seq: req.seq,
      flags: response.flags,
      payload: response.payload,
    });
  }

  /** Answers `req` with an error. */
  fail(req: Frame, error: TetherError): void {
    this.respond(req, errorResponse(req.msgId, error));
  }

  /** Counts `req` answered (or dropped) without sending anything. */
  answered(req: Frame): void {
    if (req.type === FrameType.REQ && this.inFlight > 0 && --this.inFlight === 0) this.idle();
  }

  /** Resolves when no request of this connection is unanswered, or it closed (graceful drain). */
  whenIdle(): Promise<void> {
    if (this.inFlight === 0 || !this.open) return Promise.resolve();
    return new Promise((resolve) => {
      this.idleWaiters ??= [];
      this.idleWaiters.push(resolve);
    });
  }

  private idle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = undefined;
    if (waiters) for (const w of waiters) w();
  }

  /**
   * Closes the connection: a Disconnect push with the same code (unless `disconnect` is false),
   * then the transport close. The session (if any) is detached and lives on for its TTL unless
   * the caller ended it.
   */
  close(code: number, reason: string, disconnect = true): void {
    if (!this.open) return;
    // Closed before the Disconnect push is written: nothing on the way out (an oversize frame,
    // a failing sink) can call close again and recurse.
    this.state = "closed";
    this.closeCode = code;
    this.idle();
    // CivGenesis clients take any push without a pushId as an error: the close code alone.
    if (disconnect && this.engine.options.compat !== "civgenesis") this.sendDisconnect(code, reason);
    try {
      this.sink.close(code, reason);
    } finally {
      this.engine.connectionClosed(this);
    }
  }

  /** The Disconnect push before a close, when the socket still writes and it fits the peer's limit. */
  private sendDisconnect(code: number, reason: string): void {
    try {
      const payload = DisconnectPush.encode({ code, reason, reconnect: shouldReconnect(code) }).finish();
      const bytes = this.codec.encode({
        type: FrameType.PUSH,
        msgId: SystemMsgId.DISCONNECT,
        ts: this.engine.clock.now(),
        payload,
      });
      if (bytes.length <= this.maxFrameBytes) this.sink.send(bytes);
    } catch (e) {
      this.engine.logger.warn("could not send the Disconnect push", { connId: this.connId, error: String(e) });
    }
  }

  /** The transport closed (peer, network, or the server's own close). */
  transportClosed(code: number): void {
    if (!this.open) return;
    this.state = "closed";
    this.closeCode = code;
    this.idle();
    this.engine.connectionClosed(this);
  }

  /** Bad input: logged with its rule, then close 4502. */
  protocolError(e: unknown): void {
    const rule = isTetherError(e) ? (e.detail.rule ?? String(e.code)) : "unexpected";
    this.engine.logger.warn("protocol error", { connId: this.connId, rule });
    this.engine.metrics.protocolErrors++;
    this.close(CloseCode.PROTOCOL_ERROR, "protocol error");
  }
}

/** The RESP content of an error (flags ERROR, payload an `Error` message). */
export function errorResponse(msgId: number, error: TetherError): CachedResponse {
  const detail: Record<string, string> = { ...error.detail };
  return {
    msgId,
    flags: FrameFlag.ERROR,
    payload: ErrorMessage.encode({
      code: error.code,
      message: error.message,
      retryable: error.retryable,
      detail,
    }).finish(),
  };
}

/** Maps anything a handler threw to what the client sees: TetherErrors as they are, else INTERNAL. */
export function toTetherError(e: unknown): TetherError {
  if (isTetherError(e)) return e;
  return new TetherError(ErrorCode.INTERNAL, "internal error");
}
