/** The browser page: the same client as the bot, on the browser's own WebSocket. */
import { TetherClient } from "@tether/client";
import { game } from "../src/gen/game.js";

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const server = new URLSearchParams(location.search).get("server") ?? `ws://${location.hostname}:8081/ws`;
const client = new TetherClient({ url: server, token: `player:${1 + Math.floor(Math.random() * 1_000_000)}` });
client.onPush(2000, game.Counted, (m) => {
  $("total").textContent = String(m.total);
});
client.onSnapshot((bytes) => {
  $("total").textContent = String(game.RoomSnapshot.decode(bytes).total);
});
client.on("state", (s) => {
  $("state").textContent = s.kind;
  ($("add") as HTMLButtonElement).disabled = s.kind !== "ready";
});
$("add").addEventListener("click", () => {
  void client.request(1000, game.AddReq, { amount: 1 }, game.AddResp);
});
void client.connect();
