/**
 * Resume (sessions.md §4), steps in this order:
 *  1. authenticate (failure: UNAUTHORIZED, the connection stays as it was);
 *  2. find the session by key: here, or (cluster mode) taken over from the node that holds it
 *     (its owner gone: NEED_FULL_SYNC, same sessionId); none anywhere: create one, NEED_FULL_SYNC;
 *  3. a server_epoch that is not ours: NEED_FULL_SYNC (after authentication, so the
 *     connection is bound and may Sync);
 *  4. a live connection on the session (zombie or other device): closed with 4500, taken over;
 *  5. last_applied L: above the last issued id, below a snapshot being built, or below what the
 *     ring can still replay: NEED_FULL_SYNC; else OK, L counts as an ACK and every entry above L
 *     is replayed with REPLAY;
 *  6. RESP, then the replay, then the attachment, all in one synchronous step once the session
 *     is found: a push issued meanwhile is in the ring, so it is replayed, never lost and never
 *     sent twice;
 *  7. a different client_instance clears the request dedup cache.
 */
import {
  CloseCode,
  FRAME_OVERHEAD_BYTES,
  type Frame,
  ResumeReq,
  ResumeResp,
  ResumeResult,
  toHex,
} from "@tether/protocol";
import { ackSession } from "./ack.js";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import { decodePayload } from "./decode-payload.js";
import type { ResumeOutcome } from "./hooks.js";
import { sendReliable } from "./push.js";
import type { RingEntry } from "./push-ring.js";
import type { Session } from "./session.js";
import { startTtl } from "./session-lifetime.js";
import { importSession } from "./session-state.js";
import { type AuthResult, sessionKeyOf } from "./spi.js";

interface Found {
  readonly session: Session;
  /** No session of the key anywhere: this one is new. */
  readonly created: boolean;
  /** It came from a node that is gone, without its pushes. */
  readonly lost: boolean;
}

/**
 * The session of `key` when this node does not hold it: taken over from the node that does
 * (cluster.md), or new. Undefined when the connection closed while the cluster was asked; a
 * session taken over meanwhile then waits here, detached, for its client's next resume.
 */
async function findElsewhere(
  engine: EngineContext,
  conn: Connection,
  key: string,
  auth: AuthResult,
): Promise<Found | undefined> {
  const asked = engine.cluster.takeOver(key, auth.playerId);
  const took = "kind" in asked ? asked : await asked;
  let session: Session;
  if (took.kind === "none") {
    session = engine.newSession(auth);
    const claim = engine.cluster.claimLogin(session, true);
    if (typeof claim !== "string") await claim;
  } else {
    session = importSession(took.state, engine.limits, engine.clock, engine.countEviction);
  }
  const first = engine.store.byKey(key); // a resume on another connection may have got here first
  if (first !== undefined) {
    if (took.kind === "none") engine.cluster.ended(session, "replaced");
    return conn.open ? { session: first, created: false, lost: false } : undefined;
  }
  if (!conn.open && took.kind === "none") {
    engine.cluster.ended(session, "replaced");
    return undefined;
  }
  engine.store.add(session);
  if (took.kind !== "none") engine.onSessionArrived?.(session);
  if (!conn.open) {
    startTtl(engine, session); // taken over: it waits here for its client's next resume
    return undefined;
  }
  return { session, created: took.kind === "none", lost: took.kind === "lost" };
}

export async function resume(engine: EngineContext, conn: Connection, req: Frame): Promise<void> {
  const msg = decodePayload(ResumeReq, req.payload, "ResumeReq");
  const auth = await engine.authenticate(msg.token, conn); // step 1
  if (!conn.open) return;

  // Everything below runs in one synchronous step (step 6).
  const key = sessionKeyOf(auth);
  if (conn.session && conn.session.key !== key) engine.detach(conn, "session changed");

  const here = engine.store.byKey(key);
  const found =
    here !== undefined ? { session: here, created: false, lost: false } : await findElsewhere(engine, conn, key, auth);
  if (found === undefined) return; // the connection closed meanwhile
  const { session, created, lost } = found;
  let outcome: ResumeOutcome;
  let replay: RingEntry[] = [];
  const now = engine.clock.now();
  if (created) {
    outcome = { result: "need-full-sync", replayed: 0, why: "no-session" }; // step 2
  } else if (lost) {
    // Its pushes went with its node: numbering goes on above whatever the client holds.
    session.lastIssuedPushId = Math.max(session.lastIssuedPushId, msg.lastAppliedPushId ?? 0);
    outcome = { result: "need-full-sync", replayed: 0, why: "owner-lost" };
  } else {
    const L = msg.lastAppliedPushId ?? 0;
    if (msg.serverEpoch && msg.serverEpoch !== engine.serverEpoch) {
      outcome = { result: "need-full-sync", replayed: 0, why: "epoch" }; // step 3
    } else if (L > session.lastIssuedPushId) {
      outcome = { result: "need-full-sync", replayed: 0, why: "ahead" };
    } else if (session.snapshotPendingAbove(L)) {
      outcome = { result: "need-full-sync", replayed: 0, why: "snapshot-pending" };
    } else if (!session.ring.canReplayFrom(L, now)) {
      outcome = { result: "need-full-sync", replayed: 0, why: "evicted" };
    } else if (
      !session.ring.after(L).every((e) => e.body.payload.length <= conn.maxFrameBytes - FRAME_OVERHEAD_BYTES)
    ) {
      // This connection agreed a smaller max_frame_bytes than a missed push needs.
      outcome = { result: "need-full-sync", replayed: 0, why: "too-large" };
    } else {
      ackSession(session, L); // L counts as an ACK (the one ACK rule, ack.ts)
      engine.cluster.acked(session);
      replay = session.ring.after(L);
      outcome = { result: "ok", replayed: replay.length };
    }
  }
  if (outcome.result === "need-full-sync") {
    // pushIds keep counting; the client adopts max_buffered_push_id as its baseline.
    session.ring.clear(session.lastIssuedPushId);
    session.lastAckedPushId = session.lastIssuedPushId;
  }

  const instance = msg.clientInstance && msg.clientInstance.length > 0 ? toHex(msg.clientInstance) : undefined;
  if (instance !== undefined && instance !== session.clientInstance) {
    session.dedup.clear(); // step 7
    session.clientInstance = instance;
  }

  const zombie = session.connection !== conn ? session.connection : undefined; // step 4
  if (zombie) {
    engine.detach(zombie);
    zombie.close(CloseCode.SESSION_TAKEN_OVER, "session resumed on another connection");
  }

  const ok = outcome.result === "ok";
  conn.respond(req, {
    msgId: req.msgId,
    flags: 0,
    payload: ResumeResp.encode({
      result: ok ? ResumeResult.RESUME_OK : ResumeResult.RESUME_NEED_FULL_SYNC,
      serverStateRevision: session.stateRevision,
      minBufferedPushId: replay[0]?.pushId ?? 0,
      maxBufferedPushId: session.lastIssuedPushId,
      playerId: session.playerId,
      sessionEpoch: session.sessionEpoch,
      serverEpoch: engine.serverEpoch,
      serverTimeMillis: now,
      sessionId: session.sessionId,
      replayCount: replay.length,
    }).finish(),
  });
  for (const entry of replay) sendReliable(conn, entry, true, engine.compressionCache);
  engine.metrics.replayedPushes += replay.length;
  if (ok) engine.metrics.resumesOk++;
  else engine.metrics.resumesFullSync++;
  engine.attach(session, conn);
  if (created) engine.sessionStarted(session);
  const s = session;
  try {
    engine.options.hooks.onSessionResume?.(s, outcome);
  } catch (e) {
    engine.logger.error("a hook threw", { hook: "onSessionResume", error: String(e) });
  }
}
