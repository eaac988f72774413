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
  /** A set per player: removing one of a player's many sessions is O(1). */
  private readonly players = new Map<number, Set<Session>>();

  byKey(key: string): Session | undefined {
    return this.keys.get(key);
  }

  byId(sessionId: string): Session | undefined {
    return this.ids.get(sessionId);
  }

  byPlayer(playerId: number): readonly Session[] {
    const set = this.players.get(playerId);
    return set === undefined ? [] : [...set];
  }

  add(session: Session): void {
    const old = this.keys.get(session.key);
    if (old) this.remove(old);
    this.keys.set(session.key, session);
    this.ids.set(session.sessionId, session);
    const set = this.players.get(session.playerId);
    if (set) set.add(session);
    else this.players.set(session.playerId, new Set([session]));
  }

  remove(session: Session): void {
    if (this.keys.get(session.key) === session) this.keys.delete(session.key);
    this.ids.delete(session.sessionId);
    const set = this.players.get(session.playerId);
    if (set?.delete(session) && set.size === 0) this.players.delete(session.playerId);
  }

  values(): IterableIterator<Session> {
    return this.keys.values();
  }

  get size(): number {
    return this.keys.size;
  }
}
