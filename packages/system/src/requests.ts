/**
 * Game requests (sessions.md §7): login gate and open routes, dedup by seq with
 * join-while-in-flight, one-at-a-time per session (unless the route is concurrent), timeout
 * with the late result dropped, SESSION_EXPIRED when the session changes, TetherError vs
 * INTERNAL, and one-way notifies (seq 0) that are never answered.
 *
 * The hot path: one `Call` object per request is both the bookkeeping and the handler's
 * context; a synchronous handler is answered without a promise; timeouts share one timer
 * (DeadlineSet); a session's serial requests wait in a plain queue.
 */
import { ErrorCode, FRAME_OVERHEAD_BYTES, type Frame, isTetherError, TetherError } from "@tether/protocol";
import { type Connection, errorResponse, toTetherError } from "./connection.js";
import { type CachedResponse, type DedupCache, IN_FLIGHT } from "./dedup-cache.js";
import type { SessionEngine } from "./engine.js";
import type { PushOptions } from "./push.js";
import type { RequestContext, Route } from "./routes.js";
import type { Session } from "./session.js";

const EMPTY = new Uint8Array(0);
const NO_DATA: ReadonlyMap<string, string> = new Map();

export function dispatchRequest(engine: SessionEngine, conn: Connection, req: Frame): void {
  const route = engine.routes.get(req.msgId);
  if (route === undefined) {
    observe(engine, req.msgId, ErrorCode.NOT_FOUND, 0);
    conn.fail(req, new TetherError(ErrorCode.NOT_FOUND, `no route for msgId ${req.msgId}`));
    return;
  }
  const session = conn.session;
  if (session === undefined && !route.open) {
    observe(engine, req.msgId, ErrorCode.NEED_LOGIN, 0);
    conn.fail(req, new TetherError(ErrorCode.NEED_LOGIN, "this request needs a session"));
    return;
  }
  if (req.seq === 0) {
    // One-way notify: dispatched, never answered, not even with an error.
    conn.answered(req);
    schedule(engine, new engine.Call(engine, conn, session, route, req, undefined));
    return;
  }
  const cache = session?.dedup ?? conn.dedup;
  const cached = cache.lookup(req.seq);
  if (cached === IN_FLIGHT) {
    cache.join(req.seq, (response) => conn.respond(req, response));
    return;
  }
  if (cached !== undefined) {
    conn.respond(req, cached);
    return;
  }
  cache.start(req.seq);
  schedule(engine, new engine.Call(engine, conn, session, route, req, cache));
}

/**
 * Whether `bytes` more may wait behind `queued` bytes under `limit` (maxQueuedRequestBytes,
 * per session and per connection). A lone waiting request is always admitted.
 */
export function roomToWait(queued: number, bytes: number, limit: number): boolean {
  return queued === 0 || queued + bytes <= limit;
}

/**
 * Runs a call now, or queues it behind its session's running serial request. Waiting requests
 * hold their payloads: past maxQueuedRequestBytes per session the newcomer is refused with
 * BACKPRESSURE (retryable) instead of queued.
 */
function schedule(engine: SessionEngine, call: Call): void {
  const session = call.serialIn;
  if (session === undefined) {
    call.start();
    return;
  }
  if (session.serialBusy) {
    const bytes = call.payloadBytes;
    if (!roomToWait(session.queuedBytes, bytes, engine.limits.maxQueuedRequestBytes)) {
      engine.metrics.queuedBytesRejections++;
      call.refuse(new TetherError(ErrorCode.BACKPRESSURE, "too many request bytes waiting for this session"));
      return;
    }
    session.queuedBytes += bytes;
    session.serialQueue.push(call);
    return;
  }
  session.serialBusy = true;
  call.start();
}

/**
 * Drops the requests `conn` left waiting in `session`'s serial queue (its connection closed,
 * or moved to another session). They never started, so nothing ran: a client that retries the
 * seq runs it afresh. An open connection gets SESSION_EXPIRED for each; a request another
 * connection has joined (a retry of its seq) keeps its place and answers that one.
 */
export function dropQueued(engine: SessionEngine, session: Session, conn: Connection): void {
  const queue = session.serialQueue;
  if (queue.length === 0) return;
  let kept = 0;
  for (const call of queue) {
    if (call.connection === conn && call.drop()) {
      session.queuedBytes -= call.payloadBytes;
      engine.metrics.droppedQueuedRequests++;
    } else {
      queue[kept++] = call;
    }
  }
  queue.length = kept;
}

/**
 * A serial request finished: the next one of its session starts a microtask later (the lane
 * stays busy meanwhile), so whatever finished it (a re-login ending the session, a timeout)
 * has run to its end first, as with a promise chain, and no call starts inside another's end.
 */
function releaseSerial(session: Session): void {
  const next = session.serialQueue.shift();
  if (next === undefined) {
    session.serialBusy = false;
    return;
  }
  session.queuedBytes -= next.payloadBytes;
  queueMicrotask(() => next.startGuarded());
}

const QUEUED = 0;
const RUNNING = 1;
const FINISHED = 2;

/**
 * One game request from arrival to answer, and the context its handler gets. The engine makes
 * a subclass whose prototype carries the context extras (the server's gateway).
 */
export class Call implements RequestContext {
  readonly msgId: number;
  readonly seq: number;
  readonly connId: string;
  readonly playerId: number | undefined;
  readonly sessionId: string | undefined;
  readonly data: ReadonlyMap<string, string>;
  /** When the request times out (set when it starts). */
  deadline = 0;
  /** Its place in the engine's deadline set (-1: not running). */
  deadlineSlot = -1;
  /** Its place in its session's running requests (-1: none). */
  sessionSlot = -1;
  /** An own property (not on the prototype), so `const { push } = ctx` works. */
  readonly push: (msgId: number, payload: Uint8Array, options?: PushOptions) => number;
  readonly #engine: SessionEngine;
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
    engine: SessionEngine,
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
    this.data = session?.data ?? NO_DATA;
    this.#engine = engine;
    this.#conn = conn;
    this.#session = session;
    this.#route = route;
    this.#req = req;
    this.#cache = cache;
    this.push = (msgId, payload, options) =>
      session === undefined ? 0 : engine.push(session, msgId, payload, options);
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
    if (serial !== undefined) releaseSerial(serial);
  }
}

function sessionExpired(msgId: number): CachedResponse {
  return errorResponse(msgId, new TetherError(ErrorCode.SESSION_EXPIRED, "the session changed under the request"));
}

function observe(engine: SessionEngine, msgId: number, code: number, ms: number): void {
  try {
    engine.options.hooks.onRequestComplete?.(msgId, code, ms);
  } catch {}
}
