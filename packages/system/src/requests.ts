/**
 * Game requests (sessions.md §7): login gate and open routes, dedup by seq with
 * join-while-in-flight, one-at-a-time per session (unless the route is concurrent), timeout
 * with the late result dropped, SESSION_EXPIRED when the session changes, TetherError vs
 * INTERNAL, and one-way notifies (seq 0) that are never answered.
 */
import { ErrorCode, type Frame, isTetherError, TetherError } from "@tether/protocol";
import { type Connection, errorResponse, toTetherError } from "./connection.js";
import type { CachedResponse } from "./dedup-cache.js";
import type { SessionEngine } from "./engine.js";
import type { PushOptions } from "./push.js";
import type { RequestContext, Route } from "./routes.js";
import type { Session } from "./session.js";

const EMPTY = new Uint8Array(0);
const NO_DATA: ReadonlyMap<string, string> = new Map();

type Outcome =
  | { kind: "ok"; payload: Uint8Array }
  | { kind: "error"; error: TetherError }
  | { kind: "timeout" }
  | { kind: "expired" };

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
    void schedule(engine, conn, session, route, req);
    return;
  }
  const cache = session?.dedup ?? conn.dedup;
  const lookup = cache.begin(req.seq, (response) => conn.respond(req, response));
  if (lookup.kind === "done") conn.respond(req, lookup.response);
  if (lookup.kind !== "new") return;
  void schedule(engine, conn, session, route, req).then((answer) => {
    if (answer === undefined) return;
    // A retryable error is not cached: the retry must run again.
    cache.complete(req.seq, answer.response, answer.cache);
    conn.respond(req, answer.response);
  });
}

interface Answer {
  readonly response: CachedResponse;
  readonly cache: boolean;
}

function schedule(
  engine: SessionEngine,
  conn: Connection,
  session: Session | undefined,
  route: Route,
  req: Frame,
): Promise<Answer | undefined> {
  const run = () => execute(engine, conn, session, route, req);
  return session === undefined || route.concurrent ? run() : session.lane.run(run);
}

async function execute(
  engine: SessionEngine,
  conn: Connection,
  session: Session | undefined,
  route: Route,
  req: Frame,
): Promise<Answer | undefined> {
  if (session?.ended) return respondWith(req, { kind: "expired" });
  const started = engine.clock.now();
  // The AbortController is made only when the handler reads ctx.signal (most never do).
  let controller: AbortController | undefined;
  let abortedWith: TetherError | undefined;
  const ctx: RequestContext = {
    msgId: req.msgId,
    seq: req.seq,
    connId: conn.connId,
    playerId: session?.playerId,
    sessionId: session?.sessionId,
    data: session?.data ?? NO_DATA,
    get signal() {
      if (controller === undefined) {
        controller = new AbortController();
        if (abortedWith !== undefined) controller.abort(abortedWith); // read after the drop
      }
      return controller.signal;
    },
    push: (msgId: number, payload: Uint8Array, options?: PushOptions) =>
      session === undefined ? 0 : engine.push(session, msgId, payload, options),
    ...engine.contextExtras,
  };
  let timer: { cancel(): void } | undefined;
  let unregister: (() => void) | undefined;
  const outcome = await new Promise<Outcome>((resolve) => {
    timer = engine.clock.setTimer(engine.limits.requestTimeoutMs, () => resolve({ kind: "timeout" }));
    if (session) unregister = session.onExpire(() => resolve({ kind: "expired" }));
    const ok = (payload: unknown) => {
      if (payload !== undefined && !(payload instanceof Uint8Array)) {
        engine.logger.error("request handler returned something other than bytes", { msgId: req.msgId });
        resolve({ kind: "error", error: toTetherError(undefined) });
        return;
      }
      resolve({ kind: "ok", payload: (payload as Uint8Array | undefined) ?? EMPTY });
    };
    const failed = (e: unknown) => {
      if (!isTetherError(e)) engine.logger.error("request handler threw", { msgId: req.msgId, error: String(e) });
      resolve({ kind: "error", error: toTetherError(e) });
    };
    // A synchronous handler is answered without extra promise hops; an async one is awaited.
    let result: unknown;
    try {
      result = route.handler(req.payload, ctx);
    } catch (e) {
      failed(e);
      return;
    }
    if (result instanceof Promise || (typeof result === "object" && result !== null && "then" in result)) {
      (result as PromiseLike<unknown>).then(ok, failed);
    } else {
      ok(result);
    }
  });
  timer?.cancel();
  unregister?.();
  if (outcome.kind === "timeout") {
    engine.metrics.requestTimeouts++;
    abortedWith = new TetherError(ErrorCode.REQUEST_TIMEOUT, "request timed out");
    controller?.abort(abortedWith);
  } else if (outcome.kind === "expired") {
    abortedWith = new TetherError(ErrorCode.SESSION_EXPIRED, "session changed");
    controller?.abort(abortedWith);
  }
  const answer = respondWith(req, outcome);
  observe(engine, req.msgId, codeOf(outcome), engine.clock.now() - started);
  return req.seq === 0 ? undefined : answer;
}

function codeOf(outcome: Outcome): number {
  switch (outcome.kind) {
    case "ok":
      return 0;
    case "error":
      return outcome.error.code;
    case "timeout":
      return ErrorCode.REQUEST_TIMEOUT;
    case "expired":
      return ErrorCode.SESSION_EXPIRED;
  }
}

function observe(engine: SessionEngine, msgId: number, code: number, ms: number): void {
  try {
    engine.options.hooks.onRequestComplete?.(msgId, code, ms);
  } catch {}
}

function respondWith(req: Frame, outcome: Outcome): Answer {
  switch (outcome.kind) {
    case "ok":
      return { response: { msgId: req.msgId, flags: 0, payload: outcome.payload }, cache: true };
    case "error":
      return { response: errorResponse(req.msgId, outcome.error), cache: !outcome.error.retryable };
    case "timeout":
      return {
        response: errorResponse(req.msgId, new TetherError(ErrorCode.REQUEST_TIMEOUT, "request timed out")),
        cache: false,
      };
    case "expired":
      return {
        response: errorResponse(
          req.msgId,
          new TetherError(ErrorCode.SESSION_EXPIRED, "the session changed under the request"),
        ),
        cache: false,
      };
  }
}
