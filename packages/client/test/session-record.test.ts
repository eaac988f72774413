/** The session record: one record, saved whole on every change. */
import { describe, expect, it } from "vitest";
import { SessionRecord } from "../src/session-record.js";
import { type ClientStore, memoryStore, type StoredState } from "../src/store.js";

function recordingStore(initial?: StoredState): ClientStore & { saves: StoredState[] } {
  const inner = memoryStore();
  if (initial) inner.save(initial);
  const saves: StoredState[] = [];
  return {
    saves,
    load: () => inner.load(),
    save: (s) => {
      saves.push({ ...s });
      inner.save(s);
    },
    clear: () => inner.clear(),
  };
}

describe("SessionRecord", () => {
  it("starts a new instance from 16 random bytes and saves it at once when the store is empty", () => {
    const store = recordingStore();
    const record = new SessionRecord(store, (n) => new Uint8Array(n).fill(0xab));
    expect(store.saves).toEqual([
      { lastAppliedPushId: 0, clientInstance: "ab".repeat(16), serverEpoch: "", nextSeq: 1 },
    ]);
    expect(record.clientInstance).toBe("ab".repeat(16));
  });

  it("continues a stored record and saves the whole record on every change", () => {
    const stored = { lastAppliedPushId: 5, clientInstance: "cd".repeat(16), serverEpoch: "e1", nextSeq: 9 };
    const store = recordingStore(stored);
    const record = new SessionRecord(store, () => {
      throw new Error("a stored instance is kept");
    });
    expect(record.takeSeq()).toBe(9);
    record.setLastApplied(6);
    record.setServerEpoch("e2");
    record.forgetSession();
    expect(store.saves.slice(1)).toEqual([
      { ...stored, nextSeq: 9 + 256 },
      { ...stored, nextSeq: 9 + 256, lastAppliedPushId: 6 },
      { ...stored, nextSeq: 9 + 256, lastAppliedPushId: 6, serverEpoch: "e2" },
      { ...stored, nextSeq: 9 + 256, lastAppliedPushId: 0, serverEpoch: "" },
    ]);
  });

  it("saves seqs a block of 256 at a time, and a reload continues above every seq handed out", () => {
    const store = recordingStore();
    const first = new SessionRecord(store, (n) => new Uint8Array(n));
    const seqs = Array.from({ length: 300 }, () => first.takeSeq());
    expect(seqs).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
    expect(store.saves.map((s) => s.nextSeq)).toEqual([1, 257, 513]); // the start, then two blocks
    const reloaded = new SessionRecord(store, () => {
      throw new Error("a stored instance is kept");
    });
    expect(reloaded.takeSeq()).toBe(513);
  });
});
