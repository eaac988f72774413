/**
 * Game requests (sessions.md §7): login gate and open routes, dedup by seq with
 * join-while-in-flight, one-at-a-time per session (unless the route is concurrent), timeout
 * with the late result dropped, SESSION_EXPIRED when the session changes, TetherError vs
 * INTERNAL, and one-way notifies (seq 0) that are never answered.
 *
 * The hot path: one `Call` object per request (call.ts) is both the bookkeeping and the
 * handler's context; a synchronous handler is answered without a promise; timeouts share one
 * timer (DeadlineSet); a session's serial requests wait in a plain queue.
 */
import { ErrorCode, type Frame, TetherError } from "@tether/protocol";
import { type Call, observe } from "./call.js";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import { IN_FLIGHT } from "./dedup-cache.js";
import type { AttachedConnection, Session } from "./session.js";

export function dispatchRequest(engine: EngineContext, conn: Connection, req: Frame): void {
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
function schedule(engine: EngineContext, call: Call): void {
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
export function dropQueued(engine: EngineContext, session: Session, conn: AttachedConnection): void {
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
