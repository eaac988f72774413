/**
 * The arena server. Authoritative: clients ask to move, the server decides. Reliable events
 * (a coin taken, a coin spawned) carry the world revision as the frame's `rev`; positions are
 * best-effort pushes every tick (the next one replaces them); a Sync snapshot gives the world
 * at a revision. A second login of the same player takes the session over (4500).
 */
import { tether } from "@tether/protocol/gen/game";
import { createServer, type ServerOptions, type TetherServer } from "@tether/server";
import { COINS, type CoinState, clampStep, inside, lcg, SIZE } from "./world.js";

const game = tether.game;
const ARENA = "arena";

export interface ArenaOptions {
  readonly port?: number;
  readonly tickMs?: number;
  readonly seed?: number;
  readonly server?: Partial<ServerOptions>;
}

export interface Arena {
  readonly server: TetherServer;
  /** The authoritative state, for tests and the scoreboard. */
  state(): { revision: number; coins: CoinState[]; scores: Map<number, number> };
  close(): Promise<void>;
}

export async function startArena(options: ArenaOptions = {}): Promise<Arena> {
  const random = lcg(options.seed ?? 42);
  const positions = new Map<number, { x: number; y: number }>();
  const scores = new Map<number, number>();
  const coins = new Map<number, CoinState>();
  let revision = 0;
  let nextCoin = 1;
  let tick = 0;

  const spawn = (): CoinState => {
    for (;;) {
      const c = { id: nextCoin, x: Math.floor(random() * SIZE), y: Math.floor(random() * SIZE) };
      if ([...coins.values()].some((o) => o.x === c.x && o.y === c.y)) continue;
      nextCoin++;
      coins.set(c.id, c);
      return c;
    }
  };
  for (let i = 0; i < COINS; i++) spawn();

  const server = createServer({
    port: options.port ?? 8082,
    ...options.server,
    authenticator: {
      authenticate(token) {
        const m = /^bot:([1-9]\d{0,6})$/.exec(token);
        if (!m) throw new Error("tokens are bot:<number>");
        return { playerId: Number(m[1]) };
      },
    },
    snapshotProvider: {
      snapshot: () => ({
        serverStateRevision: revision,
        snapshot: game.WorldSnapshot.encode({
          revision,
          coins: [...coins.values()],
          scores: [...scores].map(([playerId, score]) => ({ playerId, score })),
          size: SIZE,
        }).finish(),
      }),
    },
    hooks: {
      onSessionStart: (s) => {
        void server.gateway.subscribe(s.sessionId, [ARENA]);
        if (!positions.has(s.playerId)) positions.set(s.playerId, { x: 0, y: 0 });
      },
    },
  });

  server.route(1200, game.MoveReq, game.MoveResp, (req, ctx) => {
    const id = ctx.playerId as number;
    const p = positions.get(id) ?? { x: 0, y: 0 };
    const next = { x: inside(p.x + clampStep(req.dx)), y: inside(p.y + clampStep(req.dy)) };
    positions.set(id, next);
    const coin = [...coins.values()].find((c) => c.x === next.x && c.y === next.y);
    if (coin) {
      coins.delete(coin.id);
      const score = (scores.get(id) ?? 0) + 1;
      scores.set(id, score);
      revision++;
      const spawned = spawn();
      const event = game.CoinTaken.encode({ coinId: coin.id, playerId: id, score, spawned }).finish();
      void ctx.gateway.publish([ARENA], 2201, event, { rev: revision });
    }
    return next;
  });

  const timer = setInterval(() => {
    tick++;
    const all = [...positions].map(([playerId, p]) => ({ playerId, x: p.x, y: p.y }));
    void server.gateway.broadcast(2200, game.PositionsPush.encode({ tick, positions: all }).finish());
  }, options.tickMs ?? 100);
  timer.unref();

  await server.listen();
  return {
    server,
    state: () => ({ revision, coins: [...coins.values()].sort((a, b) => a.id - b.id), scores: new Map(scores) }),
    async close() {
      clearInterval(timer);
      await server.close({ drainMs: 200 });
    },
  };
}
