/**
 * Where sessions live, by key and by sessionId. A small interface with an in-memory default; a
 * clustered store (Redis) will serve the same calls later.
 */
import type { Session } from "./session.js";

export interface SessionStore {
  byKey(key: string): Session | undefined;
  byId(sessionId: string): Session | undefined;
  /** Every session of a player (one, unless sessions are per device). */
  byPlayer(playerId: number): readonly Session[];
  add(session: Session): void;
  remove(session: Session): void;
  values(): IterableIterator<Session>;
  readonly size: number;
}

export class MemorySessionStore implements SessionStore {
  private readonly keys = new Map<string, Session>();
  private readonly ids = new Map<string, Session>();
  /**
   * A player's session, or a set once a player has several (sessions per device): the common
   * single session costs no container, and removing one of many is still O(1).
   */
  private readonly players = new Map<number, Session | Set<Session>>();

  byKey(key: string): Session | undefined {
    return this.keys.get(key);
  }

  byId(sessionId: string): Session | undefined {
    return this.ids.get(sessionId);
  }

  byPlayer(playerId: number): readonly Session[] {
    const p = this.players.get(playerId);
    return p === undefined ? [] : p instanceof Set ? [...p] : [p];
  }

  add(session: Session): void {
    const old = this.keys.get(session.key);
    if (old) this.remove(old);
    this.keys.set(session.key, session);
    this.ids.set(session.sessionId, session);
    const p = this.players.get(session.playerId);
    if (p === undefined) this.players.set(session.playerId, session);
    else if (p instanceof Set) p.add(session);
    else if (p !== session) this.players.set(session.playerId, new Set([p, session]));
  }

  remove(session: Session): void {
    if (this.keys.get(session.key) === session) this.keys.delete(session.key);
    this.ids.delete(session.sessionId);
    const p = this.players.get(session.playerId);
    if (p === session) this.players.delete(session.playerId);
    else if (p instanceof Set && p.delete(session) && p.size === 1) {
      this.players.set(session.playerId, p.values().next().value as Session);
    }
  }

  values(): IterableIterator<Session> {
    return this.keys.values();
  }

  get size(): number {
    return this.keys.size;
  }
}
