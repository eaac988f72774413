/**
 * A world (the server's) and a model of it (a client's) as plain data the tests compare:
 * revision, coins and players with their scores, sorted by id.
 */
import type { ArenaModel } from "../src/arena-model.js";
import type { World } from "../src/world.js";

export const truthOf = (w: World) => ({
  revision: w.revision,
  coins: [...w.coins.values()].sort((a, b) => a.id - b.id),
  players: [...w.players.values()]
    .map((p) => ({ id: p.id, name: p.name, color: p.color, bot: p.bot, score: p.score }))
    .sort((a, b) => a.id - b.id),
});

export const modelOf = (m: ArenaModel) => ({
  revision: m.revision,
  coins: [...m.coins.values()].sort((a, b) => a.id - b.id),
  players: [...m.players.values()].sort((a, b) => a.id - b.id),
});
