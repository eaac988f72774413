/**
 * A rolling restart (cluster.md, rolling deploys lose nothing): three nodes behind a round-robin
 * load balancer without stickiness, 300 clients, reliable pushes flowing from every node
 * (sendToPlayer and topic publishes); each node in turn is taken out of the balancer, drains
 * (`close()`: 1012, then its sessions are handed to the nodes their clients reconnect to) and
 * starts again. Every client's application sees each push exactly once and in order.
 */
import { TetherClient } from "@tether/client";
import { nodeTransport } from "@tether/client/node";
import { Balancer } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, type Node, TestCluster, text } from "./support/nodes.js";

const CLIENTS = 300;

let cluster: TestCluster | undefined;
let balancer: Balancer | undefined;
const clients: TetherClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await cluster?.closeAll();
  await balancer?.close();
  cluster = undefined;
  balancer = undefined;
});

/** A push as the test issues it: who issued it, on which stream, its number on that stream. */
interface Mark {
  readonly origin: string;
  readonly stream: "direct" | "topic";
  readonly n: number;
}

/** One origin node's steady stream of reliable pushes: one call at a time, each awaited. */
class Pusher {
  private running = true;
  private n = 0;
  readonly done: Promise<void>;

  constructor(
    node: Node,
    readonly origin: string,
    /** Pushes whose call resolved, by player ("*" for a publish to every player). */
    resolved: Map<string, Mark[]>,
    random: () => number,
  ) {
    const gw = node.server.gateway;
    this.done = (async () => {
      while (this.running) {
        await new Promise((resolve) => setImmediate(resolve));
        const topic = this.n % 2 === 0;
        const mark: Mark = { origin, stream: topic ? "topic" : "direct", n: ++this.n };
        const payload = bytes(JSON.stringify(mark));
        const player = 1 + Math.floor(random() * CLIENTS);
        try {
          if (topic) {
            if ((await gw.publish(["everyone"], 3000, payload)) > 0) push(resolved, "*", mark);
          } else if ((await gw.sendToPlayer(player, 3000, payload)) === 1) push(resolved, String(player), mark);
        } catch {
          // Not confirmed (a node late to answer): it may or may not arrive, but never twice.
        }
      }
    })();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.done;
  }
}

function push(m: Map<string, Mark[]>, key: string, mark: Mark): void {
  const list = m.get(key);
  if (list === undefined) m.set(key, [mark]);
  else list.push(mark);
}

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe.each(["memory", "log"] as const)("a rolling restart of three nodes (durability %s)", (durability) => {
  it("loses, duplicates and reorders nothing that 300 clients' applications see", async () => {
    cluster = new TestCluster();
    const c = cluster;
    const start = (id: string) =>
      c.node(
        id,
        { hooks: { onSessionStart: (s) => void nodeOf(id)?.server.gateway.subscribe(s.sessionId, ["everyone"]) } },
        { durability, handoffTimeoutMs: 2000 },
      );
    const nodes = new Map<string, Node>();
    const nodeOf = (id: string) => nodes.get(id);
    for (const id of ["n1", "n2", "n3"]) nodes.set(id, await start(id));
    balancer = await Balancer.start([...nodes.values()].map((n) => Number(new URL(n.url).port)));

    const seen = new Map<number, Mark[]>();
    const ready: Promise<void>[] = [];
    for (let p = 1; p <= CLIENTS; p++) {
      const client = new TetherClient({
        url: balancer.url,
        token: `p:${p}`,
        transport: nodeTransport,
        reconnect: { minDelayMs: 5, maxDelayMs: 200 },
      });
      clients.push(client);
      const got: Mark[] = [];
      seen.set(p, got);
      client.onPushRaw(3000, (payload) => {
        got.push(JSON.parse(text(payload)) as Mark);
      });
      ready.push(client.connect());
    }
    await Promise.all(ready);
    // Every session is in the topic before the pushes start.
    await expect
      .poll(async () => (await nodes.get("n1")?.server.gateway.topicPlayerCount(["everyone"]))?.everyone)
      .toBe(CLIENTS);

    const resolved = new Map<string, Mark[]>();
    const random = lcg(durability === "log" ? 7 : 11);
    const pushers = new Map<string, Pusher>();
    for (const [id, n] of nodes) pushers.set(id, new Pusher(n, id, resolved, random));
    const total = () => [...resolved.values()].reduce((a, l) => a + l.length, 0);

    for (const id of ["n1", "n2", "n3"]) {
      const before = total();
      await expect.poll(total, { timeout: 10_000 }).toBeGreaterThan(before + 50); // traffic flowing
      const old = nodes.get(id) as Node;
      balancer.targets.splice(balancer.targets.indexOf(Number(new URL(old.url).port)), 1);
      await pushers.get(id)?.stop();
      await old.server.close({ drainMs: 1000, handoffMs: 10_000 }); // returns once every session moved
      expect(old.server.engine.store.size).toBe(0);
      cluster.nodes.splice(cluster.nodes.indexOf(old), 1);
      const fresh = await start(id);
      nodes.set(id, fresh);
      balancer.targets.push(Number(new URL(fresh.url).port));
      pushers.set(id, new Pusher(fresh, `${id}'`, resolved, random)); // a new incarnation, numbering from 1
    }
    const before = total();
    await expect.poll(total, { timeout: 10_000 }).toBeGreaterThan(before + 50);
    for (const p of pushers.values()) await p.stop();

    // Every push whose call resolved reaches its client's application, once, in its stream's order.
    const key = (m: Mark) => `${m.origin}/${m.stream}/${m.n}`;
    const everyone = (resolved.get("*") ?? []).map(key);
    for (let p = 1; p <= CLIENTS; p++) {
      const expected = new Set([...everyone, ...(resolved.get(String(p)) ?? []).map(key)]);
      const got = seen.get(p) as Mark[];
      const received = () => new Set(got.map(key));
      await expect.poll(() => [...expected].filter((k) => !received().has(k)), { timeout: 10_000 }).toEqual([]);
      expect(new Set(got.map(key)).size).toBe(got.length); // no duplicate
      for (const origin of [...nodes.keys()].flatMap((id) => [id, `${id}'`])) {
        for (const stream of ["direct", "topic"] as const) {
          const ns = got.filter((m) => m.origin === origin && m.stream === stream).map((m) => m.n);
          expect(ns).toEqual([...ns].sort((x, y) => x - y)); // in order
        }
      }
    }
    expect(everyone.length).toBeGreaterThan(100);
  }, 120_000);
});
