/**
 * Cluster mode on Redis (cluster.md): session ownership with a fence, the Login policy across
 * nodes, and resume on any node with a handoff from the old owner. Best-effort writes (attached,
 * detached, ended) never block the session layer; a failure is logged and the record's time to
 * live ends what it would have.
 */
import { randomBytes } from "node:crypto";
import { ErrorCode, TetherError } from "@tether/protocol";
import type {
  Cluster,
  ClusterHost,
  Logger,
  LoginClaim,
  SessionEndReason,
  SessionState,
  TakeOver,
} from "@tether/system";
import type { Session } from "@tether/system/internal";
import { Redis } from "ioredis";
import { Keys } from "./keys.js";
import { type NodeMessage, stateFromWire, stateToWire } from "./messages.js";
import { NodeLink } from "./node-link.js";
import { type RedisClusterOptions, resolveRedisOptions } from "./options.js";
import { CLAIM_KEY, END_SESSION, SET_ATTACHED, TAKE_OVER } from "./scripts.js";

/** The scripts, as ioredis commands (defineCommand). */
interface ScriptCommands {
  claimKey(...args: (string | number)[]): Promise<string[]>;
  takeOver(...args: (string | number)[]): Promise<string[] | null>;
  setAttached(...args: (string | number)[]): Promise<number>;
  endSession(...args: (string | number)[]): Promise<number>;
}

/** What this node holds of a session it owns. */
interface Owned {
  readonly playerId: number;
  readonly key: string;
  fence: string;
  /** When its keys' time to live was last renewed. */
  renewedAt: number;
}

const busy = (e: unknown) =>
  new TetherError(ErrorCode.SERVER_BUSY, `the cluster is unavailable (${e instanceof Error ? e.message : String(e)})`);

export class RedisCluster implements Cluster {
  readonly options: RedisClusterOptions;
  readonly keys: Keys;
  private redis: (Redis & ScriptCommands) | undefined;
  private link: NodeLink | undefined;
  private host: ClusterHost | undefined;
  private readonly owned = new Map<string, Owned>();
  /** Set while stop() waits for this node's sessions to move away. */
  private emptied: (() => void) | undefined;
  private renewTimer: ReturnType<typeof setInterval> | undefined;
  private ownsClient = false;
  /**
   * Sessions another node's Login replaced before this node learnt it had claimed them (the
   * message can overtake the claim's own answer): ended as soon as their claim returns.
   */
  private readonly replacedEarly = new Map<string, number>();
  private subscriber: Redis | undefined;

  constructor(options: Partial<RedisClusterOptions> = {}) {
    this.options = resolveRedisOptions(options);
    this.keys = new Keys(this.options.namespace);
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
    this.ownsClient = o.client === undefined;
    const redis = (o.client ?? new Redis(o.url, { ...common, enableAutoPipelining: true })) as Redis & ScriptCommands;
    const sub = redis.duplicate({ ...common, commandTimeout: undefined });
    this.redis = redis;
    this.subscriber = sub;
    for (const c of [redis, sub]) c.on("error", (e: Error) => this.logger?.warn("redis", { error: e.message }));
    redis.defineCommand("claimKey", { numberOfKeys: 3, lua: CLAIM_KEY });
    redis.defineCommand("takeOver", { numberOfKeys: 1, lua: TAKE_OVER });
    redis.defineCommand("setAttached", { numberOfKeys: 3, lua: SET_ATTACHED });
    redis.defineCommand("endSession", { numberOfKeys: 3, lua: END_SESSION });
    if (this.ownsClient) await redis.connect();
    await sub.connect();
    const link = new NodeLink(redis, sub, this.keys, o.nodeId, o.nodeTtlMs);
    this.link = link;
    await link.listen((m) => this.onMessage(m));
    await link.register();
    await redis.set(this.keys.serverEpoch, randomBytes(16).toString("base64url"), "NX");
    const serverEpoch = (await redis.get(this.keys.serverEpoch)) as string;
    this.renewTimer = setInterval(() => this.renew(), Math.max(100, Math.floor(o.nodeTtlMs / 3)));
    this.renewTimer.unref();
    return { serverEpoch };
  }

  /**
   * Leaves the cluster. A draining node first answers handoffs for up to `handoffMs`, until
   * every session it holds has moved to the node its client reconnected to (or ended).
   */
  async stop(handoffMs = 0): Promise<void> {
    if (handoffMs > 0 && this.owned.size > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, handoffMs);
        this.emptied = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.emptied = undefined;
    }
    if (this.renewTimer) clearInterval(this.renewTimer);
    this.renewTimer = undefined;
    this.link?.close();
    try {
      await this.link?.unregister();
    } catch (e) {
      this.logger?.warn("redis: could not unregister the node", { error: String(e) });
    }
    this.subscriber?.disconnect();
    if (this.ownsClient) this.redis?.disconnect();
    this.owned.clear();
  }

  async claimLogin(session: Session, kick: boolean): Promise<LoginClaim> {
    const redis = this.connected();
    try {
      session.sessionEpoch = await redis.incr(this.keys.sessionEpochs);
      let r = await this.claimKey(redis, session, kick);
      // A conflict with a session whose node is dead is no conflict: nobody holds it.
      if (r[0] === "conflict" && !(await this.link?.isAlive(r[2] ?? ""))) r = await this.claimKey(redis, session, true);
      if (r[0] === "conflict") return "conflict";
      this.own(session.sessionId, session.playerId, session.key, "1");
      if (this.replacedEarly.delete(session.sessionId)) {
        // Replaced already: the Login goes through and the session ends right after, as if
        // the other Login had come a moment later.
        const host = this.host;
        setImmediate(() => {
          this.forget(session.sessionId);
          host?.endReplaced(session.sessionId);
        });
      }
      const [, oldSid = "", oldOwner = ""] = r;
      if (oldSid !== "" && oldOwner !== "" && oldOwner !== this.nodeId) {
        this.forget(oldSid);
        await this.link?.tell(oldOwner, { t: "end-replaced", sid: oldSid });
      }
      return "claimed";
    } catch (e) {
      throw busy(e);
    }
  }

  async takeOver(key: string, playerId: number): Promise<TakeOver> {
    const redis = this.connected();
    let r: string[] | null;
    try {
      r = await redis.takeOver(
        this.keys.sessionKey(playerId, key),
        this.keys.session(playerId, ""),
        this.nodeId,
        this.ttlMs,
      );
    } catch (e) {
      throw busy(e);
    }
    if (r === null) return { kind: "none" };
    const [sid = "", oldOwner = "", fence = "0", , , device = "", epoch = "0"] = r;
    this.own(sid, playerId, key, fence);
    const handed = oldOwner !== this.nodeId ? await this.askHandoff(oldOwner, sid) : undefined;
    if (handed !== undefined) return { kind: "moved", state: handed };
    return {
      kind: "lost",
      state: {
        sessionId: sid,
        key,
        playerId,
        deviceId: device === "" ? undefined : device,
        sessionEpoch: Number(epoch),
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
      },
    };
  }

  attached(session: Session): void {
    this.setAttached(session.sessionId, 1);
  }

  detached(session: Session): void {
    this.setAttached(session.sessionId, 0);
  }

  ended(session: Session, _reason: SessionEndReason): void {
    const o = this.owned.get(session.sessionId);
    if (o === undefined || this.redis === undefined) return;
    this.forget(session.sessionId);
    const k = this.keys;
    this.redis
      .endSession(
        k.session(o.playerId, session.sessionId),
        k.sessionKey(o.playerId, o.key),
        k.player(o.playerId),
        this.nodeId,
        o.fence,
        session.sessionId,
      )
      .catch((e: unknown) => this.logger?.warn("redis: could not end a session", { error: String(e) }));
  }

  // ---- internals ----------------------------------------------------------------------

  private connected(): Redis & ScriptCommands {
    if (this.redis === undefined || this.link === undefined) {
      throw new TetherError(ErrorCode.SERVER_BUSY, "the cluster is not started (call server.listen())");
    }
    return this.redis;
  }

  private claimKey(redis: Redis & ScriptCommands, s: Session, kick: boolean): Promise<string[]> {
    const k = this.keys;
    return redis.claimKey(
      k.sessionKey(s.playerId, s.key),
      k.session(s.playerId, s.sessionId),
      k.player(s.playerId),
      k.session(s.playerId, ""),
      s.sessionId,
      this.nodeId,
      kick ? 1 : 0,
      this.ttlMs,
      s.key,
      s.playerId,
      s.deviceId ?? "",
      s.createdAt,
      s.sessionEpoch,
    );
  }

  /** This node no longer owns `sid`; a draining node waits for none to be left. */
  private forget(sid: string): boolean {
    const had = this.owned.delete(sid);
    if (this.owned.size === 0 && this.emptied !== undefined) this.emptied();
    return had;
  }

  private own(sid: string, playerId: number, key: string, fence: string): void {
    this.owned.set(sid, { playerId, key, fence, renewedAt: Date.now() });
  }

  /** Asks the old owner for the session; undefined when it is dead, does not hold it or is late. */
  private async askHandoff(oldOwner: string, sid: string): Promise<SessionState | undefined> {
    const link = this.link;
    if (link === undefined || !(await link.isAlive(oldOwner))) return undefined;
    const reply = await link.ask(
      oldOwner,
      (id) => ({ t: "handoff", id, from: this.nodeId, sid }),
      this.options.handoffTimeoutMs,
    );
    return reply?.state ? stateFromWire(reply.state) : undefined;
  }

  private onMessage(m: Exclude<NodeMessage, { t: "reply" }>): void {
    const host = this.host;
    if (host === undefined) return;
    if (m.t === "end-replaced") {
      if (!this.forget(m.sid)) this.rememberReplaced(m.sid);
      host.endReplaced(m.sid);
      return;
    }
    this.forget(m.sid); // its new owner holds the fence now
    host.handOff(m.sid).then(
      (state) => this.link?.tell(m.from, { t: "reply", id: m.id, state: state ? stateToWire(state) : null }),
      (e: unknown) => this.logger?.error("handoff failed", { sessionId: m.sid, error: String(e) }),
    );
  }

  /** Keeps an early "end-replaced" for a claim still on its way (for a handoff timeout at least). */
  private rememberReplaced(sid: string): void {
    const now = Date.now();
    for (const [s, at] of this.replacedEarly) {
      if (at >= now - 10_000) break; // kept in arrival order: the rest are younger
      this.replacedEarly.delete(s);
    }
    if (this.replacedEarly.size < 10_000) this.replacedEarly.set(sid, now);
  }

  private setAttached(sid: string, attached: 0 | 1): void {
    const o = this.owned.get(sid);
    if (o === undefined || this.redis === undefined) return;
    o.renewedAt = Date.now();
    const k = this.keys;
    this.redis
      .setAttached(
        k.session(o.playerId, sid),
        k.sessionKey(o.playerId, o.key),
        k.player(o.playerId),
        this.nodeId,
        o.fence,
        attached,
        this.ttlMs,
        sid,
      )
      .catch((e: unknown) => this.logger?.warn("redis: could not record a session", { error: String(e) }));
  }

  /** Renews this node's registration, and the keys of its attached sessions before they expire. */
  private renew(): void {
    this.link
      ?.register()
      .catch((e: unknown) => this.logger?.warn("redis: could not renew the node", { error: String(e) }));
    const due = Date.now() - (this.host?.limits.sessionTtlMs ?? 60_000) / 2;
    for (const [sid, o] of this.owned) {
      if (o.renewedAt <= due && this.host?.isAttached(sid)) this.setAttached(sid, 1);
    }
  }
}

/** Cluster mode on Redis, for `createServer({ cluster: redisCluster({ url, namespace }) })`. */
export function redisCluster(options: Partial<RedisClusterOptions> = {}): RedisCluster {
  return new RedisCluster(options);
}
