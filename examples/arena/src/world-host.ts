/**
 * The world in cluster mode: every node serves players, one node at a time runs the world.
 *
 * - That node holds a lease in Redis (renewed every second, lost after three without renewal).
 * - Before it publishes a reliable event it saves the world, with that event, as JSON, and only
 *   while it holds the lease (a node that lost it stops). So a snapshot read from Redis on any
 *   node is never behind an event a session has been sent.
 * - When the holder goes (a graceful close gives the lease up at once), another node takes the
 *   lease and the world on from the saved state, bots included, and first publishes the saved
 *   event again: one saved but not yet published when its node died still reaches everyone, and
 *   clients that have it skip it by its rev. Inputs restart as the pages re-send them.
 * - The other nodes send their players' input, joins, leaves and zaps over a Redis channel; a
 *   zap's answer comes back on the asking node's own channel.
 *
 * Keys under `ns`: `ns:arena:lease` (the holder's node id), `ns:arena:world` (the saved world);
 * channels `ns:arena:commands` and `ns:arena:reply:<nodeId>`.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { tether } from "@tether/protocol/gen/arena";
import { Redis } from "ioredis";
import { encodeSnapshot, type SavedWorld, type ZapResult } from "./world.js";
import type { Publisher, WorldAccess, WorldSetup } from "./world-access.js";
import { WorldRunner } from "./world-runner.js";

const LEASE_MS = 3000;
const RENEW_EVERY_MS = 1000;
const ZAP_TIMEOUT_MS = 1000;

/** Renews the lease only for its holder. */
const RENEW = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end return 0`;
/** Saves the world only for the lease's holder (a node that lost it must not publish on). */
const SAVE = `if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('SET', KEYS[2], ARGV[2]) return 1 end return 0`;
/** Gives the lease up only when it is still ours. */
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

type Command =
  | { readonly kind: "join"; readonly id: number; readonly name: string }
  | { readonly kind: "leave"; readonly id: number }
  | { readonly kind: "input"; readonly id: number; readonly name: string; readonly dx: number; readonly dy: number }
  | { readonly kind: "zap"; readonly id: number; readonly reply: string; readonly n: number };

interface Reply {
  readonly n: number;
  readonly result: ZapResult | null;
}

export interface HostedWorldOptions extends WorldSetup {
  readonly url: string;
  readonly namespace: string;
  readonly nodeId: string;
}

export class HostedWorld implements WorldAccess {
  readonly runner: WorldRunner;
  private readonly redis: Redis;
  private readonly sub: Redis;
  private readonly keys: { lease: string; world: string; commands: string; reply: string };
  private timer: ReturnType<typeof setInterval> | undefined;
  /** Events are saved, then published, one after the other. */
  private chain: Promise<void> = Promise.resolve();
  private readonly waiting = new Map<number, (r: ZapResult | undefined) => void>();
  private nextZap = 1;
  private closed = false;

  constructor(
    private readonly o: HostedWorldOptions,
    private readonly publish: Publisher,
  ) {
    const ns = o.namespace;
    this.keys = {
      lease: `${ns}:arena:lease`,
      world: `${ns}:arena:world`,
      commands: `${ns}:arena:commands`,
      reply: `${ns}:arena:reply:${o.nodeId}`,
    };
    this.redis = new Redis(o.url, { lazyConnect: true, maxRetriesPerRequest: 2 });
    this.sub = new Redis(o.url, { lazyConnect: true });
    this.runner = new WorldRunner(o.seed, o.tickMs, {
      event: (rev, e) => {
        const saved = JSON.stringify({ ...this.runner.world.save(), last: { rev, event: e } } satisfies Saved);
        this.chain = this.chain
          .then(async () => {
            const held = await this.redis.eval(SAVE, 2, this.keys.lease, this.keys.world, this.o.nodeId, saved);
            if (held === 1) await this.publish.event(rev, e);
            else this.runner.stop(); // another node runs the world now
          })
          .catch(() => {});
      },
      positions: (tick, p) => publish.positions(tick, p),
    });
  }

  /** Connects, listens for commands and replies, and tries for the lease at once. */
  async start(): Promise<void> {
    await Promise.all([this.redis.connect(), this.sub.connect()]);
    this.sub.on("message", (channel: string, text: string) => this.onMessage(channel, text));
    await this.sub.subscribe(this.keys.commands, this.keys.reply);
    await this.lead();
    this.timer = setInterval(() => void this.lead().catch(() => {}), RENEW_EVERY_MS);
    this.timer.unref();
  }

  /** True while this node runs the world. */
  get leading(): boolean {
    return this.runner.running;
  }

  join(id: number, name: string): void {
    this.command({ kind: "join", id, name });
  }

  leave(id: number): void {
    this.command({ kind: "leave", id });
  }

  input(id: number, name: string, dx: number, dy: number): void {
    this.command({ kind: "input", id, name, dx, dy });
  }

  zap(id: number): Promise<ZapResult | undefined> {
    if (this.leading) return Promise.resolve(this.runner.world.zap(id));
    const n = this.nextZap++;
    return new Promise<ZapResult | undefined>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(n);
        reject(new TetherError(ErrorCode.SERVER_BUSY, "the node running the world did not answer"));
      }, ZAP_TIMEOUT_MS);
      this.waiting.set(n, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      this.send({ kind: "zap", id, reply: this.keys.reply, n });
    });
  }

  async snapshot(): Promise<{ revision: number; bytes: Uint8Array }> {
    const { world } = this.runner;
    if (this.leading) return { revision: world.revision, bytes: world.snapshot() };
    const saved = parseWorld(await this.redis.get(this.keys.world));
    if (!saved) throw new TetherError(ErrorCode.SERVER_BUSY, "the world is starting");
    return { revision: saved.revision, bytes: encodeSnapshot(saved) };
  }

  async close(): Promise<void> {
    this.closed = true;
    clearInterval(this.timer);
    const leading = this.leading;
    this.runner.stop();
    await this.chain;
    // Gone at once rather than after the lease runs out: another node takes the world now.
    if (leading) await this.redis.eval(RELEASE, 1, this.keys.lease, this.o.nodeId).catch(() => {});
    this.redis.disconnect();
    this.sub.disconnect();
  }

  /** Keeps the lease, or takes it (and the saved world) when nobody holds it. */
  private async lead(): Promise<void> {
    if (this.closed) return;
    const { lease } = this.keys;
    if (this.leading) {
      const kept = await this.redis.eval(RENEW, 1, lease, this.o.nodeId, LEASE_MS).catch(() => 0);
      if (kept !== 1) this.runner.stop(); // someone else runs the world now
      return;
    }
    if ((await this.redis.set(lease, this.o.nodeId, "PX", LEASE_MS, "NX")) !== "OK") return;
    const saved = parseWorld(await this.redis.get(this.keys.world));
    if (saved) {
      // The holder before may have saved its last event and gone before publishing it: publish
      // it again, before anything new (a client that has it skips it by its rev).
      const last = saved.last;
      if (last) this.chain = this.chain.then(() => this.publish.event(last.rev, last.event)).catch(() => {});
      this.runner.start(saved);
    } else {
      // The first world of this namespace: saved before anyone can ask for a snapshot.
      this.runner.bots.setCount(this.o.bots);
      await this.redis.set(this.keys.world, JSON.stringify(this.runner.world.save()));
      this.runner.start();
    }
  }

  private command(c: Command): void {
    if (this.leading) this.apply(c);
    else this.send(c);
  }

  private send(c: Command): void {
    void this.redis.publish(this.keys.commands, JSON.stringify(c)).catch(() => {});
  }

  private apply(c: Command): void {
    const { world } = this.runner;
    if (c.kind === "join") world.join(c.id, c.name);
    else if (c.kind === "leave") world.leave(c.id);
    else if (c.kind === "input") {
      world.join(c.id, c.name); // back in after a failover lost it (nothing happens when it is in)
      world.input(c.id, c.dx, c.dy);
    } else {
      const reply: Reply = { n: c.n, result: world.zap(c.id) ?? null };
      void this.redis.publish(c.reply, JSON.stringify(reply)).catch(() => {});
    }
  }

  private onMessage(channel: string, text: string): void {
    try {
      if (channel === this.keys.commands) {
        if (this.leading) this.apply(JSON.parse(text) as Command);
      } else if (channel === this.keys.reply) {
        const r = JSON.parse(text) as Reply;
        this.waiting.get(r.n)?.(r.result ?? undefined);
        this.waiting.delete(r.n);
      }
    } catch {
      // Only nodes of this namespace write here; anything unreadable is dropped.
    }
  }
}

/** The saved world, with the event that made its revision (none for a world no event changed yet). */
interface Saved extends SavedWorld {
  readonly last?: { readonly rev: number; readonly event: tether.arena.WorldEvent.$Properties };
}

function parseWorld(text: string | null): Saved | undefined {
  if (text === null) return undefined;
  try {
    const w = JSON.parse(text) as Saved;
    return typeof w.revision === "number" && Array.isArray(w.players) && Array.isArray(w.coins) ? w : undefined;
  } catch {
    return undefined;
  }
}
