/**
 * The session engine: owns the options and runtime limits, the session store, the routes and
 * the live connections, and routes every inbound frame to its flow (handshake, login, resume,
 * sync, logout, requests, ACK). Transport-free: a server feeds it bytes through Connection.
 */
import {
  ClientHelloResp,
  CloseCode,
  ErrorCode,
  FRAME_OVERHEAD_BYTES,
  type Frame,
  FrameRule,
  FrameType,
  invalidFrame,
  isGameMsgId,
  isTetherError,
  MSG_ID_MAX,
  SystemMsgId,
  TetherError,
} from "@tether/protocol";
import type { Clock } from "./clock.js";
import { Connection, type ConnectionSink, toTetherError } from "./connection.js";
import { DeadlineSet } from "./deadlines.js";
import { negotiateHello } from "./handshake.js";
import type { SessionEndReason } from "./hooks.js";
import { randomId } from "./ids.js";
import type { Logger } from "./logger.js";
import { login, logout } from "./login.js";
import { checkLimits, InvalidOptionError, resolveOptions, type SessionLimits, type SessionOptions } from "./options.js";
import { type CompressionCache, issueReliable, type PushOptions, type SharedFrames, sendBestEffort } from "./push.js";
import type { PushBody } from "./push-ring.js";
import { Call, dispatchRequest, dropQueued } from "./requests.js";
import { resume } from "./resume.js";
import { type RequestHandler, type RouteOptions, RouteTable } from "./routes.js";
import { Session } from "./session.js";
import { MemorySessionStore, type SessionStore } from "./session-store.js";
import { type AuthResult, type ConnectionInfo, checkAuthResult, sessionKeyOf } from "./spi.js";
import { sync } from "./sync.js";

/** Pushes from game code use msgIds from 1000 (1..999 belong to the system). */
export function checkGameMsgId(msgId: number): void {
  if (!isGameMsgId(msgId)) throw new InvalidOptionError("msgId", `game pushes use msgIds from 1000 (got ${msgId})`);
}

/** Whether a push of `body` fits the max_frame_bytes of the session's connection (if any). */
function fitsConnection(session: Session, body: PushBody): boolean {
  const conn = session.connection;
  return conn === undefined || body.payload.length <= conn.maxFrameBytes - FRAME_OVERHEAD_BYTES;
}

function tooLargeForConnection(bytes: number): TetherError {
  return new TetherError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `push payload of ${bytes} bytes exceeds the max_frame_bytes of the session's connection`,
  );
}

/** Counters the server turns into metrics. Monotonic unless named otherwise. */
export interface EngineCounters {
  protocolErrors: number;
  authFailures: number;
  reliablePushes: number;
  bestEffortPushes: number;
  replayedPushes: number;
  resumesOk: number;
  resumesFullSync: number;
  backpressureRejections: number;
  rateLimitRejections: number;
  requestTimeouts: number;
  /** Best-effort frames encoded for a fan-out (each then reused by every plain connection). */
  sharedFramesBuilt: number;
  /** Unacknowledged pushes evicted by a ring bound (monotonic). */
  evictedPushes: number;
  /** Requests refused because the bytes of requests waiting to run passed maxQueuedRequestBytes. */
  queuedBytesRejections: number;
  /** Queued requests dropped unstarted because their connection closed. */
  droppedQueuedRequests: number;
  /** Errors that escaped a callback the framework scheduled (each closed at most one connection). */
  internalErrors: number;
  /** Pushes refused because they would not fit the max_frame_bytes of the session's connection. */
  pushesTooLarge: number;
}

export interface EngineOptions extends SessionOptions {
  /** Where sessions live. Default: in memory. */
  store: SessionStore;
}

export class SessionEngine {
  readonly options: SessionOptions;
  readonly limits: SessionLimits;
  readonly store: SessionStore;
  readonly routes = new RouteTable();
  readonly serverEpoch: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: EngineCounters = {
    protocolErrors: 0,
    authFailures: 0,
    reliablePushes: 0,
    bestEffortPushes: 0,
    replayedPushes: 0,
    resumesOk: 0,
    resumesFullSync: 0,
    backpressureRejections: 0,
    rateLimitRejections: 0,
    requestTimeouts: 0,
    sharedFramesBuilt: 0,
    evictedPushes: 0,
    queuedBytesRejections: 0,
    droppedQueuedRequests: 0,
    internalErrors: 0,
    pushesTooLarge: 0,
  };
  readonly connections = new Map<string, Connection>();
  /** A fan-out compresses each body at most once. */
  readonly compressionCache: CompressionCache = new WeakMap();
  private epochCounter = 0;
  /** While draining, new requests get SERVER_BUSY; requests already running finish. */
  draining = false;
  /** Requests in flight, by deadline (one timer for all). */
  readonly deadlines: DeadlineSet<Call>;
  /** The class of request contexts; its prototype carries the context extras. */
  Call: typeof Call = class extends Call {};
  private extras: Readonly<Record<string, unknown>> = {};
  /** The heartbeat interval announced in ClientHelloResp (the transport may change it at runtime). */
  heartbeatIntervalMs: number;

  constructor(options: Partial<EngineOptions> = {}) {
    const { store, ...rest } = options;
    this.options = resolveOptions(rest);
    const o = this.options;
    this.limits = {
      maxInFlightReq: o.maxInFlightReq,
      requestTimeoutMs: o.requestTimeoutMs,
      maxBufferedPushCount: o.maxBufferedPushCount,
      maxBufferedPushAgeMs: o.maxBufferedPushAgeMs,
      maxBufferedPushBytes: o.maxBufferedPushBytes,
      sessionTtlMs: o.sessionTtlMs,
      dedupMaxEntries: o.dedupMaxEntries,
      dedupTtlMs: o.dedupTtlMs,
      maxFrameBytes: o.maxFrameBytes,
      maxAuthFailures: o.maxAuthFailures,
      maxQueuedRequestBytes: o.maxQueuedRequestBytes,
    };
    this.store = store ?? new MemorySessionStore();
    this.clock = o.clock;
    this.logger = o.logger;
    this.serverEpoch = o.serverEpoch ?? randomId(o.crypto);
    this.heartbeatIntervalMs = o.heartbeatIntervalMs;
    this.deadlines = new DeadlineSet(this.clock, (call, e) =>
      this.internalError(call.connection, "request deadline", e),
    );
  }

  /**
   * Runs a callback the framework scheduled for `conn` (a socket event, a timer, a queued
   * task): an error escaping it is logged once for the connection and closes that connection
   * alone (1011), never the process.
   */
  guard(conn: Connection | undefined, where: string, fn: () => void): void {
    try {
      fn();
    } catch (e) {
      this.internalError(conn, where, e);
    }
  }

  /** An error escaped framework code: counted, logged once per connection, that connection closed. */
  internalError(conn: Connection | undefined, where: string, e: unknown): void {
    this.metrics.internalErrors++;
    if (conn === undefined || !conn.failed) {
      this.logger.error("internal error", {
        where,
        connId: conn?.connId ?? "",
        error: e instanceof Error ? (e.stack ?? e.message) : String(e),
      });
    }
    if (conn === undefined) return;
    conn.failed = true;
    try {
      conn.close(CloseCode.INTERNAL_ERROR, "internal error");
    } catch {
      conn.transportClosed(CloseCode.INTERNAL_ERROR); // the sink failed too: forget it anyway
    }
  }

  /** Runs `task` in the connection's lane; a failure is an internal error of that connection. */
  private inLane(conn: Connection, where: string, task: () => unknown): void {
    conn.lane.run(task).then(undefined, (e: unknown) => this.internalError(conn, where, e));
  }

  /**
   * Extra fields every request context carries (the server adds its gateway). They live on the
   * contexts' prototype: set once, not copied per request.
   */
  get contextExtras(): Readonly<Record<string, unknown>> {
    return this.extras;
  }

  set contextExtras(extras: Readonly<Record<string, unknown>>) {
    this.extras = extras;
    const Context = class extends Call {};
    Object.assign(Context.prototype, extras);
    this.Call = Context;
  }

  /** Changes limits at runtime; they apply at once (rings and caches read them live). */
  setLimits(patch: Partial<SessionLimits>): SessionLimits {
    Object.assign(this.limits, checkLimits(patch));
    return { ...this.limits };
  }

  route(msgId: number, handler: RequestHandler, options?: RouteOptions): void {
    this.routes.add(msgId, handler, options);
  }

  /** A new transport connection. The server calls `receive` and `transportClosed` on it. */
  connect(info: ConnectionInfo, sink: ConnectionSink): Connection {
    const conn = new Connection(this, info, sink);
    this.connections.set(conn.connId, conn);
    return conn;
  }

  newConnId(): string {
    return randomId(this.options.crypto);
  }

  // ---- inbound --------------------------------------------------------------------------

  /** Routes one decoded inbound frame (called by Connection.receive). */
  dispatch(conn: Connection, frame: Frame, rateLimited = false): void {
    if (!conn.helloDone) {
      conn.helloDone = true;
      if (frame.type === FrameType.REQ && frame.msgId === SystemMsgId.CLIENT_HELLO) {
        this.hello(conn, frame);
        return;
      }
      // Encryption can only be agreed in a ClientHello: requiring it requires the hello too.
      if (this.options.requireHello || (this.options.requireEncryption && !conn.info.secure)) {
        if (frame.type === FrameType.REQ) {
          conn.inFlight++;
          conn.fail(frame, new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "the first frame must be a ClientHello"));
        }
        conn.close(CloseCode.PROTOCOL_ERROR, "ClientHello required");
        return;
      }
    }
    if (!this.acknowledge(conn, frame)) return;
    switch (frame.type) {
      case FrameType.PING:
        conn.send({ type: FrameType.PONG, ts: this.clock.now(), payload: frame.payload });
        return;
      case FrameType.PONG:
        return;
      case FrameType.ACK:
        return; // applied above
      case FrameType.REQ:
        if (rateLimited) {
          this.metrics.rateLimitRejections++;
          if (frame.seq > 0) {
            conn.inFlight++;
            conn.fail(frame, new TetherError(ErrorCode.RATE_LIMITED, "message rate exceeded"));
          }
          return;
        }
        this.request(conn, frame);
        return;
      default:
        // RESP and PUSH travel server -> client only.
        conn.protocolError(invalidFrame(FrameRule.WRONG_DIRECTION, "unexpected frame type from a client"));
    }
  }

  /**
   * protocol.md §2: a cumulative ACK (an ACK frame, or ackPushId on any frame) is applied first,
   * whatever then happens to the frame (refused, rate limited, answered, ignored). In line when
   * nothing waits in the connection's lane (the usual case), else behind what waits there (a
   * Resume in progress): the same order either way. False when it closed the connection.
   */
  acknowledge(conn: Connection, frame: Frame): boolean {
    const ack = frame.type === FrameType.ACK ? Math.max(frame.pushId, frame.ackPushId) : frame.ackPushId;
    if (ack === 0) return true;
    if (conn.lane.length > 0) {
      this.inLane(conn, "ack", () => this.applyAck(conn, ack));
      return true;
    }
    this.applyAck(conn, ack);
    return conn.open;
  }

  private hello(conn: Connection, frame: Frame): void {
    if (frame.seq === 0) {
      // A hello sent as a one-way notify would switch codecs without the client ever hearing
      // the keys: refused, in the clear.
      conn.protocolError(new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "ClientHello needs a seq"));
      return;
    }
    conn.inFlight++;
    try {
      const outcome = negotiateHello(
        {
          options: this.options,
          limits: this.limits,
          serverEpoch: this.serverEpoch,
          secure: conn.info.secure,
          heartbeatIntervalMs: this.heartbeatIntervalMs,
        },
        frame.payload,
      );
      // The RESP travels in the clear; the new codec applies from the next frame on.
      conn.respond(frame, { msgId: frame.msgId, flags: 0, payload: ClientHelloResp.encode(outcome.response).finish() });
      conn.codec = outcome.codec;
      conn.agreeFrameLimit(outcome.maxFrameBytes);
    } catch (e) {
      conn.fail(frame, toTetherError(e));
      conn.close(CloseCode.PROTOCOL_ERROR, "handshake failed");
    }
  }

  private request(conn: Connection, frame: Frame): void {
    if (frame.msgId === SystemMsgId.CLIENT_HELLO) {
      conn.inFlight++;
      conn.fail(
        frame,
        new TetherError(ErrorCode.UNSUPPORTED_PROTOCOL, "ClientHello must be the first frame, sent once"),
      );
      return;
    }
    // A repeated seq joins its original instead of counting against the in-flight limit.
    if (conn.inFlight >= this.limits.maxInFlightReq && !this.isDuplicate(conn, frame)) {
      this.metrics.backpressureRejections++;
      conn.inFlight++;
      conn.fail(frame, new TetherError(ErrorCode.BACKPRESSURE, "too many requests in flight"));
      return;
    }
    if (this.draining) {
      conn.inFlight++;
      conn.fail(frame, new TetherError(ErrorCode.SERVER_BUSY, "the server is shutting down"));
      return;
    }
    if (frame.msgId >= 1000 && conn.lane.length === 0) {
      conn.inFlight++;
      // Nothing waits ahead of it in the connection's lane (no system request in progress):
      // hand it to its session at once; the order is the same.
      dispatchRequest(this, conn, frame);
      return;
    }
    // It waits behind the connection's lane: its bytes count against the connection's budget.
    const bytes = frame.payload.length;
    if (conn.queuedBytes > 0 && conn.queuedBytes + bytes > this.limits.maxQueuedRequestBytes) {
      this.metrics.queuedBytesRejections++;
      conn.inFlight++;
      conn.fail(frame, new TetherError(ErrorCode.BACKPRESSURE, "too many request bytes waiting"));
      return;
    }
    conn.inFlight++;
    conn.queuedBytes += bytes;
    this.inLane(conn, "request", async () => {
      conn.queuedBytes -= bytes;
      if (!conn.open) return;
      if (isGameMsgId(frame.msgId)) dispatchRequest(this, conn, frame);
      else await this.system(conn, frame);
    });
  }

  private isDuplicate(conn: Connection, frame: Frame): boolean {
    return frame.seq > 0 && isGameMsgId(frame.msgId) && (conn.session?.dedup ?? conn.dedup).has(frame.seq);
  }

  private async system(conn: Connection, frame: Frame): Promise<void> {
    try {
      switch (frame.msgId) {
        case SystemMsgId.LOGIN:
          await login(this, conn, frame);
          return;
        case SystemMsgId.RESUME:
          await resume(this, conn, frame);
          return;
        case SystemMsgId.SYNC:
          await sync(this, conn, frame);
          return;
        case SystemMsgId.LOGOUT:
          logout(this, conn, frame);
          return;
        default:
          conn.fail(frame, new TetherError(ErrorCode.NOT_FOUND, `no system request ${frame.msgId}`));
      }
    } catch (e) {
      if (!isTetherError(e)) this.logger.error("system request failed", { msgId: frame.msgId, error: String(e) });
      conn.fail(frame, toTetherError(e));
      if (isTetherError(e) && e.code === ErrorCode.UNAUTHORIZED && ++conn.authFailures >= this.limits.maxAuthFailures) {
        conn.close(CloseCode.UNAUTHORIZED, "too many rejected tokens");
      }
    }
  }

  /** Cumulative ACK (an ACK frame or a piggy-backed ackPushId). */
  applyAck(conn: Connection, ack: number): void {
    const session = conn.session;
    if (ack === 0 || session === undefined) return;
    let n = ack;
    if (n > session.lastIssuedPushId) {
      if (this.options.compat !== "civgenesis") {
        conn.protocolError(invalidFrame(FrameRule.ACK_ABOVE_ISSUED, "ACK above the last issued pushId"));
        return;
      }
      // CivGenesis mode: clamped and logged, not fatal.
      this.logger.warn("ACK above the last issued pushId, clamped", {
        connId: conn.connId,
        rule: FrameRule.ACK_ABOVE_ISSUED,
      });
      n = session.lastIssuedPushId;
    }
    if (n <= session.lastAckedPushId) return;
    session.lastAckedPushId = n;
    session.ring.ack(n);
  }

  /** Authenticates a token with the SPI; anything but a valid AuthResult is UNAUTHORIZED. */
  async authenticate(token: unknown, conn: Connection): Promise<AuthResult> {
    try {
      if (typeof token !== "string" || token.length === 0) throw new Error("empty token");
      return checkAuthResult(
        await this.withTimeout(this.options.authenticator.authenticate(token, conn.info), "authenticator"),
      );
    } catch (e) {
      this.metrics.authFailures++;
      if (isTetherError(e) && (e.code === ErrorCode.UNAUTHORIZED || e.code === ErrorCode.REQUEST_TIMEOUT)) throw e;
      throw new TetherError(ErrorCode.UNAUTHORIZED, "token rejected");
    }
  }

  // ---- sessions -------------------------------------------------------------------------

  createSession(auth: AuthResult): Session {
    const session = new Session(
      {
        key: sessionKeyOf(auth),
        sessionId: randomId(this.options.crypto),
        playerId: auth.playerId,
        deviceId: auth.deviceId,
        sessionEpoch: ++this.epochCounter,
        data: auth.data,
      },
      this.limits,
      this.clock,
      this.countEviction,
    );
    this.store.add(session);
    return session;
  }

  /** Reports a new session to game code, once its connection is attached (pushes reach it). */
  sessionStarted(session: Session): void {
    this.hook("onSessionStart", () => this.options.hooks.onSessionStart?.(session));
  }

  /**
   * Bounds an SPI call by requestTimeoutMs: past it the caller gets REQUEST_TIMEOUT and the
   * late answer is dropped, so a stuck SPI cannot hold a connection's later frames forever.
   */
  withTimeout<T>(work: T | Promise<T>, what: string): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const timer = this.clock.setTimer(this.limits.requestTimeoutMs, () =>
        reject(new TetherError(ErrorCode.REQUEST_TIMEOUT, `${what} did not answer in time`)),
      );
      Promise.resolve(work).then(
        (v) => {
          timer.cancel();
          resolve(v);
        },
        (e: unknown) => {
          timer.cancel();
          reject(e);
        },
      );
    });
  }

  attach(session: Session, conn: Connection): void {
    session.ttlTimer?.cancel();
    session.ttlTimer = undefined;
    session.detachedAt = undefined;
    session.connection = conn;
    conn.session = session;
  }

  /** Unbinds `conn` from its session; the session lives on for its TTL. */
  detach(conn: Connection, reason?: string): void {
    const session = conn.session;
    conn.session = undefined;
    if (session === undefined) return;
    dropQueued(this, session, conn);
    if (reason !== undefined) session.expireRunning();
    if (session.connection !== conn) return;
    session.connection = undefined;
    if (session.ended) return;
    session.detachedAt = this.clock.now();
    session.ttlTimer = this.clock.setTimer(this.limits.sessionTtlMs, () =>
      this.guard(undefined, "session expiry", () => {
        if (session.connection === undefined) this.endSession(session, "expired");
      }),
    );
  }

  /** Ends a session: ring dropped, requests aborted, removed from the store. */
  endSession(session: Session, reason: SessionEndReason): void {
    if (session.ended) return;
    session.ended = true;
    session.ttlTimer?.cancel();
    session.ring.clear(session.lastIssuedPushId);
    session.expireRunning();
    this.store.remove(session);
    const conn = session.connection;
    if (conn?.session === session) conn.session = undefined;
    session.connection = undefined;
    this.hook("onSessionEnd", () => this.options.hooks.onSessionEnd?.(session, reason));
  }

  connectionClosed(conn: Connection): void {
    this.connections.delete(conn.connId);
    this.detach(conn);
    this.hook("onConnectionClose", () => this.options.hooks.onConnectionClose?.(conn, conn.closeCode));
  }

  /** Runs a game hook: a throw, or a promise it returns that rejects, is logged, never fatal. */
  private hook(name: string, fn: () => unknown): void {
    const failed = (e: unknown) => this.logger.error("a hook threw", { hook: name, error: String(e) });
    try {
      const r = fn();
      if (typeof r === "object" && r !== null && typeof (r as PromiseLike<unknown>).then === "function") {
        (r as PromiseLike<unknown>).then(undefined, failed);
      }
    } catch (e) {
      failed(e);
    }
  }

  // ---- pushes ---------------------------------------------------------------------------

  /** A body for one push to one or many sessions (validated once). */
  pushBody(msgId: number, payload: Uint8Array, options: PushOptions = {}): PushBody {
    if (!Number.isInteger(msgId) || msgId < 1 || msgId > MSG_ID_MAX) {
      throw new InvalidOptionError("msgId", `push msgId ${msgId} is out of range`);
    }
    if (!(payload instanceof Uint8Array)) throw new InvalidOptionError("payload", "must be a Uint8Array");
    if (payload.length > this.limits.maxFrameBytes - FRAME_OVERHEAD_BYTES) {
      throw new TetherError(
        ErrorCode.PAYLOAD_TOO_LARGE,
        `push payload of ${payload.length} bytes exceeds maxFrameBytes`,
      );
    }
    const rev = options.rev ?? 0;
    if (!Number.isSafeInteger(rev) || rev < 0) throw new InvalidOptionError("rev", "must be a non-negative integer");
    return { msgId, payload, rev, compress: options.compress !== false };
  }

  /**
   * Pushes one body to `session`. Reliable: numbered, buffered, replayed; returns the pushId.
   * Best effort: sent only when a connection is attached; returns 0.
   */
  pushTo(session: Session, body: PushBody, reliable: boolean, shared?: SharedFrames, now = this.clock.now()): number {
    if (session.ended) return 0;
    if (!fitsConnection(session, body)) {
      this.metrics.pushesTooLarge++;
      return -1;
    }
    if (reliable || this.options.compat === "civgenesis") {
      // In CivGenesis mode every push is numbered and buffered (a best-effort one without
      // ACK_REQUIRED), so those clients' strict pushId sequence holds across replays.
      this.metrics.reliablePushes++;
      return issueReliable(session, session.nextPushId(), body, now, this.compressionCache, !reliable).pushId;
    }
    const conn = session.connection;
    if (conn) {
      this.metrics.bestEffortPushes++;
      sendBestEffort(conn, body, now, this.compressionCache, shared, this.countSharedFrame);
    }
    return 0;
  }

  private readonly countEviction = () => {
    this.metrics.evictedPushes++;
  };

  private readonly countSharedFrame = () => {
    this.metrics.sharedFramesBuilt++;
  };

  /**
   * Pushes a game message (msgId >= 1000) to one session. Reliable by default. A payload that
   * would not fit a frame (the server's maxFrameBytes, or the smaller one the session's
   * connection agreed) throws PAYLOAD_TOO_LARGE and issues nothing.
   */
  push(session: Session, msgId: number, payload: Uint8Array, options: PushOptions = {}): number {
    checkGameMsgId(msgId);
    const id = this.pushTo(session, this.pushBody(msgId, payload, options), options.reliable !== false);
    if (id < 0) throw tooLargeForConnection(payload.length);
    return id;
  }

  /** Pushes one payload to many sessions: stored once, each session numbering its own copy. */
  pushMany(sessions: Iterable<Session>, msgId: number, payload: Uint8Array, options: PushOptions = {}): number {
    checkGameMsgId(msgId);
    const body = this.pushBody(msgId, payload, options);
    const reliable = options.reliable !== false;
    const shared: SharedFrames | undefined = reliable ? undefined : new Map();
    const now = this.clock.now();
    let n = 0;
    for (const s of sessions) {
      if (s.ended) continue;
      // A session whose connection cannot take it is skipped (and counted): the others get it.
      if (this.pushTo(s, body, reliable, shared, now) >= 0) n++;
    }
    return n;
  }
}
