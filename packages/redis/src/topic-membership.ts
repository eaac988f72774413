/**
 * Topic membership cluster-wide (cluster.md, topics): who is in which topic, in Redis
 * (topic-scripts.ts), and the topic channels this node listens to while it has members of them.
 * Writes never block the session layer: a failure is logged, and a Redis that comes back gets
 * this node's membership written again (`reassert`).
 */
import type { Logger, SessionRef, TopicChange, TopicMembers } from "@tether/system";
import type { Redis } from "ioredis";
import type { Keys } from "./keys.js";
import { SET_TOPICS } from "./scripts.js";
import { DELETE_TOPICS, JOIN_TOPICS, LEAVE_TOPICS, PURGE_NODE } from "./topic-scripts.js";

interface TopicCommands {
  joinTopics(...args: (string | number)[]): Promise<number>;
  leaveTopics(...args: (string | number)[]): Promise<number>;
  deleteTopics(...args: (string | number)[]): Promise<number>;
  purgeNode(...args: (string | number)[]): Promise<number>;
  setTopics(...args: (string | number)[]): Promise<number>;
}

export class TopicMembership {
  private readonly redis: Redis & TopicCommands;
  /** Topics with a member on this node: their channels are listened to. */
  private readonly listening = new Set<string>();
  /** Topics listened to for sessions on their way here (fanout-log.ts), with how many. */
  private readonly arriving = new Map<string, number>();

  constructor(
    redis: Redis,
    private readonly sub: Redis,
    private readonly keys: Keys,
    private readonly nodeId: string,
    private readonly logger: () => Logger | undefined,
  ) {
    redis.defineCommand("joinTopics", { numberOfKeys: 2, lua: JOIN_TOPICS });
    redis.defineCommand("leaveTopics", { numberOfKeys: 1, lua: LEAVE_TOPICS });
    redis.defineCommand("deleteTopics", { numberOfKeys: 1, lua: DELETE_TOPICS });
    redis.defineCommand("purgeNode", { numberOfKeys: 2, lua: PURGE_NODE });
    redis.defineCommand("setTopics", { numberOfKeys: 1, lua: SET_TOPICS });
    this.redis = redis as Redis & TopicCommands;
  }

  private get prefixes(): [string, string] {
    return [this.keys.topicMembers(""), this.keys.nodeTopics("")];
  }

  /**
   * Writes a change of this node's topic index. Resolves (never rejects) once the joined topics'
   * members are written and their channels listened to; a failure is logged.
   */
  changed(c: TopicChange): Promise<void> | undefined {
    const work: Promise<unknown>[] = [];
    if (c.owned && c.session !== undefined) {
      const s = c.session;
      if (c.joined.length > 0) work.push(this.join(s.sessionId, s.playerId, c.joined));
      if (c.left.length > 0) {
        work.push(this.redis.leaveTopics(this.keys.topicCounts, ...this.prefixes, this.nodeId, s.sessionId, ...c.left));
      }
      if (c.joined.length > 0 || c.left.length > 0) {
        const record = this.keys.session(s.playerId, s.sessionId);
        work.push(this.redis.setTopics(record, this.nodeId, JSON.stringify([...s.topics])));
      }
    }
    if (c.opened.length > 0) work.push(this.listen(c.opened));
    if (c.closed.length > 0) {
      for (const t of c.closed) this.listening.delete(t);
      const idle = c.closed.filter((t) => !this.arriving.has(t));
      if (idle.length > 0) work.push(this.sub.unsubscribe(...idle.map((t) => this.keys.topicChannel(t))));
    }
    if (work.length === 0) return undefined;
    return Promise.all(work).then(
      () => {},
      (e: unknown) => this.logger()?.warn("redis: could not record topic membership", { error: String(e) }),
    );
  }

  private join(sid: string, playerId: number, topics: readonly string[]): Promise<number> {
    const k = this.keys;
    return this.redis.joinTopics(
      k.topicCounts,
      k.nodeTopics(this.nodeId),
      ...this.prefixes,
      this.nodeId,
      sid,
      playerId,
      ...topics,
    );
  }

  private listen(topics: readonly string[]): Promise<unknown> {
    for (const t of topics) this.listening.add(t);
    return this.sub.subscribe(...topics.map((t) => this.keys.topicChannel(t)));
  }

  /** Listens to `topics` for a session on its way here, until `doneArriving`. */
  async listenArriving(topics: readonly string[]): Promise<void> {
    for (const t of topics) this.arriving.set(t, (this.arriving.get(t) ?? 0) + 1);
    if (topics.length > 0) await this.sub.subscribe(...topics.map((t) => this.keys.topicChannel(t)));
  }

  /** The session arrived (its topics are indexed now) or did not come: channels nobody needs close. */
  doneArriving(topics: readonly string[]): void {
    const idle: string[] = [];
    for (const t of topics) {
      const n = (this.arriving.get(t) ?? 1) - 1;
      if (n > 0) this.arriving.set(t, n);
      else this.arriving.delete(t);
      if (n <= 0 && !this.listening.has(t)) idle.push(t);
    }
    if (idle.length === 0) return;
    this.sub
      .unsubscribe(...idle.map((t) => this.keys.topicChannel(t)))
      .catch((e: unknown) => this.logger()?.warn("redis: could not stop listening to topics", { error: String(e) }));
  }

  /** Deletes `topics`' membership cluster-wide. */
  async delete(topics: readonly string[]): Promise<void> {
    await this.redis.deleteTopics(this.keys.topicCounts, ...this.prefixes, ...topics);
  }

  /** A dead node's members go; returns how many. */
  purge(nodeId: string): Promise<number> {
    return this.redis.purgeNode(this.keys.topicCounts, this.keys.nodeTopics(nodeId), ...this.prefixes, nodeId);
  }

  /** Topics with a member anywhere. */
  list(): Promise<string[]> {
    return this.redis.hkeys(this.keys.topicCounts);
  }

  /** Members of `topics` held by `live` nodes. */
  async members(topics: readonly string[], live: ReadonlySet<string>): Promise<TopicMembers> {
    const hashes = await Promise.all(topics.map((t) => this.redis.hgetall(this.keys.topicMembers(t))));
    const out: TopicMembers = {};
    topics.forEach((t, i) => {
      const refs: SessionRef[] = [];
      for (const [sessionId, v] of Object.entries(hashes[i] ?? {})) {
        const bar = v.lastIndexOf("|");
        if (live.has(v.slice(0, bar))) refs.push({ sessionId, playerId: Number(v.slice(bar + 1)) });
      }
      out[t] = refs;
    });
    return out;
  }

  /**
   * Redis came back (it may have lost everything): writes the membership of this node's
   * sessions again and listens to their topics' channels.
   */
  async reassert(sessions: readonly (SessionRef & { readonly topics: readonly string[] })[]): Promise<void> {
    const work: Promise<unknown>[] = [];
    for (const s of sessions) if (s.topics.length > 0) work.push(this.join(s.sessionId, s.playerId, s.topics));
    if (this.listening.size > 0) work.push(this.listen([...this.listening]));
    await Promise.all(work);
  }
}
