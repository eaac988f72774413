/**
 * The push pipeline alone, with a fake sink that logs what reaches the app, what is recorded as
 * applied (and so ACKed) and when a gap is reported. Each ordering rule of docs/client.md §6–§7
 * has a test here that fails when the rule is taken out of push-pipeline.ts.
 */
import { type Frame, FrameFlag, FrameType, SyncSnapshotPush, SystemMsgId, toFrame } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { type AppliedCursor, PushPipeline } from "../src/push-pipeline.js";

const GAME_PUSH = 2001;

/** A reliable push (pushId > 0) or a best-effort one (pushId 0), carrying its pushId as one byte. */
function push(pushId: number, rev = 0): Frame {
  return toFrame({
    type: FrameType.PUSH,
    msgId: GAME_PUSH,
    pushId,
    rev,
    flags: pushId > 0 ? FrameFlag.ACK_REQUIRED : 0,
    payload: new Uint8Array([pushId]),
  });
}

function snapshotPush(pushId: number, revision: number): Frame {
  return toFrame({
    type: FrameType.PUSH,
    msgId: SystemMsgId.SYNC_SNAPSHOT,
    pushId,
    flags: FrameFlag.ACK_REQUIRED,
    payload: SyncSnapshotPush.encode({ serverStateRevision: revision, snapshot: new Uint8Array([0xee]) }).finish(),
  });
}

/** Lets every queued handler run (the fake handlers settle at once unless gated). */
const idle = (): Promise<void> => new Promise((r) => setImmediate(r));

interface Harness {
  readonly pipeline: PushPipeline;
  readonly cursor: AppliedCursor & { lastAppliedPushId: number };
  /** In order: "push n" (handler ran), "snapshot @rev" (snapshot handler ran), "applied n", "gap e/g". */
  readonly log: string[];
  /** Handlers of these pushIds wait for `release(pushId)`. */
  gate(pushId: number): void;
  release(pushId: number): void;
}

function harness(lastApplied = 0): Harness {
  const log: string[] = [];
  const gates = new Map<number, { wait: Promise<void>; open: () => void }>();
  const cursor = {
    lastAppliedPushId: lastApplied,
    setLastApplied(pushId: number) {
      cursor.lastAppliedPushId = pushId;
    },
  };
  const pipeline = new PushPipeline(cursor, {
    async deliver(f) {
      log.push(`push ${f.pushId}${f.rev > 0 ? ` rev ${f.rev}` : ""}`);
      await gates.get(f.pushId)?.wait;
      log.push(`handled ${f.pushId}`);
    },
    async snapshot(_bytes, revision) {
      log.push(`snapshot @${revision}`);
    },
    applied: (pushId) => log.push(`applied ${pushId}`),
    gap: (expected, got) => log.push(`gap ${expected}/${got}`),
  });
  return {
    pipeline,
    cursor,
    log,
    gate(pushId) {
      let open: () => void = () => {};
      const wait = new Promise<void>((r) => (open = r));
      gates.set(pushId, { wait, open });
    },
    release: (pushId) => gates.get(pushId)?.open(),
  };
}

describe("PushPipeline", () => {
  it("applies reliable pushes in pushId order, recording each after its handler", async () => {
    const h = harness();
    for (const id of [1, 2, 3]) h.pipeline.push(push(id));
    await idle();
    expect(h.log).toEqual([
      "push 1",
      "handled 1",
      "applied 1",
      "push 2",
      "handled 2",
      "applied 2",
      "push 3",
      "handled 3",
      "applied 3",
    ]);
    expect(h.cursor.lastAppliedPushId).toBe(3);
  });

  it("records a push as applied (and so lets its ACK go) only after its handler has finished", async () => {
    const h = harness();
    h.gate(1);
    h.pipeline.push(push(1));
    h.pipeline.push(push(2));
    await idle();
    expect(h.log).toEqual(["push 1"]);
    expect(h.cursor.lastAppliedPushId).toBe(0);
    h.release(1);
    await idle();
    expect(h.log).toEqual(["push 1", "handled 1", "applied 1", "push 2", "handled 2", "applied 2"]);
  });

  it("drops a duplicate pushId (a replay of what was applied) without calling the handler again", async () => {
    const h = harness(2);
    for (const id of [1, 2, 3, 3, 2, 4]) h.pipeline.push(push(id));
    await idle();
    expect(h.log.filter((l) => l.startsWith("push"))).toEqual(["push 3", "push 4"]);
    expect(h.log.some((l) => l.startsWith("gap"))).toBe(false);
    expect(h.cursor.lastAppliedPushId).toBe(4);
  });

  it("reports a gap inside one connection and drops what is queued behind it", async () => {
    const h = harness();
    h.gate(1);
    for (const id of [1, 3, 4]) h.pipeline.push(push(id));
    h.release(1);
    await idle();
    expect(h.log).toEqual(["push 1", "handled 1", "applied 1", "gap 2/3"]);
    expect(h.cursor.lastAppliedPushId).toBe(1);
  });

  it("hands best-effort pushes (pushId 0) to the app in arrival order, never recorded or ACKed", async () => {
    const h = harness(5);
    h.pipeline.push(push(0));
    h.pipeline.push(push(6));
    h.pipeline.push(push(0));
    await idle();
    expect(h.log.filter((l) => !l.startsWith("handled"))).toEqual(["push 0", "push 6", "applied 6", "push 0"]);
  });

  it("after a new connection, drops the old connection's pushes still queued (the replay brings them back)", async () => {
    const h = harness();
    h.gate(1);
    for (const id of [1, 2, 3]) h.pipeline.push(push(id));
    await idle();
    h.pipeline.newConnection();
    h.release(1);
    await idle();
    expect(h.cursor.lastAppliedPushId).toBe(1);
    for (const id of [2, 3]) h.pipeline.push(push(id));
    await idle();
    expect(h.log.filter((l) => l.startsWith("push"))).toEqual(["push 1", "push 2", "push 3"]);
  });

  describe("after NEED_FULL_SYNC with a snapshot handler", () => {
    it("holds reliable pushes until the snapshot, drops those at or below its pushId, applies the rest on top", async () => {
      const h = harness(40);
      h.pipeline.reset(10, true);
      expect(h.cursor.lastAppliedPushId).toBe(10);
      // Pushes 11 and 12 were issued before the Sync reserved pushId 13 for the snapshot.
      for (const f of [push(11), push(12), push(14), snapshotPush(13, 7), push(15)]) h.pipeline.push(f);
      await idle();
      expect(h.log).toEqual([
        "snapshot @7",
        "applied 13",
        "push 14",
        "handled 14",
        "applied 14",
        "push 15",
        "handled 15",
        "applied 15",
      ]);
      expect(h.pipeline.awaitingSnapshot).toBe(false);
    });

    it("skips a push whose rev the snapshot already holds, still counting it as applied", async () => {
      const h = harness();
      h.pipeline.reset(0, true);
      for (const f of [snapshotPush(1, 5), push(2, 4), push(3, 5), push(4, 6), push(5)]) h.pipeline.push(f);
      await idle();
      expect(h.log.filter((l) => !l.startsWith("handled"))).toEqual([
        "snapshot @5",
        "applied 1",
        "applied 2",
        "applied 3",
        "push 4 rev 6",
        "applied 4",
        "push 5",
        "applied 5",
      ]);
    });

    it("ignores a snapshot at or below the baseline (a Sync answered before the reset) and waits for a newer one", async () => {
      const h = harness();
      h.pipeline.reset(10, true);
      for (const f of [snapshotPush(9, 3), push(11), snapshotPush(12, 4), push(13)]) h.pipeline.push(f);
      await idle();
      expect(h.log.filter((l) => !l.startsWith("handled"))).toEqual([
        "snapshot @4",
        "applied 12",
        "push 13",
        "applied 13",
      ]);
    });

    it("hands best-effort pushes to the app at once, not held with the reliable ones", async () => {
      const h = harness();
      h.pipeline.reset(10, true);
      for (const f of [push(11), push(0)]) h.pipeline.push(f);
      await idle();
      expect(h.log).toEqual(["push 0", "handled 0"]);
    });

    it("applies the held pushes in pushId order when the server has no snapshots", async () => {
      const h = harness();
      h.pipeline.reset(10, true);
      for (const id of [12, 11]) h.pipeline.push(push(id));
      await idle();
      expect(h.log).toEqual([]);
      h.pipeline.giveUpSnapshot();
      await idle();
      expect(h.log.filter((l) => l.startsWith("applied"))).toEqual(["applied 11", "applied 12"]);
    });
  });

  it("does not record a push whose handler finishes after the baseline was reset (it belonged to the old stream)", async () => {
    const h = harness();
    h.gate(5);
    for (const id of [1, 2, 3, 4, 5]) h.pipeline.push(push(id));
    await idle();
    h.pipeline.reset(0, false); // a restarted server: a new session counts from 1 again
    h.release(5);
    await idle();
    expect(h.cursor.lastAppliedPushId).toBe(0);
    h.pipeline.push(push(1));
    await idle();
    expect(h.log.slice(-3)).toEqual(["push 1", "handled 1", "applied 1"]);
    expect(h.cursor.lastAppliedPushId).toBe(1);
  });
});
