/**
 * Where the world is, as the arena's server reaches it: in this process (one node), or in
 * cluster mode on whichever node holds the world's lease (world-host.ts). Either way the
 * server's routes and hooks call these, and what the running world reports goes to a Publisher.
 */
import type { tether } from "@tether/protocol/gen/arena";
import type { ZapResult } from "./world.js";
import { WorldRunner } from "./world-runner.js";

/** What the node running the world does with what it reports (the arena's gateway calls). */
export interface Publisher {
  /** Publishes a reliable event; resolves once the gateway has issued it. */
  event(rev: number, event: tether.arena.WorldEvent.$Properties): Promise<void>;
  positions(tick: number, positions: tether.arena.Pos.$Properties[]): void;
}

export interface WorldAccess {
  /** The world as this node runs it (in cluster mode, only while it holds the lease). */
  readonly runner: WorldRunner;
  join(id: number, name: string): void;
  leave(id: number): void;
  /** The player's input; `name` lets a world that lost the player (a failover) take it back in. */
  input(id: number, name: string, dx: number, dy: number): void;
  zap(id: number): Promise<ZapResult | undefined>;
  /** The Sync snapshot: the world at its revision. */
  snapshot(): Promise<{ revision: number; bytes: Uint8Array }>;
  close(): Promise<void>;
}

export interface WorldSetup {
  readonly seed: number;
  readonly tickMs: number;
  readonly bots: number;
}

/** The world in this process, running from the start. */
export function localWorld(setup: WorldSetup, publish: Publisher): WorldAccess {
  const runner = new WorldRunner(setup.seed, setup.tickMs, {
    event: (rev, e) => void publish.event(rev, e).catch(() => {}),
    positions: (tick, p) => publish.positions(tick, p),
  });
  runner.bots.setCount(setup.bots);
  runner.start();
  const { world } = runner;
  return {
    runner,
    join: (id, name) => world.join(id, name),
    leave: (id) => world.leave(id),
    input: (id, _name, dx, dy) => world.input(id, dx, dy),
    zap: async (id) => world.zap(id),
    snapshot: async () => ({ revision: world.revision, bytes: world.snapshot() }),
    close: async () => runner.stop(),
  };
}
