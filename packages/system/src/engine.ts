/**
 * The session engine: owns the options and runtime limits, the session store, the routes and
 * the live connections, and routes every inbound frame to its flow (handshake, login, resume,
 * sync, logout, requests, ACK). Transport-free: a server feeds it bytes through Connection.
 */
import { CloseCode, type Frame } from "@tether/protocol";
import { acknowledge, ackSession, applyAck } from "./ack.js";
import { authenticate, withTimeout } from "./auth.js";
import { Call } from "./call.js";
import type { Clock } from "./clock.js";
import { type Cluster, type ClusterHost, localCluster, type NodeCounts } from "./cluster.js";
import { Connection, type ConnectionSink } from "./connection.js";
import type { EngineContext } from "./context.js";
import { DeadlineSet } from "./deadlines.js";
import { dispatch } from "./dispatch.js";
import { type EngineCounters, newEngineCounters } from "./engine-counters.js";
import { internalError } from "./guard.js";
import type { SessionEndReason } from "./hooks.js";
import { randomId } from "./ids.js";
import type { Logger } from "./logger.js";
import { checkLimits, resolveOptions, type SessionLimits, type SessionOptions } from "./options.js";
import { push, pushBody, pushMany, pushTo } from "./push.js";
import type { CompressionCache, PushBody, PushOptions, SharedFrames } from "./push-ring.js";
import { type RequestHandler, type RouteOptions, RouteTable } from "./routes.js";
import type { AttachedConnection, Session } from "./session.js";
import {
  attach,
  connectionClosed,
  createSession,
  detach,
  endSession,
  handOff,
  hook,
  newSession,
  sessionStarted,
} from "./session-lifetime.js";
import type { SessionState } from "./session-state.js";
import { MemorySessionStore, type SessionStore } from "./session-store.js";
import type { AuthResult, ConnectionInfo } from "./spi.js";

export { checkGameMsgId } from "./push.js";

export interface EngineOptions extends SessionOptions {
  /** Where sessions live. Default: in memory. */
  store: SessionStore;
  /**
   * The embedding layer's own bookkeeping when a session ends (the server's topic index), run
   * before the game's onSessionEnd hook. Hooks get read-only views; this gets the session.
   */
  onSessionEnded: ((session: Session) => void) | undefined;
  /** The same when a session moves to another node of the cluster (it did not end). */
  onSessionMoved: ((session: Session) => void) | undefined;
  /** The same when a session arrives from another node (with its topics and data). */
  onSessionArrived: ((session: Session) => void) | undefined;
  /** Where sessions held by other nodes are found (cluster.md). Default (undefined): this node alone. */
  cluster: Cluster | undefined;
}

export class SessionEngine implements EngineContext, ClusterHost {
  readonly options: SessionOptions;
  readonly limits: SessionLimits;
  readonly store: SessionStore;
  readonly routes = new RouteTable();
  /** Changes once, when the node joins a cluster (every node of it has the cluster's). */
  serverEpoch: string;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: EngineCounters = newEngineCounters();
  readonly connections = new Map<string, Connection>();
  /** A fan-out compresses each body at most once. */
  readonly compressionCache: CompressionCache = new WeakMap();
  private epochCounter = 0;
  /** See EngineOptions.onSessionEnded. */
  readonly onSessionEnded: ((session: Session) => void) | undefined;
  /** See EngineOptions.onSessionMoved. */
  readonly onSessionMoved: ((session: Session) => void) | undefined;
  /** See EngineOptions.onSessionArrived. */
  readonly onSessionArrived: ((session: Session) => void) | undefined;
  readonly cluster: Cluster;
  /** Counts an unacknowledged push evicted by a ring bound. */
  readonly countEviction = (): void => {
    this.metrics.evictedPushes++;
  };
  /** Counts a best-effort frame encoded once for a fan-out. */
  readonly countSharedFrame = (): void => {
    this.metrics.sharedFramesBuilt++;
  };
  /** Fan-out calls running now (EngineContext.fanOuts). */
  fanOuts = 0;
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
    const { store, onSessionEnded, onSessionMoved, onSessionArrived, cluster, ...rest } = options;
    this.onSessionArrived = onSessionArrived;
    this.onSessionEnded = onSessionEnded;
    this.onSessionMoved = onSessionMoved;
    this.cluster = cluster ?? localCluster;
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
      dedupMaxBytes: o.dedupMaxBytes,
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
    internalError(this, conn, where, e);
  }

  /** Runs `task` in the connection's lane; a failure is an internal error of that connection. */
  inLane(conn: Connection, where: string, task: () => unknown): void {
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

  /** The epoch of the next session (increasing within this engine). */
  nextSessionEpoch(): number {
    return ++this.epochCounter;
  }

  // ---- the rules, each in its own file; the engine is the context they share -----------

  /** Routes one decoded inbound frame (called by Connection.receive): dispatch.ts. */
  dispatch(conn: Connection, frame: Frame, rateLimited = false): void {
    dispatch(this, conn, frame, rateLimited);
  }

  /** The frame's ACK, first (ack.ts). False when it closed the connection. */
  acknowledge(conn: Connection, frame: Frame): boolean {
    return acknowledge(this, conn, frame);
  }

  /** Cumulative ACK (ack.ts). */
  applyAck(conn: Connection, ack: number): void {
    applyAck(this, conn, ack);
  }

  /** The client holds every push up to `n` (ack.ts). */
  ackSession(session: Session, n: number): void {
    ackSession(session, n);
  }

  /** auth.ts */
  authenticate(token: unknown, conn: Connection): Promise<AuthResult> {
    return authenticate(this, token, conn);
  }

  /** Bounds an SPI call by requestTimeoutMs (auth.ts). */
  withTimeout<T>(work: T | Promise<T>, what: string): Promise<T> {
    return withTimeout(this, work, what);
  }

  /** session-lifetime.ts */
  createSession(auth: AuthResult): Session {
    return createSession(this, auth);
  }

  newSession(auth: AuthResult): Session {
    return newSession(this, auth);
  }

  sessionStarted(session: Session): void {
    sessionStarted(this, session);
  }

  attach(session: Session, conn: Connection): void {
    attach(this, session, conn);
  }

  /** Unbinds `conn` from its session; the session lives on for its TTL. */
  detach(conn: AttachedConnection, reason?: string): void {
    detach(this, conn, reason);
  }

  /** Ends a session: ring dropped, requests aborted, removed from the store. */
  endSession(session: Session, reason: SessionEndReason): void {
    endSession(this, session, reason);
  }

  connectionClosed(conn: Connection): void {
    connectionClosed(this, conn);
  }

  // ---- what the cluster asks of this node (cluster.ts ClusterHost) ----------------------

  handOff(sessionId: string): Promise<SessionState | undefined> {
    return handOff(this, sessionId);
  }

  endReplaced(sessionId: string): boolean {
    const session = this.store.byId(sessionId);
    if (session === undefined) return false;
    const holder = session.connection;
    endSession(this, session, "taken-over");
    holder?.close(CloseCode.SESSION_TAKEN_OVER, "session taken over by a login on another node");
    return true;
  }

  pushHere(sessionId: string, msgId: number, payload: Uint8Array, options: PushOptions): boolean {
    const session = this.store.byId(sessionId);
    if (session === undefined || session.ended) return false;
    this.push(session, msgId, payload, options);
    return true;
  }

  broadcastHere(msgId: number, payload: Uint8Array, options: PushOptions): number {
    return this.pushMany(this.store.values(), msgId, payload, options);
  }

  kickHere(sessionId: string, reason: string): boolean {
    const session = this.store.byId(sessionId);
    if (session === undefined || session.ended) return false;
    const conn = session.connection;
    endSession(this, session, "kicked");
    conn?.close(CloseCode.KICKED, reason);
    return true;
  }

  counts(): NodeCounts {
    let attached = 0;
    for (const s of this.store.values()) if (s.connection !== undefined) attached++;
    return { connections: this.connections.size, sessions: this.store.size, attached };
  }

  isAttached(sessionId: string): boolean {
    return this.store.byId(sessionId)?.connection !== undefined;
  }

  /** Runs a game hook: a throw, or a promise it returns that rejects, is logged, never fatal. */
  hook(name: string, fn: () => unknown): void {
    hook(this, name, fn);
  }

  /** push.ts: a body for one push to one or many sessions (validated once). */
  pushBody(msgId: number, payload: Uint8Array, options: PushOptions = {}): PushBody {
    return pushBody(this, msgId, payload, options);
  }

  pushTo(session: Session, body: PushBody, reliable: boolean, shared?: SharedFrames, now = this.clock.now()): number {
    return pushTo(this, session, body, reliable, shared, now);
  }

  /** Pushes a game message (msgId >= 1000) to one session. Reliable by default. */
  push(session: Session, msgId: number, payload: Uint8Array, options: PushOptions = {}): number {
    return push(this, session, msgId, payload, options);
  }

  /** Pushes one payload to many sessions: stored once, each session numbering its own copy. */
  pushMany(sessions: Iterable<Session>, msgId: number, payload: Uint8Array, options: PushOptions = {}): number {
    return pushMany(this, sessions, msgId, payload, options);
  }
}
