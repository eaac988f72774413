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

export interface PipelineSink {
  /** Runs the app's handler for a push (awaited before the next one). */
  deliver(frame: Frame): Promise<void>;
  /** Runs the app's snapshot handler. */
  snapshot(snapshot: Uint8Array, revision: number): Promise<void>;
  /** A reliable push was applied: persist, and schedule the ACK. */
  applied(pushId: number): void;
  /** A pushId was skipped inside one connection: the link must be dropped and resumed. */
  gap(expected: number, got: number): void;
}

export class PushPipeline {
  lastApplied: number;
  private queue: Frame[] = [];
  private running = false;
  /** Waiting for a snapshot: hold reliable pushes until it arrives. */
  awaitingSnapshot = false;
  private held: Frame[] = [];
  private snapshotRevision = 0;
  private idle: (() => void)[] = [];

  constructor(
    lastApplied: number,
    private readonly sink: PipelineSink,
  ) {
    this.lastApplied = lastApplied;
  }

  /** After NEED_FULL_SYNC: adopt the baseline; with `snapshot`, hold pushes until one arrives. */
  reset(baseline: number, snapshot: boolean): void {
    this.queue = [];
    this.held = [];
    this.lastApplied = baseline;
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

  /** Resolves when every queued push has been handled. */
  settled(): Promise<void> {
    if (!this.running && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idle.push(r));
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
      for (const r of this.idle.splice(0)) r();
    }
  }

  private async handle(f: Frame): Promise<void> {
    if (f.pushId === 0) {
      await this.sink.deliver(f); // best effort: no order, no ACK
      return;
    }
    if (this.awaitingSnapshot) {
      if (f.msgId === SystemMsgId.SYNC_SNAPSHOT && f.pushId > this.lastApplied) {
        await this.applySnapshot(f);
        this.awaitingSnapshot = false;
        for (const h of this.takeHeld()) await this.applyInOrder(h);
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
    if (f.msgId === SystemMsgId.SYNC_SNAPSHOT) await this.applySnapshot(f);
    else if (!(f.rev > 0 && f.rev <= this.snapshotRevision)) await this.sink.deliver(f);
    this.lastApplied = f.pushId;
    this.sink.applied(f.pushId);
  }

  private async applySnapshot(f: Frame): Promise<void> {
    const s = SyncSnapshotPush.decode(f.payload);
    this.snapshotRevision = s.serverStateRevision;
    await this.sink.snapshot(s.snapshot, s.serverStateRevision);
    this.lastApplied = f.pushId;
    this.sink.applied(f.pushId);
  }
}
