/**
 * Sync (sessions.md §6): the snapshot barrier.
 *
 * The server reserves the snapshot's pushId k first, then asks the SnapshotProvider, then
 * answers SyncResp{k} and issues SyncSnapshotPush as the reliable push k (frame `rev` = the
 * snapshot's revision). Pushes issued while the provider works get ids above k and may reach
 * the client before the snapshot; the client holds them, discards reliable pushes below k,
 * applies the snapshot, then applies the held ones, skipping any whose `rev` is not above the
 * snapshot's revision.
 *
 * Reading of the design: the RESP goes out after the provider answered rather than before, so
 * that a failing provider can answer an Error RESP (never silence). On failure the reserved id
 * is given back when nothing was issued after it; otherwise resumes from below it need a full
 * sync (the client, still waiting for a snapshot, syncs again anyway). A provider that takes
 * longer than requestTimeoutMs counts as failed (REQUEST_TIMEOUT). When the connection drops
 * while the provider works, the snapshot still fills its pushId in the session's ring.
 */
import {
  ErrorCode,
  type Frame,
  isTetherError,
  SyncReq,
  SyncResp,
  SyncSnapshotPush,
  SystemMsgId,
  TetherError,
} from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { EngineContext } from "./context.js";
import { decodePayload } from "./decode-payload.js";
import { issueReliable } from "./push.js";
import type { PushBody } from "./push-ring.js";
import type { SnapshotResult } from "./spi.js";

function checkSnapshot(x: unknown): SnapshotResult {
  const r = x as Partial<SnapshotResult> | null | undefined;
  if (
    typeof r !== "object" ||
    r === null ||
    !(r.snapshot instanceof Uint8Array) ||
    typeof r.serverStateRevision !== "number" ||
    !Number.isSafeInteger(r.serverStateRevision) ||
    r.serverStateRevision < 0
  ) {
    throw new Error("snapshot provider returned an invalid result");
  }
  return r as SnapshotResult;
}

export async function sync(engine: EngineContext, conn: Connection, req: Frame): Promise<void> {
  const session = conn.session;
  if (session === undefined) throw new TetherError(ErrorCode.NEED_LOGIN, "Sync needs a session");
  const provider = engine.options.snapshotProvider;
  if (provider === undefined) throw new TetherError(ErrorCode.SYNC_UNSUPPORTED, "this server has no snapshot provider");
  const msg = decodePayload(SyncReq, req.payload, "SyncReq");

  const k = session.nextPushId();
  session.pendingSnapshots.add(k);
  let body: PushBody;
  try {
    const result = checkSnapshot(
      await engine.withTimeout(provider.snapshot(session.playerId, msg.clientStateRevision ?? 0), "snapshot provider"),
    );
    // Built (and size-checked) before anything is answered: a snapshot too large for a frame
    // fails like a provider error instead of leaving a hole at k.
    body = engine.pushBody(
      SystemMsgId.SYNC_SNAPSHOT,
      SyncSnapshotPush.encode({ serverStateRevision: result.serverStateRevision, snapshot: result.snapshot }).finish(),
      { rev: result.serverStateRevision },
    );
  } catch (e) {
    session.pendingSnapshots.delete(k);
    if (session.lastIssuedPushId === k) session.lastIssuedPushId = k - 1;
    else session.ring.raiseFloor(k);
    if (isTetherError(e)) throw e;
    engine.logger.error("snapshot provider failed", { playerId: session.playerId, error: String(e) });
    throw new TetherError(ErrorCode.INTERNAL, "snapshot failed");
  }
  session.pendingSnapshots.delete(k);
  if (session.ended) throw new TetherError(ErrorCode.SESSION_EXPIRED, "the session ended during Sync");
  // The snapshot fills its reserved id even when the connection went away or switched
  // accounts meanwhile: the stream of the session never has a hole.
  if (conn.session === session) {
    conn.respond(req, { msgId: req.msgId, flags: 0, payload: SyncResp.encode({ snapshotPushId: k }).finish() });
  } else {
    conn.fail(req, new TetherError(ErrorCode.SESSION_EXPIRED, "the session changed during Sync"));
  }
  engine.metrics.reliablePushes++;
  engine.cluster.logged(session, issueReliable(session, k, body, engine.clock.now(), engine.compressionCache));
}
