/**
 * A bot: a TetherClient that keeps a model of the world from the snapshot and the reliable
 * events (skipping any event whose rev the snapshot already covers), reads positions from the
 * best-effort pushes, and walks toward the nearest coin.
 */
import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { tether } from "@tether/protocol/gen/game";
import type { CoinState } from "./world.js";

const game = tether.game;

export class Bot {
  readonly client: TetherClient;
  revision = 0;
  readonly coins = new Map<number, CoinState>();
  readonly scores = new Map<number, number>();
  position = { x: 0, y: 0 };
  positionsSeen = 0;
  private running = false;
  private readonly waiters: { revision: number; resolve: () => void }[] = [];

  /** `stepMs`: pause between moves (a bot's reaction time). */
  constructor(
    url: string,
    readonly playerId: number,
    private readonly stepMs = 50,
  ) {
    this.client = new TetherClient({ url, token: `bot:${playerId}`, transport: nodeTransport });
    this.client.onSnapshot((bytes) => {
      const w = game.WorldSnapshot.decode(bytes);
      this.revision = w.revision;
      this.coins.clear();
      for (const c of w.coins) this.coins.set(c.id ?? 0, { id: c.id ?? 0, x: c.x ?? 0, y: c.y ?? 0 });
      this.scores.clear();
      for (const s of w.scores) this.scores.set(s.playerId ?? 0, s.score ?? 0);
      this.settle();
    });
    this.client.onPush(2201, game.CoinTaken, (e, meta) => {
      if (meta.rev <= this.revision) return; // already in the snapshot
      this.revision = meta.rev;
      this.coins.delete(e.coinId);
      const c = e.spawned;
      if (c) this.coins.set(c.id ?? 0, { id: c.id ?? 0, x: c.x ?? 0, y: c.y ?? 0 });
      this.scores.set(e.playerId, e.score);
      this.settle();
    });
    this.client.onPush(2200, game.PositionsPush, (p) => {
      this.positionsSeen++;
      const me = p.positions.find((x) => x.playerId === this.playerId);
      if (me) this.position = { x: me.x ?? 0, y: me.y ?? 0 };
    });
  }

  async start(): Promise<void> {
    await this.client.connect();
    this.running = true;
    void this.loop();
  }

  /** Stops moving (the connection stays). */
  stop(): void {
    this.running = false;
  }

  /** Resolves once the bot's model has reached `revision`. */
  reached(revision: number): Promise<void> {
    if (this.revision >= revision) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ revision, resolve }));
  }

  private settle(): void {
    for (const w of [...this.waiters]) {
      if (this.revision >= w.revision) {
        this.waiters.splice(this.waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  }

  private async loop(): Promise<void> {
    while (this.running && this.client.state.kind === "ready") {
      const target = this.nearestCoin();
      const dx = target ? Math.sign(target.x - this.position.x) : 0;
      const dy = target && dx === 0 ? Math.sign(target.y - this.position.y) : 0;
      try {
        const r = await this.client.request(1200, game.MoveReq, { dx, dy }, game.MoveResp);
        this.position = { x: r.x, y: r.y };
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, this.stepMs));
    }
  }

  private nearestCoin(): CoinState | undefined {
    let best: CoinState | undefined;
    let bestD = Number.POSITIVE_INFINITY;
    for (const c of this.coins.values()) {
      const d = Math.abs(c.x - this.position.x) + Math.abs(c.y - this.position.y);
      if (d < bestD) {
        best = c;
        bestD = d;
      }
    }
    return best;
  }
}
