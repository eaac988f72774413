/**
 * The world's rules, without a network: each reliable event adds exactly one to the revision,
 * coins score, zaps hit only players in range (not those who just joined) and only once per
 * cooldown, a stunned player
 * stands still, input is clamped to one step per tick, and the walls hold.
 */
import type { tether } from "@tether/protocol/gen/arena";
import { describe, expect, it } from "vitest";
import {
  HEIGHT,
  PLAYER_RADIUS,
  SPAWN_SAFE_MS,
  SPEED,
  STUN_MS,
  WIDTH,
  ZAP_COOLDOWN_MS,
  ZAP_RANGE,
} from "../src/rules.js";
import { World } from "../src/world.js";

function world() {
  let now = 1_000;
  const events: { rev: number; event: tether.arena.WorldEvent.$Properties }[] = [];
  const w = new World(
    7,
    () => now,
    (rev, event) => events.push({ rev, event }),
  );
  return { w, events, advance: (ms: number) => (now += ms) };
}

describe("the world", () => {
  it("reports every reliable event with the next revision, starting at 1", () => {
    const { w, events } = world();
    w.join(100, "ann");
    w.join(101, "bob");
    w.join(100, "ann again"); // already in: nothing happens
    w.leave(101);
    w.leave(101);
    expect(events.map((e) => e.rev)).toEqual([1, 2, 3]);
    expect(events.map((e) => Object.keys(e.event)[0])).toEqual(["joined", "joined", "left"]);
    expect(w.revision).toBe(3);
  });

  it("scores a coin for the player who walks over it and spawns another", () => {
    const { w, events } = world();
    w.join(100, "ann");
    const ann = w.players.get(100);
    const coin = [...w.coins.values()][0];
    if (!ann || !coin) throw new Error("no player or coin");
    ann.x = coin.x - SPEED;
    ann.y = coin.y;
    w.input(100, 1, 0);
    w.step();
    const taken = events.at(-1)?.event.coinTaken;
    expect(taken).toMatchObject({ coinId: coin.id, playerId: 100, score: 1 });
    expect(w.coins.has(coin.id)).toBe(false);
    expect(w.coins.size).toBe(6);
    expect(events.at(-1)?.rev).toBe(w.revision);
  });

  it("zaps players in range, once per cooldown, and stuns them", () => {
    const { w, events, advance } = world();
    for (const [id, name] of [
      [100, "ann"],
      [101, "bob"],
      [102, "cat"],
    ] as const)
      w.join(id, name);
    const at = (id: number, x: number, y: number) => Object.assign(w.players.get(id) ?? {}, { x, y });
    at(100, 300, 300);
    at(101, 300 + ZAP_RANGE - 1, 300);
    at(102, 300, 300 + ZAP_RANGE + 1);
    w.coins.clear();
    expect(w.zap(100)).toEqual({ hit: [], waitMs: 0 }); // they have just joined: safe for a moment
    advance(SPAWN_SAFE_MS + ZAP_COOLDOWN_MS);
    const before = w.revision;
    expect(w.zap(100)).toEqual({ hit: [101], waitMs: 0 });
    expect(events.at(-1)).toEqual({
      rev: before + 1,
      event: { hit: { attacker: 100, victim: 101, attackerScore: 1, victimScore: 0 } },
    });
    expect(w.zap(100)).toEqual({ hit: [], waitMs: ZAP_COOLDOWN_MS });
    w.input(101, 1, 0);
    w.step();
    expect(w.players.get(101)?.x).toBe(300 + ZAP_RANGE - 1); // stunned
    advance(STUN_MS);
    w.step();
    expect(w.players.get(101)?.x).toBe(300 + ZAP_RANGE - 1 + SPEED);
    expect(w.zap(999)).toBeUndefined();
  });

  it("clamps input to one step per tick and keeps players inside the walls", () => {
    const { w } = world();
    w.join(100, "ann");
    w.coins.clear();
    const ann = w.players.get(100);
    if (!ann) throw new Error("no player");
    ann.x = WIDTH / 2;
    ann.y = HEIGHT / 2;
    w.input(100, 1e9, -1e9);
    w.step();
    expect(Math.hypot(ann.x - WIDTH / 2, ann.y - HEIGHT / 2)).toBeLessThanOrEqual(SPEED + 1);
    w.input(100, -1, 0);
    for (let i = 0; i < 200; i++) w.step();
    expect(ann.x).toBe(PLAYER_RADIUS);
    w.input(100, Number.NaN, 0);
    w.step();
    expect(ann.x).toBe(PLAYER_RADIUS);
  });
});
