/**
 * What the rules of the session layer (dispatch, ack, auth, login, resume, sync, push,
 * requests, session-lifetime, guard) share: the engine's state and the steps they call on one
 * another. SessionEngine implements it; the rules depend on this, never on the engine, so the
 * engine can be assembled from them (and cluster mode can replace the lifetime steps).
 */
import type { Frame } from "@tether/protocol";
import type { Call, CallHost } from "./call.js";
import type { Cluster } from "./cluster.js";
import type { Connection, ConnectionHost } from "./connection.js";
import type { EngineCounters } from "./engine-counters.js";
import type { SessionEndReason } from "./hooks.js";
import type { Logger } from "./logger.js";
import type { SessionLimits, SessionOptions } from "./options.js";
import type { CompressionCache, PushBody, PushOptions } from "./push-ring.js";
import type { RouteTable } from "./routes.js";
import type { AttachedConnection, Session } from "./session.js";
import type { SessionStore } from "./session-store.js";
import type { AuthResult } from "./spi.js";

export interface EngineContext extends ConnectionHost, CallHost {
  readonly options: SessionOptions;
  readonly limits: SessionLimits;
  readonly logger: Logger;
  readonly metrics: EngineCounters;
  readonly store: SessionStore;
  readonly routes: RouteTable;
  readonly serverEpoch: string;
  /** Live connections by connId. */
  readonly connections: Map<string, Connection>;
  /** A fan-out compresses each body at most once. */
  readonly compressionCache: CompressionCache;
  /** The class of request contexts (its prototype carries the context extras). */
  readonly Call: typeof Call;
  /** The heartbeat interval announced in ClientHelloResp. */
  readonly heartbeatIntervalMs: number;
  /**
   * Fan-out calls (pushMany) running now: while one runs, the transport does not start writing
   * a long turn's frames early (one message to many goes out as one batch, and several in one
   * turn share each connection's write).
   */
  fanOuts: number;
  /** While draining, new requests get SERVER_BUSY. */
  readonly draining: boolean;
  /** The embedding layer's bookkeeping when a session ends (EngineOptions.onSessionEnded). */
  readonly onSessionEnded: ((session: Session) => void) | undefined;
  /** The same when a session moves to another node (EngineOptions.onSessionMoved). */
  readonly onSessionMoved: ((session: Session) => void) | undefined;
  /** The same when a session arrives from another node (EngineOptions.onSessionArrived). */
  readonly onSessionArrived: ((session: Session) => void) | undefined;
  /** Where sessions held by other nodes are found (cluster.ts; localCluster alone). */
  readonly cluster: Cluster;
  countEviction(): void;
  countSharedFrame(): void;
  nextSessionEpoch(): number;
  /** Runs `task` in the connection's lane; a failure is an internal error of that connection. */
  inLane(conn: Connection, where: string, task: () => unknown): void;
  internalError(conn: Connection | undefined, where: string, e: unknown): void;
  dispatch(conn: Connection, frame: Frame, rateLimited?: boolean): void;
  authenticate(token: unknown, conn: Connection): Promise<AuthResult>;
  withTimeout<T>(work: T | Promise<T>, what: string): Promise<T>;
  createSession(auth: AuthResult): Session;
  /** A session not yet in the store. */
  newSession(auth: AuthResult): Session;
  sessionStarted(session: Session): void;
  attach(session: Session, conn: Connection): void;
  detach(conn: AttachedConnection, reason?: string): void;
  endSession(session: Session, reason: SessionEndReason): void;
  pushBody(msgId: number, payload: Uint8Array, options?: PushOptions): PushBody;
  pushMany(sessions: Iterable<Session>, msgId: number, payload: Uint8Array, options?: PushOptions): number;
}
