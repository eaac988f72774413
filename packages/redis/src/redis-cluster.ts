/**
 * Cluster mode on Redis (cluster.md): session ownership with a fence (ownership.ts), the Login
 * policy across nodes, resume on any node with a handoff from the old owner, pushes that follow
 * a session that moved (forwarding.ts), and the node's registration and channel (node-link.ts).
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type {
  Cluster,
  ClusterHost,
  ClusterStats,
  GatewayHere,
  Logger,
  LoginClaim,
  NodeCounts,
  PushOptions,
  SessionCall,
  SessionEndReason,
  SessionInfo,
  SessionRef,
  TakeOver,
  TopicChange,
  TopicMembers,
} from "@tether/system";
import type { RingEntry, Session } from "@tether/system/internal";
import { ClusterCounters } from "./cluster-counters.js";
import { unavailable } from "./errors.js";
import { FanoutLog } from "./fanout-log.js";
import { Forwarding } from "./forwarding.js";
import { Inbox } from "./inbox.js";
import { type Joined, join, leave } from "./join.js";
import { Keys } from "./keys.js";
import { type RedisClusterOptions, resolveRedisOptions } from "./options.js";
import { RemoteGateway } from "./remote-gateway.js";
import { takeOver } from "./takeover.js";
import { TopicPublishing } from "./topic-publishing.js";
import { reassert, renew } from "./upkeep.js";

export class RedisCluster implements Cluster {
  readonly options: RedisClusterOptions;
  readonly keys: Keys;
  private host: ClusterHost | undefined;
  private here: GatewayHere | undefined;
  private joined: Joined | undefined;
  private readonly forwarding: Forwarding;
  private readonly counters = new ClusterCounters();
  private readonly fanouts = new FanoutLog();
  private readonly remote: RemoteGateway;
  private readonly publishing: TopicPublishing;
  private readonly inbox: Inbox;
  /** Redis went away while joined: ownership is re-asserted when it is back. */
  private redisLost = false;
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
      this.counters,
    );
    const self = this;
    const parts = {
      nodeId: this.options.nodeId,
      keys: this.keys,
      timeoutMs: this.options.handoffTimeoutMs,
      counters: this.counters,
      forwarding: this.forwarding,
      fanouts: this.fanouts,
      link: () => this.connected().link,
      directory: () => this.connected().directory,
      membership: () => this.connected().membership,
      ownership: () => this.connected().ownership,
      host: () => this.host,
      here: () => this.here,
      logger: () => this.logger,
      durable: () => this.barrier(),
      rememberReplaced: (sid: string) => this.rememberReplaced(sid),
      get publishing() {
        return self.publishing;
      },
    };
    this.remote = new RemoteGateway(parts);
    this.publishing = new TopicPublishing(parts);
    this.inbox = new Inbox(parts);
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

  async start(host: ClusterHost, here: GatewayHere): Promise<{ readonly serverEpoch: string }> {
    this.host = host;
    this.here = here;
    this.joined = await join(this.options, this.keys, host, {
      counters: this.counters,
      logger: () => this.logger,
      ttlMs: () => this.ttlMs,
      onMessage: (m) => this.inbox.take(m),
      lost: () => {
        if (this.joined !== undefined) this.redisLost = true;
      },
      back: () => {
        if (this.redisLost) this.reassert();
      },
      renew: () => this.renew(),
    });
    return { serverEpoch: this.joined.serverEpoch };
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
    await leave(j, this.options, this.logger);
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
      throw unavailable(e);
    }
  }

  async takeOver(key: string, playerId: number): Promise<TakeOver> {
    const j = this.connected();
    return takeOver(
      {
        nodeId: this.nodeId,
        timeoutMs: this.options.handoffTimeoutMs,
        counters: this.counters,
        forwarding: this.forwarding,
        ownership: j.ownership,
        link: j.link,
        log: j.log,
        fanouts: this.fanouts,
        membership: j.membership,
        publishing: this.publishing,
      },
      key,
      playerId,
    );
  }

  sendElsewhere(
    sessionId: string,
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): boolean | Promise<boolean> {
    return this.forwarding.send(sessionId, msgId, payload, options);
  }

  totals(): Promise<NodeCounts> {
    return this.remote.totals();
  }

  onlineElsewhere(playerIds: readonly number[]): Promise<readonly number[]> {
    return this.remote.onlineElsewhere(playerIds);
  }

  sendToPlayerElsewhere(playerId: number, msgId: number, payload: Uint8Array, options: PushOptions): Promise<number> {
    return this.remote.sendToPlayerElsewhere(playerId, msgId, payload, options);
  }

  broadcastElsewhere(msgId: number, payload: Uint8Array, options: PushOptions): Promise<number> {
    return this.remote.broadcastElsewhere(msgId, payload, options);
  }

  kickElsewhere(target: string | { readonly playerId: number }, reason: string): Promise<number> {
    return this.remote.kickElsewhere(target, reason);
  }

  callElsewhere(sessionId: string, call: SessionCall): Promise<boolean> {
    return this.remote.callElsewhere(sessionId, call);
  }

  infoElsewhere(sessionIds: readonly string[]): Promise<SessionInfo[]> {
    return this.remote.infoElsewhere(sessionIds);
  }

  publishElsewhere(
    topics: readonly string[],
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): Promise<number> {
    this.connected();
    return this.publishing.publish(topics, msgId, payload, options);
  }

  deleteTopicsElsewhere(topics: readonly string[]): Promise<void> {
    this.connected();
    return this.publishing.deleteTopics(topics);
  }

  sessionsElsewhere(): Promise<readonly SessionRef[]> {
    return this.remote.sessionsElsewhere();
  }

  kickGuestElsewhere(connId: string, delayMs: number): Promise<void> {
    return this.remote.kickGuestElsewhere(connId, delayMs);
  }

  topicsChanged(change: TopicChange): Promise<void> | undefined {
    const j = this.joined;
    if (j === undefined) return undefined;
    if (change.arrived !== true || change.session === undefined || this.host === undefined)
      return j.membership.changed(change);
    // In the step that made the session visible here: the fan-outs kept for it first.
    const listened = this.fanouts.arrived(change.session, this.host);
    const done = j.membership.changed(change);
    j.membership.doneArriving(listened);
    return done;
  }

  topicList(): Promise<readonly string[]> {
    return this.remote.topicList();
  }

  topicMembers(topics: readonly string[]): Promise<TopicMembers> {
    return this.remote.topicMembers(topics);
  }

  stats(): ClusterStats {
    return this.counters.stats(this.joined?.redis.status === "ready");
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

  /** Keeps an early "end-replaced" for a claim still on its way (10 s at most, in arrival order). */
  private rememberReplaced(sid: string): void {
    const now = Date.now();
    for (const [s, at] of this.replacedEarly) {
      if (at >= now - 10_000) break;
      this.replacedEarly.delete(s);
    }
    if (this.replacedEarly.size < 10_000) this.replacedEarly.set(sid, now);
  }

  /** Every third of nodeTtlMs (upkeep.ts); re-asserts too if an earlier attempt failed. */
  private renew(): void {
    const j = this.joined;
    const host = this.host;
    if (j === undefined || host === undefined) return;
    if (this.redisLost && j.redis.status === "ready" && j.subscriber.status === "ready") this.reassert();
    renew(j, host, this.logger);
  }

  /** Redis is back after an outage (upkeep.ts); retried at the next renewal if it fails. */
  private reassert(): void {
    const j = this.joined;
    const host = this.host;
    const here = this.here;
    if (j === undefined || host === undefined || here === undefined) return;
    this.redisLost = false;
    reassert(j, host, here, this.keys, this.logger).catch((e: unknown) => {
      this.redisLost = true;
      this.logger?.warn("redis: could not re-assert ownership", { error: String(e) });
    });
  }
}

/** Cluster mode on Redis, for `createServer({ cluster: redisCluster({ url, namespace }) })`. */
export function redisCluster(options: Partial<RedisClusterOptions> = {}): RedisCluster {
  return new RedisCluster(options);
}
