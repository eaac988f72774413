import { describe, expect, it } from "vitest";
import { ManualClock } from "../src/clock.js";
import { DEFAULT_LIMITS } from "../src/options.js";
import { Session } from "../src/session.js";
import { MemorySessionStore } from "../src/session-store.js";

const clock = new ManualClock();
const session = (key: string, playerId: number, sessionId = `s-${key}`) =>
  new Session(
    { key, sessionId, playerId, deviceId: undefined, sessionEpoch: 1, data: undefined },
    DEFAULT_LIMITS,
    clock,
  );

describe("MemorySessionStore", () => {
  it("finds a session by key, id and player, and forgets it on remove", () => {
    const store = new MemorySessionStore();
    const a = session("1", 1);
    store.add(a);
    expect([store.byKey("1"), store.byId("s-1"), store.byPlayer(1)]).toEqual([a, a, [a]]);
    store.remove(a);
    expect([store.byKey("1"), store.byId("s-1"), store.byPlayer(1), [...store.values()]]).toEqual([
      undefined,
      undefined,
      [],
      [],
    ]);
  });

  it("keeps every session of a player with several devices, through adds and removes in any order", () => {
    const store = new MemorySessionStore();
    const [a, b, c] = [session("7:a", 7), session("7:b", 7), session("7:c", 7)];
    store.add(a);
    store.add(b);
    store.add(c);
    expect(new Set(store.byPlayer(7))).toEqual(new Set([a, b, c]));
    store.remove(b);
    expect(new Set(store.byPlayer(7))).toEqual(new Set([a, c]));
    store.remove(a);
    expect(store.byPlayer(7)).toEqual([c]);
    store.add(a);
    expect(new Set(store.byPlayer(7))).toEqual(new Set([a, c]));
    store.remove(c);
    store.remove(a);
    expect(store.byPlayer(7)).toEqual([]);
  });

  it("replaces the session of a key that is added again, and adding one session twice keeps it once", () => {
    const store = new MemorySessionStore();
    const old = session("9", 9, "old");
    const fresh = session("9", 9, "fresh");
    store.add(old);
    store.add(old);
    expect(store.byPlayer(9)).toEqual([old]);
    store.add(fresh);
    expect([store.byKey("9"), store.byId("old"), store.byPlayer(9)]).toEqual([fresh, undefined, [fresh]]);
  });
});
