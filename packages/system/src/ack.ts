/**
 * The cumulative ACK rules (sessions.md §5 and §7, protocol.md §2), in one place: an ACK frame
 * or an `ackPushId` on any client frame is applied first, before anything else is done with the
 * frame; it trims the ring; a smaller one than before is ignored; one above the last issued
 * pushId is a protocol error (clamped in CivGenesis mode). Resume applies its
 * last_applied_push_id through the same rule. An `ackSeq` on any client frame is applied at the
 * same point: the dedup cache forgets the answers the client holds.
 */
import { type Frame, FrameRule, FrameType, invalidFrame } from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import type { Session } from "./session.js";

/** Records that the client holds every push up to `n`: the ring drops them. */
export function ackSession(session: Session, n: number): void {
  if (n <= session.lastAckedPushId) return;
  session.lastAckedPushId = n;
  session.ring.ack(n);
}

/**
 * protocol.md §2: a cumulative ACK (an ACK frame, or ackPushId on any frame) is applied first,
 * whatever then happens to the frame (refused, rate limited, answered, ignored). In line when
 * nothing waits in the connection's lane (the usual case), else behind what waits there (a
 * Resume in progress): the same order either way. False when it closed the connection.
 */
export function acknowledge(engine: EngineContext, conn: Connection, frame: Frame): boolean {
  const ack = frame.type === FrameType.ACK ? Math.max(frame.pushId, frame.ackPushId) : frame.ackPushId;
  const ackSeq = frame.ackSeq;
  if (ack === 0 && ackSeq === 0) return true;
  if (conn.lane.length > 0) {
    engine.inLane(conn, "ack", () => applyAcks(engine, conn, ack, ackSeq));
    return true;
  }
  applyAcks(engine, conn, ack, ackSeq);
  return conn.open;
}

function applyAcks(engine: EngineContext, conn: Connection, ack: number, ackSeq: number): void {
  if (ackSeq !== 0) applyAckSeq(conn, ackSeq);
  if (ack !== 0) applyAck(engine, conn, ack);
}

/**
 * sessions.md §7: the client holds the answer of every request with seq <= ackSeq, so the
 * cache that answers its repeats (the session's, or the connection's before a Login) forgets
 * them. A smaller one than before changes nothing.
 */
export function applyAckSeq(conn: Connection, ackSeq: number): void {
  (conn.session?.dedup ?? conn.dedup).forgetThrough(ackSeq);
}

/** Cumulative ACK (an ACK frame or a piggy-backed ackPushId). */
export function applyAck(engine: EngineContext, conn: Connection, ack: number): void {
  const session = conn.session;
  if (ack === 0 || session === undefined) return;
  let n = ack;
  if (n > session.lastIssuedPushId) {
    if (engine.options.compat !== "civgenesis") {
      conn.protocolError(invalidFrame(FrameRule.ACK_ABOVE_ISSUED, "ACK above the last issued pushId"));
      return;
    }
    // CivGenesis mode: clamped and logged, not fatal.
    engine.logger.warn("ACK above the last issued pushId, clamped", {
      connId: conn.connId,
      rule: FrameRule.ACK_ABOVE_ISSUED,
    });
    n = session.lastIssuedPushId;
  }
  if (n <= session.lastAckedPushId) return;
  ackSession(session, n);
  engine.cluster.acked(session);
}
