/**
 * Two bots play the arena for about two seconds; then every bot's model of the world (coins,
 * scores, revision) equals the server's, and a duplicate login takes a session over (4500).
 */
import { CloseCode } from "@tether/protocol";
import { describe, expect, it } from "vitest";
import { Bot } from "../src/bot.js";
import { startArena } from "../src/game-server.js";

describe("the arena", () => {
  it("keeps two bots' worlds consistent with the server's while they play", async () => {
    const arena = await startArena({ port: 0, tickMs: 20, seed: 7 });
    const bots = [new Bot(arena.server.url, 1, 5), new Bot(arena.server.url, 2, 5)];
    try {
      await Promise.all(bots.map((b) => b.start()));
      // Play until 30 coins were taken, a few seconds (bounded by the test's own timeout).
      await Promise.all(bots.map((b) => b.reached(30)));
      for (const b of bots) b.stop();
      const truth = arena.state();
      await Promise.all(bots.map((b) => b.reached(truth.revision)));
      for (const b of bots) {
        expect(b.revision).toBe(truth.revision);
        expect([...b.coins.values()].sort((x, y) => x.id - y.id)).toEqual(truth.coins);
        expect(new Map([...b.scores].sort())).toEqual(new Map([...truth.scores].sort()));
        expect(b.positionsSeen).toBeGreaterThan(0);
      }
      expect([...truth.scores.values()].reduce((a, n) => a + n, 0)).toBe(truth.revision);
      console.log(`game: revision ${truth.revision}, scores ${JSON.stringify([...truth.scores])}`);
    } finally {
      for (const b of bots) b.client.close();
      await arena.close();
    }
  }, 30_000);

  it("kicks the first connection when the same player logs in again (4500)", async () => {
    const arena = await startArena({ port: 0 });
    const first = new Bot(arena.server.url, 5);
    const second = new Bot(arena.server.url, 5);
    try {
      await first.client.connect();
      const kicked = new Promise((resolve) => first.client.on("kicked", resolve));
      await second.client.connect();
      expect(await kicked).toMatchObject({ code: CloseCode.SESSION_TAKEN_OVER });
      expect(first.client.state.kind).toBe("closed");
    } finally {
      first.client.close();
      second.client.close();
      await arena.close();
    }
  });
});
