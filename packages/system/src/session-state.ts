/**
 * A session's state as it moves from one node to another (cluster.md, resume on another node,
 * step 3): identity, push counters, the unacknowledged pushes, the data, the topics and the
 * request dedup cache. `exportSession` reads it off a session that has stopped working here;
 * `importSession` builds the session on the node that takes it over.
 */
import type { Clock } from "./clock.js";
import type { DedupAnswer } from "./dedup-cache.js";
import type { SessionLimits } from "./options.js";
import { Session } from "./session.js";

/** One unacknowledged reliable push. */
export interface MovedPush {
  readonly pushId: number;
  readonly msgId: number;
  readonly payload: Uint8Array;
  readonly rev: number;
  readonly compress: boolean;
  readonly issuedAt: number;
  readonly unflagged: boolean;
}

export interface SessionState {
  readonly sessionId: string;
  readonly key: string;
  readonly playerId: number;
  readonly deviceId: string | undefined;
  readonly sessionEpoch: number;
  readonly lastIssuedPushId: number;
  readonly lastAckedPushId: number;
  readonly stateRevision: number;
  /** Replay is possible only from at or above this (acknowledged, evicted or snapshot barrier). */
  readonly replayFloor: number;
  readonly clientInstance: string | undefined;
  readonly pushes: readonly MovedPush[];
  readonly data: readonly (readonly [string, string])[];
  readonly topics: readonly string[];
  readonly dedupFloor: number;
  readonly answers: readonly DedupAnswer[];
}

/** The state of `session` (which must not run anything any more). */
export function exportSession(session: Session): SessionState {
  let replayFloor = session.ring.floor;
  for (const k of session.pendingSnapshots) if (k > replayFloor) replayFloor = k; // a snapshot never built
  const { floor: dedupFloor, answers } = session.dedup.exportAnswers();
  return {
    sessionId: session.sessionId,
    key: session.key,
    playerId: session.playerId,
    deviceId: session.deviceId,
    sessionEpoch: session.sessionEpoch,
    lastIssuedPushId: session.lastIssuedPushId,
    lastAckedPushId: session.lastAckedPushId,
    stateRevision: session.stateRevision,
    replayFloor,
    clientInstance: session.clientInstance,
    pushes: session.ring.after(session.lastAckedPushId).map((e) => ({
      pushId: e.pushId,
      msgId: e.body.msgId,
      payload: e.body.payload,
      rev: e.body.rev,
      compress: e.body.compress,
      issuedAt: e.issuedAt,
      unflagged: e.unflagged === true,
    })),
    data: [...session.data],
    topics: [...session.topics],
    dedupFloor,
    answers,
  };
}

/** A session rebuilt from `state` on this node (not yet in the store, not attached). */
export function importSession(state: SessionState, limits: SessionLimits, clock: Clock, onEvict?: () => void): Session {
  const session = new Session(
    {
      key: state.key,
      sessionId: state.sessionId,
      playerId: state.playerId,
      deviceId: state.deviceId,
      sessionEpoch: state.sessionEpoch,
      data: undefined,
    },
    limits,
    clock,
    onEvict,
  );
  session.lastIssuedPushId = state.lastIssuedPushId;
  session.lastAckedPushId = state.lastAckedPushId;
  session.stateRevision = state.stateRevision;
  session.clientInstance = state.clientInstance;
  session.ring.raiseFloor(state.replayFloor);
  const now = clock.now();
  for (const p of state.pushes) {
    const body = { msgId: p.msgId, payload: p.payload, rev: p.rev, compress: p.compress };
    session.ring.add(
      p.unflagged
        ? { pushId: p.pushId, body, issuedAt: p.issuedAt, unflagged: true }
        : { pushId: p.pushId, body, issuedAt: p.issuedAt },
      now,
    );
  }
  for (const [k, v] of state.data) session.data.set(k, v);
  for (const t of state.topics) session.topics.add(t);
  session.dedup.importAnswers(state.dedupFloor, state.answers);
  return session;
}
