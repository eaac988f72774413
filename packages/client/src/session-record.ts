/**
 * What the client remembers of its session (docs/client.md §9): the last applied reliable
 * pushId, its client instance, the server epoch it knows, and its next request seq. They live
 * here and nowhere else, and every change is saved through one path, the whole record at once.
 */
import { toHex } from "@tether/protocol";
import type { ClientStore, StoredState } from "./store.js";

export class SessionRecord {
  private state: StoredState;

  /** Loads the record, or starts a new instance (16 random bytes) when the store has none. */
  constructor(
    private readonly store: ClientStore,
    randomBytes: (n: number) => Uint8Array,
  ) {
    this.state = store.load() ?? {
      lastAppliedPushId: 0,
      clientInstance: toHex(randomBytes(16)),
      serverEpoch: "",
      nextSeq: 1,
    };
    this.update({});
  }

  get lastAppliedPushId(): number {
    return this.state.lastAppliedPushId;
  }

  get clientInstance(): string {
    return this.state.clientInstance;
  }

  get serverEpoch(): string {
    return this.state.serverEpoch;
  }

  setLastApplied(pushId: number): void {
    this.update({ lastAppliedPushId: pushId });
  }

  setServerEpoch(serverEpoch: string): void {
    this.update({ serverEpoch });
  }

  /** The next request seq; seq numbers continue for as long as the instance does. */
  takeSeq(): number {
    const seq = this.state.nextSeq;
    this.update({ nextSeq: seq + 1 });
    return seq;
  }

  /** After a logout the pushIds and the epoch belong to an ended session; instance and seq go on. */
  forgetSession(): void {
    this.update({ lastAppliedPushId: 0, serverEpoch: "" });
  }

  private update(change: Partial<StoredState>): void {
    this.state = { ...this.state, ...change };
    this.store.save(this.state);
  }
}
