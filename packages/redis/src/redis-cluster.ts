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
  SessionState,
  TakeOver,
  TopicChange,
  TopicMembers,
} from "@tether/system";
import type { RingEntry, Session } from "@tether/system/internal";
import { Redis, Cluster as RedisClusterClient } from "ioredis";
import { ClusterCounters } from "./cluster-counters.js";
import { Directory } from "./directory.js";
import { Forwarding } from "./forwarding.js";
import { Inbox } from "./inbox.js";
import { Keys } from "./keys.js";
import { stateFromWire } from "./messages.js";
import { NodeLink } from "./node-link.js";
import { type RedisClusterOptions, resolveRedisOptions } from "./options.js";
import { Ownership } from "./ownership.js";
import { PushLog } from "./push-log.js";
import { RemoteGateway } from "./remote-gateway.js";
import { TopicMembership } from "./topic-membership.js";
import { TopicPublishing } from "./topic-publishing.js";

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
  readonly membership: TopicMembership;
  /** The cluster's serverEpoch, written again if Redis lost it. */
  readonly serverEpoch: string;
}

export class RedisCluster implements Cluster {
  readonly options: RedisClusterOptions;
  readonly keys: Keys;
  private host: ClusterHost | undefined;
  private here: GatewayHere | undefined;
  private joined: Joined | undefined;
  private readonly forwarding: Forwarding;
  private readonly counters = new ClusterCounters();
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
    // Either connection lost: once both are back, this node re-asserts what it holds.
    for (const c of [redis, subscriber]) {
      c.on("close", () => {
        if (this.joined !== undefined) this.redisLost = true;
      });
      c.on("ready", () => {
        if (this.redisLost && redis.status === "ready" && subscriber.status === "ready") this.reassert();
      });
    }
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
    await link.listen((m) => this.inbox.take(m));
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
            this.counters.log,
          )
        : undefined;
    const directory = new Directory(redis, this.keys, link);
    const membership = new TopicMembership(redis, subscriber, this.keys, o.nodeId, () => this.logger);
    this.joined = { redis, subscriber, link, ownership, renewTimer, log, directory, membership, serverEpoch };
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
      await j.membership.purge(this.nodeId); // the sessions left here are nobody's now
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
    if (handed !== undefined) {
      this.counters.handoffs.handed++;
      return { kind: "moved", state: handed };
    }
    const state = lostState(key, playerId, sid, taken.deviceId, taken.sessionEpoch);
    const log = this.joined?.log;
    if (log === undefined) {
      this.counters.handoffs.lost++;
      return { kind: "lost", state };
    }
    // Durability "log": the unacknowledged pushes outlived their node.
    let logged: Awaited<ReturnType<PushLog["read"]>>;
    try {
      logged = await log.read(playerId, sid);
    } catch (e) {
      throw busy(e);
    }
    this.counters.handoffs["from-log"]++;
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
    return this.joined?.membership.changed(change);
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

  /** Keeps an early "end-replaced" for a claim still on its way (10 s at most, in arrival order). */
  private rememberReplaced(sid: string): void {
    const now = Date.now();
    for (const [s, at] of this.replacedEarly) {
      if (at >= now - 10_000) break;
      this.replacedEarly.delete(s);
    }
    if (this.replacedEarly.size < 10_000) this.replacedEarly.set(sid, now);
  }

  /**
   * Renews this node's registration, and the keys of its attached sessions before they expire;
   * purges the topic members of nodes found dead.
   */
  private renew(): void {
    const j = this.joined;
    const host = this.host;
    if (j === undefined || host === undefined) return;
    if (this.redisLost && j.redis.status === "ready" && j.subscriber.status === "ready") this.reassert();
    j.link
      .register(host.counts())
      .catch((e: unknown) => this.logger?.warn("redis: could not renew the node", { error: String(e) }));
    j.ownership.renewAttached(host.limits.sessionTtlMs, (sid) => host.isAttached(sid));
    j.link
      .deadNodes()
      .then((dead) => Promise.all(dead.map((id) => j.membership.purge(id).then(() => j.link.forgetNode(id)))))
      .catch((e: unknown) => this.logger?.warn("redis: could not purge dead nodes", { error: String(e) }));
  }

  /**
   * Redis is back after an outage (cluster.md, Redis outages): the node registers again,
   * re-asserts the sessions it owns (closing, 4500, those another node took meanwhile), writes
   * its topic membership again and listens to its topics. Retried at the next renewal if it fails.
   */
  private reassert(): void {
    const j = this.joined;
    const host = this.host;
    const here = this.here;
    if (j === undefined || host === undefined || here === undefined) return;
    this.redisLost = false;
    const work = async () => {
      await j.link.register(host.counts());
      await j.redis.set(this.keys.serverEpoch, j.serverEpoch, "NX");
      const { moved, replaced } = await j.ownership.reassert((sid) => host.isAttached(sid));
      for (const sid of moved) {
        // Another node holds it now: this node lets it go without ending it.
        host
          .handOff(sid)
          .catch((e: unknown) => this.logger?.warn("closing a moved session failed", { error: String(e) }));
      }
      for (const sid of replaced) host.endReplaced(sid);
      const sessions = j.ownership
        .sessions()
        .map((s) => ({ sessionId: s.sid, playerId: s.playerId, topics: here.topicsOf(s.sid) }));
      await j.membership.reassert(sessions);
      this.logger?.info("redis: back; ownership re-asserted", { moved: moved.length, replaced: replaced.length });
    };
    work().catch((e: unknown) => {
      this.redisLost = true;
      this.logger?.warn("redis: could not re-assert ownership", { error: String(e) });
    });
  }
}

/** Cluster mode on Redis, for `createServer({ cluster: redisCluster({ url, namespace }) })`. */
export function redisCluster(options: Partial<RedisClusterOptions> = {}): RedisCluster {
  return new RedisCluster(options);
}
