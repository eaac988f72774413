/**
 * Cluster mode on Redis (cluster.md): session ownership with a fence (ownership.ts), the Login
 * policy across nodes, resume on any node with a handoff from the old owner, pushes that follow
 * a session that moved (forwarding.ts), and the node's registration and channel (node-link.ts).
 */
import { randomBytes } from "node:crypto";
import { ErrorCode, TetherError } from "@tether/protocol";
import type {
  Cluster,
  ClusterHost,
  Logger,
  LoginClaim,
  NodeCounts,
  PushOptions,
  SessionEndReason,
  SessionState,
  TakeOver,
} from "@tether/system";
import type { RingEntry, Session } from "@tether/system/internal";
import { Redis, Cluster as RedisClusterClient } from "ioredis";
import { Directory, type Held } from "./directory.js";
import { Forwarding } from "./forwarding.js";
import { Keys } from "./keys.js";
import { b64, bytes, type NodeMessage, type Reply, stateFromWire, stateToWire } from "./messages.js";
import { NodeLink } from "./node-link.js";
import { type RedisClusterOptions, resolveRedisOptions } from "./options.js";
import { Ownership } from "./ownership.js";
import { PushLog } from "./push-log.js";

const busy = (e: unknown) =>
  new TetherError(ErrorCode.SERVER_BUSY, `the cluster is unavailable (${e instanceof Error ? e.message : String(e)})`);

/** The state of a session whose pushes were lost with its node: identity only. */
function lostState(
  key: string,
  playerId: number,
  sid: string,
  deviceId: string | undefined,
  epoch: number,
): SessionState {
  return {
    sessionId: sid,
    key,
    playerId,
    deviceId,
    sessionEpoch: epoch,
    lastIssuedPushId: 0,
    lastAckedPushId: 0,
    stateRevision: 0,
    replayFloor: 0,
    clientInstance: undefined,
    pushes: [],
    data: [],
    topics: [],
    dedupFloor: 0,
    answers: [],
  };
}

/** What `start` connects. */
interface Joined {
  readonly redis: Redis;
  /** Durability "log" only. */
  readonly log: PushLog | undefined;
  readonly subscriber: Redis;
  readonly link: NodeLink;
  readonly ownership: Ownership;
  readonly renewTimer: ReturnType<typeof setInterval>;
  readonly directory: Directory;
}

export class RedisCluster implements Cluster {
  readonly options: RedisClusterOptions;
  readonly keys: Keys;
  private host: ClusterHost | undefined;
  private joined: Joined | undefined;
  private readonly forwarding: Forwarding;
  /**
   * Sessions another node's Login replaced before this node learnt it had claimed them (the
   * message can overtake the claim's own answer): ended as soon as their claim returns.
   */
  private readonly replacedEarly = new Map<string, number>();

  constructor(options: Partial<RedisClusterOptions> = {}) {
    this.options = resolveRedisOptions(options);
    this.keys = new Keys(this.options.namespace);
    this.forwarding = new Forwarding(
      this.options.nodeId,
      this.options.handoffTimeoutMs,
      () => this.connected().link,
      () => this.host,
      (sid) => this.connected().directory.ownerOf(sid),
    );
  }

  get nodeId(): string {
    return this.options.nodeId;
  }

  private get logger(): Logger | undefined {
    return this.host?.logger;
  }

  /** How long a session's keys live without renewal: a detached session's TTL and a dead node's. */
  private get ttlMs(): number {
    return (this.host?.limits.sessionTtlMs ?? 60_000) + this.options.nodeTtlMs;
  }

  async start(host: ClusterHost): Promise<{ readonly serverEpoch: string }> {
    this.host = host;
    const o = this.options;
    const common = { lazyConnect: true, commandTimeout: o.commandTimeoutMs, maxRetriesPerRequest: 1 };
    // A Cluster client serves the same commands as a Redis one (ioredis types them apart).
    const given = o.client as Redis | undefined;
    const redis = given ?? new Redis(o.url, { ...common, enableAutoPipelining: true });
    const subscriber =
      o.client instanceof RedisClusterClient
        ? (o.client.duplicate() as unknown as Redis)
        : redis.duplicate({ ...common, commandTimeout: undefined });
    for (const c of [redis, subscriber]) c.on("error", (e: Error) => this.logger?.warn("redis", { error: e.message }));
    const ownership = new Ownership(
      redis,
      this.keys,
      o.nodeId,
      () => this.ttlMs,
      () => this.logger,
    );
    if (o.client === undefined) await redis.connect();
    if (subscriber.status === "wait") await subscriber.connect(); // lazy: connect it; else it is connecting
    const link = new NodeLink(redis, subscriber, this.keys, o.nodeId, o.nodeTtlMs);
    await link.listen((m) => this.onMessage(m));
    await link.register(host.counts());
    await redis.set(this.keys.serverEpoch, randomBytes(16).toString("base64url"), "NX");
    const serverEpoch = (await redis.get(this.keys.serverEpoch)) as string;
    const renewTimer = setInterval(() => this.renew(), Math.max(100, Math.floor(o.nodeTtlMs / 3)));
    renewTimer.unref();
    const log =
      o.durability === "log"
        ? new PushLog(
            redis,
            this.keys,
            () => this.ttlMs,
            () => this.logger,
          )
        : undefined;
    const directory = new Directory(redis, this.keys, link);
    this.joined = { redis, subscriber, link, ownership, renewTimer, log, directory };
    return { serverEpoch };
  }

  /**
   * Leaves the cluster. A draining node first answers handoffs for up to `handoffMs`, until
   * every session it holds has moved to the node its client reconnected to (or ended).
   */
  async stop(handoffMs = 0): Promise<void> {
    const j = this.joined;
    if (j === undefined) return;
    await j.ownership.whenEmpty(handoffMs);
    this.joined = undefined;
    clearInterval(j.renewTimer);
    j.link.close();
    try {
      await j.link.unregister();
    } catch (e) {
      this.logger?.warn("redis: could not unregister the node", { error: String(e) });
    }
    j.subscriber.disconnect();
    if (this.options.client === undefined) j.redis.disconnect();
    j.ownership.clear();
  }

  async claimLogin(session: Session, kick: boolean): Promise<LoginClaim> {
    const { redis, link, ownership } = this.connected();
    try {
      session.sessionEpoch = await redis.incr(this.keys.sessionEpochs);
      let c = await ownership.claim(session, kick);
      // A conflict with a session whose node is dead is no conflict: nobody holds it.
      if (!c.claimed && !(await link.isAlive(c.oldOwner))) c = await ownership.claim(session, true);
      if (!c.claimed) return "conflict";
      if (c.oldSid !== "" && c.oldOwner !== "" && c.oldOwner !== this.nodeId) {
        await link.tell(c.oldOwner, { t: "end-replaced", sid: c.oldSid });
      }
      // Checked after the last await: the session enters the store in the same turn as this
      // returns, so a later "end-replaced" finds it there.
      if (this.replacedEarly.delete(session.sessionId)) {
        // Replaced already: the Login goes through and the session ends right after, as if
        // the other Login had come a moment later.
        setImmediate(() => {
          ownership.forget(session.sessionId);
          this.host?.endReplaced(session.sessionId);
        });
      }
      return "claimed";
    } catch (e) {
      throw busy(e);
    }
  }

  async takeOver(key: string, playerId: number): Promise<TakeOver> {
    const { ownership } = this.connected();
    let taken: Awaited<ReturnType<Ownership["takeOver"]>>;
    try {
      taken = await ownership.takeOver(key, playerId);
    } catch (e) {
      throw busy(e);
    }
    if (taken === undefined) return { kind: "none" };
    const { sid, oldOwner } = taken;
    const asking = oldOwner !== this.nodeId ? this.askHandoff(oldOwner, sid) : Promise.resolve(undefined);
    const handed = await this.forwarding.arrivingWhile(sid, asking);
    if (handed !== undefined) return { kind: "moved", state: handed };
    const state = lostState(key, playerId, sid, taken.deviceId, taken.sessionEpoch);
    const log = this.joined?.log;
    if (log === undefined) return { kind: "lost", state };
    // Durability "log": the unacknowledged pushes outlived their node.
    let logged: Awaited<ReturnType<PushLog["read"]>>;
    try {
      logged = await log.read(playerId, sid);
    } catch (e) {
      throw busy(e);
    }
    if (logged === undefined) return { kind: "moved", state };
    return {
      kind: "moved",
      state: {
        ...state,
        pushes: logged.pushes,
        lastIssuedPushId: logged.lastIssued,
        lastAckedPushId: logged.floor,
        replayFloor: logged.floor,
        stateRevision: logged.stateRevision,
      },
    };
  }

  sendElsewhere(
    sessionId: string,
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): boolean | Promise<boolean> {
    return this.forwarding.send(sessionId, msgId, payload, options);
  }

  async totals(): Promise<NodeCounts> {
    const { link } = this.connected();
    const here = (this.host as ClusterHost).counts();
    try {
      return await link.totals(here);
    } catch (e) {
      throw busy(e);
    }
  }

  async onlineElsewhere(playerIds: readonly number[]): Promise<readonly number[]> {
    if (playerIds.length === 0) return [];
    const { directory } = this.connected();
    try {
      const held = await Promise.all(playerIds.map((id) => directory.heldElsewhere(id)));
      return playerIds.filter((_, i) => held[i]?.some((h) => h.attached));
    } catch (e) {
      throw busy(e);
    }
  }

  async sendToPlayerElsewhere(
    playerId: number,
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): Promise<number> {
    const { directory } = this.connected();
    let held: Held[];
    try {
      held = await directory.heldElsewhere(playerId);
    } catch (e) {
      throw busy(e);
    }
    const sent = await Promise.all(held.map((h) => this.forwarding.pushTo(h.owner, h.sid, msgId, payload, options)));
    return sent.filter(Boolean).length;
  }

  async broadcastElsewhere(msgId: number, payload: Uint8Array, options: PushOptions): Promise<number> {
    const { link } = this.connected();
    let nodes: string[];
    try {
      nodes = await link.liveNodes();
    } catch (e) {
      throw busy(e);
    }
    const encoded = b64(payload);
    const counts = await Promise.all(
      nodes.map(async (node) => {
        const reply = await link.ask(
          node,
          (id) => ({ t: "broadcast", id, from: this.nodeId, msgId, payload: encoded, ...options }),
          this.options.handoffTimeoutMs,
        );
        // A node that does not answer: a best-effort broadcast is lost there; a reliable one rejects.
        if (reply === undefined && options.reliable === true) {
          throw new TetherError(ErrorCode.SERVER_BUSY, `node ${node} did not take the broadcast in time`);
        }
        return reply?.count ?? 0;
      }),
    );
    return counts.reduce((a, b) => a + b, 0);
  }

  async kickElsewhere(target: string | { readonly playerId: number }, reason: string): Promise<number> {
    const { directory, link } = this.connected();
    let held: { readonly sid: string; readonly owner: string }[];
    try {
      if (typeof target === "string") {
        const owner = await directory.ownerOf(target);
        held = owner === undefined ? [] : [{ sid: target, owner }];
      } else {
        held = await directory.heldElsewhere(target.playerId);
      }
    } catch (e) {
      throw busy(e);
    }
    const kicked = await Promise.all(
      held.map(async (h) => {
        const reply = await link.ask(
          h.owner,
          (id) => ({ t: "kick", id, from: this.nodeId, sid: h.sid, reason }),
          this.options.handoffTimeoutMs,
        );
        if (reply === undefined)
          throw new TetherError(ErrorCode.SERVER_BUSY, "the session's node did not answer in time");
        return reply.ok === true;
      }),
    );
    return kicked.filter(Boolean).length;
  }

  attached(session: Session): void {
    this.joined?.ownership.setAttached(session.sessionId, 1);
  }

  detached(session: Session): void {
    this.joined?.ownership.setAttached(session.sessionId, 0);
  }

  ended(session: Session, _reason: SessionEndReason): void {
    this.joined?.ownership.end(session.sessionId);
  }

  logged(session: Session, entry: RingEntry): void {
    this.joined?.log?.logged(session, entry);
  }

  acked(session: Session): void {
    this.joined?.log?.acked(session);
  }

  barrier(): Promise<void> | undefined {
    return this.joined?.log?.barrier();
  }

  // ---- internals ----------------------------------------------------------------------

  private connected(): Joined {
    if (this.joined === undefined) {
      throw new TetherError(ErrorCode.SERVER_BUSY, "the cluster is not started (call server.listen())");
    }
    return this.joined;
  }

  /** Asks the old owner for the session; undefined when it is dead, does not hold it or is late. */
  private async askHandoff(oldOwner: string, sid: string): Promise<SessionState | undefined> {
    const { link } = this.connected();
    if (!(await link.isAlive(oldOwner))) return undefined;
    const reply = await link.ask(
      oldOwner,
      (id) => ({ t: "handoff", id, from: this.nodeId, sid }),
      this.options.handoffTimeoutMs,
    );
    return reply?.state ? stateFromWire(reply.state) : undefined;
  }

  private onMessage(m: Exclude<NodeMessage, Reply>): void {
    const host = this.host;
    const j = this.joined;
    if (host === undefined || j === undefined) return;
    const answer = (to: { from: string; id: number }, reply: Omit<Reply, "t" | "id">) =>
      j.link
        .tell(to.from, { t: "reply", id: to.id, ...reply })
        .catch((e: unknown) => this.logger?.warn("redis: could not answer a node", { error: String(e) }));
    switch (m.t) {
      case "push":
        this.forwarding.take(m).then(
          (r) => answer(m, r),
          (e: unknown) => {
            this.logger?.warn("a forwarded push failed", { sessionId: m.sid, error: String(e) });
            return answer(m, { ok: false });
          },
        );
        return;
      case "broadcast": {
        const options = {
          ...(m.reliable === undefined ? {} : { reliable: m.reliable }),
          ...(m.compress === undefined ? {} : { compress: m.compress }),
          ...(m.rev === undefined ? {} : { rev: m.rev }),
        };
        let count = 0;
        try {
          count = host.broadcastHere(m.msgId, bytes(m.payload), options);
        } catch (e) {
          this.logger?.warn("a broadcast from another node failed", { error: String(e) });
        }
        // Answered once its reliable copies are durable (durability "log").
        const reply = () => answer(m, { count });
        void Promise.resolve(this.barrier()).then(reply, reply);
        return;
      }
      case "kick":
        void answer(m, { ok: host.kickHere(m.sid, m.reason) });
        return;
      case "end-replaced":
        j.ownership.forget(m.sid);
        // Not in the store yet: its claim is still on its way here (the message overtook it).
        if (!host.endReplaced(m.sid)) this.rememberReplaced(m.sid);
        return;
      case "handoff":
        j.ownership.forget(m.sid); // its new owner holds the fence now
        this.forwarding.moved(m.sid, m.from);
        host.handOff(m.sid).then(
          (state) => answer(m, { state: state ? stateToWire(state) : null }),
          (e: unknown) => this.logger?.error("handoff failed", { sessionId: m.sid, error: String(e) }),
        );
        return;
    }
  }

  /** Keeps an early "end-replaced" for a claim still on its way (10 s at most, in arrival order). */
  private rememberReplaced(sid: string): void {
    const now = Date.now();
    for (const [s, at] of this.replacedEarly) {
      if (at >= now - 10_000) break;
      this.replacedEarly.delete(s);
    }
    if (this.replacedEarly.size < 10_000) this.replacedEarly.set(sid, now);
  }

  /** Renews this node's registration, and the keys of its attached sessions before they expire. */
  private renew(): void {
    const j = this.joined;
    const host = this.host;
    if (j === undefined || host === undefined) return;
    j.link
      .register(host.counts())
      .catch((e: unknown) => this.logger?.warn("redis: could not renew the node", { error: String(e) }));
    j.ownership.renewAttached(host.limits.sessionTtlMs, (sid) => host.isAttached(sid));
  }
}

/** Cluster mode on Redis, for `createServer({ cluster: redisCluster({ url, namespace }) })`. */
export function redisCluster(options: Partial<RedisClusterOptions> = {}): RedisCluster {
  return new RedisCluster(options);
}
