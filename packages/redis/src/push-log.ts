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

const num = (b: Buffer | undefined): number => Number(b?.toString() ?? 0);

export class PushLog {
  private batch: { session: Session; entry: RingEntry }[] = [];
  private inFlight: Promise<void> | undefined;
  private readonly trims = new Map<Session, number>();
  private trimScheduled = false;
  /** Appends Redis refused (an id at or below the stream's last: a reserved snapshot id, a stale owner). */
  refused = 0;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly ttlMs: () => number,
    private readonly logger: () => Logger | undefined,
  ) {}

  /** A reliable push entered a session's ring: appended with the turn's batch. */
  logged(session: Session, entry: RingEntry): void {
    if (this.batch.push({ session, entry }) === 1) setImmediate(() => this.barrier());
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
    let stateRevision = 0;
    const pushes: MovedPush[] = entries.map(([id, fields]) => {
      const f = new Map<string, Buffer>();
      for (let i = 0; i + 1 < fields.length; i += 2) f.set(String(fields[i]), fields[i + 1] as Buffer);
      const rev = num(f.get("r"));
      if (rev > stateRevision) stateRevision = rev;
      const payload = f.get("p");
      return {
        pushId: Number(String(id).split("-")[0]),
        msgId: num(f.get("m")),
        payload: payload === undefined ? new Uint8Array(0) : new Uint8Array(payload),
        rev,
        compress: num(f.get("c")) === 1,
        issuedAt: num(f.get("t")),
        unflagged: num(f.get("u")) === 1,
      };
    });
    return { pushes, lastIssued, floor: (pushes[0]?.pushId ?? lastIssued + 1) - 1, stateRevision };
  }

  private async write(batch: { session: Session; entry: RingEntry }[]): Promise<void> {
    const ttl = this.ttlMs();
    const sessions = new Set<Session>();
    const appends = batch.map(({ session, entry }) => {
      sessions.add(session);
      const b = entry.body;
      return this.redis
        .xadd(
          this.keys.log(session.playerId, session.sessionId),
          `${entry.pushId}-0`,
          "m",
          b.msgId,
          "r",
          b.rev,
          "c",
          b.compress ? 1 : 0,
          "t",
          entry.issuedAt,
          "u",
          entry.unflagged ? 1 : 0,
          "p",
          Buffer.from(b.payload.buffer, b.payload.byteOffset, b.payload.byteLength),
        )
        .catch((e: unknown) => {
          this.refused++;
          this.logger()?.warn("redis: a push was not logged", { sessionId: session.sessionId, error: String(e) });
        });
    });
    for (const s of sessions) {
      appends.push(
        this.redis
          .pexpire(this.keys.log(s.playerId, s.sessionId), ttl)
          .then(() => {})
          .catch(() => {}),
      );
    }
    await Promise.all(appends);
  }

  private trim(): void {
    this.trimScheduled = false;
    for (const [s, through] of this.trims) {
      this.redis
        .xtrim(this.keys.log(s.playerId, s.sessionId), "MINID", `${through + 1}-0`)
        .catch((e: unknown) => this.logger()?.warn("redis: could not trim a push log", { error: String(e) }));
    }
    this.trims.clear();
  }
}
