/**
 * The names of the cluster's Redis keys and channels, all under one namespace. A player's keys
 * share a hash tag (`{<namespace>:p<playerId>}`), so on Redis Cluster the claim scripts, which
 * touch a session's record, its key index and its player's set together, run in one slot.
 */
export class Keys {
  constructor(readonly namespace: string) {}

  private tag(playerId: number): string {
    return `${this.namespace}:{${this.namespace}:p${playerId}}`;
  }

  /** Hash: the session's record (sessionId, key, owner, fence, attached, epoch...). */
  session(playerId: number, sessionId: string): string {
    return `${this.tag(playerId)}:s:${sessionId}`;
  }

  /** String: the sessionId of a session key (one session per player, or per device). */
  sessionKey(playerId: number, key: string): string {
    return `${this.tag(playerId)}:k:${key}`;
  }

  /** Stream: the session's reliable pushes, id `<pushId>-0` (durability "log"). */
  log(playerId: number, sessionId: string): string {
    return `${this.tag(playerId)}:log:${sessionId}`;
  }

  /** Set: the sessionIds of a player. */
  player(playerId: number): string {
    return `${this.tag(playerId)}:sessions`;
  }

  /** String: the player of a sessionId, so a session is found by its id alone. */
  sessionPlayer(sessionId: string): string {
    return `${this.namespace}:sid:${sessionId}`;
  }

  /** Hash with a TTL: a live node and its counts (at, connections, sessions, attached). */
  node(nodeId: string): string {
    return `${this.namespace}:node:${nodeId}`;
  }

  /** Set: every node id that registered (dead ones are those whose node key is gone). */
  get nodes(): string {
    return `${this.namespace}:nodes`;
  }

  /** String: the cluster's serverEpoch, set once by the first node. */
  get serverEpoch(): string {
    return `${this.namespace}:server-epoch`;
  }

  /** Counter: session epochs, cluster-wide. */
  get sessionEpochs(): string {
    return `${this.namespace}:session-epochs`;
  }

  /** Topic keys share one hash tag, so the membership scripts run in one slot. */
  private get topicTag(): string {
    return `${this.namespace}:{${this.namespace}:topics}`;
  }

  /** Hash: a topic's members, sessionId -> "<owner node>|<playerId>". */
  topicMembers(topic: string): string {
    return `${this.topicTag}:t:${topic}`;
  }

  /** Hash: every topic with a member -> its member count. */
  get topicCounts(): string {
    return `${this.topicTag}:all`;
  }

  /** Hash: the topics a node has members of -> how many. */
  nodeTopics(nodeId: string): string {
    return `${this.topicTag}:n:${nodeId}`;
  }

  /** Pub/sub channel: publishes to a topic, heard by the nodes with members of it. */
  topicChannel(topic: string): string {
    return `${this.namespace}:topic:${topic}`;
  }

  /** Pub/sub channel: broadcasts, heard by every node. */
  get broadcastChannel(): string {
    return `${this.namespace}:broadcast`;
  }

  /** Pub/sub channel: messages directed to one node. */
  nodeChannel(nodeId: string): string {
    return `${this.namespace}:to:${nodeId}`;
  }
}
