import { SessionEngine } from "@tether/system/internal";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type FlushTarget, TurnFlusher } from "../src/socket-link.js";

afterEach(() => vi.restoreAllMocks());

interface FakeLink extends FlushTarget {
  queued: boolean;
}

/**
 * Links that record when they were flushed (the flusher only calls flush() and reads conn and
 * earlyFlushTurn). Like a SocketLink, one is scheduled by its first frame since its last flush.
 */
function links(n: number, flushed: number[]): FakeLink[] {
  return Array.from({ length: n }, (_, i) => {
    const l = {
      conn: undefined,
      earlyFlushTurn: -1,
      queued: false,
      flush: () => {
        l.queued = false;
        flushed.push(i);
      },
    };
    return l as unknown as FakeLink;
  });
}

function write(flusher: TurnFlusher, l: FakeLink): void {
  if (l.queued) return;
  l.queued = true;
  flusher.schedule(l);
}

const turnEnd = () => new Promise<void>((r) => setImmediate(r));

describe("TurnFlusher", () => {
  it("writes every connection of a short turn once, when the turn ends", async () => {
    vi.spyOn(performance, "now").mockImplementation(() => 1000); // however slow the machine
    const flushed: number[] = [];
    const flusher = new TurnFlusher(new SessionEngine());
    for (const l of links(500, flushed)) write(flusher, l);
    expect(flushed).toEqual([]);
    await turnEnd();
    expect(flushed.length).toBe(500);
  });

  it("starts writing a long turn's connections once a quarter millisecond has passed since its first", async () => {
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const flushed: number[] = [];
    const flusher = new TurnFlusher(new SessionEngine());
    const all = links(100, flushed);
    for (const l of all) {
      write(flusher, l);
      now += 0.01; // 16 connections take 0.16 ms, 32 take 0.32 ms
    }
    // Checked every 16 of a batch: at 32 the batch is older than 0.25 ms and goes out at once;
    // the next batch starts with the next connection and goes out at its 32nd too.
    expect(flushed.length).toBe(96);
    await turnEnd();
    expect(flushed.length).toBe(100);
    expect(new Set(flushed).size).toBe(100);
  });

  it("never cuts one fan-out call: its connections are written together when the turn ends", async () => {
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const flushed: number[] = [];
    const engine = new SessionEngine();
    const flusher = new TurnFlusher(engine);
    engine.fanOuts = 1; // inside a broadcast
    for (const l of links(100, flushed)) {
      write(flusher, l);
      now += 0.01;
    }
    engine.fanOuts = 0;
    expect(flushed).toEqual([]);
    await turnEnd();
    expect(flushed.length).toBe(100);
  });

  it("holds the rest of a turn for its end once a connection is written to again after an early write", async () => {
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const flushed: number[] = [];
    const flusher = new TurnFlusher(new SessionEngine());
    const all = links(100, flushed);
    for (let round = 0; round < 3; round++) {
      for (const l of all) {
        write(flusher, l);
        now += 0.01;
      }
    }
    // The first round goes out in early batches (96 connections); in the second, connection 0
    // comes back, and from then on everything waits for the end of the turn, where each
    // connection is written once more: 100, not 200 (the 4 left of the first round included).
    expect(flushed.length).toBe(96);
    await turnEnd();
    expect(flushed.length).toBe(196);
    expect(new Set(flushed).size).toBe(100);
    // The next turn starts batching early again.
    for (const l of all) {
      write(flusher, l);
      now += 0.01;
    }
    expect(flushed.length).toBe(292);
    await turnEnd();
    expect(flushed.length).toBe(296);
  });
});
