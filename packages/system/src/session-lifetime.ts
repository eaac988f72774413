/**
 * The life of a session (sessions.md §4): created by a Login or a Resume that found none,
 * attached to one connection at a time, detached when its connection goes (its queued requests
 * dropped; it lives on for sessionTtlMs), ended by Logout, a kick, a takeover or expiry; and
 * the hooks that report each step to game code. This is the seam cluster mode implements.
 */
import { CloseCode } from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import type { SessionEndReason } from "./hooks.js";
import { randomId } from "./ids.js";
import { dropQueued } from "./requests.js";
import { type AttachedConnection, Session } from "./session.js";
import { exportSession, type SessionState } from "./session-state.js";
import { type AuthResult, sessionKeyOf } from "./spi.js";

/** A new session for `auth`, not yet in the store (a Login claims its key first). */
export function newSession(engine: EngineContext, auth: AuthResult): Session {
  return new Session(
    {
      key: sessionKeyOf(auth),
      sessionId: randomId(engine.options.crypto),
      playerId: auth.playerId,
      deviceId: auth.deviceId,
      sessionEpoch: engine.nextSessionEpoch(),
      data: auth.data,
    },
    engine.limits,
    engine.clock,
    engine.countEviction,
  );
}

/** A new session for `auth`, in the store. */
export function createSession(engine: EngineContext, auth: AuthResult): Session {
  const session = newSession(engine, auth);
  engine.store.add(session);
  return session;
}

/** Reports a new session to game code, once its connection is attached (pushes reach it). */
export function sessionStarted(engine: EngineContext, session: Session): void {
  hook(engine, "onSessionStart", () => engine.options.hooks.onSessionStart?.(session));
}

export function attach(engine: EngineContext, session: Session, conn: Connection): void {
  session.ttlTimer?.cancel();
  session.ttlTimer = undefined;
  session.detachedAt = undefined;
  session.connection = conn;
  conn.session = session;
  engine.cluster.attached(session);
}

/** Unbinds `conn` from its session; the session lives on for its TTL. */
export function detach(engine: EngineContext, conn: AttachedConnection, reason?: string): void {
  const session = conn.session;
  conn.session = undefined;
  if (session === undefined) return;
  dropQueued(engine, session, conn);
  if (reason !== undefined) session.expireRunning();
  if (session.connection !== conn) return;
  session.connection = undefined;
  if (session.ended) return;
  startTtl(engine, session);
  engine.cluster.detached(session);
}

/** A detached session ends once it has waited sessionTtlMs for a connection. */
export function startTtl(engine: EngineContext, session: Session): void {
  session.detachedAt = engine.clock.now();
  session.ttlTimer?.cancel();
  session.ttlTimer = engine.clock.setTimer(engine.limits.sessionTtlMs, () =>
    engine.guard(undefined, "session expiry", () => {
      if (session.connection === undefined) endSession(engine, session, "expired");
    }),
  );
}

/** Ends a session: ring dropped, requests aborted, removed from the store. */
export function endSession(engine: EngineContext, session: Session, reason: SessionEndReason): void {
  if (session.ended) return;
  session.ended = true;
  session.ttlTimer?.cancel();
  session.ring.clear(session.lastIssuedPushId);
  session.expireRunning();
  engine.store.remove(session);
  const conn = session.connection;
  if (conn?.session === session) conn.session = undefined;
  session.connection = undefined;
  engine.cluster.ended(session, reason);
  hook(engine, "onSessionEnded", () => engine.onSessionEnded?.(session));
  hook(engine, "onSessionEnd", () => engine.options.hooks.onSessionEnd?.(session, reason));
}

/**
 * Another node takes the session over (cluster.md, handoff step 3): its connection here is
 * closed with 4500, its running requests finish (their answers go into the dedup cache that
 * moves with it, so a retried request does not run twice), and it leaves this node without
 * ending: no onSessionEnd, the node's own bookkeeping (topic index) forgets it.
 */
export async function handOff(engine: EngineContext, sessionId: string): Promise<SessionState | undefined> {
  const session = engine.store.byId(sessionId);
  if (session === undefined || session.ended) return undefined;
  const conn = session.connection;
  if (conn !== undefined) {
    detach(engine, conn);
    conn.close(CloseCode.SESSION_TAKEN_OVER, "session resumed on another node");
  }
  await session.whenIdle();
  if (session.ended || engine.store.byId(sessionId) !== session) return undefined;
  session.ended = true; // nothing may use it here any more
  session.movedAway = true;
  session.ttlTimer?.cancel();
  session.ttlTimer = undefined;
  engine.store.remove(session);
  const state = exportSession(session);
  session.ring.clear(session.lastIssuedPushId);
  hook(engine, "onSessionMoved", () => engine.onSessionMoved?.(session));
  return state;
}

export function connectionClosed(engine: EngineContext, conn: Connection): void {
  engine.connections.delete(conn.connId);
  detach(engine, conn);
  hook(engine, "onConnectionClose", () => engine.options.hooks.onConnectionClose?.(conn, conn.closeCode));
}

/** Runs a game hook: a throw, or a promise it returns that rejects, is logged, never fatal. */
export function hook(engine: EngineContext, name: string, fn: () => unknown): void {
  const failed = (e: unknown) => engine.logger.error("a hook threw", { hook: name, error: String(e) });
  try {
    const r = fn();
    if (typeof r === "object" && r !== null && typeof (r as PromiseLike<unknown>).then === "function") {
      (r as PromiseLike<unknown>).then(undefined, failed);
    }
  } catch (e) {
    failed(e);
  }
}
