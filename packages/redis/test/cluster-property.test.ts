/**
 * A property test of cluster mode: random operations on three nodes (connect anywhere, Login or
 * Resume, with the old connection still open or not; push to a player from any node; ACK; kick;
 * drop the connection; a node leaving without handing anything over; a node starting again), checked against a model of what each player's
 * client must see: reliable pushes in pushId order without a gap, each confirmed push once,
 * unless a NEED_FULL_SYNC (memory mode after a node left) or a kick excused it.
 */
import { ResumeResult } from "@tether/protocol";
import { prng, type WsClient } from "@tether/testkit";
import { afterEach, describe, expect, it } from "vitest";
import { bytes, type Node, TestCluster, text } from "./support/nodes.js";

const PLAYERS = 5;
const OPS = 200;
const IDS = ["a", "b", "c"] as const;

let cluster: TestCluster | undefined;
afterEach(async () => {
  await cluster?.closeAll();
  cluster = undefined;
});

/** What the model knows of one player, and what its client (a correct one) has applied. */
interface Player {
  client: WsClient | undefined;
  sid: string | undefined;
  applied: number;
  /** Payloads applied in this session, with how often. */
  readonly seen: Map<string, number>;
  /** Confirmed pushes the session owes its client. */
  readonly owed: Set<string>;
  readonly violations: string[];
  readonly log: string[];
}

/** Waits for `p` unless the connection closes first (a node that left). */
async function unlessClosed<T>(c: WsClient, p: Promise<T>): Promise<T | undefined> {
  return Promise.race([p, c.waitClosed().then(() => undefined)]);
}

describe.each([
  ["memory", 1],
  ["memory", 2],
  ["log", 3],
  ["log", 4],
] as const)("random operations on three nodes (durability %s, seed %i)", (durability, seed) => {
  it("never gives a client a gap, a repeat, or the loss of a confirmed push it was not excused from", async () => {
    const c = new TestCluster();
    cluster = c;
    const random = prng(seed);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
    const nodes = new Map<string, Node>();
    const start = async (id: string) =>
      nodes.set(id, await c.node(id, {}, { durability, handoffTimeoutMs: 300, nodeTtlMs: 1000 }));
    for (const id of IDS) await start(id);
    const live = () => [...nodes.values()];
    const players: Player[] = Array.from({ length: PLAYERS }, () => ({
      client: undefined,
      sid: undefined,
      applied: 0,
      seen: new Map(),
      owed: new Set(),
      violations: [],
      log: [],
    }));
    let nextPayload = 0;

    const open = async (m: Player, p: number) => {
      const node = pick(live());
      m.log.push(`open on ${node.cluster.nodeId}`);
      const client = await c.client(node);
      m.client = client;
      client.onFrame((f) => {
        if (f.pushId === 0 || m.client !== client) return;
        if (f.pushId <= m.applied) return; // applied already (a replay below what the Resume said)
        if (f.pushId !== m.applied + 1) m.violations.push(`gap: ${m.applied} then ${f.pushId}`);
        m.applied = f.pushId;
        const id = text(f.payload);
        m.seen.set(id, (m.seen.get(id) ?? 0) + 1);
        if ((m.seen.get(id) ?? 0) > 1) m.violations.push(`repeat: ${id}`);
        m.owed.delete(id);
        m.log.push(`got ${f.pushId}:${id}`);
      });
      if (m.sid === undefined) {
        const r = await unlessClosed(client, client.login(`p:${p}`));
        if (r === undefined) return;
        m.sid = r.sessionId;
        m.applied = 0;
        m.seen.clear();
        m.owed.clear();
        return;
      }
      const r = await unlessClosed(client, client.resume({ token: `p:${p}`, lastAppliedPushId: m.applied }));
      m.log.push(
        r === undefined
          ? "resume: closed"
          : `resume: ${r.result} max ${r.maxBufferedPushId} replay ${r.replayCount} same ${r.sessionId === m.sid}`,
      );
      if (r === undefined) return;
      if (r.sessionId !== m.sid || r.result === ResumeResult.RESUME_NEED_FULL_SYNC) {
        // A new session, or the same one re-synced: what it owed is excused; pushIds go on from the baseline.
        m.sid = r.sessionId;
        m.owed.clear();
        m.seen.clear();
        m.applied = r.maxBufferedPushId;
      }
    };

    for (let op = 0; op < OPS; op++) {
      const p = 1 + Math.floor(random() * PLAYERS);
      const m = players[p - 1] as Player;
      const r = random();
      if (r < 0.25) {
        // A new connection on any node, the old one still open half the time: the session moves
        // there (handed over) and the old connection is closed 4500.
        if (m.client === undefined || m.client.closed !== undefined || random() < 0.5) await open(m, p);
      } else if (r < 0.55) {
        const id = `m${++nextPayload}`;
        try {
          const from = pick(live());
          const n = await from.server.gateway.sendToPlayer(p, 2000, bytes(id));
          m.log.push(`push ${id} from ${from.cluster.nodeId}: ${n}`);
          if (n === 1 && !m.seen.has(id)) m.owed.add(id); // it may have arrived before the call resolved
        } catch {
          // SERVER_BUSY: not confirmed (it may still arrive, once)
        }
      } else if (r < 0.65) {
        if (m.client?.closed === undefined) m.client?.ack(m.applied);
      } else if (r < 0.72) {
        if (m.client !== undefined && m.client.closed === undefined) {
          m.client.destroy();
          await m.client.waitClosed();
        }
      } else if (r < 0.77) {
        if ((await pick(live()).server.gateway.kick({ playerId: p })) > 0) {
          m.sid = undefined;
          m.owed.clear();
        }
      } else if (r < 0.82 && nodes.size > 1) {
        // A node leaves without handing anything over: its sessions are nobody's until resumed.
        const id = pick([...nodes.keys()]);
        const n = nodes.get(id) as Node;
        nodes.delete(id);
        c.nodes.splice(c.nodes.indexOf(n), 1);
        await n.server.close({ drainMs: 0, handoffMs: 0 });
        for (const x of players) x.log.push(`node ${id} left`);
      } else if (r < 0.9 && nodes.size < IDS.length) {
        const id = IDS.find((x) => !nodes.has(x)) as string;
        await start(id);
        for (const x of players) x.log.push(`node ${id} started`);
      }
    }

    // Every player with a session comes back once more, and gets what it is owed.
    for (let p = 1; p <= PLAYERS; p++) {
      const m = players[p - 1] as Player;
      if (m.sid === undefined) continue;
      if (m.client === undefined || m.client.closed !== undefined) await open(m, p);
      await expect
        .poll(() => [...m.owed], { timeout: 5000 })
        .toEqual([])
        .catch((e: unknown) => {
          console.log("TRACE", p, m.log.join(" | "));
          throw e;
        });
    }
    expect(players.flatMap((m) => m.violations)).toEqual([]);
    const all = players.flatMap((m) => m.log);
    const count = (re: RegExp) => all.filter((l) => re.test(l)).length;
    console.log(
      `cluster property (${durability}, seed ${seed}): ${count(/^push .*: 1$/)} pushes confirmed, ` +
        `${count(/^resume: 0/)} resumes OK, ${count(/^resume: 1/)} re-synced, ${count(/^node .* left/) / PLAYERS} nodes left, ` +
        `${players.reduce((n, m) => n + m.seen.size, 0)} pushes applied in the last sessions`,
    );
  }, 60_000);
});
