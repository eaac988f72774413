/**
 * Gateway work on this node's own sessions and topics: what the local gateway does for targets
 * held here, and what it does when another node of the cluster asks (GatewayHere).
 */
import { CloseCode } from "@tether/protocol";
import {
  type GatewayHere,
  InvalidOptionError,
  type PushOptions,
  type Session,
  type SessionCall,
  type SessionEngine,
  type SessionInfo,
  type SessionRef,
  sessionDataProblem,
} from "@tether/system/internal";
import type { TopicIndex } from "./topics.js";

/** What the node's gateway work needs of the server. */
export interface HereHost {
  readonly engine: SessionEngine;
  readonly topics: TopicIndex;
  /** Closes a connection that has not authenticated, after `delayMs` (skipped if it does); false when it is not here. */
  kickGuest(connId: string, delayMs: number): boolean;
}

export function sessionInfo(s: Session): SessionInfo {
  return {
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
  };
}

export class NodeGateway implements GatewayHere {
  constructor(private readonly host: HereHost) {}

  /**
   * Runs a session call on `s` (held here). Subscribe resolves once the cluster delivers the
   * topics' publishes here.
   */
  run(s: Session, call: SessionCall): void | Promise<void> {
    const { engine, topics } = this.host;
    switch (call.kind) {
      case "subscribe":
        return topics.subscribe(s, call.topics);
      case "unsubscribe":
        topics.unsubscribe(s, call.topics);
        return;
      case "set-data": {
        if (typeof call.patch !== "object" || call.patch === null) {
          throw new InvalidOptionError("patch", "must be an object");
        }
        const entries = Object.entries(call.patch);
        const problem = sessionDataProblem(entries, s.data);
        if (problem !== undefined) throw new InvalidOptionError("patch", problem);
        for (const [k, v] of entries) s.data.set(k, v);
        break;
      }
      case "delete-data":
        for (const k of call.keys) s.data.delete(k);
        break;
    }
    const n = call.notify;
    if (n !== undefined) engine.pushMany([s], n.msgId, n.payload, n.options);
  }

  callHere(sessionId: string, call: SessionCall): boolean | Promise<boolean> {
    const s = this.host.engine.store.byId(sessionId);
    if (s === undefined || s.ended) return false;
    const done = this.run(s, call);
    return done === undefined ? true : done.then(() => true);
  }

  infoHere(sessionIds: readonly string[]): SessionInfo[] {
    const out: SessionInfo[] = [];
    for (const id of sessionIds) {
      const s = this.host.engine.store.byId(id);
      if (s !== undefined) out.push(sessionInfo(s));
    }
    return out;
  }

  publishHere(topics: readonly string[], msgId: number, payload: Uint8Array, options: PushOptions): number {
    return this.host.engine.pushMany(this.host.topics.sessionsOf(topics), msgId, payload, options);
  }

  deleteTopicsHere(topics: readonly string[]): void {
    this.host.topics.deleteTopics(topics);
  }

  sessionsHere(): SessionRef[] {
    const out: SessionRef[] = [];
    for (const s of this.host.engine.store.values()) out.push({ sessionId: s.sessionId, playerId: s.playerId });
    return out;
  }

  topicsOf(sessionId: string): readonly string[] {
    const s = this.host.engine.store.byId(sessionId);
    return s === undefined ? [] : [...s.topics];
  }

  kickGuestHere(connId: string, delayMs: number): void {
    this.host.kickGuest(connId, delayMs);
  }

  /** Ends a session held here (Disconnect and close 4501). */
  kick(s: Session, reason: string): void {
    const conn = s.connection;
    this.host.engine.endSession(s, "kicked");
    conn?.close(CloseCode.KICKED, reason);
  }
}
