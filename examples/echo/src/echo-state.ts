/**
 * The conformance server's own game state: a revision counter per player (route 1007 and the
 * snapshot provider) and each session's notify records (routes 1012 and 1013). In memory on one
 * node; in cluster mode it lives in Redis (redis-echo-state.ts), so every node answers the same.
 */
import { tether } from "@tether/protocol/gen/echo";
import type { SnapshotProvider, SnapshotResult } from "@tether/system";

const echo = tether.echo;

export interface EchoState extends SnapshotProvider {
  /** Bumps a player's revision; resolves with the new one. */
  bump(playerId: number): Promise<number>;
  /** Records a notify text of a session. */
  note(sessionId: string, text: string): Promise<void>;
  /** A session's notify texts, oldest first. */
  notes(sessionId: string): Promise<string[]>;
  /** The session ended: its records go. */
  forget(sessionId: string): void;
}

export const counterSnapshot = (revision: number): SnapshotResult => ({
  serverStateRevision: revision,
  snapshot: echo.CounterSnapshot.encode({ revision }).finish(),
});

export class MemoryEchoState implements EchoState {
  private readonly revisions = new Map<number, number>();
  private readonly texts = new Map<string, string[]>();

  async bump(playerId: number): Promise<number> {
    const r = (this.revisions.get(playerId) ?? 0) + 1;
    this.revisions.set(playerId, r);
    return r;
  }

  snapshot(playerId: number): SnapshotResult {
    return counterSnapshot(this.revisions.get(playerId) ?? 0);
  }

  async note(sessionId: string, text: string): Promise<void> {
    const list = this.texts.get(sessionId) ?? [];
    list.push(text);
    this.texts.set(sessionId, list);
  }

  async notes(sessionId: string): Promise<string[]> {
    return this.texts.get(sessionId) ?? [];
  }

  forget(sessionId: string): void {
    this.texts.delete(sessionId);
  }
}
