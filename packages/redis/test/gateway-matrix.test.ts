/**
 * Every gateway call, from node a, on a target held by a itself, by another node (b), by a node
 * that left (c), and on a target that does not exist: the documented result of each
 * (docs/cluster.md, "the gateway across nodes").
 */
import type { Gateway } from "@tether/server";
import type { WsClient } from "@tether/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bytes, type Node, TestCluster } from "./support/nodes.js";

type Where = "same" | "other" | "dead" | "none";
const WHERE: readonly Where[] = ["same", "other", "dead", "none"];

interface Target {
  readonly sid: string;
  readonly player: number;
  readonly topic: string;
  readonly client: WsClient | undefined;
}

let cluster: TestCluster;
let a: Node;
let b: Node;
let dead: Target;
let nextPlayer = 100;

/** A fresh session of a new player on `node`, in its own topic. */
async function target(node: Node): Promise<Target> {
  const player = nextPlayer++;
  const client = await cluster.client(node);
  const { sessionId: sid } = await client.login(`p:${player}`);
  const topic = `room-${player}`;
  await node.server.gateway.subscribe(sid, [topic]);
  return { sid, player, topic, client };
}

async function at(where: Where): Promise<Target> {
  if (where === "same") return target(a);
  if (where === "other") return target(b);
  if (where === "dead") return dead;
  const player = nextPlayer++;
  return { sid: `no-such-session-${player}`, player, topic: `room-${player}`, client: undefined };
}

beforeAll(async () => {
  cluster = new TestCluster();
  a = await cluster.node("a", {}, { handoffTimeoutMs: 500 });
  b = await cluster.node("b", {}, { handoffTimeoutMs: 500 });
  const c = await cluster.node("c", {}, { handoffTimeoutMs: 500 });
  dead = await target(c);
  // c leaves: its sessions are nobody's (a resume elsewhere would take them over).
  await c.server.close({ drainMs: 0, handoffMs: 0 });
});

afterAll(async () => {
  await cluster.closeAll();
});

const held = (w: Where) => w === "same" || w === "other";

/** One row per call: run it on a target, and what it answers for each place of the target. */
interface Row {
  readonly call: string;
  run(gw: Gateway, t: Target): Promise<unknown>;
  expected(t: Target, w: Where): unknown;
  /** What the call did, seen from outside (the client, or a query on the other node). */
  effect?(t: Target, w: Where): Promise<void>;
}

const pushed = async (t: Target, w: Where, text: string) => {
  if (!held(w)) return;
  const f = await (t.client as WsClient).waitFor(
    (x) => x.msgId === 2000 && new TextDecoder().decode(x.payload) === text,
  );
  expect(f.msgId).toBe(2000);
};

const ROWS: readonly Row[] = [
  {
    call: "send",
    run: (gw, t) => gw.send(t.sid, 2000, bytes("send")),
    expected: (_t, w) => held(w),
    effect: (t, w) => pushed(t, w, "send"),
  },
  {
    call: "sendToPlayer",
    run: (gw, t) => gw.sendToPlayer(t.player, 2000, bytes("toPlayer")),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: (t, w) => pushed(t, w, "toPlayer"),
  },
  {
    call: "sendBulk",
    run: (gw, t) =>
      gw.sendBulk([
        { sessionId: t.sid, msgId: 2000, payload: bytes("bulk-s") },
        { playerId: t.player, msgId: 2000, payload: bytes("bulk-p") },
      ]),
    expected: (_t, w) => (held(w) ? 2 : 0),
    effect: (t, w) => pushed(t, w, "bulk-p"),
  },
  {
    call: "multicast",
    run: (gw, t) => gw.multicast([t.sid], 2000, bytes("multi")),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: (t, w) => pushed(t, w, "multi"),
  },
  {
    call: "multicastToPlayers",
    run: (gw, t) => gw.multicastToPlayers([t.player], 2000, bytes("multiP")),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: (t, w) => pushed(t, w, "multiP"),
  },
  {
    call: "publish",
    run: (gw, t) => gw.publish([t.topic, `${t.topic}-empty`], 2000, bytes("pub")),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: (t, w) => pushed(t, w, "pub"),
  },
  {
    call: "publishBulk",
    run: (gw, t) => gw.publishBulk([{ topics: [t.topic], msgId: 2000, payload: bytes("pubBulk") }]),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: (t, w) => pushed(t, w, "pubBulk"),
  },
  {
    call: "subscribe",
    run: (gw, t) => gw.subscribe(t.sid, ["lobby"]),
    expected: (_t, w) => held(w),
    effect: async (t, w) => {
      const members = (await b.server.gateway.topicMembers(["lobby"])).lobby ?? [];
      expect(members.includes(t.sid)).toBe(held(w));
    },
  },
  {
    call: "unsubscribe",
    run: (gw, t) => gw.unsubscribe(t.sid, [t.topic]),
    expected: (_t, w) => held(w),
    effect: async (t) => {
      expect(await b.server.gateway.topicMembers([t.topic])).toEqual({ [t.topic]: [] });
    },
  },
  {
    call: "deleteTopics",
    run: (gw, t) => gw.deleteTopics([t.topic]),
    expected: () => undefined,
    effect: async (t, w) => {
      expect(await b.server.gateway.topicMembers([t.topic])).toEqual({ [t.topic]: [] });
      if (held(w)) expect((await b.server.gateway.sessionInfo([t.sid]))[0]?.topics).toEqual([]);
      expect(await a.server.gateway.publish([t.topic], 2000, bytes("gone"))).toBe(0);
    },
  },
  {
    call: "kick (session)",
    run: (gw, t) => gw.kick(t.sid, "bye"),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: async (t, w) => {
      if (held(w)) expect((await (t.client as WsClient).waitClosed()).code).toBe(4501);
      expect(await b.server.gateway.sessionInfo([t.sid])).toEqual([]);
    },
  },
  {
    call: "kick (player)",
    run: (gw, t) => gw.kick({ playerId: t.player }),
    expected: (_t, w) => (held(w) ? 1 : 0),
    effect: async (t, w) => {
      if (held(w)) expect((await (t.client as WsClient).waitClosed()).code).toBe(4501);
    },
  },
  {
    call: "isOnline",
    run: (gw, t) => gw.isOnline([t.player]),
    expected: (t, w) => (held(w) ? [t.player] : []),
  },
  {
    call: "players",
    run: async (gw, t) => (await gw.players()).includes(t.player),
    expected: (_t, w) => held(w),
  },
  {
    call: "sessions",
    run: async (gw, t) => (await gw.sessions()).includes(t.sid),
    expected: (_t, w) => held(w),
  },
  {
    call: "topics",
    run: async (gw, t) => (await gw.topics()).includes(t.topic),
    expected: (_t, w) => held(w),
  },
  {
    call: "topicMembers",
    run: (gw, t) => gw.topicMembers([t.topic]),
    expected: (t, w) => ({ [t.topic]: held(w) ? [t.sid] : [] }),
  },
  {
    call: "topicPlayerCount",
    run: (gw, t) => gw.topicPlayerCount([t.topic]),
    expected: (t, w) => ({ [t.topic]: held(w) ? 1 : 0 }),
  },
  {
    call: "sessionInfo",
    run: async (gw, t) => (await gw.sessionInfo([t.sid])).map((i) => [i.sessionId, i.playerId, i.connected]),
    expected: (t, w) => (held(w) ? [[t.sid, t.player, true]] : []),
  },
  {
    call: "setSessionData",
    run: (gw, t) => gw.setSessionData(t.sid, { level: "7" }, { msgId: 2000, payload: bytes("data") }),
    expected: (_t, w) => held(w),
    effect: async (t, w) => {
      await pushed(t, w, "data");
      if (held(w)) expect((await b.server.gateway.sessionInfo([t.sid]))[0]?.data).toEqual({ level: "7" });
    },
  },
  {
    call: "deleteSessionData",
    run: async (gw, t) => {
      await gw.setSessionData(t.sid, { a: "1", b: "2" });
      return gw.deleteSessionData(t.sid, ["a"]);
    },
    expected: (_t, w) => held(w),
    effect: async (t, w) => {
      if (held(w)) expect((await b.server.gateway.sessionInfo([t.sid]))[0]?.data).toEqual({ b: "2" });
    },
  },
];

describe("every gateway call, on a target on this node, on another node, on a node that left, or nowhere", () => {
  for (const row of ROWS) {
    for (const where of WHERE) {
      it(`${row.call}: target ${where}`, async () => {
        const t = await at(where);
        expect(await row.run(a.server.gateway, t)).toEqual(row.expected(t, where));
        await row.effect?.(t, where);
      });
    }
  }

  it("kickGuest closes a guest on this node or on another (4003), and does nothing to a connId nobody has", async () => {
    for (const node of [a, b]) {
      const guest = await cluster.client(node);
      const connId = [...node.server.engine.connections.keys()].find(
        (id) => node.server.engine.connections.get(id)?.authenticated === false,
      ) as string;
      await a.server.gateway.kickGuest(connId);
      expect((await guest.waitClosed()).code).toBe(4003);
    }
    await expect(a.server.gateway.kickGuest("no-such-connection")).resolves.toBeUndefined();
  });

  it("counts and broadcasts cover the sessions of live nodes only", async () => {
    const same = await target(a);
    const other = await target(b);
    const sessions = a.server.engine.store.size + b.server.engine.store.size;
    // Totals add the other nodes' counts as last registered (every third of nodeTtlMs).
    await expect.poll(() => a.server.gateway.sessionCount()).toBe(sessions);
    await expect.poll(() => b.server.gateway.sessionCount()).toBe(sessions);
    expect(await a.server.gateway.playerCount()).toBe(sessions); // one session per player here
    expect(await a.server.gateway.topicCount()).toBe((await b.server.gateway.topics()).length);
    expect(await a.server.gateway.broadcast(2000, bytes("everyone"))).toBe(sessions);
    await pushed(same, "same", "everyone");
    await pushed(other, "other", "everyone");
  });

  it("counts the cross-node calls in /metrics by kind and result", async () => {
    const m = await a.server.metrics.text();
    const value = (series: string) =>
      Number(
        m
          .split("\n")
          .find((l) => l.startsWith(`${series} `))
          ?.split(" ")[1],
      );
    expect(value('tether_cluster_calls_total{kind="push",result="ok"}')).toBeGreaterThan(0);
    expect(value('tether_cluster_calls_total{kind="call",result="ok"}')).toBeGreaterThan(0);
    expect(value('tether_cluster_calls_total{kind="publish",result="ok"}')).toBeGreaterThan(0);
    expect(value('tether_cluster_forwarded_pushes_total{direction="sent"}')).toBeGreaterThan(0);
    expect(value("tether_cluster_redis_up")).toBe(1);
  });
});
