/**
 * The cluster seam (cluster.md): what the session layer tells the cluster, and asks of it, when
 * sessions are created, attached, detached and ended, and when a Login or a Resume concerns a
 * session another node may hold. One node alone runs `localCluster`, which answers at once and
 * keeps nothing; `@tether/redis` implements it on Redis.
 */
import type { ClusterGateway, GatewayHere } from "./cluster-gateway.js";
import type { SessionEndReason } from "./hooks.js";
import type { Logger } from "./logger.js";
import type { PushOptions, RingEntry } from "./push-ring.js";
import type { Session } from "./session.js";
import type { SessionState } from "./session-state.js";

/** What a Resume for a session this node does not hold found in the cluster. */
export type TakeOver =
  /** No session for the key anywhere: a new one starts (NEED_FULL_SYNC). */
  | { readonly kind: "none" }
  /** Its owner handed it over: it continues here, replay intact. */
  | { readonly kind: "moved"; readonly state: SessionState }
  /**
   * Its owner is gone (or did not answer in time) and its pushes with it: it continues here
   * under the same sessionId, with NEED_FULL_SYNC; pushIds go on from `lastIssuedPushId`.
   */
  | { readonly kind: "lost"; readonly state: SessionState };

/** What a node holds, as it registers. */
export interface NodeCounts {
  readonly connections: number;
  readonly sessions: number;
  /** Sessions with a connection. */
  readonly attached: number;
}

/** What a Login found held elsewhere. */
export type LoginClaim = "claimed" | "conflict";

/** What the cluster may ask of this node. */
export interface ClusterHost {
  readonly logger: Logger;
  /** A detached session lives this long (the cluster's records live as long, and a little more). */
  readonly limits: { readonly sessionTtlMs: number };
  /**
   * Another node takes `sessionId` over: close its connection here (4500), let its running
   * requests finish, and forget it without ending it (no onSessionEnd). Undefined when this
   * node does not hold it.
   */
  handOff(sessionId: string): Promise<SessionState | undefined>;
  /**
   * A Login on another node replaced `sessionId`: close its connection (4500) and end it here.
   * False when this node does not hold it.
   */
  endReplaced(sessionId: string): boolean;
  /** Issues a push forwarded by another node to a session held here; false when it is not. */
  pushHere(sessionId: string, msgId: number, payload: Uint8Array, options: PushOptions): boolean;
  /** This node's own counts, registered with it (cluster totals are sums of live nodes'). */
  counts(): NodeCounts;
  /** A broadcast from another node's gateway to every session here; returns how many. */
  broadcastHere(msgId: number, payload: Uint8Array, options: PushOptions): number;
  /** Kicks a session held here for another node's gateway (4501); false when it is not here. */
  kickHere(sessionId: string, reason: string): boolean;
  /** Whether a connection of this node holds `sessionId` now. */
  isAttached(sessionId: string): boolean;
}

/** What a cluster has done, for `/metrics` (tether_cluster_*); labels are bounded. */
export interface ClusterStats {
  /** Whether Redis answers now. */
  readonly redisUp: boolean;
  /**
   * Sessions moved, by result: "handed" (the old owner handed it over), "from-log" (rebuilt
   * from the push log), "lost" (NEED_FULL_SYNC), "given" (this node handed one away).
   */
  readonly handoffs: Readonly<Record<string, number>>;
  /** Cross-node gateway calls by kind and result ("ok", "none", "busy", "refused"), keyed "kind result". */
  readonly calls: Readonly<Record<string, number>>;
  /** Pushes this node sent to, and took from, other nodes. */
  readonly forwardedPushes: { readonly sent: number; readonly taken: number };
  /** Durability "log": pushes appended to Redis, and trims of session logs. */
  readonly log: { readonly appends: number; readonly trims: number };
}

export interface Cluster extends ClusterGateway {
  /**
   * Joins the cluster before the node serves anyone. Resolves with the cluster's serverEpoch
   * (one for every node, so a resume elsewhere is not a different server), or undefined to
   * keep the node's own. `here` answers other nodes' gateway calls on this node's sessions.
   */
  start(host: ClusterHost, here: GatewayHere): Promise<{ readonly serverEpoch: string | undefined }>;
  /** What the cluster has done (undefined for one node). */
  stats(): ClusterStats | undefined;
  /**
   * Leaves the cluster, after the node closed its connections. For up to `handoffMs` it first
   * keeps answering handoffs, until the sessions it holds have moved to other nodes.
   */
  stop(handoffMs?: number): Promise<void>;
  /**
   * A Login is about to create `session` (not yet visible to anyone): claims its key
   * cluster-wide. A session of the key held by another node is ended there (its connection
   * closed with 4500) when `kick`; "conflict" when not and a connection holds it. Resolves once
   * the session's record is in the cluster, before LoginResp leaves.
   */
  claimLogin(session: Session, kick: boolean): LoginClaim | Promise<LoginClaim>;
  /** A Resume found no session for `key` here: takes it over from the node that holds it. */
  takeOver(key: string, playerId: number): TakeOver | Promise<TakeOver>;
  /**
   * A push to a session this node does not hold: its owner issues it. Resolves true once the
   * owner has taken it (a reliable push is in its ring), false when no node holds the session;
   * rejects with SERVER_BUSY when the owner cannot be reached in time (it may or may not have
   * taken it).
   */
  sendElsewhere(
    sessionId: string,
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): boolean | Promise<boolean>;
  attached(session: Session): void;
  detached(session: Session): void;
  ended(session: Session, reason: SessionEndReason): void;
  /** A push to every session of `playerId` held by other nodes; resolves with how many took it. */
  sendToPlayerElsewhere(
    playerId: number,
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): number | Promise<number>;
  /** A push to every session held by other live nodes (each encodes it once); resolves with how many. */
  broadcastElsewhere(msgId: number, payload: Uint8Array, options: PushOptions): number | Promise<number>;
  /** Ends sessions held by other nodes (Disconnect and close 4501); resolves with how many. */
  kickElsewhere(target: string | { readonly playerId: number }, reason: string): number | Promise<number>;
  /**
   * Counts of the whole cluster: this node's now plus every live node's last registered ones.
   * Undefined for one node (the gateway counts this node's own).
   */
  totals(): NodeCounts | Promise<NodeCounts> | undefined;
  /** The players among `playerIds` with a session attached on another live node. */
  onlineElsewhere(playerIds: readonly number[]): readonly number[] | Promise<readonly number[]>;
  /** A reliable push entered `session`'s ring (durability "log": it is appended to Redis). */
  logged(session: Session, entry: RingEntry): void;
  /** The client of `session` holds every push up to `session.lastAckedPushId`. */
  acked(session: Session): void;
  /**
   * Durable writes still on their way (durability "log"): the transport holds this turn's
   * socket writes until the promise resolves, so no client ever holds a push the log does not.
   * Undefined when nothing is pending.
   */
  barrier(): Promise<void> | undefined;
}

/** One node alone: nothing is held anywhere else. */
export const localCluster: Cluster = {
  start: () => Promise.resolve({ serverEpoch: undefined }),
  stop: () => Promise.resolve(),
  claimLogin: () => "claimed",
  takeOver: () => ({ kind: "none" }),
  sendElsewhere: () => false,
  sendToPlayerElsewhere: () => 0,
  kickElsewhere: () => 0,
  broadcastElsewhere: () => 0,
  totals: () => undefined,
  onlineElsewhere: () => [],
  attached: () => {},
  detached: () => {},
  ended: () => {},
  logged: () => {},
  acked: () => {},
  barrier: () => undefined,
  stats: () => undefined,
  callElsewhere: () => false,
  infoElsewhere: () => [],
  publishElsewhere: () => 0,
  deleteTopicsElsewhere: () => {},
  sessionsElsewhere: () => [],
  kickGuestElsewhere: () => {},
  topicsChanged: () => {},
  topicList: () => undefined,
  topicMembers: () => undefined,
};
