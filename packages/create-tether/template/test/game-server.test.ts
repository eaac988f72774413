import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { afterEach, expect, it } from "vitest";
import { game } from "../src/gen/game.js";
import { type GameServer, startGameServer } from "../src/server/game-server.js";

let server: GameServer | undefined;
const clients: TetherClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await server?.close();
});

const connect = async (url: string, player: number) => {
  const c = new TetherClient({
    url,
    token: `player:${player}`,
    transport: nodeTransport,
  });
  clients.push(c);
  await c.connect();
  return c;
};

it("adds to the room's counter and pushes the new total to everyone in the room", async () => {
  server = await startGameServer(0);
  const alice = await connect(server.url, 1);
  const bob = await connect(server.url, 2);
  const seen = new Promise<number>((resolve) => bob.onPush(2000, game.Counted, (m) => resolve(Number(m.total))));
  const resp = await alice.request(1000, game.AddReq, { amount: 5 }, game.AddResp);
  expect(Number(resp.total)).toBe(5);
  expect(await seen).toBe(5);
});
