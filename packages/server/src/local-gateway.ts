/**
 * The Gateway served by this process: every call works on the local session store, topic
 * index and connections of one server (its GatewayHost).
 */
import {
  checkGameMsgId,
  type DataNotify,
  InvalidOptionError,
  type Session,
  type SessionCall,
  type SessionInfo,
  type SessionRef,
} from "@tether/system/internal";
import type { BulkItem, Gateway, GatewayPushOptions, MetricsSnapshot, PublishItem } from "./gateway.js";
import { type HereHost, NodeGateway } from "./gateway-here.js";
import type { ServerLimits } from "./options.js";
import { durable, RemoteTargets } from "./remote-targets.js";

/**
 * What the local gateway needs from the server around it: the session layer, the topic index,
 * its connections, and the server's own metrics and limits.
 */
export interface GatewayHost extends HereHost {
  readonly connectionCount: number;
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
  /** This node's own sessions and topics; also answers other nodes' calls on them. */
  readonly here: NodeGateway;

  constructor(private readonly server: GatewayHost) {
    this.elsewhere = new RemoteTargets(server.engine.cluster);
    this.here = new NodeGateway(server);
  }

  private get engine() {
    return this.server.engine;
  }

  private get cluster() {
    return this.server.engine.cluster;
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
    const away: Promise<number>[] = [];
    for (const item of items) {
      const here = this.sessionsOf(item);
      n += this.engine.pushMany(here, item.msgId, item.payload, item.options);
      if (item.sessionId === undefined) {
        away.push(this.elsewhere.toPlayers([item.playerId], item.msgId, item.payload, item.options));
      } else if (here.length === 0) {
        away.push(this.elsewhere.toSessions([item.sessionId], item.msgId, item.payload, item.options));
      }
    }
    for (const count of await Promise.all(away)) n += count;
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

  /** A call on one session: run here when it is here, else by the node that holds it. */
  private async onSession(sessionId: string, call: SessionCall): Promise<boolean> {
    const s = this.engine.store.byId(sessionId);
    if (s === undefined) return this.cluster.callElsewhere(sessionId, call);
    if (s.ended) return false;
    await this.here.run(s, call);
    return true;
  }

  async subscribe(sessionId: string, topics: readonly string[]): Promise<boolean> {
    return this.onSession(sessionId, { kind: "subscribe", topics: this.topicNames(topics) });
  }

  async unsubscribe(sessionId: string, topics: readonly string[]): Promise<boolean> {
    return this.onSession(sessionId, { kind: "unsubscribe", topics: this.topicNames(topics) });
  }

  async deleteTopics(topics: readonly string[]): Promise<void> {
    const names = this.topicNames(topics);
    this.server.topics.deleteTopics(names);
    await this.cluster.deleteTopicsElsewhere(names);
  }

  async publish(
    topics: readonly string[],
    msgId: number,
    payload: Uint8Array,
    options: GatewayPushOptions = {},
  ): Promise<number> {
    const names = this.topicNames(topics);
    const here = this.engine.pushMany(this.server.topics.sessionsOf(names), msgId, payload, options);
    const away = this.cluster.publishElsewhere(names, msgId, payload, options);
    return this.durable(here + (typeof away === "number" ? away : await away));
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
    for (const s of sessions) this.here.kick(s, reason);
    // A session target found here is nowhere else; a player's other sessions may be.
    if (typeof target === "string" && sessions.length > 0) return sessions.length;
    return sessions.length + (await this.engine.cluster.kickElsewhere(target, reason));
  }

  async kickGuest(connId: string, delayMs = 0): Promise<void> {
    if (!this.server.kickGuest(connId, delayMs)) await this.cluster.kickGuestElsewhere(connId, delayMs);
  }

  async isOnline(playerIds: readonly number[]): Promise<number[]> {
    const ids = [...new Set(checkPlayerIds(playerIds))];
    const here = (id: number) => this.engine.store.byPlayer(id).some((s) => s.attached);
    const elsewhere = new Set(await this.engine.cluster.onlineElsewhere(ids.filter((id) => !here(id))));
    return ids.filter((id) => here(id) || elsewhere.has(id));
  }

  /** Sessions held here and by every other live node. */
  private async everySession(): Promise<readonly SessionRef[]> {
    const away = await this.cluster.sessionsElsewhere();
    return away.length === 0 ? this.here.sessionsHere() : [...this.here.sessionsHere(), ...away];
  }

  async players(): Promise<number[]> {
    return [...new Set((await this.everySession()).map((s) => s.playerId))];
  }

  async playerCount(): Promise<number> {
    return (await this.players()).length;
  }

  async sessions(): Promise<string[]> {
    return (await this.everySession()).map((s) => s.sessionId);
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
    return [...((await this.cluster.topicList()) ?? this.server.topics.topics())];
  }

  async topicCount(): Promise<number> {
    const list = await this.cluster.topicList();
    return list === undefined ? this.server.topics.size : list.length;
  }

  /** Members of each topic: this node's, or the whole cluster's. */
  private async members(topics: readonly string[]): Promise<Record<string, SessionRef[]>> {
    const names = this.topicNames(topics);
    const cluster = await this.cluster.topicMembers(names);
    if (cluster !== undefined) return cluster;
    const out: Record<string, SessionRef[]> = {};
    for (const t of names) {
      out[t] = [...this.server.topics.sessionsOf([t])].map((s) => ({ sessionId: s.sessionId, playerId: s.playerId }));
    }
    return out;
  }

  async topicMembers(topics: readonly string[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const [t, refs] of Object.entries(await this.members(topics))) out[t] = refs.map((r) => r.sessionId);
    return out;
  }

  async topicPlayerCount(topics: readonly string[]): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const [t, refs] of Object.entries(await this.members(topics))) {
      out[t] = new Set(refs.map((r) => r.playerId)).size;
    }
    return out;
  }

  /** In the order asked; unknown ids are left out. */
  async sessionInfo(sessionIds: readonly string[]): Promise<SessionInfo[]> {
    const ids = checkStrings("sessionIds", sessionIds);
    const found = new Map(this.here.infoHere(ids).map((i) => [i.sessionId, i]));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0) for (const i of await this.cluster.infoElsewhere(missing)) found.set(i.sessionId, i);
    return ids.flatMap((id) => found.get(id) ?? []);
  }

  async setSessionData(
    sessionId: string,
    patch: Readonly<Record<string, string>>,
    notify?: DataNotify,
  ): Promise<boolean> {
    checkNotify(notify);
    if (typeof patch !== "object" || patch === null) throw new InvalidOptionError("patch", "must be an object");
    return this.onSession(sessionId, { kind: "set-data", patch, ...(notify ? { notify } : {}) });
  }

  async deleteSessionData(sessionId: string, keys: readonly string[], notify?: DataNotify): Promise<boolean> {
    checkNotify(notify);
    const list = checkStrings("keys", keys);
    return this.onSession(sessionId, { kind: "delete-data", keys: list, ...(notify ? { notify } : {}) });
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
