/**
 * Topic membership: topics belong to sessions (they survive reconnects) and this index maps
 * each topic to its sessions for publishing. A session in two published topics gets one copy.
 *
 * Every path that adds a topic comes through `subscribe`, which enforces the topic limits
 * (name length, topics per session, topics in total) before changing anything.
 */
import { ErrorCode, TetherError } from "@tether/protocol";
import type { Session, TopicChange } from "@tether/system/internal";

export interface TopicLimits {
  /** Longest topic name, in UTF-8 bytes. Default 256. */
  maxTopicNameBytes: number;
  /** Topics one session may be subscribed to. Default 128. */
  maxTopicsPerSession: number;
  /** Distinct topics with at least one member, server-wide. Default 100 000. */
  maxTopics: number;
}

/** Counts of refused subscriptions, by the limit that refused them. */
export interface TopicRefusals {
  nameTooLong: number;
  perSession: number;
  total: number;
}

function refusal(code: number, limit: keyof TopicLimits, message: string): TetherError {
  return new TetherError(code, message, { detail: { limit } });
}

export class TopicIndex {
  private readonly members = new Map<string, Set<Session>>();
  readonly refusals: TopicRefusals = { nameTooLong: 0, perSession: 0, total: 0 };

  /**
   * `limits` is read live: a runtime change applies to the next subscription. `changed` hears
   * every change of membership (cluster mode writes it to the cluster and listens to the
   * topics this node has members of); what it returns, subscribe and adopt return.
   */
  constructor(
    private readonly limits: Readonly<TopicLimits>,
    private readonly changed: (change: TopicChange) => void | Promise<void> = () => {},
  ) {}

  /**
   * Checks that `name` is a topic name: a non-empty string within maxTopicNameBytes. Throws
   * BAD_REQUEST with `detail.limit`.
   */
  checkName(name: unknown): string {
    if (typeof name !== "string" || name.length === 0) {
      throw new TetherError(ErrorCode.BAD_REQUEST, "a topic name is a non-empty string");
    }
    const max = this.limits.maxTopicNameBytes;
    // A UTF-8 byte is at least one UTF-16 unit's worth; only long strings need counting.
    if (name.length > max || (name.length * 3 > max && Buffer.byteLength(name, "utf8") > max)) {
      this.refusals.nameTooLong++;
      throw refusal(ErrorCode.BAD_REQUEST, "maxTopicNameBytes", `topic name longer than ${max} bytes`);
    }
    return name;
  }

  /** Checks a list of topic names (for publish, unsubscribe, queries). */
  checkNames(topics: unknown): readonly string[] {
    if (!Array.isArray(topics)) throw new TetherError(ErrorCode.BAD_REQUEST, "topics must be an array of names");
    for (const t of topics) this.checkName(t);
    return topics as string[];
  }

  /**
   * Adds `session` to `topics`, all or nothing: BAD_REQUEST past maxTopicNameBytes or
   * maxTopicsPerSession, SERVER_BUSY (retryable) past maxTopics.
   */
  subscribe(session: Session, topics: Iterable<string>): void | Promise<void> {
    const fresh = new Set<string>();
    let newTopics = 0;
    for (const t of topics) {
      this.checkName(t);
      if (session.topics.has(t) || fresh.has(t)) continue;
      fresh.add(t);
      if (!this.members.has(t)) newTopics++;
    }
    if (session.topics.size + fresh.size > this.limits.maxTopicsPerSession) {
      this.refusals.perSession++;
      throw refusal(
        ErrorCode.BAD_REQUEST,
        "maxTopicsPerSession",
        `a session may be in at most ${this.limits.maxTopicsPerSession} topics`,
      );
    }
    if (newTopics > 0 && this.members.size + newTopics > this.limits.maxTopics) {
      this.refusals.total++;
      throw refusal(
        ErrorCode.SERVER_BUSY,
        "maxTopics",
        `the server holds its maximum of ${this.limits.maxTopics} topics`,
      );
    }
    for (const t of fresh) session.topics.add(t);
    return this.index(session, [...fresh]);
  }

  unsubscribe(session: Session, topics: Iterable<string>): void {
    this.leave(session, topics, true);
  }

  /** Indexes a session that arrived from another node with its topics (its subscriptions moved with it). */
  adopt(session: Session): void | Promise<void> {
    return this.index(session, [...session.topics], true);
  }

  /** Drops a session from all its topics (when it ends). */
  forget(session: Session): void {
    this.leave(session, [...session.topics], true);
  }

  /** Drops a session that moved to another node from this node's index; its topics go with it. */
  drop(session: Session): void {
    const topics = [...session.topics];
    this.leave(session, topics, false);
    for (const t of topics) session.topics.add(t);
  }

  deleteTopics(topics: Iterable<string>): void {
    const closed: string[] = [];
    for (const t of topics) {
      const set = this.members.get(t);
      if (set === undefined) continue;
      for (const s of set) s.topics.delete(t);
      this.members.delete(t);
      closed.push(t);
    }
    if (closed.length > 0) this.report(undefined, [], closed, [], closed, false);
  }

  /** Adds `session` (already holding `topics`) to their member sets. */
  private index(session: Session, topics: readonly string[], arrived = false): void | Promise<void> {
    if (topics.length === 0 && !arrived) return;
    const opened: string[] = [];
    for (const t of topics) {
      let set = this.members.get(t);
      if (!set) {
        set = new Set();
        this.members.set(t, set);
        opened.push(t);
      }
      set.add(session);
    }
    return this.report(session, topics, [], opened, [], true, arrived);
  }

  private leave(session: Session, topics: Iterable<string>, owned: boolean): void {
    const left: string[] = [];
    const closed: string[] = [];
    for (const t of topics) {
      if (!session.topics.delete(t)) continue;
      left.push(t);
      const set = this.members.get(t);
      if (!set) continue;
      set.delete(session);
      if (set.size === 0) {
        this.members.delete(t);
        closed.push(t);
      }
    }
    if (left.length > 0) this.report(session, [], left, [], closed, owned);
  }

  private report(
    session: Session | undefined,
    joined: readonly string[],
    left: readonly string[],
    opened: readonly string[],
    closed: readonly string[],
    owned: boolean,
    arrived = false,
  ): void | Promise<void> {
    return this.changed({ session, joined, left, opened, closed, owned, ...(arrived ? { arrived } : {}) });
  }

  /** The distinct sessions of the given topics. */
  sessionsOf(topics: Iterable<string>): Set<Session> {
    const out = new Set<Session>();
    for (const t of topics) for (const s of this.members.get(t) ?? []) out.add(s);
    return out;
  }

  topics(): string[] {
    return [...this.members.keys()];
  }

  get size(): number {
    return this.members.size;
  }
}
