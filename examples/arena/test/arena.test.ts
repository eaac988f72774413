/**
 * The arena through the real server: server bots and two bots over the network play until
 * 30 events happened; then every network bot's model of the world (revision, coins, players,
 * scores) equals the server's. A second login of the same name takes the session over (4500),
 * and bad input (a nickname the server refuses, garbage in place of an input message) harms
 * nobody.
 */
import { CloseCode, ErrorCode } from "@tether/protocol";
import { tether } from "@tether/protocol/gen/arena";
import { describe, expect, it } from "vitest";
import { Msg } from "../src/arena-messages.js";
import { startArena } from "../src/arena-server.js";
import { Bot } from "../src/bot.js";
import { modelOf, truthOf } from "./worlds.js";

describe("the arena", () => {
  it("keeps every network bot's world equal to the server's while they play", async () => {
    const arena = await startArena(0, "127.0.0.1", {}, { bots: 3, seed: 7, tickMs: 10 });
    const url = arena.app.tether.url;
    const bots = [new Bot(url, "nina"), new Bot(url, "omar")];
    try {
      await Promise.all(bots.map((b) => b.start()));
      await Promise.all(bots.map((b) => b.reached(30)));
      for (const b of bots) b.stop();
      arena.app.bots.setCount(0); // the server bots leave: two more events
      const truth = truthOf(arena.app.world);
      await Promise.all(bots.map((b) => b.reached(truth.revision)));
      for (const b of bots) expect(modelOf(b.model)).toEqual(truth);
      expect(truth.players.map((p) => p.name)).toEqual(["nina", "omar"]);
      expect(bots.every((b) => b.model.positions.size === 2 || b.model.tick > 0)).toBe(true);
      console.log(
        `arena: revision ${truth.revision}, scores ${truth.players.map((p) => `${p.name} ${p.score}`).join(", ")}`,
      );
    } finally {
      for (const b of bots) b.client.close();
      await arena.close();
    }
  });

  it("kicks the first connection when the same player logs in again (4500), and the player stays in the world", async () => {
    const arena = await startArena(0, "127.0.0.1", {}, { bots: 0 });
    const url = arena.app.tether.url;
    const first = new Bot(url, "pia");
    const second = new Bot(url, "pia");
    try {
      await first.start();
      const kicked = new Promise((resolve) => first.client.on("kicked", resolve));
      await second.start();
      expect(await kicked).toMatchObject({ code: CloseCode.SESSION_TAKEN_OVER });
      expect([...arena.app.world.players.values()].map((p) => p.name)).toEqual(["pia"]);
      expect(second.playerId).toBe(first.playerId);
    } finally {
      first.client.close();
      second.client.close();
      await arena.close();
    }
  });

  it("refuses a bad nickname with UNAUTHORIZED and survives garbage input, other players unharmed", async () => {
    const arena = await startArena(0, "127.0.0.1", {}, { bots: 0 });
    const url = arena.app.tether.url;
    const good = new Bot(url, "quinn");
    const bad = new Bot(url, "not a name!");
    try {
      await good.start();
      await expect(bad.client.connect()).rejects.toMatchObject({ code: ErrorCode.UNAUTHORIZED });
      // Garbage where an InputReq belongs, then a zap and a ping: the session goes on.
      good.client.notify(Msg.INPUT, { encode: () => ({ finish: () => new Uint8Array([0xff, 0xff, 0xff]) }) }, {});
      const zap = await good.client.request(Msg.ZAP, tether.arena.ZapReq, {}, tether.arena.ZapResp);
      expect(zap.hit).toEqual([]);
      const ping = await good.client.request(Msg.PING, tether.arena.PingReq, {}, tether.arena.PingResp);
      expect(ping.serverTimeMs).toBeGreaterThan(0);
      expect(good.client.state.kind).toBe("ready");
    } finally {
      good.client.close();
      bad.client.close();
      await arena.close();
    }
  });
});
