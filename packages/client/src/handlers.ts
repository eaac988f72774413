/**
 * The app's push and snapshot handlers, by msgId. A handler that throws is reported as an
 * `error` event and the push still counts as applied (docs/client.md §6.4); a push without a
 * handler counts as applied too.
 */
import { type Frame, FrameFlag, hasFlag } from "@tether/protocol";
import { asError, type ClientEvents, type Emitter } from "./events.js";
import type { PushMeta } from "./push-pipeline.js";

export type PushHandler = (payload: Uint8Array, meta: PushMeta) => void | Promise<void>;
export type SnapshotHandler = (snapshot: Uint8Array, revision: number) => void | Promise<void>;

export class Handlers {
  private readonly pushHandlers = new Map<number, PushHandler>();
  private snapshotHandler: SnapshotHandler | undefined;

  constructor(private readonly events: Emitter<ClientEvents>) {}

  onPush(msgId: number, handler: PushHandler): void {
    this.pushHandlers.set(msgId, handler);
  }

  onSnapshot(handler: SnapshotHandler): void {
    this.snapshotHandler = handler;
  }

  /** A client with a snapshot handler keeps game state: it Syncs after NEED_FULL_SYNC. */
  get wantsSnapshot(): boolean {
    return this.snapshotHandler !== undefined;
  }

  /** Runs the push's handler; resolves when it has finished (or thrown). */
  async deliver(f: Frame): Promise<void> {
    const handler = this.pushHandlers.get(f.msgId);
    if (!handler) return;
    try {
      await handler(f.payload, {
        pushId: f.pushId,
        reliable: f.pushId > 0,
        replay: hasFlag(f.flags, FrameFlag.REPLAY),
        rev: f.rev,
        ts: f.ts,
      });
    } catch (e) {
      this.events.emit("error", { error: asError(e) });
    }
  }

  /** Runs the snapshot handler, then tells the app with `synced`. */
  async snapshot(snapshot: Uint8Array, revision: number): Promise<void> {
    try {
      await this.snapshotHandler?.(snapshot, revision);
    } catch (e) {
      this.events.emit("error", { error: asError(e) });
    }
    this.events.emit("synced", { revision });
  }
}
