/**
 * Issuing pushes to sessions (sessions.md §5). A reliable push gets the session's next pushId,
 * enters its ring, and goes out at once when a connection is attached; a best-effort push goes
 * out only to an attached connection. A push to many sessions shares one PushBody (one payload
 * copy, compressed at most once).
 */
import { FrameFlag, FrameType, withFlag } from "@tether/protocol";
import type { Connection } from "./connection.js";
import type { PushBody, RingEntry } from "./push-ring.js";
import type { Session } from "./session.js";

export interface PushOptions {
  /** Buffered, numbered and replayed across reconnects. */
  readonly reliable?: boolean;
  /** Allow compression of this payload (when negotiated). Default true. */
  readonly compress?: boolean;
  /** Game-state revision after this push. */
  readonly rev?: number;
}

/** Compressed payloads by body, so a fan-out compresses once. `null` = not worth compressing. */
export type CompressionCache = WeakMap<PushBody, Uint8Array | null>;

function precompressed(conn: Connection, body: PushBody, cache: CompressionCache): Uint8Array | undefined {
  if (!body.compress || !conn.codec.compression || body.payload.length === 0) return undefined;
  let packed = cache.get(body);
  if (packed === undefined) {
    packed = conn.codec.compress(body.payload) ?? null;
    cache.set(body, packed);
  }
  return packed ?? undefined;
}

/** Writes one reliable ring entry to a connection. */
export function sendReliable(conn: Connection, entry: RingEntry, replay: boolean, cache: CompressionCache): boolean {
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

/**
 * Frames of one best-effort fan-out, by variant: a best-effort push is identical for every plain
 * (unsealed) connection with the same compression, so it is encoded once and the bytes reused.
 */
export type SharedFrames = Map<string, Uint8Array>;

/** Writes one best-effort push to a connection (reusing a shared frame when it can). */
export function sendBestEffort(
  conn: Connection,
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
