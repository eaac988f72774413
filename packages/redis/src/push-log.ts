/**
 * Durability "log" (cluster.md, reliable pushes in log mode): every reliable push of a session
 * is appended to the session's Redis Stream, under the stream id `<pushId>-0`, before it reaches
 * the socket. The appends of one event-loop turn leave together (auto-pipelined: one round trip
 * per node of Redis), and the transport holds the turn's socket writes until they are answered
 * (`barrier`). ACKs and the ring's bounds trim the stream (XTRIM MINID, batched per turn); it
 * expires with the session. A node that takes over a session whose owner died rebuilds the
 * unacknowledged pushes from it, so the client's Resume gets its exact replay.
 *
 * The stream id is a fence of its own: Redis refuses an id at or below the last one, so an old
 * owner can never write into a session's log after the new owner did.
 */
import type { Logger, MovedPush } from "@tether/system";
import type { RingEntry, Session } from "@tether/system/internal";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.js";

/** What a session's log holds: the pushes still there and the highest pushId ever appended. */
export interface LoggedPushes {
  readonly pushes: MovedPush[];
  readonly lastIssued: number;
  /** Pushes at or below this were trimmed (acknowledged or evicted): not replayable. */
  readonly floor: number;
  readonly stateRevision: number;
}

/** An entry's one field "e": msgId (u32), rev (f64), issuedAt (f64), flags (u8: 1 compress, 2 unflagged), payload. */
const HEADER_BYTES = 21;

function packEntry(entry: RingEntry): Buffer {
  const b = entry.body;
  const out = Buffer.allocUnsafe(HEADER_BYTES + b.payload.byteLength);
  out.writeUInt32LE(b.msgId, 0);
  out.writeDoubleLE(b.rev, 4);
  out.writeDoubleLE(entry.issuedAt, 12);
  out[20] = (b.compress ? 1 : 0) | (entry.unflagged ? 2 : 0);
  out.set(b.payload, HEADER_BYTES);
  return out;
}

function unpackEntry(pushId: number, e: Buffer): MovedPush {
  return {
    pushId,
    msgId: e.readUInt32LE(0),
    rev: e.readDoubleLE(4),
    issuedAt: e.readDoubleLE(12),
    compress: ((e[20] as number) & 1) !== 0,
    unflagged: ((e[20] as number) & 2) !== 0,
    payload: new Uint8Array(e.subarray(HEADER_BYTES)),
  };
}

export class PushLog {
  private batch: { session: Session; entry: RingEntry }[] = [];
  private inFlight: Promise<void> | undefined;
  private readonly trims = new Map<Session, number>();
  /** When each session's stream had its time to live renewed. */
  private readonly renewedAt = new WeakMap<Session, number>();
  private trimScheduled = false;
  /** Appends Redis refused (an id at or below the stream's last: a reserved snapshot id, a stale owner). */
  refused = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlMs: () => number,
    private readonly logger: () => Logger | undefined,
    /** Appends and trims made, for `/metrics`. */
    private readonly counts: { appends: number; trims: number },
  ) {}

  /** A reliable push entered a session's ring: appended with the turn's batch. */
  logged(session: Session, entry: RingEntry): void {
    if (this.batch.push({ session, entry }) === 1) setImmediate(() => this.barrier());
    // The ring's bounds (count, age, bytes) evicted unacknowledged pushes: the stream follows.
    if (session.ring.floor > session.lastAckedPushId) this.acked(session);
  }

  /** The session's ACK (or its ring's floor) moved: its stream is trimmed with the turn's batch. */
  acked(session: Session): void {
    this.trims.set(session, Math.max(session.lastAckedPushId, session.ring.floor));
    if (this.trimScheduled) return;
    this.trimScheduled = true;
    setImmediate(() => this.trim());
  }

  /** Sends the pending appends now; resolves when every append made so far is answered. */
  barrier(): Promise<void> | undefined {
    if (this.batch.length === 0) return this.inFlight;
    const batch = this.batch;
    this.batch = [];
    const written = this.write(batch);
    const all = this.inFlight === undefined ? written : Promise.all([this.inFlight, written]).then(() => {});
    this.inFlight = all;
    void all.then(() => {
      if (this.inFlight === all) this.inFlight = undefined;
    });
    return all;
  }

  /** The pushes left in a session's log (after its owner died), or undefined when it has none. */
  async read(playerId: number, sessionId: string): Promise<LoggedPushes | undefined> {
    const key = this.keys.log(playerId, sessionId);
    let info: unknown[];
    try {
      info = (await this.redis.xinfo("STREAM", key)) as unknown[];
    } catch {
      return undefined; // no stream: nothing was ever logged
    }
    const lastId = String(info[info.indexOf("last-generated-id") + 1] ?? "0-0");
    const lastIssued = Number(lastId.split("-")[0]);
    const entries = await this.redis.xrangeBuffer(key, "-", "+");
    const all = entries.flatMap(([id, fields]) => {
      const e = fields[1];
      return e === undefined || e.length < HEADER_BYTES ? [] : [unpackEntry(Number(String(id).split("-")[0]), e)];
    });
    // Only the unbroken run that ends at the last entry replays: pushes before a gap (appends
    // Redis refused or lost) cannot be replayed in order, so a client below it re-syncs.
    let start = all.length - 1;
    while (start > 0 && (all[start - 1] as MovedPush).pushId === (all[start] as MovedPush).pushId - 1) start--;
    const pushes = all.slice(Math.max(0, start));
    const stateRevision = pushes.reduce((r, p) => Math.max(r, p.rev), 0);
    return { pushes, lastIssued, floor: (pushes[0]?.pushId ?? lastIssued + 1) - 1, stateRevision };
  }

  private async write(batch: { session: Session; entry: RingEntry }[]): Promise<void> {
    const now = Date.now();
    const ttl = this.ttlMs();
    const writes: Promise<unknown>[] = [];
    for (const { session, entry } of batch) {
      const key = this.keys.log(session.playerId, session.sessionId);
      writes.push(
        this.redis.xadd(key, `${entry.pushId}-0`, "e", packEntry(entry)).then(
          () => {
            this.counts.appends++;
          },
          (e: unknown) => {
            this.refused++;
            this.logger()?.warn("redis: a push was not logged", { sessionId: session.sessionId, error: String(e) });
          },
        ),
      );
      // The stream lives as long as the session's records; renewed at most every half of it.
      const renewed = this.renewedAt.get(session) ?? 0;
      if (renewed <= now - ttl / 2) {
        this.renewedAt.set(session, now);
        writes.push(this.redis.pexpire(key, ttl).catch(() => {}));
      }
    }
    await Promise.all(writes);
  }

  private trim(): void {
    this.trimScheduled = false;
    for (const [s, through] of this.trims) {
      this.redis
        .xtrim(this.keys.log(s.playerId, s.sessionId), "MINID", `${through + 1}-0`)
        .then(() => {
          this.counts.trims++;
        })
        .catch((e: unknown) => this.logger()?.warn("redis: could not trim a push log", { error: String(e) }));
    }
    this.trims.clear();
  }
}
