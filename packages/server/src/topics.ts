/**
 * Topic membership: topics belong to sessions (they survive reconnects) and this index maps
 * each topic to its sessions for publishing. A session in two published topics gets one copy.
 */
import type { Session } from "@tether/system";

export class TopicIndex {
  private readonly members = new Map<string, Set<Session>>();

  subscribe(session: Session, topics: Iterable<string>): void {
    for (const t of topics) {
      let set = this.members.get(t);
      if (!set) {
        set = new Set();
        this.members.set(t, set);
      }
      set.add(session);
      session.topics.add(t);
    }
  }

  unsubscribe(session: Session, topics: Iterable<string>): void {
    for (const t of topics) {
      session.topics.delete(t);
      const set = this.members.get(t);
      if (!set) continue;
      set.delete(session);
      if (set.size === 0) this.members.delete(t);
    }
  }

  /** Drops a session from all its topics (when it ends). */
  forget(session: Session): void {
    this.unsubscribe(session, [...session.topics]);
  }

  deleteTopics(topics: Iterable<string>): void {
    for (const t of topics) {
      for (const s of this.members.get(t) ?? []) s.topics.delete(t);
      this.members.delete(t);
    }
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
