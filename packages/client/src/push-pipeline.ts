/**
 * Reliable pushes reach the app strictly in pushId order, each exactly once, across reconnects
 * (sessions.md §5–§6). Handlers are awaited one at a time; the ACK goes after the handler. In
 * snapshot mode (after NEED_FULL_SYNC) every reliable push is held until the snapshot arrives:
 * pushes below its pushId are dropped, the ones above are applied on top, skipping any whose
 * `rev` is not above the snapshot's revision.
 */
import { type Frame, SyncSnapshotPush, SystemMsgId } from "@tether/protocol";

export interface PushMeta {
  readonly pushId: number;
  readonly reliable: boolean;
  readonly replay: boolean;
  readonly rev: number;
  /** Server time in ms when the push was issued. */
  readonly ts: number;
}

/** Where the last applied pushId lives: the session record, which persists it. */
export interface AppliedCursor {
  readonly lastAppliedPushId: number;
  setLastApplied(pushId: number): void;
}

export interface PipelineSink {
  /** Runs the app's handler for a push (awaited before the next one). */
  deliver(frame: Frame): Promise<void>;
  /** Runs the app's snapshot handler. */
  snapshot(snapshot: Uint8Array, revision: number): Promise<void>;
  /** A reliable push was applied and recorded, its handler finished: schedule the ACK. */
  applied(pushId: number): void;
  /** A pushId was skipped inside one connection: the link must be dropped and resumed. */
  gap(expected: number, got: number): void;
}

export class PushPipeline {
  private queue: Frame[] = [];
  private running = false;
  /** Waiting for a snapshot: hold reliable pushes until it arrives. */
  awaitingSnapshot = false;
  private held: Frame[] = [];
  private snapshotRevision = 0;
  /** Counts resets: a handler that finishes after one ran for the old stream and records nothing. */
  private baselines = 0;

  constructor(
    private readonly cursor: AppliedCursor,
    private readonly sink: PipelineSink,
  ) {}

  get lastApplied(): number {
    return this.cursor.lastAppliedPushId;
  }

  /** After NEED_FULL_SYNC: adopt the baseline; with `snapshot`, hold pushes until one arrives. */
  reset(baseline: number, snapshot: boolean): void {
    this.baselines++;
    this.queue = [];
    this.held = [];
    this.cursor.setLastApplied(baseline);
    this.awaitingSnapshot = snapshot;
    this.snapshotRevision = 0;
  }

  /** The server cannot give a snapshot: apply the held pushes in order after all. */
  giveUpSnapshot(): void {
    if (!this.awaitingSnapshot) return;
    this.awaitingSnapshot = false;
    this.queue.unshift(...this.takeHeld());
    if (!this.running) void this.drain();
  }

  /** A new connection: frames of the old one still queued are dropped (replay brings them back). */
  newConnection(): void {
    this.queue = [];
    this.held = [];
  }

  push(frame: Frame): void {
    this.queue.push(frame);
    if (!this.running) void this.drain();
  }

  private async drain(): Promise<void> {
    this.running = true;
    try {
      while (this.queue.length > 0) {
        const f = this.queue.shift() as Frame;
        await this.handle(f);
      }
    } finally {
      this.running = false;
    }
  }

  private async handle(f: Frame): Promise<void> {
    if (f.pushId === 0) {
      await this.sink.deliver(f); // best effort: no order, no ACK
      return;
    }
    if (this.awaitingSnapshot) {
      // A snapshot at or below the baseline is older than what the client has: held, then dropped.
      if (f.msgId === SystemMsgId.SYNC_SNAPSHOT && f.pushId > this.lastApplied) {
        const baselines = this.baselines;
        if (!(await this.apply(f))) return;
        this.awaitingSnapshot = false;
        for (const h of this.takeHeld()) {
          if (baselines !== this.baselines) return;
          await this.applyInOrder(h);
        }
      } else {
        this.held.push(f);
      }
      return;
    }
    await this.applyInOrder(f);
  }

  /** The pushes held while waiting for a snapshot, in pushId order; the hold is emptied. */
  private takeHeld(): Frame[] {
    const held = this.held.sort((a, b) => a.pushId - b.pushId);
    this.held = [];
    return held;
  }

  private async applyInOrder(f: Frame): Promise<void> {
    if (f.pushId <= this.lastApplied) return; // a duplicate (or below the snapshot): never twice
    if (f.pushId !== this.lastApplied + 1) {
      this.sink.gap(this.lastApplied + 1, f.pushId);
      this.queue = [];
      return;
    }
    await this.apply(f);
  }

  /** Runs the handler, then records the push as applied and lets the ACK follow. */
  private async apply(f: Frame): Promise<boolean> {
    const baselines = this.baselines;
    if (f.msgId === SystemMsgId.SYNC_SNAPSHOT) {
      const s = SyncSnapshotPush.decode(f.payload);
      this.snapshotRevision = s.serverStateRevision;
      await this.sink.snapshot(s.snapshot, s.serverStateRevision);
    } else if (!(f.rev > 0 && f.rev <= this.snapshotRevision)) {
      // A push whose rev the snapshot already contains is skipped, but still counts as applied.
      await this.sink.deliver(f);
    }
    if (baselines !== this.baselines) return false; // reset meanwhile: the old stream is gone
    this.cursor.setLastApplied(f.pushId);
    this.sink.applied(f.pushId);
    return true;
  }
}
