/**
 * Issuing pushes to sessions (sessions.md §5). A reliable push gets the session's next pushId,
 * enters its ring, and goes out at once when a connection is attached; a best-effort push goes
 * out only to an attached connection. A push to many sessions shares one PushBody (one payload
 * copy, compressed at most once).
 */
import {
  ErrorCode,
  FRAME_OVERHEAD_BYTES,
  FrameFlag,
  FrameType,
  isGameMsgId,
  MSG_ID_MAX,
  TetherError,
  withFlag,
} from "@tether/protocol";
import type { EngineContext } from "./context.js";
import { InvalidOptionError } from "./options.js";
import type { CompressionCache, PushBody, PushOptions, RingEntry, SharedFrames } from "./push-ring.js";
import type { AttachedConnection, Session } from "./session.js";

function precompressed(conn: AttachedConnection, body: PushBody, cache: CompressionCache): Uint8Array | undefined {
  if (!body.compress || !conn.codec.compression || body.payload.length === 0) return undefined;
  let packed = cache.get(body);
  if (packed === undefined) {
    packed = conn.codec.compress(body.payload) ?? null;
    cache.set(body, packed);
  }
  return packed ?? undefined;
}

/** Writes one reliable ring entry to a connection. */
export function sendReliable(
  conn: AttachedConnection,
  entry: RingEntry,
  replay: boolean,
  cache: CompressionCache,
): boolean {
  const { body } = entry;
  let flags: number = entry.unflagged === true ? 0 : FrameFlag.ACK_REQUIRED;
  if (replay) flags = withFlag(flags, FrameFlag.REPLAY);
  const packed = precompressed(conn, body, cache);
  return conn.send(
    {
      type: FrameType.PUSH,
      flags,
      msgId: body.msgId,
      pushId: entry.pushId,
      ts: entry.issuedAt,
      rev: body.rev,
      payload: body.payload,
      compress: body.compress && packed !== undefined,
    },
    packed,
  );
}

/** Writes one best-effort push to a connection (reusing a shared frame when it can). */
export function sendBestEffort(
  conn: AttachedConnection,
  body: PushBody,
  ts: number,
  cache: CompressionCache,
  shared?: SharedFrames,
  onBuilt?: () => void,
): boolean {
  const packed = precompressed(conn, body, cache);
  const frame = {
    type: FrameType.PUSH,
    msgId: body.msgId,
    ts,
    rev: body.rev,
    payload: body.payload,
    compress: body.compress && packed !== undefined,
  } as const;
  if (shared === undefined || conn.codec.sealed) return conn.send(frame, packed);
  const key = packed === undefined ? "plain" : "gzip";
  let bytes = shared.get(key);
  if (bytes === undefined) {
    bytes = conn.codec.encode(frame, packed);
    shared.set(key, bytes);
    onBuilt?.();
  }
  return conn.sendEncoded(bytes, frame);
}

/**
 * Issues a reliable push with pushId `pushId` (already allocated by the caller) to `session`:
 * into the ring, then to the attached connection. Returns the entry.
 */
export function issueReliable(
  session: Session,
  pushId: number,
  body: PushBody,
  now: number,
  cache: CompressionCache,
  unflagged = false,
): RingEntry {
  const entry: RingEntry = unflagged
    ? { pushId, body, issuedAt: now, unflagged: true }
    : { pushId, body, issuedAt: now };
  session.ring.add(entry, now);
  if (body.rev > session.stateRevision) session.stateRevision = body.rev;
  const conn = session.connection;
  if (conn) sendReliable(conn, entry, false, cache);
  return entry;
}

// ---- the push calls of game code (engine.push, engine.pushMany) ----------------------------

/** The reliable default of game pushes, decided here only: reliable unless `reliable: false`. */
function isReliable(options: PushOptions): boolean {
  return options.reliable !== false;
}

/** Pushes from game code use msgIds from 1000 (1..999 belong to the system). */
export function checkGameMsgId(msgId: number): void {
  if (!isGameMsgId(msgId)) throw new InvalidOptionError("msgId", `game pushes use msgIds from 1000 (got ${msgId})`);
}

/** Whether a push of `body` fits the max_frame_bytes of the session's connection (if any). */
function fitsConnection(session: Session, body: PushBody): boolean {
  const conn = session.connection;
  return conn === undefined || body.payload.length <= conn.maxFrameBytes - FRAME_OVERHEAD_BYTES;
}

function tooLargeForConnection(bytes: number): TetherError {
  return new TetherError(
    ErrorCode.PAYLOAD_TOO_LARGE,
    `push payload of ${bytes} bytes exceeds the max_frame_bytes of the session's connection`,
  );
}

/** A body for one push to one or many sessions (validated once). */
export function pushBody(
  engine: EngineContext,
  msgId: number,
  payload: Uint8Array,
  options: PushOptions = {},
): PushBody {
  if (!Number.isInteger(msgId) || msgId < 1 || msgId > MSG_ID_MAX) {
    throw new InvalidOptionError("msgId", `push msgId ${msgId} is out of range`);
  }
  if (!(payload instanceof Uint8Array)) throw new InvalidOptionError("payload", "must be a Uint8Array");
  if (payload.length > engine.limits.maxFrameBytes - FRAME_OVERHEAD_BYTES) {
    throw new TetherError(ErrorCode.PAYLOAD_TOO_LARGE, `push payload of ${payload.length} bytes exceeds maxFrameBytes`);
  }
  const rev = options.rev ?? 0;
  if (!Number.isSafeInteger(rev) || rev < 0) throw new InvalidOptionError("rev", "must be a non-negative integer");
  return { msgId, payload, rev, compress: options.compress !== false };
}

/**
 * Pushes one body to `session`. Reliable: numbered, buffered, replayed; returns the pushId.
 * Best effort: sent only when a connection is attached; returns 0.
 */
export function pushTo(
  engine: EngineContext,
  session: Session,
  body: PushBody,
  reliable: boolean,
  shared?: SharedFrames,
  now = engine.clock.now(),
): number {
  if (session.ended) return 0;
  if (!fitsConnection(session, body)) {
    engine.metrics.pushesTooLarge++;
    return -1;
  }
  if (reliable || engine.options.compat === "civgenesis") {
    // In CivGenesis mode every push is numbered and buffered (a best-effort one without
    // ACK_REQUIRED), so those clients' strict pushId sequence holds across replays.
    engine.metrics.reliablePushes++;
    const entry = issueReliable(session, session.nextPushId(), body, now, engine.compressionCache, !reliable);
    engine.cluster.logged(session, entry);
    return entry.pushId;
  }
  const conn = session.connection;
  if (conn) {
    engine.metrics.bestEffortPushes++;
    sendBestEffort(conn, body, now, engine.compressionCache, shared, engine.countSharedFrame);
  }
  return 0;
}

/**
 * Pushes a game message (msgId >= 1000) to one session. Reliable by default. A payload that
 * would not fit a frame (the server's maxFrameBytes, or the smaller one the session's
 * connection agreed) throws PAYLOAD_TOO_LARGE and issues nothing.
 */
export function push(
  engine: EngineContext,
  session: Session,
  msgId: number,
  payload: Uint8Array,
  options: PushOptions = {},
): number {
  checkGameMsgId(msgId);
  const body = pushBody(engine, msgId, payload, options);
  if (session.movedAway) {
    // The session went to another node (a handler's late push, a timer): it follows it there.
    forwardPush(engine, session, msgId, payload, options);
    return 0;
  }
  const id = pushTo(engine, session, body, isReliable(options));
  if (id < 0) throw tooLargeForConnection(payload.length);
  return id;
}

function forwardPush(
  engine: EngineContext,
  session: Session,
  msgId: number,
  payload: Uint8Array,
  options: PushOptions,
): void {
  const failed = (e: unknown) =>
    engine.logger.warn("a push to a session that moved was not delivered", {
      sessionId: session.sessionId,
      error: String(e),
    });
  try {
    const sent = engine.cluster.sendElsewhere(session.sessionId, msgId, payload, options);
    if (typeof sent !== "boolean") sent.then(undefined, failed);
  } catch (e) {
    failed(e);
  }
}

/** Pushes one payload to many sessions: stored once, each session numbering its own copy. */
export function pushMany(
  engine: EngineContext,
  sessions: Iterable<Session>,
  msgId: number,
  payload: Uint8Array,
  options: PushOptions = {},
): number {
  checkGameMsgId(msgId);
  const body = pushBody(engine, msgId, payload, options);
  const reliable = isReliable(options);
  const shared: SharedFrames | undefined = reliable ? undefined : new Map();
  const now = engine.clock.now();
  let n = 0;
  // One message to many: the transport writes it to them all when the call ends (see fanOuts).
  engine.fanOuts++;
  try {
    for (const s of sessions) {
      if (s.ended) continue;
      // A session whose connection cannot take it is skipped (and counted): the others get it.
      if (pushTo(engine, s, body, reliable, shared, now) >= 0) n++;
    }
  } finally {
    engine.fanOuts--;
  }
  return n;
}
