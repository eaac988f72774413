/**
 * This node's line to the others: its registration (a hash with its counts and a TTL, renewed
 * every third of it), its channel, and requests to other nodes that
 * are answered on its own channel or time out.
 */
import type { Logger, NodeCounts } from "@tether/system";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.js";
import { type NodeMessage, parseMessage, type Reply } from "./messages.js";

interface Waiting {
  /** Takes one reply; true once the request has every reply it waits for. */
  take(reply: Reply): boolean;
  /** Ends the wait (the request timed out, or the node is leaving). */
  end(): void;
  timer: ReturnType<typeof setTimeout>;
}

/** What a request sent to several nodes at once gathered. */
export interface Gathered {
  readonly replies: readonly Reply[];
  /** Replies that did not come in time. */
  readonly missing: number;
}

export class NodeLink {
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();

  constructor(
    private readonly redis: Redis,
    private readonly sub: Redis,
    private readonly keys: Keys,
    readonly nodeId: string,
    private readonly nodeTtlMs: number,
    /**
     * Whether PUBLISH counts every listener (standalone Redis, Sentinel). On Redis Cluster it
     * counts those of one shard only, so a request waits for its timeout instead.
     */
    readonly countsListeners = true,
  ) {}

  /** Subscribes to this node's channel; `onMessage` gets every request (replies are matched here). */
  async listen(onMessage: (m: Exclude<NodeMessage, Reply>) => void): Promise<void> {
    this.sub.on("message", (_channel: string, text: string) => {
      const m = parseMessage(text);
      if (m === undefined) return;
      if (m.t === "reply") {
        this.deliver(m);
      } else {
        onMessage(m);
      }
    });
    await this.sub.subscribe(this.keys.nodeChannel(this.nodeId), this.keys.broadcastChannel);
  }

  /**
   * Registers (or renews) this node with its counts: alive for nodeTtlMs from now. (Separate
   * commands, not a transaction: the node key and the node set live in different Redis Cluster
   * slots.)
   */
  async register(counts: NodeCounts): Promise<void> {
    const key = this.keys.node(this.nodeId);
    await Promise.all([
      this.redis.hset(key, {
        at: Date.now(),
        connections: counts.connections,
        sessions: counts.sessions,
        attached: counts.attached,
      }),
      this.redis.pexpire(key, this.nodeTtlMs),
      this.redis.sadd(this.keys.nodes, this.nodeId),
    ]);
  }

  async unregister(): Promise<void> {
    await Promise.all([this.redis.del(this.keys.node(this.nodeId)), this.redis.srem(this.keys.nodes, this.nodeId)]);
  }

  /** `here` (this node's counts now) plus the last registered counts of every other live node. */
  async totals(here: NodeCounts): Promise<NodeCounts> {
    const ids = await this.redis.smembers(this.keys.nodes);
    const others = await Promise.all(
      ids.filter((id) => id !== this.nodeId).map((id) => this.redis.hgetall(this.keys.node(id))),
    );
    let { connections, sessions, attached } = here;
    for (const n of others) {
      if (n.at === undefined) continue; // its registration expired: a dead node counts for nothing
      connections += Number(n.connections ?? 0);
      sessions += Number(n.sessions ?? 0);
      attached += Number(n.attached ?? 0);
    }
    return { connections, sessions, attached };
  }

  /** Every other node whose registration is alive. */
  async liveNodes(): Promise<string[]> {
    return (await this.otherNodes()).live;
  }

  /** The other registered nodes, alive or with their registration expired. */
  private async otherNodes(): Promise<{ readonly live: string[]; readonly dead: string[] }> {
    const ids = (await this.redis.smembers(this.keys.nodes)).filter((id) => id !== this.nodeId);
    const alive = await Promise.all(ids.map((id) => this.isAlive(id)));
    return { live: ids.filter((_, i) => alive[i]), dead: ids.filter((_, i) => !alive[i]) };
  }

  /** Registered nodes whose registration has expired. */
  async deadNodes(): Promise<string[]> {
    return (await this.otherNodes()).dead;
  }

  /** A dead node leaves the set of registered nodes (its members were purged). */
  async forgetNode(nodeId: string): Promise<void> {
    await this.redis.srem(this.keys.nodes, nodeId);
  }

  async isAlive(nodeId: string): Promise<boolean> {
    if (nodeId === "") return false;
    return (await this.redis.exists(this.keys.node(nodeId))) === 1;
  }

  /** Sends a message to a node's channel (nobody listening: it is lost, as pub/sub is). */
  async tell(nodeId: string, message: NodeMessage): Promise<void> {
    await this.redis.publish(this.keys.nodeChannel(nodeId), JSON.stringify(message));
  }

  /**
   * Asks a node; resolves with its reply, or undefined after `timeoutMs`, or at once when nobody
   * listens on the node's channel (it is gone, even if its registration has not expired yet).
   */
  async ask(nodeId: string, message: (id: number) => NodeMessage, timeoutMs: number): Promise<Reply | undefined> {
    let answer: Reply | undefined;
    await this.gather(
      async (id) => {
        const heard = await this.redis.publish(this.keys.nodeChannel(nodeId), JSON.stringify(message(id)));
        return heard === 0 && this.countsListeners ? 0 : 1;
      },
      timeoutMs,
      (reply) => {
        answer = reply;
      },
    );
    return answer;
  }

  /**
   * Sends a request that several nodes answer: `send` sends it under `id` and resolves with how
   * many replies to wait for (a channel's PUBLISH says how many nodes heard it). Resolves with
   * the replies once all came, or after `timeoutMs` with those that did. A reply may come
   * before `send` resolves.
   */
  async gather(
    send: (id: number) => Promise<number>,
    timeoutMs: number,
    onReply?: (reply: Reply) => void,
  ): Promise<Gathered> {
    const id = this.nextId++;
    const replies: Reply[] = [];
    let expected = Number.POSITIVE_INFINITY;
    let done: () => void = () => {};
    const finished = new Promise<void>((resolve) => {
      done = resolve;
    });
    const timer = setTimeout(() => {
      this.waiting.delete(id);
      done();
    }, timeoutMs);
    timer.unref();
    this.waiting.set(id, {
      take: (reply) => {
        replies.push(reply);
        onReply?.(reply);
        if (replies.length < expected) return false;
        done();
        return true;
      },
      end: done,
      timer,
    });
    try {
      expected = await send(id);
    } catch (e) {
      clearTimeout(timer);
      this.waiting.delete(id);
      throw e;
    }
    if (replies.length >= expected) {
      clearTimeout(timer);
      this.waiting.delete(id);
      done();
    }
    await finished;
    return { replies, missing: Math.max(0, expected - replies.length) };
  }

  /** Publishes a message (as JSON text) on a channel; resolves with how many nodes heard it. */
  publishText(channel: string, text: string): Promise<number> {
    return this.redis.publish(channel, text);
  }

  /** A reply this node gives itself (a request it heard on a channel it also listens to). */
  deliver(reply: Reply): void {
    const w = this.waiting.get(reply.id);
    if (w === undefined || !w.take(reply)) return;
    this.waiting.delete(reply.id);
    clearTimeout(w.timer);
  }

  /** Gives up every request still waiting (the node is leaving). */
  close(): void {
    for (const w of this.waiting.values()) {
      clearTimeout(w.timer);
      w.end();
    }
    this.waiting.clear();
  }
}

/**
 * Answers a request another node sent: later than the request, when this node may have left the
 * cluster meanwhile (`link()` throws then). A failure is logged, never thrown.
 */
export function answer(
  link: () => NodeLink,
  logger: Logger | undefined,
  to: { readonly from: string; readonly id: number },
  reply: Omit<Reply, "t" | "id">,
): void {
  Promise.resolve()
    .then(() => link().tell(to.from, { t: "reply", id: to.id, ...reply }))
    .catch((e: unknown) => logger?.warn("redis: could not answer a node", { error: String(e) }));
}
