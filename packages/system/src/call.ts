/**
 * One game request from arrival to answer (sessions.md §7), and the context its handler gets:
 * it runs the handler, tracks its deadline, answers once (caching the answer for dedup),
 * drops a late result, and starts the next serial request of its session. requests.ts decides
 * when a call runs; this file is what a call is.
 */
import { ErrorCode, FRAME_OVERHEAD_BYTES, type Frame, isTetherError, TetherError } from "@tether/protocol";
import type { Clock } from "./clock.js";
import { type Connection, errorResponse, toTetherError } from "./connection.js";
import type { DeadlineSet } from "./deadlines.js";
import type { CachedResponse, DedupCache } from "./dedup-cache.js";
import type { EngineCounters } from "./engine-counters.js";
import type { Logger } from "./logger.js";
import type { SessionLimits, SessionOptions } from "./options.js";
import type { PushOptions } from "./push-ring.js";
import type { RequestContext, Route } from "./routes.js";
import type { Session, SessionRequest } from "./session.js";

/** What a call uses of the engine (CallHost implements it). */
export interface CallHost {
  readonly options: SessionOptions;
  readonly limits: SessionLimits;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly metrics: EngineCounters;
  /** Requests in flight, by deadline (one timer for all). */
  readonly deadlines: DeadlineSet<Call>;
  /** Pushes a game message to a session (push.ts). */
  push(session: Session, msgId: number, payload: Uint8Array, options?: PushOptions): number;
  /** Runs a scheduled callback; an error escaping it closes `conn` alone (guard.ts). */
  guard(conn: Connection | undefined, where: string, fn: () => void): void;
}

const EMPTY = new Uint8Array(0);
const NO_DATA: ReadonlyMap<string, string> = new Map();

const QUEUED = 0;
const RUNNING = 1;
const FINISHED = 2;

/**
 * One game request from arrival to answer, and the context its handler gets. The engine makes
 * a subclass whose prototype carries the context extras (the server's gateway).
 */
export class Call implements RequestContext, SessionRequest {
  readonly msgId: number;
  readonly seq: number;
  readonly connId: string;
  readonly playerId: number | undefined;
  readonly sessionId: string | undefined;
  /** When the request times out (set when it starts). */
  deadline = 0;
  /** Its place in the engine's deadline set (-1: not running). */
  deadlineSlot = -1;
  /** Its neighbours in its session's running requests (see SessionRequest). */
  runningPrev: SessionRequest | undefined = undefined;
  runningNext: SessionRequest | undefined = undefined;
  /** An own property (not on the prototype), so `const { push } = ctx` works. */
  readonly push: (msgId: number, payload: Uint8Array, options?: PushOptions) => number;
  readonly #engine: CallHost;
  readonly #conn: Connection;
  readonly #session: Session | undefined;
  readonly #route: Route;
  readonly #req: Frame;
  /** Where the answer is cached (undefined for a notify). */
  readonly #cache: DedupCache | undefined;
  #state = QUEUED;
  #started = 0;
  /** Made only when the handler reads `signal` (most never do). */
  #controller: AbortController | undefined;
  #abortedWith: TetherError | undefined;

  constructor(
    engine: CallHost,
    conn: Connection,
    session: Session | undefined,
    route: Route,
    req: Frame,
    cache: DedupCache | undefined,
  ) {
    this.msgId = req.msgId;
    this.seq = req.seq;
    this.connId = conn.connId;
    this.playerId = session?.playerId;
    this.sessionId = session?.sessionId;
    this.#engine = engine;
    this.#conn = conn;
    this.#session = session;
    this.#route = route;
    this.#req = req;
    this.#cache = cache;
    this.push = (msgId, payload, options) =>
      session === undefined ? 0 : engine.push(session, msgId, payload, options);
  }

  /** The session's data, read on demand: a session whose handlers never read it holds no map for it. */
  get data(): ReadonlyMap<string, string> {
    return this.#session?.data ?? NO_DATA;
  }

  get signal(): AbortSignal {
    if (this.#controller === undefined) {
      this.#controller = new AbortController();
      if (this.#abortedWith !== undefined) this.#controller.abort(this.#abortedWith); // read after the drop
    }
    return this.#controller.signal;
  }

  get maxPushBytes(): number {
    return Math.min(this.#conn.maxFrameBytes, this.#engine.limits.maxFrameBytes) - FRAME_OVERHEAD_BYTES;
  }

  /** The connection the request came on. */
  get connection(): Connection {
    return this.#conn;
  }

  /** Bytes of its payload (what it holds while it waits). */
  get payloadBytes(): number {
    return this.#req.payload.length;
  }

  /** The session whose requests this one runs one at a time with (none: it runs at once). */
  get serialIn(): Session | undefined {
    return this.#route.concurrent ? undefined : this.#session;
  }

  /** `start` from a scheduled callback: an error escaping it closes this request's connection only. */
  startGuarded(): void {
    this.#engine.guard(this.#conn, "request", () => this.start());
  }

  /** Answers a request that will not run (refused before it was queued). */
  refuse(error: TetherError): void {
    this.#state = FINISHED;
    const response = errorResponse(this.msgId, error);
    this.#cache?.complete(this.seq, response, false);
    this.#conn.respond(this.#req, response);
  }

  /**
   * Takes a queued request out of line (see dropQueued); false when another connection joined
   * it, which then keeps it.
   */
  drop(): boolean {
    if (this.#state !== QUEUED || this.#cache?.hasWaiters(this.seq)) return false;
    this.refuse(new TetherError(ErrorCode.SESSION_EXPIRED, "the connection left the session before the request ran"));
    return true;
  }

  /** Runs the handler; a synchronous one is answered before this returns. */
  start(): void {
    const engine = this.#engine;
    const session = this.#session;
    if (session?.ended) {
      this.#answer(sessionExpired(this.msgId), false, -1);
      return;
    }
    this.#state = RUNNING;
    this.#started = engine.clock.now();
    engine.deadlines.add(this, engine.deadlines.now() + engine.limits.requestTimeoutMs);
    session?.addRunning(this);
    let result: unknown;
    try {
      result = this.#route.handler(this.#req.payload, this);
    } catch (e) {
      this.#failed(e);
      return;
    }
    if (typeof result === "object" && result !== null && typeof (result as PromiseLike<unknown>).then === "function") {
      (result as PromiseLike<unknown>).then(
        (value) => engine.guard(this.#conn, "request", () => this.#ok(value)),
        (e: unknown) => engine.guard(this.#conn, "request", () => this.#failed(e)),
      );
    } else {
      this.#ok(result);
    }
  }

  /** The request ran past requestTimeoutMs: REQUEST_TIMEOUT, and a late result is dropped. */
  timedOut(): void {
    if (this.#state !== RUNNING) return;
    this.#engine.metrics.requestTimeouts++;
    const error = new TetherError(ErrorCode.REQUEST_TIMEOUT, "request timed out");
    this.#abort(error);
    this.#answer(errorResponse(this.msgId, error), false, ErrorCode.REQUEST_TIMEOUT);
  }

  /** The session ended or changed under the request: SESSION_EXPIRED. */
  expired(): void {
    if (this.#state !== RUNNING) return;
    this.#abort(new TetherError(ErrorCode.SESSION_EXPIRED, "session changed"));
    this.#answer(sessionExpired(this.msgId), false, ErrorCode.SESSION_EXPIRED);
  }

  #ok(payload: unknown): void {
    if (this.#state !== RUNNING) return;
    if (payload !== undefined && !(payload instanceof Uint8Array)) {
      this.#engine.logger.error("request handler returned something other than bytes", { msgId: this.msgId });
      this.#answer(errorResponse(this.msgId, toTetherError(undefined)), true, ErrorCode.INTERNAL);
      return;
    }
    this.#answer({ msgId: this.msgId, flags: 0, payload: (payload as Uint8Array | undefined) ?? EMPTY }, true, 0);
  }

  #failed(e: unknown): void {
    if (this.#state !== RUNNING) return;
    if (!isTetherError(e)) this.#engine.logger.error("request handler threw", { msgId: this.msgId, error: String(e) });
    const error = toTetherError(e);
    // A retryable error is not cached: the retry must run again.
    this.#answer(errorResponse(this.msgId, error), !error.retryable, error.code);
  }

  #abort(reason: TetherError): void {
    this.#abortedWith = reason;
    this.#controller?.abort(reason);
  }

  /** Sends the answer (once), caches it, reports it (`code` -1: the handler never ran). */
  #answer(response: CachedResponse, cache: boolean, code: number): void {
    const wasRunning = this.#state === RUNNING;
    this.#state = FINISHED;
    const engine = this.#engine;
    const session = this.#session;
    if (wasRunning) {
      engine.deadlines.delete(this);
      session?.removeRunning(this);
      observe(engine, this.msgId, code, engine.clock.now() - this.#started);
    }
    if (this.#cache !== undefined) {
      this.#cache.complete(this.seq, response, cache);
      this.#conn.respond(this.#req, response);
    }
    const serial = this.serialIn;
    serial?.releaseSerial();
  }
}

function sessionExpired(msgId: number): CachedResponse {
  return errorResponse(msgId, new TetherError(ErrorCode.SESSION_EXPIRED, "the session changed under the request"));
}

/** Reports a finished request to the onRequestComplete hook (a throw there is ignored). */
export function observe(engine: CallHost, msgId: number, code: number, ms: number): void {
  try {
    engine.options.hooks.onRequestComplete?.(msgId, code, ms);
  } catch {}
}
