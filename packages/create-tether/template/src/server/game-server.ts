/**
 * The game server: one room with a shared counter. A player's AddReq (1000) adds to it; every
 * player in the room gets a reliable Counted push (2000) carrying the room's revision, and a
 * client that missed too much re-syncs from the RoomSnapshot.
 */
import { createServer, type TetherServer } from "@tether/server";
import { game } from "../gen/game.js";

const ROOM = "room";

export interface GameServer {
  readonly server: TetherServer;
  readonly url: string;
  close(): Promise<void>;
}

export async function startGameServer(port: number): Promise<GameServer> {
  let total = 0;
  let revision = 0;
  const server = createServer({
    port,
    authenticator: {
      // Replace with your own: a JWT check, a call to your account service...
      authenticate(token) {
        const m = /^player:([1-9]\d{0,8})$/.exec(token);
        if (!m) throw new Error("tokens look like player:<number>");
        return { playerId: Number(m[1]) };
      },
    },
    snapshotProvider: {
      snapshot: () => ({ serverStateRevision: revision, snapshot: game.RoomSnapshot.encode({ total }).finish() }),
    },
    hooks: {
      onSessionStart: (s) => void server.gateway.subscribe(s.sessionId, [ROOM]),
    },
  });
  server.route(1000, game.AddReq, game.AddResp, async (req, ctx) => {
    total += Math.min(req.amount, 100);
    revision++;
    const push = game.Counted.encode({ total, byPlayer: ctx.playerId ?? 0 }).finish();
    await ctx.gateway.publish([ROOM], 2000, push, { rev: revision });
    return { total };
  });
  const url = await server.listen();
  return { server, url, close: () => server.close({ drainMs: 1000 }) };
}
