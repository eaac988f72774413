/**
 * Login (start fresh) and Logout (sessions.md §4).
 *
 * Login ends any existing session under the key. If that session has a live connection, the
 * kick policy decides: kick (default) sends it Disconnect{4500} and closes it; no kick answers
 * SESSION_CONFLICT. The policy is the request's explicit `kick_existing_session` when present,
 * else the authenticator's `kickExistingSession`, else the server's `kickExistingSession`.
 */
import { CloseCode, ErrorCode, type Frame, LoginReq, LoginResp, LogoutResp, TetherError } from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import { decodePayload } from "./decode-payload.js";
import { sessionKeyOf } from "./spi.js";

export async function login(engine: EngineContext, conn: Connection, req: Frame): Promise<void> {
  const msg = decodePayload(LoginReq, req.payload, "LoginReq");
  const auth = await engine.authenticate(msg.token, conn);
  if (!conn.open) return;

  const key = sessionKeyOf(auth);
  const explicit = Object.hasOwn(msg, "kickExistingSession") ? msg.kickExistingSession : undefined;
  const kick = explicit ?? auth.kickExistingSession ?? engine.options.kickExistingSession;
  const conflict = () => new TetherError(ErrorCode.SESSION_CONFLICT, "the session is held by another connection");
  const held = engine.store.byKey(key)?.connection;
  if (held && held !== conn && !kick) throw conflict();

  // The key is claimed cluster-wide before anyone can see the session (one node: at once).
  const session = engine.newSession(auth);
  const claim = engine.cluster.claimLogin(session, kick);
  if ((typeof claim === "string" ? claim : await claim) === "conflict") throw conflict();
  if (!conn.open) {
    engine.cluster.ended(session, "replaced");
    return;
  }

  // Account switch (or a fresh login on the same key): leave the current session first; its
  // requests still running get SESSION_EXPIRED.
  if (conn.session) engine.detach(conn, "session changed");
  const existing = engine.store.byKey(key);
  const holder = existing?.connection;
  if (existing) {
    engine.endSession(existing, holder && holder !== conn ? "taken-over" : "replaced");
    if (holder && holder !== conn) holder.close(CloseCode.SESSION_TAKEN_OVER, "session taken over by a new login");
  }

  engine.store.add(session);
  engine.attach(session, conn);
  conn.respond(req, {
    msgId: req.msgId,
    flags: 0,
    payload: LoginResp.encode({
      playerId: session.playerId,
      sessionEpoch: session.sessionEpoch,
      needSync: engine.options.snapshotProvider !== undefined,
      serverTimeMillis: engine.clock.now(),
      sessionId: session.sessionId,
      lastIssuedPushId: session.lastIssuedPushId,
    }).finish(),
  });
  // After the RESP: a push made by the hook reaches the client after LoginResp, above its baseline.
  engine.sessionStarted(session);
}

/** Logout: answers LogoutResp, ends the session and closes with 4504. */
export function logout(engine: EngineContext, conn: Connection, req: Frame): void {
  const session = conn.session;
  if (session === undefined) throw new TetherError(ErrorCode.NEED_LOGIN, "not logged in");
  conn.respond(req, { msgId: req.msgId, flags: 0, payload: LogoutResp.encode({}).finish() });
  engine.endSession(session, "logout");
  conn.close(CloseCode.LOGGED_OUT, "logged out");
}
