/**
 * The Gateway: how game code reaches players (gateway.md), the netsvr command set reshaped
 * around sessions. Every call is async so that the same interface can be served locally (this
 * process), remotely (split mode, over a link) or by a cluster (Redis). Ids: playerId (from the
 * authenticator), sessionId (one per session), connId (one per connection; guests have only it).
 */
import type { DataNotify, PushOptions, SessionInfo } from "@tether/system/internal";

export type { DataNotify, SessionInfo };

import type { ServerLimits } from "./options.js";

/**
 * Push options of the Gateway: the session layer's PushOptions (reliable, compress, rev), whose
 * reliable default is true for every call but broadcast, which is best effort unless told.
 */
export type GatewayPushOptions = PushOptions;

/** One message of a bulk send: to a session or to every session of a player. */
export type BulkItem = (
  | { readonly sessionId: string; readonly playerId?: never }
  | { readonly playerId: number; readonly sessionId?: never }
) & {
  readonly msgId: number;
  readonly payload: Uint8Array;
  readonly options?: GatewayPushOptions;
};

export interface PublishItem {
  readonly topics: readonly string[];
  readonly msgId: number;
  readonly payload: Uint8Array;
  readonly options?: GatewayPushOptions;
}

export interface MetricsSnapshot {
  readonly connections: {
    readonly open: number;
    readonly opened: number;
    readonly refused: {
      readonly capacity: number;
      readonly rate: number;
      readonly origin: number;
      readonly hook: number;
      readonly draining: number;
      /** Sockets cut before their upgrade because maxPendingHandshakes were waiting. */
      readonly handshakeOverflow: number;
    };
  };
  readonly sessions: { readonly attached: number; readonly detached: number };
  readonly frames: { readonly in: number; readonly out: number };
  readonly bytes: { readonly in: number; readonly out: number };
  readonly pushes: { readonly reliable: number; readonly bestEffort: number; readonly replayed: number };
  readonly resumes: { readonly ok: number; readonly fullSync: number };
  readonly ring: { readonly entries: number; readonly bytes: number; readonly evicted: number };
  readonly closes: {
    readonly slowConsumer: number;
    readonly heartbeatTimeout: number;
    readonly authTimeout: number;
    readonly rateAbuse: number;
    /** Sockets cut for not upgrading within handshakeTimeoutMs. */
    readonly handshakeTimeout: number;
    /** Connections closed 1011 because an error escaped framework code. */
    readonly internalError: number;
  };
  readonly rejections: {
    readonly rateLimited: number;
    readonly backpressure: number;
    readonly authFailures: number;
    readonly protocolErrors: number;
    /** Requests refused BACKPRESSURE by maxQueuedRequestBytes. */
    readonly queuedRequestBytes: number;
    /** Queued requests dropped unstarted because their connection left. */
    readonly droppedQueuedRequests: number;
    /** Subscriptions refused by maxTopicNameBytes, maxTopicsPerSession and maxTopics. */
    readonly topicNameBytes: number;
    readonly topicsPerSession: number;
    readonly topics: number;
    /** Pushes refused: larger than the max_frame_bytes of the target's connection. */
    readonly pushesTooLarge: number;
  };
}

export interface Gateway {
  /** To one session. Resolves false when there is no such session. */
  send(sessionId: string, msgId: number, payload: Uint8Array, options?: GatewayPushOptions): Promise<boolean>;
  /** To every session of a player. Resolves with the number of sessions. */
  sendToPlayer(playerId: number, msgId: number, payload: Uint8Array, options?: GatewayPushOptions): Promise<number>;
  /** Many (target, msgId, payload) in one call. Resolves with the number of sessions reached. */
  sendBulk(items: readonly BulkItem[]): Promise<number>;
  /** One payload (stored and encoded once) to many sessions. */
  multicast(
    sessionIds: readonly string[],
    msgId: number,
    payload: Uint8Array,
    options?: GatewayPushOptions,
  ): Promise<number>;
  multicastToPlayers(
    playerIds: readonly number[],
    msgId: number,
    payload: Uint8Array,
    options?: GatewayPushOptions,
  ): Promise<number>;
  /** To every authenticated session. Best effort unless `reliable: true`. */
  broadcast(msgId: number, payload: Uint8Array, options?: GatewayPushOptions): Promise<number>;

  /** Topics belong to the session: they survive reconnects. */
  subscribe(sessionId: string, topics: readonly string[]): Promise<boolean>;
  unsubscribe(sessionId: string, topics: readonly string[]): Promise<boolean>;
  deleteTopics(topics: readonly string[]): Promise<void>;
  /** To every session of the topics; a session in two of them gets one copy. */
  publish(topics: readonly string[], msgId: number, payload: Uint8Array, options?: GatewayPushOptions): Promise<number>;
  publishBulk(items: readonly PublishItem[]): Promise<number>;

  /** Ends sessions: Disconnect 4501, close 4501. Resolves with the number ended. */
  kick(target: string | { readonly playerId: number }, reason?: string): Promise<number>;
  /** Closes a connection that has not authenticated, after `delayMs` (skipped if it does). */
  kickGuest(connId: string, delayMs?: number): Promise<void>;

  /** The players among `playerIds` with a connected session. */
  isOnline(playerIds: readonly number[]): Promise<number[]>;
  /** Players with a session (connected or within its TTL). */
  players(): Promise<number[]>;
  playerCount(): Promise<number>;
  sessions(): Promise<string[]>;
  sessionCount(): Promise<number>;
  connectionCount(): Promise<number>;
  topics(): Promise<string[]>;
  topicCount(): Promise<number>;
  /** sessionIds per topic. */
  topicMembers(topics: readonly string[]): Promise<Record<string, string[]>>;
  /** Distinct players per topic. */
  topicPlayerCount(topics: readonly string[]): Promise<Record<string, number>>;
  /** By sessionId; unknown ids are left out. */
  sessionInfo(sessionIds: readonly string[]): Promise<SessionInfo[]>;

  /** Merges `patch` into the session's data; with `notify`, pushes it in the same call. */
  setSessionData(sessionId: string, patch: Readonly<Record<string, string>>, notify?: DataNotify): Promise<boolean>;
  deleteSessionData(sessionId: string, keys: readonly string[], notify?: DataNotify): Promise<boolean>;

  metrics(): Promise<MetricsSnapshot>;
  limits(): Promise<ServerLimits>;
  /** Takes effect at once. Unknown names or bad values reject with InvalidOptionError. */
  setLimits(patch: Partial<ServerLimits>): Promise<ServerLimits>;
}
