import { SessionEngine } from "@tether/system/internal";
import { afterEach, describe, expect, it, vi } from "vitest";
import { type SocketLink, TurnFlusher } from "../src/socket-link.js";

afterEach(() => vi.restoreAllMocks());

/** Links that record when they were flushed (the flusher only calls flush() and reads conn). */
function links(n: number, flushed: number[]): SocketLink[] {
  return Array.from(
    { length: n },
    (_, i) => ({ conn: undefined, flush: () => flushed.push(i) }) as unknown as SocketLink,
  );
}

const turnEnd = () => new Promise<void>((r) => setImmediate(r));

describe("TurnFlusher", () => {
  it("writes every connection of a short turn once, when the turn ends", async () => {
    const flushed: number[] = [];
    const flusher = new TurnFlusher(new SessionEngine());
    for (const l of links(500, flushed)) flusher.schedule(l);
    expect(flushed).toEqual([]);
    await turnEnd();
    expect(flushed.length).toBe(500);
  });

  it("starts writing a long turn's connections once a millisecond has passed since its first", async () => {
    let now = 1000;
    vi.spyOn(performance, "now").mockImplementation(() => now);
    const flushed: number[] = [];
    const flusher = new TurnFlusher(new SessionEngine());
    const all = links(300, flushed);
    for (let i = 0; i < 300; i++) {
      flusher.schedule(all[i] as SocketLink);
      now += 0.01; // 64 connections take 0.64 ms, 128 take 1.28 ms
    }
    // Checked every 64 of a batch: at 128 the batch is older than 1 ms and goes out at once; the
    // next batch starts with the next connection and goes out at its 128th too.
    expect(flushed.length).toBe(256);
    await turnEnd();
    expect(flushed.length).toBe(300);
    expect(new Set(flushed).size).toBe(300);
  });
});
