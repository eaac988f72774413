/**
 * A client's model of the world, kept by the page and the Node bots alike: the snapshot sets
 * it, each reliable event moves it on by one revision (an event at or below the model's
 * revision is already in it and is skipped), the best-effort tick pushes say where everyone is.
 * It can be saved and loaded whole (the page keeps it in sessionStorage across reloads).
 */
import type { tether } from "@tether/protocol/gen/arena";

type Snapshot = tether.arena.ArenaSnapshot;
type WorldEvent = tether.arena.WorldEvent;
type StatePush = tether.arena.StatePush;

export interface ModelPlayer {
  readonly id: number;
  readonly name: string;
  readonly color: number;
  readonly bot: boolean;
  score: number;
}

export interface ModelCoin {
  readonly id: number;
  readonly x: number;
  readonly y: number;
}

export interface Position {
  readonly x: number;
  readonly y: number;
  readonly stunned: boolean;
}

/** What `save()` returns and `load()` takes (plain JSON). */
export interface SavedModel {
  readonly revision: number;
  readonly players: ModelPlayer[];
  readonly coins: ModelCoin[];
}

export class ArenaModel {
  revision = 0;
  tick = 0;
  readonly players = new Map<number, ModelPlayer>();
  readonly coins = new Map<number, ModelCoin>();
  readonly positions = new Map<number, Position>();

  applySnapshot(s: Snapshot): void {
    this.revision = s.revision;
    this.players.clear();
    for (const p of s.players) {
      const id = p.id ?? 0;
      this.players.set(id, { id, name: p.name ?? "", color: p.color ?? 0, bot: p.bot ?? false, score: p.score ?? 0 });
    }
    this.coins.clear();
    for (const c of s.coins) this.addCoin(c);
    this.positions.clear();
    for (const p of s.positions)
      this.positions.set(p.id ?? 0, { x: p.x ?? 0, y: p.y ?? 0, stunned: p.stunned ?? false });
  }

  /** Applies a reliable event carrying `rev`; false when the model already has it. */
  apply(rev: number, e: WorldEvent): boolean {
    if (rev <= this.revision) return false;
    this.revision = rev;
    if (e.coinTaken) {
      const t = e.coinTaken;
      this.coins.delete(t.coinId ?? 0);
      if (t.spawned) this.addCoin(t.spawned);
      this.setScore(t.playerId ?? 0, t.score ?? 0);
    } else if (e.hit) {
      this.setScore(e.hit.attacker ?? 0, e.hit.attackerScore ?? 0);
      this.setScore(e.hit.victim ?? 0, e.hit.victimScore ?? 0);
    } else if (e.joined) {
      const p = e.joined;
      const id = p.id ?? 0;
      this.players.set(id, { id, name: p.name ?? "", color: p.color ?? 0, bot: p.bot ?? false, score: p.score ?? 0 });
    } else if (e.left) {
      this.players.delete(e.left.id ?? 0);
      this.positions.delete(e.left.id ?? 0);
    }
    return true;
  }

  /** A tick's positions (best effort: an older tick than the one shown is ignored). */
  applyPositions(p: StatePush): void {
    if (p.tick < this.tick && this.tick - p.tick < 1000) return;
    this.tick = p.tick;
    this.positions.clear();
    for (const q of p.positions)
      this.positions.set(q.id ?? 0, { x: q.x ?? 0, y: q.y ?? 0, stunned: q.stunned ?? false });
  }

  save(): SavedModel {
    return { revision: this.revision, players: [...this.players.values()], coins: [...this.coins.values()] };
  }

  load(saved: SavedModel): void {
    this.revision = saved.revision;
    this.players.clear();
    for (const p of saved.players) this.players.set(p.id, { ...p });
    this.coins.clear();
    for (const c of saved.coins) this.coins.set(c.id, { ...c });
  }

  private addCoin(c: { id?: number | null; x?: number | null; y?: number | null }): void {
    const id = c.id ?? 0;
    this.coins.set(id, { id, x: c.x ?? 0, y: c.y ?? 0 });
  }

  private setScore(id: number, score: number): void {
    const p = this.players.get(id);
    if (p) p.score = score;
  }
}
