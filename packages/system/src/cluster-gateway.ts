/**
 * The gateway's half of the cluster seam (cluster.md, cross-node delivery): what a node's
 * gateway asks of the cluster for sessions, topics and queries beyond this node, and what this
 * node does when another node's gateway asks (GatewayHere). One node alone answers every
 * question with "nothing elsewhere" (`localCluster`).
 */
import type { PushOptions } from "./push-ring.js";
import type { Session } from "./session.js";

/** A push sent with a session-data change, in the same call. */
export interface DataNotify {
  readonly msgId: number;
  readonly payload: Uint8Array;
  readonly options?: PushOptions;
}

/** What `gateway.sessionInfo` tells of a session. */
export interface SessionInfo {
  readonly sessionId: string;
  readonly playerId: number;
  readonly deviceId: string | undefined;
  readonly sessionEpoch: number;
  readonly topics: readonly string[];
  readonly data: Readonly<Record<string, string>>;
  readonly connected: boolean;
  readonly connId: string | undefined;
  readonly remoteAddress: string | undefined;
  /** ms since the epoch. */
  readonly createdAt: number;
  readonly detachedAt: number | undefined;
  readonly lastAckedPushId: number;
  readonly lastIssuedPushId: number;
  readonly ringSize: number;
  readonly ringBytes: number;
}

/** A gateway call on one session, run by the node that holds it. */
export type SessionCall =
  | { readonly kind: "subscribe"; readonly topics: readonly string[] }
  | { readonly kind: "unsubscribe"; readonly topics: readonly string[] }
  | { readonly kind: "set-data"; readonly patch: Readonly<Record<string, string>>; readonly notify?: DataNotify }
  | { readonly kind: "delete-data"; readonly keys: readonly string[]; readonly notify?: DataNotify };

/** A session and its player, as the cluster-wide `players` and `sessions` queries see it. */
export interface SessionRef {
  readonly sessionId: string;
  readonly playerId: number;
}

/** What another node's gateway asks of this node (the server implements it). */
export interface GatewayHere {
  /**
   * Runs `call` on a session held here. False when it is not here; throws a TetherError when the
   * call is refused (a topic limit, bad session data). A subscribe resolves once the cluster's
   * publishes to its topics reach this node.
   */
  callHere(sessionId: string, call: SessionCall): boolean | Promise<boolean>;
  /** The info of those of `sessionIds` held here. */
  infoHere(sessionIds: readonly string[]): SessionInfo[];
  /** Pushes to this node's members of `topics` (one copy per session); returns how many. */
  publishHere(topics: readonly string[], msgId: number, payload: Uint8Array, options: PushOptions): number;
  /** Forgets `topics` here (their cluster-wide membership is gone already). */
  deleteTopicsHere(topics: readonly string[]): void;
  /** The sessions held here. */
  sessionsHere(): SessionRef[];
  /** The topics of a session held here (empty when it is not here). */
  topicsOf(sessionId: string): readonly string[];
  /** Closes a guest connection of this node after `delayMs`, if it has not authenticated by then. */
  kickGuestHere(connId: string, delayMs: number): void;
}

/** A change of a session's topics on this node, as the topic index reports it. */
export interface TopicChange {
  /** Undefined when topics were deleted (every member left them). */
  readonly session: Session | undefined;
  readonly joined: readonly string[];
  readonly left: readonly string[];
  /** Topics that got their first member on this node, and topics that lost their last one. */
  readonly opened: readonly string[];
  readonly closed: readonly string[];
  /** False when the session moved away (its membership is its new owner's to write) or the topics were deleted. */
  readonly owned: boolean;
  /**
   * The session has just arrived from another node, with its topics (reported in the step that
   * made it visible, even without topics).
   */
  readonly arrived?: boolean;
}

/** Members of topics cluster-wide, by topic. */
export type TopicMembers = Record<string, SessionRef[]>;

/** The gateway's calls on targets beyond this node (Cluster extends it). */
export interface ClusterGateway {
  /**
   * Runs `call` on a session another node holds (following it once if it moves meanwhile).
   * False when no live node holds it; rejects with the owner's refusal, or SERVER_BUSY.
   */
  callElsewhere(sessionId: string, call: SessionCall): boolean | Promise<boolean>;
  /** The info of those of `sessionIds` other live nodes hold. */
  infoElsewhere(sessionIds: readonly string[]): SessionInfo[] | Promise<SessionInfo[]>;
  /**
   * A publish to the members of `topics` on other nodes: crosses once per topic, each node
   * issues it once to its own members. Resolves with how many sessions took it.
   */
  publishElsewhere(
    topics: readonly string[],
    msgId: number,
    payload: Uint8Array,
    options: PushOptions,
  ): number | Promise<number>;
  /** Deletes `topics` cluster-wide (membership, and every node's local members). */
  deleteTopicsElsewhere(topics: readonly string[]): void | Promise<void>;
  /** Sessions held by other live nodes. */
  sessionsElsewhere(): readonly SessionRef[] | Promise<readonly SessionRef[]>;
  /** A guest connection that is not here: the node that has it closes it. */
  kickGuestElsewhere(connId: string, delayMs: number): void | Promise<void>;
  /**
   * This node's topic index changed: membership is written cluster-wide, and the node listens
   * to a topic while it has a member. Resolves once other nodes' publishes reach the joined
   * topics here.
   */
  topicsChanged(change: TopicChange): void | Promise<void>;
  /** Topics with a member anywhere; undefined for one node (the gateway reads its own index). */
  topicList(): readonly string[] | Promise<readonly string[]> | undefined;
  /** Members of `topics` on live nodes, this one included; undefined for one node. */
  topicMembers(topics: readonly string[]): TopicMembers | Promise<TopicMembers> | undefined;
}
