/**
 * The arena on two nodes of a cluster (Redis at REDIS_URL, default redis://127.0.0.1:6379, a
 * namespace of this test's own): one world, run by the node holding its lease. Players on
 * either node see the same world; when the running node goes, the other takes the world on
 * from where it was saved, with its bots, and play goes on.
 */
import { randomBytes } from "node:crypto";
import { redisCluster } from "@tether/redis";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { type ArenaServer, startArena } from "../src/arena-server.js";
import { Bot } from "../src/bot.js";
import { modelOf, truthOf } from "./worlds.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const ns = `arena-test-${randomBytes(6).toString("hex")}`;
const started: ArenaServer[] = [];
const bots: Bot[] = [];

function node(nodeId: string): Promise<ArenaServer> {
  const cluster = redisCluster({
    url: REDIS_URL,
    namespace: `${ns}-tether`,
    nodeId,
    durability: "log",
    nodeTtlMs: 1500,
    handoffTimeoutMs: 1500,
  });
  return startArena(
    0,
    "127.0.0.1",
    { cluster },
    { bots: 2, seed: 5, tickMs: 10, nodeId, redis: { url: REDIS_URL, namespace: ns } },
  ).then((a) => {
    started.push(a);
    return a;
  });
}

function bot(arena: ArenaServer, name: string): Bot {
  const b = new Bot(arena.app.tether.url, name);
  bots.push(b);
  return b;
}

afterAll(async () => {
  for (const b of bots) b.client.close();
  await Promise.all(started.map((a) => a.close().catch(() => {})));
  const db = new Redis(REDIS_URL);
  const keys = await db.keys(`${ns}*`);
  if (keys.length > 0) await db.del(...keys);
  db.disconnect();
});

describe("the arena in a cluster", () => {
  it("runs one world for players on both nodes, and moves it to the other node when its node goes", async () => {
    const a = await node("a"); // first: it takes the world's lease
    const b = await node("b");
    const nina = bot(a, "nina");
    const omar = bot(b, "omar");
    await Promise.all([nina.start(), omar.start()]);
    expect(nina.playerId).not.toBe(omar.playerId);
    await Promise.all([nina.reached(20), omar.reached(20)]);
    nina.stop();
    omar.stop();
    a.app.bots.setCount(0);
    const truth = truthOf(a.app.world);
    await Promise.all([nina.reached(truth.revision), omar.reached(truth.revision)]);
    expect(modelOf(nina.model)).toEqual(truth);
    expect(modelOf(omar.model)).toEqual(truth);
    expect(truth.players.map((p) => p.name).sort()).toEqual(["nina", "omar"]);

    // Node a goes: b takes the world on from its last saved state and runs it.
    nina.client.close();
    a.app.bots.setCount(1); // a bot, to see that it is taken over too
    await omar.reached(truth.revision + 1);
    await a.close();
    started.splice(started.indexOf(a), 1);
    const before = truthOf(a.app.world); // as a left it
    omar.play();
    await omar.reached(before.revision + 5);
    omar.stop();
    b.app.bots.setCount(0);
    const after = truthOf(b.app.world);
    expect(after.revision).toBeGreaterThanOrEqual(before.revision + 5);
    // Taken over, not started afresh: nina (whose session waits for her to come back) is still
    // in it; the bot a started was taken over, and removed by b. (Scores may have moved: the
    // bot zaps whoever stands near it.)
    expect(after.players.map((p) => p.name).sort()).toEqual(["nina", "omar"]);
    expect(before.players.some((p) => p.bot)).toBe(true);
    await omar.reached(after.revision);
    expect(modelOf(omar.model)).toEqual(after);
    console.log(`arena cluster: revision ${before.revision} on a, then ${after.revision} on b`);
  }, 30_000);
});
