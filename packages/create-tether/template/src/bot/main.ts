/** `npm run bot`: a Node client that joins, adds to the counter every second and prints pushes. */
import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { game } from "../gen/game.js";

const url = process.env.URL ?? "ws://127.0.0.1:8081/ws";
const player = Number(process.env.PLAYER ?? 1 + Math.floor(Math.random() * 1000));
const client = new TetherClient({
  url,
  token: `player:${player}`,
  transport: nodeTransport,
});
client.onPush(2000, game.Counted, (m) => console.log(`total ${m.total} (player ${m.byPlayer} added)`));
client.onSnapshot((bytes) => console.log(`re-synced: total ${game.RoomSnapshot.decode(bytes).total}`));
await client.connect();
console.log(`player ${player} connected to ${url}`);
setInterval(() => {
  client.request(1000, game.AddReq, { amount: 1 }, game.AddResp).catch((e: unknown) => console.error(String(e)));
}, 1000);
