/**
 * The ring of a session's unacknowledged reliable pushes (sessions.md §5). Bounded by count,
 * age and bytes. Entries reference a PushBody that may be shared by many sessions (fan-out
 * stores the payload once). Replay is possible from any acknowledged id at or above `floor`:
 * acknowledging, evicting or clearing raises the floor.
 */

/** One push's content, shared by every session that receives it. */
export interface PushBody {
  readonly msgId: number;
  readonly payload: Uint8Array;
  /** Game-state revision after this push; 0 = none. */
  readonly rev: number;
  /** Whether the payload may be compressed on the wire. */
  readonly compress: boolean;
}

export interface RingEntry {
  readonly pushId: number;
  readonly body: PushBody;
  /** When it was issued (ms since the epoch): the frame's `ts`, and its age in the ring. */
  readonly issuedAt: number;
  /** Numbered without ACK_REQUIRED (a best-effort push in CivGenesis mode). */
  readonly unflagged?: true;
}

export interface PushWindow {
  readonly maxBufferedPushCount: number;
  readonly maxBufferedPushAgeMs: number;
  readonly maxBufferedPushBytes: number;
}

export class PushRing {
  private entries: RingEntry[] = [];
  private head = 0;
  private bytes = 0;
  private floorId = 0;
  private evictedCount = 0;

  /** `window` is read on every operation, so runtime limit changes apply at once. */
  constructor(
    private readonly window: PushWindow,
    private readonly onEvict?: () => void,
  ) {}

  /** Replay is possible only for a last-applied id at or above this. */
  get floor(): number {
    return this.floorId;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  get byteSize(): number {
    return this.bytes;
  }

  /** Unacknowledged entries evicted by a bound, over the ring's life. */
  get evicted(): number {
    return this.evictedCount;
  }

  /** The lowest buffered pushId, or 0 when empty. */
  get firstId(): number {
    return this.entries[this.head]?.pushId ?? 0;
  }

  /** Adds an entry. Usually the newest; a Sync snapshot's reserved id may land behind newer ones. */
  add(entry: RingEntry, now: number): void {
    let i = this.entries.length;
    while (i > this.head && (this.entries[i - 1] as RingEntry).pushId > entry.pushId) i--;
    if (i === this.entries.length) this.entries.push(entry);
    else this.entries.splice(i, 0, entry);
    this.bytes += entry.body.payload.length;
    this.expire(now);
    const w = this.window;
    while (this.size > 0 && (this.size > w.maxBufferedPushCount || this.bytes > w.maxBufferedPushBytes)) {
      this.dropHead(true);
    }
  }

  /** Drops entries older than the age bound. */
  expire(now: number): void {
    const oldest = now - this.window.maxBufferedPushAgeMs;
    while (this.size > 0 && (this.entries[this.head] as RingEntry).issuedAt <= oldest) this.dropHead(true);
  }

  /** Cumulative ACK: drops entries <= n. */
  ack(n: number): void {
    while (this.size > 0 && (this.entries[this.head] as RingEntry).pushId <= n) this.dropHead(false);
    if (n > this.floorId) this.floorId = n;
  }

  /** Whether a client that applied everything up to `lastApplied` can be served by replay. */
  canReplayFrom(lastApplied: number, now: number): boolean {
    this.expire(now);
    return lastApplied >= this.floorId;
  }

  /** Entries with pushId > `lastApplied`, in order. */
  after(lastApplied: number): RingEntry[] {
    const out: RingEntry[] = [];
    for (let i = this.head; i < this.entries.length; i++) {
      const e = this.entries[i] as RingEntry;
      if (e.pushId > lastApplied) out.push(e);
    }
    return out;
  }

  /** Empties the ring; nothing at or below `through` can be replayed any more. */
  clear(through: number): void {
    this.entries = [];
    this.head = 0;
    this.bytes = 0;
    if (through > this.floorId) this.floorId = through;
  }

  /** Marks ids up to `through` as not replayable (a snapshot barrier, a hole). */
  raiseFloor(through: number): void {
    if (through > this.floorId) this.floorId = through;
  }

  private dropHead(evicted: boolean): void {
    const e = this.entries[this.head] as RingEntry;
    this.head++;
    this.bytes -= e.body.payload.length;
    if (evicted) {
      this.evictedCount++;
      this.onEvict?.();
      if (e.pushId > this.floorId) this.floorId = e.pushId;
    }
    // Compact now and then so the array does not grow without bound.
    if (this.head > 64 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }
}

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

/**
 * Frames of one best-effort fan-out, by variant: a best-effort push is identical for every plain
 * (unsealed) connection with the same compression, so it is encoded once and the bytes reused.
 */
export type SharedFrames = Map<string, Uint8Array>;
