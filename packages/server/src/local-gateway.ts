/**
 * The Gateway served by this process: every call works on the local session store, topic
 * index and connections of one server (its GatewayHost).
 */
import { CloseCode } from "@tether/protocol";
import {
  checkGameMsgId,
  InvalidOptionError,
  type Session,
  type SessionEngine,
  sessionDataProblem,
} from "@tether/system/internal";
import type {
  BulkItem,
  DataNotify,
  Gateway,
  GatewayPushOptions,
  MetricsSnapshot,
  PublishItem,
  SessionInfo,
} from "./gateway.js";
import type { ServerLimits } from "./options.js";
import { durable, RemoteTargets } from "./remote-targets.js";
import type { TopicIndex } from "./topics.js";

/**
 * What the local gateway needs from the server around it: the session layer, the topic index,
 * its connections, and the server's own metrics and limits.
 */
export interface GatewayHost {
  readonly engine: SessionEngine;
  readonly topics: TopicIndex;
  readonly connectionCount: number;
  /** Closes a connection that has not authenticated, after `delayMs` (skipped if it does). */
  kickGuest(connId: string, delayMs: number): void;
  metricsSnapshot(): MetricsSnapshot;
  limits(): ServerLimits;
  setLimits(patch: Partial<ServerLimits>): ServerLimits;
}

function checkPlayerIds(list: unknown): readonly number[] {
  if (!Array.isArray(list) || !list.every((x) => Number.isSafeInteger(x) && x > 0)) {
    throw new InvalidOptionError("playerIds", "must be an array of positive integers");
  }
  return list;
}

function checkNotify(notify: DataNotify | undefined): void {
  if (notify !== undefined) checkGameMsgId(notify.msgId);
}

function checkStrings(name: string, list: unknown, maxLength = 256): readonly string[] {
  if (!Array.isArray(list) || !list.every((x) => typeof x === "string" && x.length > 0 && x.length <= maxLength)) {
    throw new InvalidOptionError(name, `must be an array of non-empty strings (at most ${maxLength} characters)`);
  }
  return list;
}

export class LocalGateway implements Gateway {
  /** Targets held by other nodes of the cluster (none for one node). */
  private readonly elsewhere: RemoteTargets;

  constructor(private readonly server: GatewayHost) {
    this.elsewhere = new RemoteTargets(server.engine.cluster);
  }

  private get engine() {
    return this.server.engine;
  }

  /** Topic names: an array of non-empty strings, each within the topic limits (topics.ts). */
  private topicNames(topics: unknown): readonly string[] {
    return this.server.topics.checkNames(checkStrings("topics", topics, Number.POSITIVE_INFINITY));
  }

  private sessionsOfPlayers(playerIds: readonly number[]): Session[] {
    const out: Session[] = [];
    for (const id of new Set(playerIds)) out.push(...this.engine.store.byPlayer(id));
    return out;
  }

  /** The sessions of a target: one session by id, or every session of a player. */
  private sessionsOf(target: { readonly sessionId?: string; readonly playerId?: number }): readonly Session[] {
    if (target.sessionId !== undefined) {
      const s = this.engine.store.byId(target.sessionId);
      return s === undefined ? [] : [s];
    }
    return this.engine.store.byPlayer(target.playerId ?? 0);
  }

  /** `value` once the pushes just issued are durable (remote-targets.ts). */
  private durable<T>(value: T): T | Promise<T> {
    return durable(this.engine.cluster, value);
  }

  async send(
    sessionId: string,
    msgId: number,
    payload: Uint8Array,
    options: GatewayPushOptions = {},
  ): Promise<boolean> {
    const s = this.engine.store.byId(sessionId);
    if (s === undefined) {
      this.engine.pushBody(msgId, payload, options); // checked here, before it travels
      return this.engine.cluster.sendElsewhere(sessionId, msgId, payload, options);
    }
    if (s.ended) return false;
    // One target: a payload its connection cannot take rejects with PAYLOAD_TOO_LARGE.
    this.engine.push(s, msgId, payload, options);
    return this.durable(true);
  }

  async sendToPlayer(
    playerId: number,
    msgId: number,
    payload: Uint8Array,
    options?: GatewayPushOptions,
  ): Promise<number> {
    const here = this.engine.pushMany(this.engine.store.byPlayer(playerId), msgId, payload, options);
    return this.durable(here + (await this.elsewhere.toPlayers([playerId], msgId, payload, options)));
  }

  async sendBulk(items: readonly BulkItem[]): Promise<number> {
    // All or nothing: every item is checked before the first is sent.
    for (const item of items) {
      checkGameMsgId(item.msgId);
      this.engine.pushBody(item.msgId, item.payload, item.options);
    }
    let n = 0;
    for (const item of items) {
      n += this.engine.pushMany(this.sessionsOf(item), item.msgId, item.payload, item.options);
    }
    return this.durable(n);
  }

  async multicast(
    sessionIds: readonly string[],
    msgId: number,
    payload: Uint8Array,
    options?: GatewayPushOptions,
  ): Promise<number> {
    const sessions = new Set<Session>();
    const remote: string[] = [];
    for (const id of new Set(checkStrings("sessionIds", sessionIds))) {
      const s = this.engine.store.byId(id);
      if (s) sessions.add(s);
      else remote.push(id);
    }
    const here = this.engine.pushMany(sessions, msgId, payload, options);
    return this.durable(here + (await this.elsewhere.toSessions(remote, msgId, payload, options)));
  }

  async multicastToPlayers(
    playerIds: readonly number[],
    msgId: number,
    payload: Uint8Array,
    options?: GatewayPushOptions,
  ): Promise<number> {
    const here = this.engine.pushMany(this.sessionsOfPlayers(playerIds), msgId, payload, options);
    return this.durable(here + (await this.elsewhere.toPlayers(playerIds, msgId, payload, options)));
  }

  /** Every authenticated session. Best effort unless `reliable: true`. */
  async broadcast(msgId: number, payload: Uint8Array, options: GatewayPushOptions = {}): Promise<number> {
    const o = { ...options, reliable: options.reliable === true };
    const here = this.engine.pushMany(this.engine.store.values(), msgId, payload, o);
    return this.durable(here + (await this.engine.cluster.broadcastElsewhere(msgId, payload, o)));
  }

  async subscribe(sessionId: string, topics: readonly string[]): Promise<boolean> {
    const s = this.engine.store.byId(sessionId);
    if (!s) return false;
    this.server.topics.subscribe(s, this.topicNames(topics));
    return true;
  }

  async unsubscribe(sessionId: string, topics: readonly string[]): Promise<boolean> {
    const s = this.engine.store.byId(sessionId);
    if (!s) return false;
    this.server.topics.unsubscribe(s, this.topicNames(topics));
    return true;
  }

  async deleteTopics(topics: readonly string[]): Promise<void> {
    this.server.topics.deleteTopics(this.topicNames(topics));
  }

  async publish(
    topics: readonly string[],
    msgId: number,
    payload: Uint8Array,
    options?: GatewayPushOptions,
  ): Promise<number> {
    return this.durable(
      this.engine.pushMany(this.server.topics.sessionsOf(this.topicNames(topics)), msgId, payload, options),
    );
  }

  async publishBulk(items: readonly PublishItem[]): Promise<number> {
    for (const i of items) {
      this.topicNames(i.topics);
      checkGameMsgId(i.msgId);
      this.engine.pushBody(i.msgId, i.payload, i.options);
    }
    let n = 0;
    for (const i of items) n += await this.publish(i.topics, i.msgId, i.payload, i.options);
    return n;
  }

  async kick(target: string | { readonly playerId: number }, reason = "kicked"): Promise<number> {
    if (typeof reason !== "string" || reason.length > 1024)
      throw new InvalidOptionError("reason", "must be a string of at most 1024 characters");
    const sessions = this.sessionsOf(typeof target === "string" ? { sessionId: target } : target);
    for (const s of sessions) {
      const conn = s.connection;
      this.engine.endSession(s, "kicked");
      conn?.close(CloseCode.KICKED, reason);
    }
    // A session target found here is nowhere else; a player's other sessions may be.
    if (typeof target === "string" && sessions.length > 0) return sessions.length;
    return sessions.length + (await this.engine.cluster.kickElsewhere(target, reason));
  }

  async kickGuest(connId: string, delayMs = 0): Promise<void> {
    this.server.kickGuest(connId, delayMs);
  }

  async isOnline(playerIds: readonly number[]): Promise<number[]> {
    const ids = [...new Set(checkPlayerIds(playerIds))];
    const here = (id: number) => this.engine.store.byPlayer(id).some((s) => s.attached);
    const elsewhere = new Set(await this.engine.cluster.onlineElsewhere(ids.filter((id) => !here(id))));
    return ids.filter((id) => here(id) || elsewhere.has(id));
  }

  async players(): Promise<number[]> {
    const ids = new Set<number>();
    for (const s of this.engine.store.values()) ids.add(s.playerId);
    return [...ids];
  }

  async playerCount(): Promise<number> {
    return (await this.players()).length;
  }

  async sessions(): Promise<string[]> {
    return [...this.engine.store.values()].map((s) => s.sessionId);
  }

  /** Sessions here, or in the whole cluster (the sum of live nodes' own counts). */
  async sessionCount(): Promise<number> {
    return (await this.engine.cluster.totals())?.sessions ?? this.engine.store.size;
  }

  /** Connections here, or in the whole cluster (the sum of live nodes' own counts). */
  async connectionCount(): Promise<number> {
    return (await this.engine.cluster.totals())?.connections ?? this.server.connectionCount;
  }

  async topics(): Promise<string[]> {
    return this.server.topics.topics();
  }

  async topicCount(): Promise<number> {
    return this.server.topics.size;
  }

  async topicMembers(topics: readonly string[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const t of this.topicNames(topics)) out[t] = [...this.server.topics.sessionsOf([t])].map((s) => s.sessionId);
    return out;
  }

  async topicPlayerCount(topics: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const t of this.topicNames(topics)) {
      out[t] = new Set([...this.server.topics.sessionsOf([t])].map((s) => s.playerId)).size;
    }
    return out;
  }

  async sessionInfo(sessionIds: readonly string[]): Promise<SessionInfo[]> {
    const out: SessionInfo[] = [];
    for (const id of checkStrings("sessionIds", sessionIds)) {
      const s = this.engine.store.byId(id);
      if (!s) continue;
      out.push({
        sessionId: s.sessionId,
        playerId: s.playerId,
        deviceId: s.deviceId,
        sessionEpoch: s.sessionEpoch,
        topics: [...s.topics],
        data: Object.fromEntries(s.data),
        connected: s.attached,
        connId: s.connection?.connId,
        remoteAddress: s.connection?.info.remoteAddress,
        createdAt: s.createdAt,
        detachedAt: s.detachedAt,
        lastAckedPushId: s.lastAckedPushId,
        lastIssuedPushId: s.lastIssuedPushId,
        ringSize: s.ring.size,
        ringBytes: s.ring.byteSize,
      });
    }
    return out;
  }

  async setSessionData(
    sessionId: string,
    patch: Readonly<Record<string, string>>,
    notify?: DataNotify,
  ): Promise<boolean> {
    checkNotify(notify);
    const s = this.engine.store.byId(sessionId);
    if (!s) return false;
    if (typeof patch !== "object" || patch === null) throw new InvalidOptionError("patch", "must be an object");
    const entries = Object.entries(patch);
    const problem = sessionDataProblem(entries, s.data);
    if (problem !== undefined) throw new InvalidOptionError("patch", problem);
    for (const [k, v] of entries) s.data.set(k, v);
    if (notify) this.engine.pushMany([s], notify.msgId, notify.payload, notify.options);
    return true;
  }

  async deleteSessionData(sessionId: string, keys: readonly string[], notify?: DataNotify): Promise<boolean> {
    checkNotify(notify);
    const list = checkStrings("keys", keys);
    const s = this.engine.store.byId(sessionId);
    if (!s) return false;
    for (const k of list) s.data.delete(k);
    if (notify) this.engine.pushMany([s], notify.msgId, notify.payload, notify.options);
    return true;
  }

  async metrics(): Promise<MetricsSnapshot> {
    return this.server.metricsSnapshot();
  }

  async limits(): Promise<ServerLimits> {
    return this.server.limits();
  }

  async setLimits(patch: Partial<ServerLimits>): Promise<ServerLimits> {
    return this.server.setLimits(patch);
  }
}
