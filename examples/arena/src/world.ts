/**
 * The authoritative world: who is where, the coins, the scores and the revision. Pure game
 * logic with no network in it: the server feeds it input and ticks, and forwards what it
 * reports. Every reliable event (a coin taken, a hit, a join, a leave) adds one to the revision
 * and is reported with it, so a client that knows revision R needs exactly the events above R.
 */
import { tether } from "@tether/protocol/gen/arena";
import {
  axis,
  COIN_RADIUS,
  COINS,
  colorOf,
  distance,
  HEIGHT,
  INPUT_TTL_MS,
  lcg,
  PLAYER_RADIUS,
  SPAWN_SAFE_MS,
  STUN_MS,
  step,
  WIDTH,
  ZAP_COOLDOWN_MS,
  ZAP_RANGE,
} from "./rules.js";

const arena = tether.arena;
type WorldEvent = tether.arena.WorldEvent.$Properties;

export interface PlayerState {
  readonly id: number;
  readonly name: string;
  readonly color: number;
  readonly bot: boolean;
  score: number;
  x: number;
  y: number;
  dx: number;
  dy: number;
  /** When the input last came: older than INPUT_TTL_MS, the player stands still. */
  inputAt: number;
  /** Zaps do not hit it before then (it just joined). */
  safeUntil: number;
  stunnedUntil: number;
  zapReadyAt: number;
}

export interface CoinState {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

/** The world as JSON, to hand it to another node (cluster mode keeps it in Redis). */
export interface SavedWorld {
  readonly revision: number;
  readonly nextCoin: number;
  readonly coins: CoinState[];
  readonly players: { id: number; name: string; bot: boolean; score: number; x: number; y: number }[];
}

export interface ZapResult {
  readonly hit: number[];
  readonly waitMs: number;
}

export class World {
  revision = 0;
  tick = 0;
  readonly players = new Map<number, PlayerState>();
  readonly coins = new Map<number, CoinState>();
  private readonly random: () => number;
  private nextCoin = 1;

  constructor(
    seed: number,
    private readonly now: () => number,
    /** A reliable event and the revision it makes, in order. */
    private readonly report: (rev: number, event: WorldEvent) => void,
  ) {
    this.random = lcg(seed);
    for (let i = 0; i < COINS; i++) this.spawnCoin();
  }

  /** Adds a player at a free spot (nothing happens when it is already in). */
  join(id: number, name: string, bot = false): void {
    if (this.players.has(id)) return;
    const at = this.freeSpot(PLAYER_RADIUS * 3);
    const p: PlayerState = {
      id,
      name,
      color: colorOf(id, bot),
      bot,
      score: 0,
      ...at,
      dx: 0,
      dy: 0,
      inputAt: 0,
      safeUntil: this.now() + SPAWN_SAFE_MS,
      stunnedUntil: 0,
      zapReadyAt: 0,
    };
    this.players.set(id, p);
    this.emit({ joined: { id, name, color: p.color, score: 0, bot } });
  }

  leave(id: number): void {
    if (!this.players.delete(id)) return;
    this.emit({ left: { id } });
  }

  /** Where the player wants to go; the next ticks move it (unless it is stunned). */
  input(id: number, dx: number, dy: number): void {
    const p = this.players.get(id);
    if (!p) return;
    p.dx = axis(dx);
    p.dy = axis(dy);
    p.inputAt = this.now();
  }

  /** Zaps every other player in range (but not one that just joined): +1 for each hit, -1 (down to 0) and a stun for them. */
  zap(id: number): ZapResult | undefined {
    const p = this.players.get(id);
    if (!p) return undefined;
    const now = this.now();
    if (now < p.zapReadyAt) return { hit: [], waitMs: p.zapReadyAt - now };
    p.zapReadyAt = now + ZAP_COOLDOWN_MS;
    const hit: number[] = [];
    for (const o of this.players.values()) {
      if (o === p || distance(o, p) > ZAP_RANGE || now < o.safeUntil) continue;
      hit.push(o.id);
      p.score += 1;
      o.score = Math.max(0, o.score - 1);
      o.stunnedUntil = now + STUN_MS;
      this.emit({ hit: { attacker: p.id, victim: o.id, attackerScore: p.score, victimScore: o.score } });
    }
    return { hit, waitMs: 0 };
  }

  /**
   * One server tick: everyone moves, coins are picked up. A player whose input is older than
   * INPUT_TTL_MS stands still: its page re-sends the input while it is connected, so a player
   * whose connection is gone stops (wherever its session is served).
   */
  step(): void {
    this.tick++;
    const now = this.now();
    for (const p of this.players.values()) {
      if (now < p.stunnedUntil || now - p.inputAt > INPUT_TTL_MS || (p.dx === 0 && p.dy === 0)) continue;
      const next = step(p.x, p.y, p.dx, p.dy);
      p.x = next.x;
      p.y = next.y;
      for (const c of this.coins.values()) {
        if (distance(c, p) >= PLAYER_RADIUS + COIN_RADIUS) continue;
        this.coins.delete(c.id);
        p.score += 1;
        const spawned = this.spawnCoin();
        this.emit({ coinTaken: { coinId: c.id, playerId: p.id, score: p.score, spawned } });
      }
    }
  }

  save(): SavedWorld {
    return {
      revision: this.revision,
      nextCoin: this.nextCoin,
      coins: [...this.coins.values()],
      players: [...this.players.values()].map((p) => ({
        id: p.id,
        name: p.name,
        bot: p.bot,
        score: p.score,
        x: p.x,
        y: p.y,
      })),
    };
  }

  /** Takes over a saved world (inputs and stuns start afresh). */
  restore(saved: SavedWorld): void {
    this.revision = saved.revision;
    this.nextCoin = saved.nextCoin;
    this.coins.clear();
    for (const c of saved.coins) this.coins.set(c.id, { id: c.id, x: c.x, y: c.y });
    this.players.clear();
    for (const p of saved.players) {
      this.players.set(p.id, {
        ...p,
        color: colorOf(p.id, p.bot),
        dx: 0,
        dy: 0,
        inputAt: 0,
        safeUntil: 0,
        stunnedUntil: 0,
        zapReadyAt: 0,
      });
    }
  }

  /** Where everyone is now (the best-effort tick push). */
  positions(): tether.arena.Pos.$Properties[] {
    const now = this.now();
    return [...this.players.values()].map((p) => ({ id: p.id, x: p.x, y: p.y, stunned: now < p.stunnedUntil }));
  }

  /** The world at its revision (the Sync snapshot). */
  snapshot(): Uint8Array {
    return encodeSnapshot(this.save(), this.positions());
  }

  private emit(event: WorldEvent): void {
    this.report(++this.revision, event);
  }

  private spawnCoin(): CoinState {
    const c = { id: this.nextCoin++, ...this.freeSpot(COIN_RADIUS * 2) };
    this.coins.set(c.id, c);
    return c;
  }

  /** A random spot `margin` from the walls, not on a player or a coin (after a few tries, any). */
  private freeSpot(margin: number): { x: number; y: number } {
    let spot = { x: 0, y: 0 };
    for (let i = 0; i < 20; i++) {
      spot = {
        x: Math.round(margin + this.random() * (WIDTH - 2 * margin)),
        y: Math.round(margin + this.random() * (HEIGHT - 2 * margin)),
      };
      const busy = [...this.players.values(), ...this.coins.values()].some(
        (o) => distance(o, spot) < PLAYER_RADIUS * 3,
      );
      if (!busy) break;
    }
    return spot;
  }
}

/** The Sync snapshot of a saved world (positions: as given, else where the save has them). */
export function encodeSnapshot(saved: SavedWorld, positions?: tether.arena.Pos.$Properties[]): Uint8Array {
  return arena.ArenaSnapshot.encode({
    revision: saved.revision,
    coins: saved.coins,
    players: saved.players.map((p) => ({
      id: p.id,
      name: p.name,
      color: colorOf(p.id, p.bot),
      score: p.score,
      bot: p.bot,
    })),
    positions: positions ?? saved.players.map((p) => ({ id: p.id, x: p.x, y: p.y, stunned: false })),
    width: WIDTH,
    height: HEIGHT,
  }).finish();
}
