/**
 * Runs a world: the tick timer, the server bots steering before each tick, and what the world
 * reports handed on (each reliable event with its revision, each tick's positions). One node
 * runs it; in cluster mode, the node that holds the world's lease (world-host.ts).
 */
import type { tether } from "@tether/protocol/gen/arena";
import { ServerBots } from "./server-bots.js";
import { type SavedWorld, World } from "./world.js";

export interface WorldOutlet {
  /** A reliable event and the revision it makes, in order. */
  event(rev: number, event: tether.arena.WorldEvent.$Properties): void;
  /** A tick's positions (best effort). */
  positions(tick: number, positions: tether.arena.Pos.$Properties[]): void;
}

export class WorldRunner {
  readonly world: World;
  readonly bots: ServerBots;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    seed: number,
    private readonly tickMs: number,
    private readonly out: WorldOutlet,
  ) {
    this.world = new World(seed, Date.now, (rev, e) => out.event(rev, e));
    this.bots = new ServerBots(this.world, seed);
  }

  get running(): boolean {
    return this.timer !== undefined;
  }

  /** Starts ticking, from `saved` when given (its bots play on). */
  start(saved?: SavedWorld): void {
    if (saved) {
      this.world.restore(saved);
      this.bots.adopt();
    }
    if (this.timer !== undefined) return;
    this.timer = setInterval(() => {
      this.bots.steer();
      this.world.step();
      this.out.positions(this.world.tick, this.world.positions());
    }, this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }
}
