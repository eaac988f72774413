/** The heartbeat on a manual clock: PING after the server's interval of silence, dead after the timeout. */

import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { Heartbeat } from "../src/heartbeat.js";

const INTERVAL_MS = 25_000;
const TIMEOUT_MS = 10_000;

function started() {
  const clock = new ManualClock(1_000_000);
  const heartbeat = new Heartbeat(clock);
  const log: string[] = [];
  heartbeat.start(
    {
      ping: () => log.push(`ping @${clock.now() - 1_000_000}`),
      dead: () => {
        log.push(`dead @${clock.now() - 1_000_000}`);
        heartbeat.stop(); // what the link's close handler does
      },
    },
    INTERVAL_MS,
    TIMEOUT_MS,
  );
  return { clock, heartbeat, log };
}

describe("Heartbeat", () => {
  it("sends a PING after the server's interval without a message, and declares the link dead after the timeout", () => {
    const { clock, log } = started();
    clock.advance(INTERVAL_MS - 1);
    expect(log).toEqual([]);
    clock.advance(1);
    expect(log).toEqual(["ping @25000"]);
    clock.advance(TIMEOUT_MS);
    expect(log).toEqual(["ping @25000", "dead @35000"]);
  });

  it("checks every quarter of the smaller time: silence is seen at the first check past the interval", () => {
    const { clock, heartbeat, log } = started();
    clock.advance(1000);
    heartbeat.heard(); // at 1 s: the next checks at 2.5 s steps see 25 s of silence only at 27.5 s
    clock.advance(40_000);
    expect(log).toEqual(["ping @27500", "dead @37500"]);
  });

  it("sends no PING while messages keep arriving", () => {
    const { clock, heartbeat, log } = started();
    for (let i = 0; i < 20; i++) {
      clock.advance(INTERVAL_MS / 2);
      heartbeat.heard();
    }
    expect(log).toEqual([]);
  });

  it("keeps the link when any message arrives after the PING", () => {
    const { clock, heartbeat, log } = started();
    clock.advance(INTERVAL_MS);
    clock.advance(TIMEOUT_MS - 2500);
    heartbeat.heard();
    clock.advance(TIMEOUT_MS);
    expect(log).toEqual(["ping @25000"]);
  });

  it("leaves no timer behind once stopped", () => {
    const { clock, heartbeat, log } = started();
    heartbeat.stop();
    expect(clock.pending).toBe(0);
    clock.advance(INTERVAL_MS + TIMEOUT_MS);
    expect(log).toEqual([]);
  });
});
