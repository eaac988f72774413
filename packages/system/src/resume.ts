/**
 * Resume (sessions.md §4), steps in this order:
 *  1. authenticate (failure: UNAUTHORIZED, the connection stays as it was);
 *  2. find the session by key; none: create one, NEED_FULL_SYNC;
 *  3. a server_epoch that is not ours: NEED_FULL_SYNC (after authentication, so the
 *     connection is bound and may Sync);
 *  4. a live connection on the session (zombie or other device): closed with 4500, taken over;
 *  5. last_applied L: above the last issued id, below a snapshot being built, or below what the
 *     ring can still replay: NEED_FULL_SYNC; else OK, L counts as an ACK and every entry above L
 *     is replayed with REPLAY;
 *  6. RESP, then the replay, then the attachment, all in one synchronous step after the
 *     authenticator's promise: a push issued meanwhile is in the ring, so it is replayed, never
 *     lost and never sent twice;
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
import { sessionKeyOf } from "./spi.js";

export async function resume(engine: EngineContext, conn: Connection, req: Frame): Promise<void> {
  const msg = decodePayload(ResumeReq, req.payload, "ResumeReq");
  const auth = await engine.authenticate(msg.token, conn); // step 1
  if (!conn.open) return;

  // Everything below runs in one synchronous step (step 6).
  const key = sessionKeyOf(auth);
  if (conn.session && conn.session.key !== key) engine.detach(conn, "session changed");

  let session = engine.store.byKey(key);
  const created = session === undefined;
  let outcome: ResumeOutcome;
  let replay: RingEntry[] = [];
  const now = engine.clock.now();
  if (session === undefined) {
    session = engine.createSession(auth); // step 2
    outcome = { result: "need-full-sync", replayed: 0, why: "no-session" };
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
