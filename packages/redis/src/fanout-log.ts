/**
 * Fan-outs that reach a session while it moves between nodes (cluster.md, topics and handoff).
 * A publish or a broadcast issued while a session is on its way from node A to node B must reach
 * it once: A delivers those it takes before it hands the session over (they travel in the
 * session's ring), B those that come after.
 *
 * Every node logs the fan-outs it delivers (a publish's pid, a broadcast's id) in order. B, taking
 * a session over, listens to the session's topics, publishes a mark on one of their channels, and
 * from the moment it hears its mark keeps every publish of those topics (and every broadcast) for
 * the session. A hears the same channels in the same order (Redis delivers one node's
 * subscriptions in the order it executes publishes), so when it hands the session over it can say
 * which fan-outs after the mark it delivered, plus its latest ones before it (its own publishes
 * and broadcasts reach it at call time, not in channel order). B then issues the kept fan-outs A
 * did not deliver, in order, in the same step in which the session becomes visible.
 */
import { randomBytes } from "node:crypto";
import type { ClusterHost, PushOptions } from "@tether/system";
import type { Session } from "@tether/system/internal";

/** How many fan-outs before the mark a handing-over node reports. */
const BEFORE_MARK = 4096;
/** How long fan-outs are kept for a session on its way here, at most. */
const ARRIVAL_MS = 60_000;
/** How many fan-outs (and marks) a node remembers. */
const REMEMBERED = 65_536;

export interface KeptFanout {
  readonly id: string;
  /** Undefined for a broadcast (every session). */
  readonly topics: readonly string[] | undefined;
  readonly msgId: number;
  readonly payload: Uint8Array;
  readonly options: PushOptions;
}

interface Arrival {
  /** When the takeover began (ms). */
  readonly since: number;
  readonly mark: string | undefined;
  readonly topics: ReadonlySet<string>;
  /** Keeping since the mark was heard (at once when there is no mark). */
  keeping: boolean;
  readonly kept: KeptFanout[];
  readonly keptIds: Set<string>;
  /** What the old owner delivered; set when its handoff came. */
  delivered: ReadonlySet<string> | undefined;
}

export class FanoutLog {
  /**
   * Prefixes this node's fan-out ids: unique to this run of the node, so that a node restarted
   * under the same id never issues an id the cluster has seen.
   */
  readonly incarnation = randomBytes(6).toString("base64url");
  private seq = 0;
  /** Delivered fan-outs, id -> sequence, in delivery order. */
  private readonly delivered = new Map<string, number>();
  /** Marks heard, mark -> the sequence at that moment. */
  private readonly marks = new Map<string, number>();
  private readonly arrivals = new Map<string, Arrival>();

  /** Whether this node delivered the fan-out `id` already (a publish heard on a second channel). */
  has(id: string): boolean {
    return this.delivered.has(id);
  }

  /** A fan-out this node delivered to its sessions (or issued itself). */
  record(id: string): void {
    this.delivered.set(id, ++this.seq);
    if (this.delivered.size > REMEMBERED) this.delivered.delete(this.delivered.keys().next().value as string);
  }

  /** A mark heard on a topic channel. */
  heardMark(mark: string): void {
    this.marks.set(mark, this.seq);
    if (this.marks.size > REMEMBERED) this.marks.delete(this.marks.keys().next().value as string);
    for (const a of this.arrivals.values()) if (a.mark === mark) a.keeping = true;
  }

  /** What this node delivered since `BEFORE_MARK` fan-outs before `mark` (the last ones without a mark). */
  deliveredSince(mark: string | undefined): string[] {
    const at = mark === undefined ? undefined : this.marks.get(mark);
    const from = (at ?? this.seq) - BEFORE_MARK;
    const out: string[] = [];
    for (const [id, seq] of this.delivered) if (seq > from) out.push(id);
    return out;
  }

  /** This node takes `sid` over: from its mark on (at once without one), fan-outs are kept for it. */
  expect(sid: string, topics: readonly string[], mark: string | undefined): void {
    // A takeover whose session never became visible here (another connection won it) is forgotten.
    const stale = Date.now() - ARRIVAL_MS;
    for (const [s, a] of this.arrivals) if (a.since < stale) this.arrivals.delete(s);
    this.arrivals.set(sid, {
      since: Date.now(),
      mark,
      topics: new Set(topics),
      keeping: mark === undefined,
      kept: [],
      keptIds: new Set(),
      delivered: undefined,
    });
  }

  /**
   * A fan-out this node heard: kept for each session on its way here that it concerns. One this
   * node issued itself is kept whether its mark was heard or not: it reached the old owner near the
   * mark, where the old owner's report covers it.
   */
  keep(f: KeptFanout, own = false): void {
    if (this.arrivals.size === 0) return;
    for (const a of this.arrivals.values()) {
      if (!a.keeping && !own) continue;
      if (a.keptIds.has(f.id)) continue; // a publish heard on a second channel
      if (f.topics === undefined || f.topics.some((t) => a.topics.has(t))) {
        a.kept.push(f);
        a.keptIds.add(f.id);
      }
    }
  }

  /** The old owner handed `sid` over, having delivered `delivered`; the rest is issued on arrival. */
  handed(sid: string, delivered: readonly string[]): void {
    const a = this.arrivals.get(sid);
    if (a !== undefined) a.delivered = new Set(delivered);
  }

  /** The session did not come (its owner was gone or late): nothing kept is issued. */
  abandon(sid: string): readonly string[] {
    const a = this.arrivals.get(sid);
    this.arrivals.delete(sid);
    return a === undefined ? [] : [...a.topics];
  }

  /**
   * `session` is here now (in the same step as it became visible): the kept fan-outs its old owner
   * did not deliver are issued to it, in order, and their ids recorded.
   */
  arrived(session: Session, host: ClusterHost): readonly string[] {
    const a = this.arrivals.get(session.sessionId);
    this.arrivals.delete(session.sessionId);
    if (a === undefined) return [];
    this.issue(session, a, host);
    return [...a.topics];
  }

  private issue(session: Session, a: Arrival, host: ClusterHost): void {
    if (a.delivered === undefined) return;
    for (const f of a.kept) {
      if (a.delivered.has(f.id)) continue;
      if (f.topics !== undefined && !f.topics.some((t) => session.topics.has(t))) continue;
      host.pushHere(session.sessionId, f.msgId, f.payload, f.options);
    }
  }
}
