/**
 * Bots that live in the server: world players with no connection. Each tick they head for the
 * nearest coin, and now and then zap whoever comes close. `setCount` adds or removes them while
 * the game runs (a removed bot leaves the world, which is a reliable event like any leave).
 */
import { distance, lcg, nearest, toward, ZAP_RANGE } from "./rules.js";
import type { PlayerState, World } from "./world.js";

/** Bots' player ids are 1..MAX_BOTS; players who log in get ids above. */
export const MAX_BOTS = 20;
/** Chance per tick that a bot with someone in range zaps (about once a second at 20 ticks/s). */
const ZAP_CHANCE = 0.05;

export class ServerBots {
  private count = 0;
  private readonly random: () => number;

  constructor(
    private readonly world: World,
    seed: number,
  ) {
    this.random = lcg(seed ^ 0x5eed);
  }

  get size(): number {
    return this.count;
  }

  setCount(n: number): void {
    const target = Math.max(0, Math.min(MAX_BOTS, Math.trunc(n)));
    while (this.count < target) {
      this.count++;
      this.world.join(this.count, `bot-${this.count}`, true);
    }
    while (this.count > target) {
      this.world.leave(this.count);
      this.count--;
    }
  }

  /** Counts the bots of a world taken over from another node (bots are players 1..n). */
  adopt(): void {
    this.count = 0;
    while (this.world.players.get(this.count + 1)?.bot) this.count++;
  }

  /** Before each tick: every bot picks its input. */
  steer(): void {
    for (let id = 1; id <= this.count; id++) {
      const bot = this.world.players.get(id);
      if (bot) this.steerOne(bot);
    }
  }

  private steerOne(bot: PlayerState): void {
    const coin = nearest(this.world.coins.values(), bot);
    this.world.input(bot.id, coin ? toward(bot.x, coin.x) : 0, coin ? toward(bot.y, coin.y) : 0);
    const near = [...this.world.players.values()].some((o) => o !== bot && distance(o, bot) < ZAP_RANGE * 0.9);
    if (near && this.random() < ZAP_CHANCE) this.world.zap(bot.id);
  }
}
