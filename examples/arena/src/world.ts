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
  lcg,
  PLAYER_RADIUS,
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
  stunnedUntil: number;
  zapReadyAt: number;
}

export interface CoinState {
  readonly id: number;
  readonly x: number;
  readonly y: number;
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
      color: colorOf(id),
      bot,
      score: 0,
      ...at,
      dx: 0,
      dy: 0,
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
  }

  /** Zaps every other player in range: +1 for each hit, -1 (down to 0) and a stun for them. */
  zap(id: number): ZapResult | undefined {
    const p = this.players.get(id);
    if (!p) return undefined;
    const now = this.now();
    if (now < p.zapReadyAt) return { hit: [], waitMs: p.zapReadyAt - now };
    p.zapReadyAt = now + ZAP_COOLDOWN_MS;
    const hit: number[] = [];
    for (const o of this.players.values()) {
      if (o === p || distance(o, p) > ZAP_RANGE) continue;
      hit.push(o.id);
      p.score += 1;
      o.score = Math.max(0, o.score - 1);
      o.stunnedUntil = now + STUN_MS;
      this.emit({ hit: { attacker: p.id, victim: o.id, attackerScore: p.score, victimScore: o.score } });
    }
    return { hit, waitMs: 0 };
  }

  /** One server tick: everyone moves, coins are picked up. `still` players do not move. */
  step(still: (p: PlayerState) => boolean = () => false): void {
    this.tick++;
    const now = this.now();
    for (const p of this.players.values()) {
      if (now < p.stunnedUntil || still(p) || (p.dx === 0 && p.dy === 0)) continue;
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

  /** Where everyone is now (the best-effort tick push). */
  positions(): tether.arena.Pos.$Properties[] {
    const now = this.now();
    return [...this.players.values()].map((p) => ({ id: p.id, x: p.x, y: p.y, stunned: now < p.stunnedUntil }));
  }

  /** The world at its revision (the Sync snapshot). */
  snapshot(): Uint8Array {
    return arena.ArenaSnapshot.encode({
      revision: this.revision,
      coins: [...this.coins.values()],
      players: [...this.players.values()].map((p) => ({
        id: p.id,
        name: p.name,
        color: p.color,
        score: p.score,
        bot: p.bot,
      })),
      positions: this.positions(),
      width: WIDTH,
      height: HEIGHT,
    }).finish();
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
