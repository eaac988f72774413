/** Which closes reconnect, the closes the client starts itself, and the backoff on a manual clock. */
import { CloseCode } from "@tether/protocol";
import { ManualClock } from "@tether/testkit";
import { describe, expect, it } from "vitest";
import { afterClose, Backoff, LocalClose } from "../src/reconnect-policy.js";

describe("afterClose", () => {
  it.each([
    [1006, "reconnect"],
    [1012, "reconnect"],
    [4000, "reconnect"],
    [4003, "reconnect"],
    [4499, "reconnect"],
    [4500, "kicked"],
    [4501, "kicked"],
    [4502, "closed"],
    [4503, "closed"],
    [4504, "closed"],
    [1000, "closed"],
    [1009, "closed"],
    [1011, "closed"],
  ] as const)("treats close code %i as %s", (code, expected) => {
    expect(afterClose(code)).toBe(expected);
  });
});

describe("LocalClose", () => {
  it("sends the codes of before: 1000 for the app's close (no reconnect), 4000 for the others (reconnect)", () => {
    expect(LocalClose.CLOSED_BY_APP.code).toBe(1000);
    expect(afterClose(LocalClose.CLOSED_BY_APP.code)).toBe("closed");
    for (const c of [LocalClose.DEAD_LINK, LocalClose.PUSH_GAP, LocalClose.NO_ANSWER, LocalClose.ATTEMPT_FAILED]) {
      expect(c.code).toBe(CloseCode.HEARTBEAT_TIMEOUT);
      expect(afterClose(c.code)).toBe("reconnect");
    }
  });
});

describe("Backoff", () => {
  it("runs each attempt after its drawn delay on the clock, doubling the range until reset", () => {
    const clock = new ManualClock();
    const backoff = new Backoff({ reconnect: { minDelayMs: 500, maxDelayMs: 20_000 }, random: () => 0.5, clock });
    let runs = 0;
    const run = () => runs++;
    expect(backoff.schedule(run)).toEqual({ attempt: 1, delayMs: 250 });
    clock.advance(249);
    expect(runs).toBe(0);
    clock.advance(1);
    expect(runs).toBe(1);
    expect(backoff.schedule(run)).toEqual({ attempt: 2, delayMs: 500 });
    expect(backoff.schedule(run)).toEqual({ attempt: 3, delayMs: 1000 });
    backoff.reset();
    expect(backoff.schedule(run)).toEqual({ attempt: 1, delayMs: 250 });
    backoff.cancel();
    clock.advance(60_000);
    expect(runs).toBe(1);
  });
});
