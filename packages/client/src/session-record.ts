/**
 * What the client remembers of its session (docs/client.md §9): the last applied reliable
 * pushId, its client instance, the server epoch it knows, and its next request seq. They live
 * here and nowhere else, and every change is saved through one path, the whole record at once.
 *
 * Seqs are saved a block at a time: the stored `nextSeq` is the first seq not handed out yet
 * by any earlier run (the end of the reserved block), so a reload continues above every seq
 * used before without a save per request.
 */
import { toHex } from "@tether/protocol";
import type { ClientStore, StoredState } from "./store.js";

/** Seqs reserved per save. */
const SEQ_BLOCK = 256;

export class SessionRecord {
  private state: StoredState;
  /** The next seq to hand out (below state.nextSeq, the saved end of the reserved block). */
  private seq: number;

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
    this.seq = this.state.nextSeq;
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
    const seq = this.seq++;
    if (seq >= this.state.nextSeq) this.update({ nextSeq: seq + SEQ_BLOCK });
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
